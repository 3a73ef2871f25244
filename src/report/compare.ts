/**
 * The fidelity check: a dataset's label statistics against a reference label set (e.g. real
 * KITTI), statistic by statistic. Distances between distributions (KS, Wasserstein-1) and
 * differences of proportions, means, variances and correlations; each difference is ours
 * minus the reference.
 */
import type { LabelStats } from './labelStats.js';
import { DIFFICULTIES } from './labelStats.js';
import { ksStatistic } from './ks.js';
import { correlation, mean, variance } from './moments.js';
import { wasserstein1 } from './wasserstein.js';

/** The per-object quantities compared, with their unit. */
export const COMPARED = [
  { key: 'heightsPx', name: '2D box height', unit: 'px' },
  { key: 'areasPx', name: '2D box area', unit: 'px²' },
  { key: 'occlusion', name: 'occlusion level', unit: '0-3' },
  { key: 'truncation', name: 'truncation', unit: '0-1' },
] as const;

type ComparedKey = (typeof COMPARED)[number]['key'];

export interface DistributionDistance {
  statistic: string;
  unit: string;
  ks: number;
  wasserstein1: number;
  mean: number;
  refMean: number;
  variance: number;
  refVariance: number;
}

export interface ShareDifference {
  name: string;
  share: number;
  refShare: number;
  difference: number;
}

export interface CorrelationDifference {
  pair: string;
  value: number;
  ref: number;
  difference: number;
}

export interface Comparison {
  distributions: DistributionDistance[];
  classes: ShareDifference[];
  difficulty: ShareDifference[];
  correlations: CorrelationDifference[];
}

function shares(names: readonly string[], counts: Record<string, number>, total: number): number[] {
  return names.map((n) => (total > 0 ? (counts[n] ?? 0) / total : NaN));
}

function shareDifferences(names: string[], ours: Record<string, number>, ref: Record<string, number>): ShareDifference[] {
  const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
  const a = shares(names, ours, sum(ours));
  const b = shares(names, ref, sum(ref));
  return names.map((name, i) => ({ name, share: a[i], refShare: b[i], difference: a[i] - b[i] }));
}

export function compareLabelStats(ours: LabelStats, ref: LabelStats): Comparison {
  const distributions = COMPARED.map(({ key, name, unit }) => ({
    statistic: name,
    unit,
    ks: ksStatistic(ours[key], ref[key]),
    wasserstein1: wasserstein1(ours[key], ref[key]),
    mean: mean(ours[key]),
    refMean: mean(ref[key]),
    variance: variance(ours[key]),
    refVariance: variance(ref[key]),
  }));
  const classNames = [...new Set([...Object.keys(ours.classCounts), ...Object.keys(ref.classCounts)])].sort();
  const correlations: CorrelationDifference[] = [];
  for (let i = 0; i < COMPARED.length; i++) {
    for (let j = i + 1; j < COMPARED.length; j++) {
      const a: ComparedKey = COMPARED[i].key;
      const b: ComparedKey = COMPARED[j].key;
      const value = correlation(ours[a], ours[b]);
      const refValue = correlation(ref[a], ref[b]);
      correlations.push({ pair: `${COMPARED[i].name} × ${COMPARED[j].name}`, value, ref: refValue, difference: value - refValue });
    }
  }
  return {
    distributions,
    classes: shareDifferences(classNames, ours.classCounts, ref.classCounts),
    difficulty: shareDifferences([...DIFFICULTIES], ours.difficulty, ref.difficulty),
    correlations,
  };
}

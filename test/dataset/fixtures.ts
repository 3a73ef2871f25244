/** Small scenarios and dataset comparisons for the run tests. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A short street scene: the ego follows a car, a pedestrian crosses; 3 s simulated. */
export const STREET_YAML = `
version: 1
name: run test street
parameters:
  pedSpeedMps: { uniform: [1.0, 2.0] }
  leadSpeedMps: { uniform: [6, 9] }
  rain: { uniform: [0, 1] }
simulation: { durationS: 3, dtS: 0.02 }
road:
  lanes: { forward: 1, backward: 1, widthM: 3.5 }
  sidewalks: { left: true, right: true, widthM: 2 }
  blocks: [{ kind: straight, lengthM: 120 }]
weather: { rain: $rain }
ego:
  place: { lane: 1, s: 5 }
  speedMps: 8
  behaviours: [{ do: keepLane, speedMps: 8 }]
actors:
  - id: lead
    kind: car
    place: { lane: 1, s: 25 }
    speedMps: $leadSpeedMps
    behaviours: [{ do: keepLane, speedMps: $leadSpeedMps }]
  - id: walker
    kind: pedestrian
    place: { lane: sidewalk-right, s: 30 }
    behaviours: [{ do: cross, speedMps: $pedSpeedMps, trigger: { atS: 0.5 } }]
`;

/** Half of the samples break the requirement at their only try, so they fail. */
export const HALF_FAILING_YAML = STREET_YAML.replace('simulation:', 'requires: ["pedSpeedMps > 1.5"]\nsweep: { maxTries: 1 }\nsimulation:');

export function writeScenario(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Every file under `dir` (relative path -> bytes), except those the filter rejects. */
export function snapshot(dir: string, keep: (rel: string) => boolean = () => true): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const rel = relative(dir, abs);
        if (keep(rel)) out.set(rel, readFileSync(abs));
      }
    }
  };
  walk(dir);
  return out;
}

/** Label and index files: what must be byte-identical between equivalent runs. */
export function isLabelFile(rel: string): boolean {
  return /^(kitti|labels|cameras|records)\//.test(rel) || ['manifest.jsonl', 'coco.json', 'train.txt', 'failures.jsonl'].includes(rel);
}

/** Names of files that differ between two snapshots (or exist in one only). */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

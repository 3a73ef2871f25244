/**
 * Plotly figure specs (data + layout as plain JSON) for the report page. Histograms are binned
 * here, with the same edges for the dataset and its reference, so the page only draws.
 */
import { equalEdges, histogram } from './histogram.js';
import type { ParameterCoverage, PairCoverage } from './collectReport.js';

/** A Plotly figure: traces and layout, exactly as Plotly.newPlot takes them. */
export interface PlotSpec {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

export const OURS_COLOUR = '#2f6fb3';
export const REFERENCE_COLOUR = '#e07b39';
export const DECLARED_COLOUR = '#222222';

const FONT = { family: 'Inter, "Segoe UI", Helvetica, Arial, sans-serif', size: 12, color: '#27313d' };

function layout(title: string, xTitle: string, yTitle: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { text: title, font: { size: 14 }, x: 0.02, xanchor: 'left' },
    font: FONT,
    margin: { l: 58, r: 16, t: 40, b: 52 },
    height: 300,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#ffffff',
    xaxis: { title: { text: xTitle }, gridcolor: '#e6e9ee', zeroline: false, automargin: true },
    yaxis: { title: { text: yTitle }, gridcolor: '#e6e9ee', zeroline: false, rangemode: 'tozero', automargin: true },
    legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.12, bgcolor: 'rgba(0,0,0,0)' },
    bargap: 0.08,
    ...extra,
  };
}

export interface Series {
  name: string;
  values: readonly number[];
  colour: string;
}

/** Bars per category; with several series, side by side. `shares` shows each series as fractions of its total. */
export function barChart(title: string, labels: readonly string[], series: readonly Series[], opts: { xTitle?: string; shares?: boolean; colours?: readonly string[] } = {}): PlotSpec {
  const data = series.map((s) => {
    const total = s.values.reduce((a, b) => a + b, 0);
    const y = opts.shares ? s.values.map((v) => (total > 0 ? v / total : 0)) : [...s.values];
    return {
      type: 'bar',
      name: s.name,
      x: [...labels],
      y,
      marker: { color: opts.colours && series.length === 1 ? [...opts.colours] : s.colour, line: { color: '#5a6572', width: opts.colours ? 0.6 : 0 } },
      text: s.values.map(String),
      hovertemplate: `%{x}: %{y${opts.shares ? ':.1%' : ''}} (%{text})<extra>${s.name}</extra>`,
    };
  });
  return { data, layout: layout(title, opts.xTitle ?? '', opts.shares ? 'share' : 'count', { showlegend: series.length > 1, yaxis: { gridcolor: '#e6e9ee', rangemode: 'tozero', tickformat: opts.shares ? '.0%' : undefined, title: { text: opts.shares ? 'share' : 'count' } } }) };
}

export interface SampleSeries {
  name: string;
  values: readonly number[];
  colour: string;
}

/**
 * Histogram of raw samples on shared edges. `log` bins log10 of the values (for areas spanning
 * orders of magnitude); several series are shown as shares so different sizes compare.
 */
export function histogramChart(title: string, xTitle: string, series: readonly SampleSeries[], opts: { bins?: number; log?: boolean; edges?: number[] } = {}): PlotSpec {
  const tf = (v: number): number => (opts.log ? Math.log10(Math.max(v, 1)) : v);
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) for (const v of s.values) {
    const t = tf(v);
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!Number.isFinite(min)) return { data: [], layout: layout(`${title} (no data)`, xTitle, 'count') };
  const edges = opts.edges ?? equalEdges(min, max, opts.bins ?? 30);
  const shares = series.length > 1;
  const data = series.map((s) => {
    const h = histogram(s.values.map(tf), edges);
    const total = s.values.length;
    const centres = edges.slice(0, -1).map((e, i) => (e + edges[i + 1]) / 2);
    const x = opts.log ? centres.map((c) => 10 ** c) : centres;
    return {
      type: 'bar',
      name: s.name,
      x,
      y: shares ? h.counts.map((c) => (total > 0 ? c / total : 0)) : h.counts,
      width: opts.log ? undefined : edges.slice(0, -1).map((e, i) => (edges[i + 1] - e) * (shares ? 0.45 : 0.92)),
      marker: { color: s.colour, opacity: 0.85 },
      hovertemplate: `%{x:.3~g}: %{y${shares ? ':.1%' : ''}}<extra>${s.name}</extra>`,
    };
  });
  return {
    data,
    layout: layout(title, xTitle, shares ? 'share' : 'count', {
      barmode: 'group',
      showlegend: series.length > 1,
      xaxis: { title: { text: xTitle }, type: opts.log ? 'log' : 'linear', gridcolor: '#e6e9ee', zeroline: false },
      yaxis: { title: { text: shares ? 'share' : 'count' }, gridcolor: '#e6e9ee', rangemode: 'tozero', tickformat: shares ? '.0%' : undefined },
    }),
  };
}

/** A swept parameter: share of instances per level or bin, against what its declared distribution gives. */
export function coverageChart(p: ParameterCoverage): PlotSpec {
  const total = p.counts.reduce((a, b) => a + b, 0);
  const data: Record<string, unknown>[] = [
    {
      type: 'bar',
      name: 'drawn',
      x: p.labels,
      y: p.counts.map((c) => (total > 0 ? c / total : 0)),
      text: p.counts.map(String),
      marker: { color: OURS_COLOUR, opacity: 0.85 },
      hovertemplate: '%{x}: %{y:.1%} (%{text} instances)<extra>drawn</extra>',
    },
  ];
  if (p.declared) {
    data.push({
      type: 'scatter',
      mode: p.labels.length > 1 ? 'lines+markers' : 'markers',
      line: { shape: 'hvh', color: DECLARED_COLOUR, width: 2 },
      marker: { color: DECLARED_COLOUR, size: 6 },
      name: 'declared',
      x: p.labels,
      y: p.declared,
      hovertemplate: '%{x}: %{y:.1%}<extra>declared</extra>',
    });
  }
  const short = p.key.length > 38 ? `…${p.key.slice(-37)}` : p.key;
  return {
    data,
    layout: layout(short, p.declaredAs ?? 'derived parameter (no distribution of its own)', 'share of instances', {
      height: 260,
      margin: { l: 58, r: 12, t: 40, b: 64 },
      xaxis: { type: 'category', tickangle: p.labels.length > 6 ? -35 : 0, gridcolor: '#e6e9ee', title: { text: p.declaredAs ?? 'derived parameter', font: { size: 11, color: '#6b7682' } } },
      yaxis: { tickformat: '.0%', rangemode: 'tozero', gridcolor: '#e6e9ee' },
    }),
  };
}

/** Instances per cell of two parameters; empty reachable cells are marked with a cross. */
export function heatmapChart(pair: PairCoverage): PlotSpec {
  const emptyX = pair.empty.map((c) => c.x);
  const emptyY = pair.empty.map((c) => c.y);
  return {
    data: [
      {
        type: 'heatmap',
        x: pair.xLabels,
        y: pair.yLabels,
        z: pair.counts,
        colorscale: [[0, '#f3f6fa'], [0.001, '#cfe0f3'], [1, '#14467e']],
        hovertemplate: `${pair.x} %{x}<br>${pair.y} %{y}<br>%{z} instances<extra></extra>`,
        colorbar: { thickness: 10, title: { text: 'n', side: 'right' } },
        xgap: 2,
        ygap: 2,
      },
      {
        type: 'scatter',
        mode: 'markers',
        x: emptyX,
        y: emptyY,
        marker: { symbol: 'x-thin', size: 12, line: { width: 2, color: '#c0392b' } },
        name: 'empty',
        hovertemplate: 'empty cell<extra></extra>',
        showlegend: false,
      },
    ],
    layout: layout(`${short(pair.x)} × ${short(pair.y)}`, pair.x, pair.y, {
      height: 320,
      xaxis: { type: 'category', title: { text: short(pair.x, 40) }, tickangle: pair.xLabels.length > 4 ? -30 : 0 },
      yaxis: { type: 'category', title: { text: short(pair.y, 30) } },
      margin: { l: 90, r: 16, t: 40, b: 70 },
    }),
  };
}

function short(key: string, max = 24): string {
  return key.length > max ? `…${key.slice(-(max - 1))}` : key;
}

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

/** The layout every report plot shares. */
export function plotLayout(title: string, xTitle: string, yTitle: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
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
export function barChart(
  title: string,
  labels: readonly string[],
  series: readonly Series[],
  opts: { xTitle?: string; shares?: boolean; colours?: readonly string[] } = {},
): PlotSpec {
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
  return {
    data,
    layout: plotLayout(title, opts.xTitle ?? '', opts.shares ? 'share' : 'count', {
      showlegend: series.length > 1,
      yaxis: { gridcolor: '#e6e9ee', rangemode: 'tozero', tickformat: opts.shares ? '.0%' : undefined, title: { text: opts.shares ? 'share' : 'count' } },
    }),
  };
}

const fmtEdge = (v: number): string => String(Number(v.toPrecision(3)));

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
  for (const s of series)
    for (const v of s.values) {
      const t = tf(v);
      if (t < min) min = t;
      if (t > max) max = t;
    }
  if (!Number.isFinite(min)) return { data: [], layout: plotLayout(`${title} (no data)`, xTitle, 'count') };
  const edges = opts.edges ?? equalEdges(min, max, opts.bins ?? 30);
  const shares = series.length > 1;
  const data = series.map((s) => {
    const h = histogram(s.values.map(tf), edges);
    const total = s.values.length;
    const centres = edges.slice(0, -1).map((e, i) => (e + edges[i + 1]) / 2);
    return {
      type: 'bar',
      name: s.name,
      x: centres,
      y: shares ? h.counts.map((c) => (total > 0 ? c / total : 0)) : h.counts,
      width: edges.slice(0, -1).map((e, i) => (edges[i + 1] - e) * (shares ? 0.45 : 0.92)),
      customdata: edges.slice(0, -1).map((e, i) => `${fmtEdge(opts.log ? 10 ** e : e)}..${fmtEdge(opts.log ? 10 ** edges[i + 1] : edges[i + 1])}`),
      marker: { color: s.colour, opacity: 0.85 },
      hovertemplate: `%{customdata}: %{y${shares ? ':.1%' : ''}}<extra>${s.name}</extra>`,
    };
  });
  // Log data is binned as log10 on a linear axis (Plotly's log axis draws bar widths badly); ticks name the powers of ten.
  const decades = opts.log ? Array.from({ length: Math.floor(edges[edges.length - 1]) - Math.ceil(edges[0]) + 1 }, (_, i) => Math.ceil(edges[0]) + i) : [];
  const logTicks = opts.log ? { tickvals: decades, ticktext: decades.map((d) => (10 ** d).toLocaleString('en-US')) } : {};
  return {
    data,
    layout: plotLayout(title, xTitle, shares ? 'share' : 'count', {
      barmode: 'group',
      showlegend: series.length > 1,
      xaxis: { title: { text: xTitle }, gridcolor: '#e6e9ee', zeroline: false, ...logTicks },
      yaxis: { title: { text: shares ? 'share' : 'count' }, gridcolor: '#e6e9ee', rangemode: 'tozero', tickformat: shares ? '.0%' : undefined },
    }),
  };
}

/** A swept parameter: share of instances per level or bin, against what its declared distribution gives. */
export function coverageChart(p: ParameterCoverage): PlotSpec {
  const total = p.counts.reduce((a, b) => a + b, 0);
  const edges = p.edges;
  // Binned parameters sit on a numeric axis (bars span their bins); levels on a category axis.
  const x: (string | number)[] = edges ? edges.slice(0, -1).map((e, i) => (e + edges[i + 1]) / 2) : p.labels;
  const data: Record<string, unknown>[] = [
    {
      type: 'bar',
      name: 'drawn',
      x,
      y: p.counts.map((c) => (total > 0 ? c / total : 0)),
      width: edges ? edges.slice(0, -1).map((e, i) => (edges[i + 1] - e) * 0.92) : undefined,
      customdata: p.labels.map((l, i) => `${l}: ${p.counts[i]} instance${p.counts[i] === 1 ? '' : 's'}`),
      marker: { color: OURS_COLOUR, opacity: 0.85 },
      hovertemplate: '%{customdata} (%{y:.1%})<extra>drawn</extra>',
    },
  ];
  if (p.declared) {
    data.push({
      type: 'scatter',
      mode: edges ? 'lines' : 'lines+markers',
      line: { shape: edges ? 'hvh' : 'linear', color: DECLARED_COLOUR, width: 2 },
      marker: { color: DECLARED_COLOUR, size: 6 },
      name: 'declared',
      x,
      y: p.declared,
      customdata: p.labels,
      hovertemplate: '%{customdata}: %{y:.1%}<extra>declared</extra>',
    });
  }
  const title = p.key.length > 38 ? `…${p.key.slice(-37)}` : p.key;
  const note = p.declaredAs ?? 'derived from other parameters';
  return {
    data,
    layout: plotLayout(title, note, 'share of instances', {
      height: 250,
      margin: { l: 52, r: 12, t: 40, b: 56 },
      xaxis: {
        type: edges ? 'linear' : 'category',
        gridcolor: '#e6e9ee',
        zeroline: false,
        title: { text: note.length > 60 ? `${note.slice(0, 57)}…` : note, font: { size: 11, color: '#6b7682' } },
      },
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
        zmin: 0,
        colorscale: [
          [0, '#f3f6fa'],
          [0.001, '#cfe0f3'],
          [1, '#14467e'],
        ],
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
    layout: plotLayout(`${short(pair.x)} × ${short(pair.y)}`, pair.x, pair.y, {
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

/**
 * The report page: one self-contained HTML file (Plotly's minified script inlined, no network),
 * drawn from ReportData. Plots for looking, tables for the exact numbers.
 */
import { coverageBeforeAfterChart, criticalityChart, weightChart } from './searchReport.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReportData } from './collectReport.js';
import { COLOUR_FAMILIES } from './colourName.js';
import { barChart, coverageChart, heatmapChart, histogramChart, OURS_COLOUR, REFERENCE_COLOUR } from './plots.js';
import type { PlotSpec, SampleSeries, Series } from './plots.js';

/** Plotly's minified bundle, read once from the installed package. */
export function plotlyScript(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('plotly.js-dist-min'), 'utf8');
}

const FITZPATRICK: Readonly<Record<string, string>> = { I: '#f6d7c3', II: '#e8b996', III: '#d19f78', IV: '#a9774f', V: '#7b4f32', VI: '#4a2f1f' };

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that is safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const fmt = (v: number | null | undefined, digits = 3): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('en-US', { maximumSignificantDigits: digits });
const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');
const signedPct = (v: number): string => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} pp` : '–');

class Page {
  readonly plots: { id: string; spec: PlotSpec }[] = [];
  plot(spec: PlotSpec, wide = false): string {
    const id = `plot${this.plots.length}`;
    this.plots.push({ id, spec });
    return `<div class="card${wide ? ' wide' : ''}"><div id="${id}" class="plot"></div></div>`;
  }
}

function table(header: string[], rows: string[][], cls = ''): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function stat(label: string, value: string, tone = ''): string {
  return `<div class="stat ${tone}"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

function recordSeries(rec: Record<string, number>, name: string, colour: string, keys: readonly string[]): Series {
  return { name, values: keys.map((k) => rec[k] ?? 0), colour };
}

function labelSection(d: ReportData, page: Page): string {
  const classKeys = Object.keys(d.classes);
  const parts = [page.plot(barChart('Objects per class (visible in at least one pixel)', classKeys, [recordSeries(d.classes, 'objects', OURS_COLOUR, classKeys)]))];
  const l = d.labels;
  if (l) {
    const ref = d.reference?.labels;
    const both = (key: 'heightsPx' | 'areasPx' | 'occlusion' | 'truncation'): SampleSeries[] => [
      { name: 'this dataset', values: l[key], colour: OURS_COLOUR },
      ...(ref ? [{ name: 'reference', values: ref[key], colour: REFERENCE_COLOUR }] : []),
    ];
    const diffKeys = ['easy', 'moderate', 'hard', 'ignored'];
    const diffSeries = [recordSeries(l.difficulty, 'this dataset', OURS_COLOUR, diffKeys), ...(ref ? [recordSeries(ref.difficulty, 'reference', REFERENCE_COLOUR, diffKeys)] : [])];
    parts.push(
      page.plot(
        barChart('KITTI difficulty', diffKeys, diffSeries, { shares: true, xTitle: 'easy ≥40 px, occl. 0, trunc. ≤0.15 · moderate ≥25 px, ≤1, ≤0.3 · hard ≥25 px, ≤2, ≤0.5' }),
      ),
    );
    parts.push(page.plot(histogramChart('2D box height', 'height [px]', both('heightsPx'), { bins: 30 })));
    parts.push(page.plot(histogramChart('2D box area', 'area [px²], log scale', both('areasPx'), { bins: 30, log: true })));
    const levels = ['0 visible', '1 partly', '2 largely', '3 unknown'];
    const occlusionSeries = (values: readonly number[], name: string, colour: string): Series => ({
      name,
      colour,
      values: [0, 1, 2, 3].map((k) => values.filter((v) => v === k).length),
    });
    parts.push(
      page.plot(
        barChart(
          'Occlusion level',
          levels,
          [occlusionSeries(l.occlusion, 'this dataset', OURS_COLOUR), ...(ref ? [occlusionSeries(ref.occlusion, 'reference', REFERENCE_COLOUR)] : [])],
          { shares: ref !== undefined, xTitle: 'KITTI occluded field' },
        ),
      ),
    );
    parts.push(
      page.plot(histogramChart('Truncation', 'fraction outside the image', both('truncation'), { edges: [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] })),
    );
  }
  return `<section><h2>Labels</h2><p class="lede">${l ? `${l.objects} labeled objects in ${l.frames} frames (${l.dontCare} DontCare regions not counted), from ${escapeHtml(l.source)}.` : 'No box labels.'}</p><div class="grid">${parts.join('')}</div></section>`;
}

function coverageSection(d: ReportData, page: Page): string {
  if (d.parameters.length === 0) return '<section><h2>Parameter coverage</h2><p class="lede">No parameter varies in this dataset.</p></section>';
  const charts = d.parameters.map((p) => page.plot(coverageChart(p))).join('');
  const heatmaps = d.pairs.map((p) => page.plot(heatmapChart(p))).join('');
  const emptyRows = d.pairs.flatMap((p) =>
    p.empty.slice(0, 12).map((c) => [escapeHtml(p.x), escapeHtml(c.x), escapeHtml(p.y), escapeHtml(c.y), c.expected === null ? '–' : pct(c.expected)]),
  );
  const summaryRows = d.pairs.map((p) => [escapeHtml(p.x), escapeHtml(p.y), pct(p.covered), String(p.empty.length)]);
  return `<section><h2>Parameter coverage</h2>
<p class="lede">Each swept parameter of the scenario: the share of instances in each level or bin (bars) against the share its declared distribution gives (line). Then pairs of parameters: instances per cell, empty reachable cells crossed out.</p>
<div class="grid three">${charts}</div>
<h3>Pairwise coverage</h3><div class="grid">${heatmaps}</div>
<div class="grid"><div class="card">${table(['parameter x', 'parameter y', 'cells covered', 'empty cells'], summaryRows)}</div>
<div class="card"><h4>Empty cells</h4><p class="small">Reachable cells no instance fell in (at most 12 per pair shown). Expected share assumes independent parameters; requirements in the scenario may rule some cells out.</p><div class="scroll">${emptyRows.length ? table(['x', 'bin', 'y', 'bin', 'expected share'], emptyRows, 'compact') : '<p>None: every reachable cell holds at least one instance.</p>'}</div></div></div></section>`;
}

/** Does the dataset show what its scenario is about: per scenario and per clip. */
function focusSection(d: ReportData): string {
  const f = d.focus;
  if (!f || f.scenarios.length === 0) return '<section><h2>Focus</h2><p class="lede">No frames.</p></section>';
  const parts: string[] = [];
  for (const s of f.scenarios) {
    if (s.focusActors.length === 0) {
      parts.push(`<p class="lede"><code>${escapeHtml(s.scenarioFile)}</code> declares no focus, so no frame can be said to show it.</p>`);
      continue;
    }
    parts.push(
      `<h3>${escapeHtml(s.scenarioFile)}: ${escapeHtml(s.focusActors.join(', '))}</h3><div class="stats">${[
        stat('frames with the focus labeled', `${s.framesFocusLabeled} of ${s.frames} (${pct(s.labeledShare)})`, s.labeledShare < 0.8 ? 'warn' : ''),
        stat('clips that never label it', `${s.clipsWithoutFocus} of ${s.clips}`, s.clipsWithoutFocus > 0 ? 'warn' : ''),
        stat('mean occlusion', fmt(s.occlusion.mean, 2)),
        stat('mean contrast', fmt(s.contrast.mean, 2)),
        stat('median box height [px]', fmt(s.heightPx.median, 3)),
        stat('smallest box height [px]', fmt(s.heightPx.min, 3)),
      ].join('')}</div>`,
    );
  }
  const rows = f.warnings.map((w) => [String(w.sampleIndex), `<code>${escapeHtml(w.instanceHash.slice(0, 12))}</code>`, escapeHtml(w.reason)]);
  const warn = rows.length
    ? `<h3>Clips that never label the focus</h3><div class="card wide">${table(['sample', 'instance hash', 'why'], rows)}</div>`
    : '<p class="small">Every clip labels its focus in at least one frame.</p>';
  return `<section><h2>Focus</h2><p class="lede">What the scenario is about (its focus actors) and how often the frames show it: a frame counts when a focus actor is labeled (visible pixels, not flagged low-visibility, so no DontCare). Occlusion, contrast and box height are over the focus objects with visible pixels; the list is also in focus-warnings.jsonl.</p>${parts.join('')}${warn}</section>`;
}

function criticalitySection(d: ReportData, page: Page): string {
  const c = d.criticality;
  const stats = [
    stat('instances', String(c.instances)),
    stat('with a collision', `${c.withCollision} (${pct(c.instances ? c.withCollision / c.instances : NaN)})`, c.withCollision ? 'warn' : ''),
    stat('near misses', `${c.nearMisses} (${pct(c.instances ? c.nearMisses / c.instances : NaN)})`),
    stat('never closed in (no TTC)', String(c.neverClosedIn)),
  ].join('');
  // Only what varies between instances; constants would repeat on every row.
  const swept = new Set(d.parameters.map((p) => p.key));
  const rows = c.worst.map((w) => [
    String(w.sampleIndex),
    `<code>${escapeHtml(w.instanceHash.slice(0, 12))}</code>`,
    fmt(w.minTtcS),
    fmt(w.minDistanceM),
    String(w.collisions),
    w.nearMiss ? 'yes' : '',
    `${w.focusFrames} of ${w.frames}`,
    `<span class="params">${escapeHtml(
      Object.entries(w.parameters)
        .filter(([k]) => swept.has(k))
        .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v, 4) : String(v)}`)
        .join(', '),
    )}</span>`,
  ]);
  return `<section><h2>Criticality</h2><div class="stats">${stats}</div>
<div class="grid">${page.plot(histogramChart('Minimum time to collision per instance', 'min TTC [s]', [{ name: 'instances', values: c.minTtcS, colour: '#b5443a' }], { bins: 25 }))}
${page.plot(histogramChart('Minimum distance per instance', 'min distance [m]', [{ name: 'instances', values: c.minDistanceM, colour: '#8a5bb0' }], { bins: 25 }))}</div>
<h3>Most critical instances</h3><p class="small">Collisions first, then smallest TTC, then smallest distance; parameters that vary in the sweep. Re-make one with <code>roadsynth sample ${escapeHtml(d.dataset.scenarioFile)} --index N --seed ${d.dataset.seed} --design ${escapeHtml(d.dataset.design)}</code>.</p>
<div class="card wide">${table(['sample', 'instance hash', 'min TTC [s]', 'min dist. [m]', 'collisions', 'near miss', 'focus labeled', 'parameters'], rows, 'worst')}</div></section>`;
}

function searchReportSection(d: ReportData, page: Page): string {
  const s = d.search;
  if (!s) return '';
  const weighted = `Each instance carries its importance weight (manifest.jsonl and COCO images, "weight"): its density under the declared distributions over that of the proposal that drew it. Weighted sums estimate what the declared distribution would give; see docs/search.md.`;
  if (s.design === 'coverage' && s.coverage) {
    const c = s.coverage;
    const stats = [
      stat('grid cells', String(c.cells)),
      stat('filled before (as many random draws)', pct(c.before)),
      stat('filled after', pct(c.after), c.reached ? '' : 'warn'),
      stat('target', pct(c.target)),
      stat('infeasible cells', String(c.infeasible), c.infeasible ? 'warn' : ''),
    ].join('');
    return `<section><h2>Coverage design</h2><p class="lede">The instances were chosen by <code>roadsynth search --design coverage</code> (seed ${s.seed}) to fill the empty cells of a grid over ${escapeHtml(c.keys.join(' x '))}, one instance per cell. ${escapeHtml(weighted)}</p><div class="stats">${stats}</div>
<div class="grid">${page.plot(coverageBeforeAfterChart(c))}${page.plot(weightChart(s))}</div></section>`;
  }
  const stats = [
    stat('rollouts', String(s.rollouts)),
    stat('with a collision', String(s.collisions), s.collisions ? 'warn' : ''),
    stat('first collision after', s.firstCollisionAt === null ? 'none' : `${s.firstCollisionAt} rollouts`),
    stat('instances kept', String(s.weights.length)),
    stat('effective sample size', fmt(s.effectiveSampleSize, 3)),
  ].join('');
  return `<section><h2>Search</h2><p class="lede">The instances are the most critical of ${s.rollouts} physics-only rollouts chosen by <code>roadsynth search</code> (method ${escapeHtml(s.method ?? '')}, objective ${escapeHtml(s.objective ?? '')}, seed ${s.seed}). ${escapeHtml(weighted)}</p><div class="stats">${stats}</div>
<div class="grid">${page.plot(criticalityChart(s))}${page.plot(weightChart(s))}</div></section>`;
}

function diversitySection(d: ReportData, page: Page): string {
  const v = d.diversity;
  if (!v) return '<section><h2>Diversity of people and vehicles</h2><p class="lede">Not available (see the notes above).</p></section>';
  const chart = (title: string, rec: Record<string, number>, colours?: Readonly<Record<string, string>>): string => {
    const keys = Object.keys(rec);
    return page.plot(barChart(title, keys, [recordSeries(rec, 'actors', '#3d8c6e', keys)], colours ? { colours: keys.map((k) => colours[k] ?? '#999') } : {}));
  };
  return `<section><h2>Diversity of people and vehicles</h2>
<p class="lede">${v.people} people and ${Object.values(v.actorKind).reduce((a, b) => a + b, 0)} actors in ${v.instances} instances (each actor once per instance; the ego car is not counted). Zero bars are groups the sweep never produced.</p>
<div class="grid three">${chart('Age group', v.ageGroup)}${chart('Mobility aid', v.mobilityAid)}${chart('Skin tone (Fitzpatrick)', v.skinTone, FITZPATRICK)}
${chart('Clothing colour (tops and bottoms)', v.clothing, COLOUR_FAMILIES)}${chart('Actors by kind', v.actorKind)}</div></section>`;
}

function referenceSection(d: ReportData, page: Page): string {
  const r = d.reference;
  if (!r) return '';
  const c = r.comparison;
  const dist = table(
    ['statistic', 'KS', 'Wasserstein-1', 'mean', 'ref. mean', 'Δ mean', 'variance', 'ref. variance', 'Δ variance'],
    c.distributions.map((x) => [
      `${escapeHtml(x.statistic)} [${escapeHtml(x.unit)}]`,
      `<b>${fmt(x.ks)}</b>`,
      `<b>${fmt(x.wasserstein1)}</b>`,
      fmt(x.mean),
      fmt(x.refMean),
      fmt(x.mean - x.refMean),
      fmt(x.variance),
      fmt(x.refVariance),
      fmt(x.variance - x.refVariance),
    ]),
  );
  const classes = table(
    ['class', 'share', 'ref. share', 'difference'],
    c.classes.map((x) => [escapeHtml(x.name), pct(x.share), pct(x.refShare), signedPct(x.difference)]),
  );
  const difficulty = table(
    ['difficulty', 'share', 'ref. share', 'difference'],
    c.difficulty.map((x) => [x.name, pct(x.share), pct(x.refShare), signedPct(x.difference)]),
  );
  const corr = table(
    ['pair', 'correlation', 'ref.', 'difference'],
    c.correlations.map((x) => [escapeHtml(x.pair), fmt(x.value), fmt(x.ref), fmt(x.difference)]),
  );
  const names = c.classes.map((x) => x.name);
  const shares = page.plot(
    barChart(
      'Class proportions',
      names,
      [
        { name: 'this dataset', values: names.map((n) => d.labels?.classCounts[n] ?? 0), colour: OURS_COLOUR },
        { name: 'reference', values: names.map((n) => r.labels.classCounts[n] ?? 0), colour: REFERENCE_COLOUR },
      ],
      { shares: true },
    ),
  );
  return `<section><h2>Against the reference</h2>
<p class="lede">Reference: ${escapeHtml(r.labels.source)} (${r.labels.objects} objects in ${r.labels.frames} frames). KS is the largest gap between the two cumulative distributions (0 same, 1 disjoint); Wasserstein-1 is how far, in the statistic's unit, one distribution must move to become the other. Box sizes depend on image resolution: compare datasets rendered at the reference's resolution.</p>
<div class="card wide">${dist}</div>
<div class="grid">${shares}<div class="card">${classes}</div><div class="card">${difficulty}</div><div class="card">${corr}</div></div></section>`;
}

const STYLE = `
:root{--ink:#27313d;--muted:#6b7682;--line:#e2e6eb;--bg:#f5f7fa;--accent:${OURS_COLOUR}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 Inter,"Segoe UI",Helvetica,Arial,sans-serif}
header{background:#1d2b3a;color:#fff;padding:28px 40px 22px}header h1{margin:0 0 4px;font-size:24px;font-weight:600}
header .sub{color:#b8c4d1;font-size:13px}header code{color:#dfe7f0}
main{padding:8px 40px 40px;max-width:1600px;margin:0 auto}
section{margin-top:26px}h2{font-size:19px;margin:0 0 6px;font-weight:600;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}h4{margin:0 0 4px;font-size:14px}.lede{color:var(--muted);margin:4px 0 12px;max-width:1100px}.small{color:var(--muted);font-size:12px;margin:2px 0 8px}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px;align-items:start}.scroll{max-height:360px;overflow:auto}.grid.three{grid-template-columns:repeat(3,minmax(0,1fr))}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 10px;overflow:auto}.card.wide{grid-column:1/-1}
.stats{display:flex;gap:12px;flex-wrap:wrap;margin:10px 0 14px}.stat{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:150px}
.stat .value{font-size:20px;font-weight:600}.stat .label{color:var(--muted);font-size:12px}.stat.warn .value{color:#b5443a}
header .stats .stat{background:#26384b;border-color:#33485e}header .stats .label{color:#a9b7c6}
.notes{background:#fff8e6;border:1px solid #f0dca8;border-radius:8px;padding:10px 16px;margin-top:18px;font-size:13px}.notes ul{margin:4px 0;padding-left:18px}
table{border-collapse:collapse;width:100%;font-size:12.5px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;background:#fafbfc}table.compact td{padding:2px 8px}.params{color:var(--muted);font-size:11.5px}
code{font-family:"JetBrains Mono",Menlo,Consolas,monospace;font-size:12px}
`;

/** The whole report page. `plotly` is the minified Plotly bundle to inline. */
export function reportHtml(d: ReportData, plotly: string, title: string): string {
  const page = new Page();
  const objects = d.labels?.objects ?? Object.values(d.classes).reduce((a, b) => a + b, 0);
  const head = [
    stat('frames', String(d.dataset.frames)),
    stat('instances', String(d.dataset.instances)),
    stat('labeled objects', String(objects)),
    stat('failed instances', String(d.dataset.failures), d.dataset.failures ? 'warn' : ''),
    stat('collisions', String(d.criticality.withCollision)),
    stat('near misses', String(d.criticality.nearMisses)),
  ].join('');
  const body = [
    searchReportSection(d, page),
    labelSection(d, page),
    focusSection(d),
    coverageSection(d, page),
    criticalitySection(d, page),
    diversitySection(d, page),
    referenceSection(d, page),
  ].join('\n');
  const notes = d.notes.length ? `<div class="notes"><b>How these numbers were made</b><ul>${d.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>` : '';
  const figures = scriptJson(page.plots);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style>
<script>${plotly.replace(/<\/script/gi, '<\\/script')}</script></head>
<body><header><h1>${escapeHtml(title)}</h1>
<div class="sub">Scenario <code>${escapeHtml(d.dataset.scenarioFile)}</code> · hash <code>${escapeHtml(d.dataset.scenarioHash.slice(0, 12))}</code> · design ${escapeHtml(d.dataset.design)} · seed ${d.dataset.seed} · formats ${escapeHtml(d.dataset.formats.join(', '))} · folder <code>${escapeHtml(d.dataset.dir)}</code></div>
<div class="stats">${head}</div></header>
<main>${notes}${body}</main>
<script>
const figures = ${figures};
for (const f of figures) Plotly.newPlot(f.id, f.spec.data, f.spec.layout, {displayModeBar: false, responsive: true});
document.body.dataset.plotted = String(figures.length);
</script></body></html>
`;
}

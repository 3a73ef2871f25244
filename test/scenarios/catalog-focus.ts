/**
 * `npx tsx test/scenarios/catalog-focus.ts [--write-frames] [FILE...]`: the default run of
 * every catalog scenario (`--count 4 --frames 5` at 640x360), and per scenario the share of
 * frames in which the focus is labeled (must be >= 80 %). With --write-frames, one frame per
 * scenario, chosen by typicalFocusFrame, is copied to docs/catalog/ with an index page.
 * Slow (about 25 s a scenario on 2 cores with SwiftShader); prints figures, asserts nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG, ROOT, runScenario, typicalFocusFrame, type FocusRun } from './catalogFocus.js';

const args = process.argv.slice(2);
const writeFrames = args.includes('--write-frames');
const files = args.filter((a) => !a.startsWith('--'));
const tmp = mkdtempSync(join(tmpdir(), 'roadsynth-catalog-'));
const rows: string[] = [];
const runs: FocusRun[] = [];
try {
  for (const file of files.length ? files : CATALOG) {
    const out = join(tmp, file.replace(/\.yaml$/, ''));
    const started = performance.now();
    const run = runScenario(file, out);
    runs.push(run);
    const perSample = [0, 1, 2, 3].map((i) => run.entries.filter((e) => e.sampleIndex === i && e.focusLabeled).length).join('/');
    const line = `${file.padEnd(44)} focus labeled in ${String(run.labeled).padStart(2)} of ${run.frames} frames (${((100 * run.labeled) / run.frames).toFixed(0).padStart(3)} %), per sample ${perSample}  [${((performance.now() - started) / 1000).toFixed(0)} s]`;
    console.log(line);
    if (writeFrames) {
      const pick = typicalFocusFrame(run.entries);
      if (pick === null) {
        rows.push(`| ${file} | (no frame labels the focus) | | |`);
        continue;
      }
      mkdirSync(join(ROOT, 'docs/catalog'), { recursive: true });
      const name = file.replace(/\.yaml$/, '.png');
      copyFileSync(join(out, 'images', `${pick.frameId}.png`), join(ROOT, 'docs/catalog', name));
      const focus = pick.objects
        .filter((o) => o.focus)
        .map((o) => `${o.actorId} ${o.heightPx.toFixed(0)} px, occlusion ${o.occlusion.toFixed(2)}`)
        .join('; ');
      rows.push(
        `| [${file}](../../scenarios/${file}) | ![${file}](${name}) | sample ${pick.sampleIndex}, frame ${pick.frameIndex}, t = ${pick.timeS.toFixed(2)} s | ${focus} | ${run.labeled} of ${run.frames} |`,
      );
    }
  }
  const all = runs.reduce((a, r) => a + r.labeled, 0);
  const frames = runs.reduce((a, r) => a + r.frames, 0);
  console.log(`all: focus labeled in ${all} of ${frames} frames; lowest ${Math.min(...runs.map((r) => r.labeled / r.frames)).toFixed(2)}`);
  if (writeFrames) {
    writeFileSync(
      join(ROOT, 'docs/catalog/README.md'),
      [
        '# The catalog, one frame each',
        '',
        'Written by `npx tsx test/scenarios/catalog-focus.ts --write-frames`: each scenario run as a user would',
        '(`roadsynth run FILE --count 4 --frames 5 --resolution 640x360`, the default clip centred on the focus), and the',
        'frame shown is chosen by code: among the frames that label the focus, the one whose smallest focus box is the',
        'median (a typical frame, not the easiest). The last column is the share of the 20 frames that label the focus.',
        '',
        '| scenario | frame | which | focus in it | frames with the focus labeled |',
        '|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

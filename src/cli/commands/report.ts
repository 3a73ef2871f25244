/**
 * `roadsynth report DIR`: a self-contained report.html on what a dataset holds (labels,
 * parameter coverage, criticality, diversity), optionally against a reference label set.
 */
import type { Command } from 'commander';
import { BrowserNotFoundError, findBrowser } from '../../dataset/render-host/findBrowser.js';
import { CHROMIUM_FLAGS } from '../../dataset/renderHost.js';
import { collectReport, ReportInputError } from '../../report/collectReport.js';
import { screenshotReport } from '../../report/screenshotReport.js';
import { writeReport } from '../../report/writeReport.js';
import { UserError } from '../runCli.js';

interface ReportFlags {
  reference?: string;
  json?: boolean;
  out?: string;
  screenshot?: string;
  browser?: string;
}

async function run(dir: string, flags: ReportFlags): Promise<void> {
  try {
    if (flags.json && flags.out === undefined) {
      process.stdout.write(JSON.stringify(collectReport(dir, { reference: flags.reference }), null, 1) + '\n');
      return;
    }
    const { path, data } = writeReport(dir, { reference: flags.reference, outFile: flags.out });
    if (flags.json) process.stdout.write(JSON.stringify(data, null, 1) + '\n');
    else process.stderr.write(`wrote ${path} (${data.dataset.frames} frames, ${data.dataset.instances} instances)\n`);
    if (flags.screenshot !== undefined) {
      const browser = findBrowser(flags.browser);
      const size = await screenshotReport(path, flags.screenshot, { executablePath: browser.executablePath, args: CHROMIUM_FLAGS });
      process.stderr.write(`wrote ${flags.screenshot} (${size.widthPx}x${size.heightPx} px)\n`);
    }
  } catch (err) {
    if (err instanceof ReportInputError || err instanceof BrowserNotFoundError) throw new UserError(err.message);
    throw err;
  }
}

export function register(program: Command): void {
  program
    .command('report')
    .description('Write a self-contained report.html on a dataset: labels, parameter coverage, criticality, diversity, and fidelity against a reference.')
    .argument('<dir>', 'dataset folder written by "roadsynth run" or "roadsynth merge"')
    .option('--reference <path>', 'reference labels: a folder of KITTI label_2 .txt files (or a folder holding label_2/), or a JSON written by "report --json"')
    .option('--json', 'print every number as JSON on stdout instead of writing the page (with --out, do both)')
    .option('--out <file>', 'where to write the page (default: DIR/report.html)')
    .option('--screenshot <png>', 'also save a full-page PNG of the report, drawn by headless Chromium')
    .option('--browser <path>', 'Chromium or Chrome for --screenshot (default: ROADSYNTH_BROWSER, then the usual places)')
    .addHelpText(
      'after',
      `
The page works offline (the plotting library is inlined) and shows:
  labels       objects per class; 2D box height and area; occlusion and truncation; KITTI
               difficulty (easy >= 40 px, occluded 0, truncation <= 0.15; moderate >= 25 px,
               <= 1, <= 0.3; hard >= 25 px, <= 2, <= 0.5)
  coverage     each swept parameter against its declared distribution (the scenario file named
               in the dataset is read again), pairwise heatmaps and their empty cells
  criticality  minimum time to collision and distance, collisions, near misses, and the most
               critical instances with their sample index, hash and parameters
  diversity    people by age group, mobility aid, skin tone, clothing colour; actors by kind
               (instances are re-sampled from the scenario and checked against the manifest)
  reference    with --reference: the same label statistics side by side, KS and Wasserstein-1
               distances, and differences of class shares, means, variances and correlations

Examples:
  roadsynth report out/sweep
  roadsynth report out/sweep --reference ~/kitti/training/label_2
  roadsynth report out/sweep --json > sweep-stats.json
  roadsynth report out/sweep-v2 --reference sweep-stats.json --out out/v2-vs-v1.html
  roadsynth report out/sweep --screenshot docs/report.png`,
    )
    .action(async (dir: string, flags: ReportFlags) => run(dir, flags));
}

/** `roadsynth report` without the command line: numbers from a dataset folder, then the HTML page, written atomically. */
import { basename, dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../export/atomicWrite.js';
import { readRunFile } from '../export/runFile.js';
import { collectReport, ReportInputError } from './collectReport.js';
import type { ReportData, ReportOptions } from './collectReport.js';
import { plotlyScript, reportHtml } from './reportHtml.js';

export const REPORT_FILE = 'report.html';

export function reportTitle(dir: string): string {
  const name = readRunFile(dir)?.scenario.name;
  return `Dataset report: ${name ?? basename(resolve(dir))}`;
}

/** Writes the report page to `outFile` (default `<dir>/report.html`); returns its path and the numbers. */
export function writeReport(dir: string, options: ReportOptions & { outFile?: string } = {}): { path: string; data: ReportData } {
  const data = collectReport(dir, options);
  const path = resolve(options.outFile ?? join(dir, REPORT_FILE));
  if (!existsSync(dirname(path))) throw new ReportInputError(`--out ${path}: the folder ${dirname(path)} does not exist`);
  writeFileAtomic(path, reportHtml(data, plotlyScript(), reportTitle(dir)));
  return { path, data };
}

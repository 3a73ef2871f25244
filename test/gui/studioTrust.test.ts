/**
 * End to end, in Chromium through `roadsynth studio`: the studio exports what it shows, never
 * freezes, and keeps files intact (issue 15). Everything is done as a user does it (clicks,
 * typing, keys) and checked on what the page shows and what lands on disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import { checkScenario } from '../../src/scenario/load.js';
import { sampleScenario } from '../../src/sampling/sample.js';
import { openScenario, openStudio, waitForPreview, type StudioSession } from './studioPage.js';

const F07 = '07-cyclist-door-swerve.yaml';
const F03 = '03-lead-vehicle-emergency-brake.yaml';
let s: StudioSession;

const viewportData = async (name: string): Promise<string> => (await s.page.getAttribute('#viewport', `data-${name}`)) ?? '';
const previewSeq = async (): Promise<number> => Number((await viewportData('preview-seq')) || 0);

/** Sets a number field and leaves it, as a user does (the change event fires on leaving). */
async function setNumber(selector: string, value: string): Promise<void> {
  await s.page.fill(selector, value);
  await s.page.press(selector, 'Tab');
}

beforeAll(async () => {
  s = await openStudio([F07, F03]);
  const catalog = (f: string): string => readFileSync(path.join(PACKAGE_ROOT, 'scenarios', f), 'utf8');
  // 60,000 ticks: inside the budget, but a long simulation.
  writeFileSync(
    path.join(s.dirs.scenarios, 'long.yaml'),
    catalog(F07)
      .replace(/durationS: 11\n/, 'durationS: 600\n')
      .replace(/dtS: 0.02\n/, 'dtS: 0.01\n'),
  );
  writeFileSync(
    path.join(s.dirs.scenarios, 'too-long.yaml'),
    catalog(F07)
      .replace(/durationS: 11\n/, 'durationS: 600\n')
      .replace(/dtS: 0.02\n/, 'dtS: 0.001\n'),
  );
  writeFileSync(path.join(s.dirs.scenarios, 'crlf.yaml'), catalog(F03).replace(/\r?\n/g, '\r\n'));
  writeFileSync(path.join(s.dirs.scenarios, 'big.yaml'), catalog(F03) + `# ${'x'.repeat(1100 * 1024)}\n`);
  await s.page.reload();
  await s.page.waitForSelector(`#file-list button.file[data-name="${F07}"]`);
}, 300_000);

afterAll(async () => {
  await s?.close();
});

describe('the studio exports what it shows', () => {
  let outDir = '';
  let previewHash = '';
  let previewParams: Record<string, unknown> = {};

  it("exports the chosen sample with its perturbations: the preview's scene, recorded in manifest and card", async () => {
    await openScenario(s.page, F07);
    let seq = await previewSeq();
    await setNumber('#sample-index', '3');
    seq = await waitForPreview(s.page, seq);
    await s.page.fill('[data-knob="timeOfDayH"]', '23');
    seq = await waitForPreview(s.page, seq);
    await s.page.fill('[data-knob="snow"]', '1');
    seq = await waitForPreview(s.page, seq);
    expect(await viewportData('sample-index')).toBe('3');
    previewHash = await viewportData('sample-hash');
    previewParams = JSON.parse(await viewportData('sample-parameters')) as Record<string, unknown>;

    expect(await s.page.inputValue('#export-scope')).toBe('sample');
    await s.page.fill('#export-frames', '1');
    await s.page.selectOption('#export-resolution', '640x360');
    outDir = await s.page.inputValue('#export-out');
    await s.page.click('#export-start');
    await s.page.waitForSelector('#export-stats[data-state]:not([data-state="running"])', { timeout: 300_000 });
    expect(await s.page.getAttribute('#export-stats', 'data-state'), (await s.page.textContent('#export-stats')) ?? '').toBe('done');

    // One frame, of sample 3.
    const manifest = readFileSync(path.join(outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(manifest).toHaveLength(1);
    expect(manifest[0].sampleIndex).toBe(3);
    expect(manifest[0].parameters).toEqual(previewParams);
    // The scenario file the export ran, with the real path, samples to the preview's instance.
    const scenarioFile = path.join(outDir, 'scenario.studio.json');
    expect(manifest[0].scenarioFile).toBe(scenarioFile);
    const spec = checkScenario(readFileSync(scenarioFile, 'utf8'), scenarioFile).spec!;
    const again = sampleScenario(spec, { seed: manifest[0].seed as number, design: manifest[0].design as 'random', index: 3, count: 4 });
    expect(again.hash).toBe(previewHash);
    expect(again.instance.weather.snow).toBe(1);
    expect(again.instance.light.timeOfDayH).toBe(23);
    expect(again.instance.light.streetLights).toBe(true);

    const card = readFileSync(path.join(outDir, 'README.md'), 'utf8');
    expect(card).toContain(`Scenario: \`${scenarioFile}\``);
    expect(card).toContain('Perturbations: timeOfDayH = 23, snow = 1');
    expect(card).toContain('sample 3 of the sweep');
    expect(card).toContain(`Source: \`${path.join(s.dirs.scenarios, F07)}\``);
    const command = /```sh\n(.*)\n```/.exec(card)![1];
    expect(command).toContain('--shard 3/4');
    expect(await s.page.textContent('#export-command')).toBe(command);
  }, 400_000);

  it("the card's Reproduce command writes the same labels", () => {
    const card = readFileSync(path.join(outDir, 'README.md'), 'utf8');
    const command = /```sh\n(.*)\n```/.exec(card)![1];
    const again = path.join(s.dirs.out, 'again');
    const args = command
      .split(' ')
      .slice(1)
      .map((a) => (a === outDir ? again : a));
    const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'src/cli/roadsynth.mjs'), ...args], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    const labels = (d: string): string[] => {
      const dir = path.join(d, 'kitti', 'training', 'label_2');
      return readdirSync(dir)
        .sort()
        .map((n) => readFileSync(path.join(dir, n), 'utf8'));
    };
    expect(labels(again)).toEqual(labels(outDir));
  }, 400_000);

  it('opens the report from the studio and its charts render', async () => {
    await s.page.waitForSelector('#export-report:not([disabled])');
    const [report] = await Promise.all([s.page.context().waitForEvent('page'), s.page.click('#export-report')]);
    await report.waitForLoadState();
    const errors: string[] = [];
    report.on('pageerror', (e) => errors.push(e.message));
    await report.waitForSelector('.js-plotly-plot .main-svg', { timeout: 60_000 });
    expect(await report.locator('.js-plotly-plot').count()).toBeGreaterThan(0);
    expect(report.url()).not.toContain('token');
    expect(errors).toEqual([]);
    await report.close();
  }, 120_000);

  it('after a reload, reattaches to the running export and can cancel it', async () => {
    await s.page.selectOption('#export-scope', 'sweep');
    await s.page.fill('#export-count', '20');
    await s.page.fill('#export-out', path.join(s.dirs.out, 'long-run'));
    await s.page.click('#export-start');
    await s.page.waitForSelector('#export-stats[data-state="running"]');
    await s.page.reload();
    await s.page.waitForSelector('#export-stats[data-state="running"]', { timeout: 30_000 });
    expect(await s.page.isEnabled('#export-cancel')).toBe(true);
    expect(await s.page.isDisabled('#export-start')).toBe(true);
    await s.page.click('#export-cancel');
    await s.page.waitForSelector('#export-stats[data-state="cancelled"]', { timeout: 300_000 });
    expect(await s.page.isEnabled('#export-start')).toBe(true);
  }, 400_000);
});

describe('the studio never freezes', () => {
  it('a long simulate does not block a second API call, and a newer preview cancels it', async () => {
    const before = s.studio.backend.simulator.cancelled;
    const seq = await previewSeq();
    await s.page.click('#file-list button.file[data-name="long.yaml"]');
    await s.page.waitForSelector('#file-title:text("scenarios/long.yaml")');
    // While the preview simulates 60,000 ticks, another call answers.
    const answered = await s.page.evaluate(async () => {
      const r = await fetch('./api/roots', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return r.status;
    });
    expect(answered).toBe(200);
    expect(await previewSeq()).toBe(seq); // the long preview has not come back yet
    await openScenario(s.page, F03);
    expect(s.studio.backend.simulator.cancelled).toBeGreaterThan(before);
    expect(await s.page.textContent('#file-title')).toBe(`scenarios/${F03}`);
  }, 120_000);

  it('a simulation over the budget fails at once with a message that names the fix', async () => {
    await s.page.click('#file-list button.file[data-name="too-long.yaml"]');
    await s.page.waitForFunction(() => (document.getElementById('viewport')?.dataset.previewError ?? '').includes('budget'), undefined, { timeout: 30_000 });
    expect(await s.page.textContent('#status')).toMatch(
      /too-long\.yaml:\d+:\d+ \/simulation\/dtS: simulation of 600 s at dtS 0.001 s would take 6.0e\+5 ticks, more than the budget of 120000; use dtS of at least 0.005 s/,
    );
    expect(await s.page.locator('#problems li').first().textContent()).toMatch(/budget/);
  }, 60_000);
});

describe('the studio keeps files intact', () => {
  it('a CRLF file is not shown as modified and is saved with CRLF', async () => {
    await openScenario(s.page, 'crlf.yaml');
    expect(await s.page.title()).not.toContain('●');
    await s.page.click('.cm-content');
    await s.page.keyboard.press('Control+End');
    await s.page.keyboard.type('# edited');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.press('Control+s');
    await s.page.waitForFunction(() => !document.title.includes('●'));
    const saved = readFileSync(path.join(s.dirs.scenarios, 'crlf.yaml'), 'utf8');
    expect(saved).toContain('# edited\r\n');
    expect(saved.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('two tabs saving one file: the second is asked and the first edit is kept when it declines', async () => {
    const file = path.join(s.dirs.scenarios, F03);
    await openScenario(s.page, F03);
    const otherContext = await s.browser.newContext({ viewport: { width: 1600, height: 900 } });
    const other = await otherContext.newPage();
    await other.goto(s.studio.url);
    await other.waitForSelector(`#file-list button.file[data-name="${F03}"]`);
    await openScenario(other, F03);
    for (const [page, mark] of [
      [s.page, '# first tab'],
      [other, '# second tab'],
    ] as const) {
      await page.click('.cm-content');
      await page.keyboard.press('Control+Home');
      await page.keyboard.type(mark);
      await page.keyboard.press('Enter');
    }
    await s.page.keyboard.press('Control+s');
    await s.page.waitForFunction(() => !document.title.includes('●'));
    let asked = '';
    other.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await other.keyboard.press('Control+s');
    await other.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').startsWith('not saved'));
    expect(asked).toContain('changed on disk');
    expect(readFileSync(file, 'utf8')).toContain('# first tab');
    expect(readFileSync(file, 'utf8')).not.toContain('# second tab');
    await otherContext.close();
  }, 120_000);

  it('Ctrl+S saves with the focus outside the editor', async () => {
    await s.page.click('.cm-content');
    await s.page.keyboard.press('Control+Home');
    await s.page.keyboard.type('# saved from the sample bar');
    await s.page.keyboard.press('Enter');
    await s.page.click('#sample-info');
    await s.page.focus('#seed');
    await s.page.keyboard.press('Control+s');
    await s.page.waitForFunction(() => !document.title.includes('●'));
    expect(readFileSync(path.join(s.dirs.scenarios, F03), 'utf8')).toContain('# saved from the sample bar');
  });

  it('a file over 1 MB says so instead of doing nothing', async () => {
    await s.page.click('#file-list button.file[data-name="big.yaml"]');
    await s.page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').includes('larger than 1 MB'));
    expect(await s.page.getAttribute('#status', 'class')).toContain('error');
    expect(await s.page.textContent('#file-title')).toBe(`scenarios/${F03}`);
  });

  it("a number outside a distribution's range is refused, not applied", async () => {
    await openScenario(s.page, F07);
    const row = s.page
      .locator('.param')
      .filter({ has: s.page.locator('input.param-number') })
      .first();
    const input = row.locator('input.param-number');
    const max = Number(await input.getAttribute('max'));
    const seq = await previewSeq();
    await input.fill(String(max * 100 + 999));
    await input.press('Tab');
    expect(await input.getAttribute('class')).toContain('invalid');
    expect(await input.getAttribute('data-error')).toMatch(/is outside .* not applied/);
    expect(await row.getAttribute('class')).not.toContain('overridden');
    expect(await previewSeq()).toBe(seq);
    expect(existsSync(path.join(s.dirs.scenarios, F07))).toBe(true);
  });
});

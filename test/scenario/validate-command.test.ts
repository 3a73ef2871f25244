import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/cli/commands/validate.js';
import { readScenarioText } from '../../src/cli/scenarioFile.js';
import { VALID_YAML, minimalWith } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'roadsynth-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('readScenarioText', () => {
  it('reads a UTF-8 file', () => {
    const r = readScenarioText(file('ok.yaml', 'name: "caf\u00e9"\n'));
    expect(r).toEqual({ ok: true, text: 'name: "caf\u00e9"\n' });
  });

  it('refuses a file over the size cap from its size alone', () => {
    const p = file('big.yaml', '');
    truncateSync(p, 64 * 1024 * 1024); // sparse: costs no disk, would cost 64 MB of memory to read
    const t0 = performance.now();
    const r = readScenarioText(p);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('file is 64.0 MB, larger than the 5 MB limit');
  });

  it('reports bytes that are not UTF-8 at their line and column', () => {
    const r = readScenarioText(file('bin.yaml', Buffer.from([0x61, 0x3a, 0x0a, 0x62, 0x3a, 0x20, 0xff, 0xfe, 0x0a])));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 2, col: 4, message: 'file is not valid UTF-8 text; is it a binary file?' });
  });

  it('reports a missing file and a directory', () => {
    const missing = readScenarioText(join(dir, 'nope.yaml'));
    expect(!missing.ok && missing.error.message).toBe('no such file');
    const folder = readScenarioText(dir);
    expect(!folder.ok && folder.error.message).toBe('is a directory');
  });
});

describe('validateFile', () => {
  it('passes the valid fixture', () => {
    expect(validateFile(file('valid.yaml', VALID_YAML))).toEqual({ file: join(dir, 'valid.yaml'), ok: true, errors: [] });
  });

  it('returns every error of a bad file', () => {
    const r = validateFile(file('bad.yaml', minimalWith('  speedMps: fast', '  kind: lorry')));
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.pointer)).toEqual(['/ego/speedMps', '/ego/kind']);
  });
});

describe('roadsynth validate', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['src/cli/roadsynth.mjs', 'validate', ...args], { encoding: 'utf8', timeout: 120_000 });

  it('prints ok or each error and exits 2 when a file has errors', () => {
    const good = file('good.yaml', VALID_YAML);
    const bad = file('typo.yaml', minimalWith('  speedMsp: 10'));
    const r = cli(good, bad);
    expect(r.stdout).toBe(`ok  ${good}\n${bad}:9:3 /ego/speedMsp: unknown key "speedMsp" (did you mean "speedMps"?)\n`);
    expect(r.stderr).toBe('1 of 2 files has errors (1 in all)\n');
    expect(r.status).toBe(2);
  });

  it('prints machine-readable JSON with --json', () => {
    const bad = file('typo2.yaml', minimalWith('  speedMsp: 10'));
    const r = cli('--json', bad);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.files[0].errors[0]).toEqual({ file: bad, line: 9, col: 3, pointer: '/ego/speedMsp', message: 'unknown key "speedMsp"', hint: 'did you mean "speedMps"?' });
  });

  it('exits 0 when every file is valid', () => {
    const r = cli(file('fine.yaml', VALID_YAML));
    expect(r.status).toBe(0);
  });
});

import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import { FolderAccess } from '../../src/studio/host/FolderAccess.js';
import { StudioBackend } from '../../src/studio/host/StudioBackend.js';
import type { ExportRunner } from '../../src/studio/host/exportRun.js';
import { StudioServer, TOKEN_HEADER } from '../../src/studio/server/StudioServer.js';
import { fakeRendererDir, studioDirs, type StudioDirs } from './fixtures.js';

let dirs: StudioDirs;
let server: StudioServer;
let secret: string;

const noExport: ExportRunner = async () => ({ framesWritten: 0, interrupted: false });

async function call(name: string, body: unknown, token: string | null = server.token): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { [TOKEN_HEADER]: token }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  dirs = studioDirs(['03-lead-vehicle-emergency-brake.yaml']);
  secret = path.join(dirs.base, 'secret.yaml');
  writeFileSync(secret, 'version: 1\n');
  symlinkSync(secret, path.join(dirs.scenarios, 'link-out.yaml'));
  const access = new FolderAccess();
  access.open(dirs.scenarios, 'scenarios');
  access.open(dirs.out, 'output');
  const backend = new StudioBackend({
    access,
    exportRunner: noExport,
    templatePath: path.join(PACKAGE_ROOT, 'scenarios/templates/blank.yaml'),
    recoveryFolder: dirs.recovery,
    defaultOutDir: dirs.out,
    hooks: { kind: 'browser', pickFolder: async () => null, openPath: async () => ({ url: null }), setDirty: () => {} },
  });
  server = new StudioServer({ api: backend, access, rendererDir: fakeRendererDir(dirs.base) });
  await server.start();
});

afterAll(async () => {
  await server?.close();
  dirs?.remove();
});

describe('studio server', () => {
  it('listens on the loopback address only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses an API call without the token with 403', async () => {
    const r = await call('roots', {}, null);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/token/);
  });

  it('refuses an API call with a wrong token with 403', async () => {
    const r = await call('roots', {}, 'f'.repeat(64));
    expect(r.status).toBe(403);
  });

  it('answers an API call that carries the token', async () => {
    const r = await call('roots', {});
    expect(r.status).toBe(200);
    expect((r.body.roots as { path: string }[]).map((x) => x.path)).toContain(dirs.scenarios);
  });

  it('refuses to read a file outside the opened folders with 403', async () => {
    const r = await call('readFile', { path: secret });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/outside the opened folders/);
  });

  it('refuses a path that climbs out with .. with 403', async () => {
    const r = await call('readFile', { path: `${dirs.scenarios}/../secret.yaml` });
    expect(r.status).toBe(403);
  });

  it('refuses a symlink that points out of the opened folder with 403', async () => {
    const r = await call('readFile', { path: path.join(dirs.scenarios, 'link-out.yaml') });
    expect(r.status).toBe(403);
  });

  it('refuses to write outside the opened folders and leaves the file alone', async () => {
    const r = await call('writeFile', { path: secret, text: 'version: 2\n' });
    expect(r.status).toBe(403);
    expect(readFileSync(secret, 'utf8')).toBe('version: 1\n');
  });

  it('refuses a request that does not match its schema with 400', async () => {
    const r = await call('readFile', { path: 42 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/readFile: invalid request at \/path/);
  });

  it('refuses an unknown API call with 404', async () => {
    const r = await call('deleteEverything', {});
    expect(r.status).toBe(404);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    // fetch may not set Host; a raw request can, as a rebinding page's browser would.
    const { port } = new URL(server.origin);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/roots', method: 'POST', headers: { Host: `evil.example:${port}`, [TOKEN_HEADER]: server.token } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('serves the page with a Content-Security-Policy that forbids eval and remote content', async () => {
    const res = await fetch(`${server.origin}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(res.status).toBe(200);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('does not serve files beside the page folder', async () => {
    const res = await fetch(`${server.origin}/..%2Fsecret.yaml`);
    expect(res.status).toBe(404);
  });

  it('writes a scenario atomically and reads it back', async () => {
    const p = path.join(dirs.scenarios, 'written.yaml');
    expect((await call('writeFile', { path: p, text: 'version: 1\nname: x\n' })).status).toBe(200);
    expect((await call('readFile', { path: p })).body.text).toBe('version: 1\nname: x\n');
  });

  it('creates a new scenario from the template, named after the file', async () => {
    const r = await call('createFromTemplate', { dir: dirs.scenarios, name: 'my-new' });
    expect(r.status).toBe(200);
    const text = readFileSync(path.join(dirs.scenarios, 'my-new.yaml'), 'utf8');
    expect(text).toMatch(/^name: "my-new"$/m);
    expect((await call('createFromTemplate', { dir: dirs.scenarios, name: 'my-new' })).status).toBe(409);
  });

  it('keeps drafts of unsaved buffers and offers them back', async () => {
    const p = path.join(dirs.scenarios, '03-lead-vehicle-emergency-brake.yaml');
    await call('saveDraft', { path: p, text: 'unsaved text' });
    const r = await call('drafts', {});
    expect((r.body.drafts as { path: string; text: string }[]).find((d) => d.path === p)?.text).toBe('unsaved text');
    await call('dropDraft', { path: p });
    expect((await call('drafts', {})).body.drafts).toEqual([]);
  });

  it('refuses to export into a folder outside the output folders', async () => {
    mkdirSync(path.join(dirs.base, 'elsewhere'));
    const text = readFileSync(path.join(dirs.scenarios, '03-lead-vehicle-emergency-brake.yaml'), 'utf8');
    const r = await call('exportStart', {
      text,
      fileName: 'x.yaml',
      outDir: path.join(dirs.base, 'elsewhere'),
      formats: ['kitti'],
      count: 1,
      frames: 1,
      design: 'random',
      seed: 1,
      widthPx: 64,
      heightPx: 64,
    });
    expect(r.status).toBe(403);
  });
});

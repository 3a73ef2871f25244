/**
 * The studio's security rules (issue 15), each checked with real HTTP requests against a started
 * server, as curl sends them: chosen Host, Origin, Cookie and Sec-Fetch-Site headers, oversized
 * and chunked bodies, malformed escapes. Also the export page server's Host check, the launch
 * file of `roadsynth studio` (run as a process, with a stand-in xdg-open that records what it
 * was given), and a Chromium page for what only a browser shows: the address bar loses the
 * token, the page cannot read the cookie, and a page on another port of 127.0.0.1 (the same
 * site, so it gets the cookie) cannot use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageServer } from '../../src/dataset/render-host/pageServer.js';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import { MAX_DRAFT_BYTES, MAX_DRAFTS } from '../../src/studio/host/Drafts.js';
import { FolderAccess } from '../../src/studio/host/FolderAccess.js';
import { StudioBackend } from '../../src/studio/host/StudioBackend.js';
import { StudioServer, TOKEN_HEADER, tokenCookie } from '../../src/studio/server/StudioServer.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeRendererDir, studioDirs, type StudioDirs } from './fixtures.js';

const F03 = '03-lead-vehicle-emergency-brake.yaml';
let dirs: StudioDirs;
let server: StudioServer;
let port = 0;
let scenario = '';
let scenarioText = '';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface Request {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in 64 kB chunks with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
  port?: number;
  /** Leave the Host header out (node adds one otherwise). */
  noHost?: boolean;
}

/** One HTTP request with exactly the headers given (plus Host unless noHost), as curl sends it. */
function send(r: Request): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const p = r.port ?? port;
    const req = http.request({ host: '127.0.0.1', port: p, path: r.path, method: r.method ?? 'GET', headers: r.headers ?? {}, agent: false, setHost: !r.noHost }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error(`${r.method ?? 'GET'} ${r.path}: no answer in 20 s`)));
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    if (body && r.chunked) {
      const step = 64 * 1024;
      let at = 0;
      const pump = (): void => {
        while (at < body.length) {
          const piece = body.subarray(at, at + step);
          at += step;
          if (!req.write(piece)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    } else {
      if (body) req.setHeader('Content-Length', body.length);
      req.end(body);
    }
  });
}

const json = (reply: Reply): Record<string, unknown> => JSON.parse(reply.text) as Record<string, unknown>;

/** An API call, by default as curl with the header token and no Origin. */
function api(name: string, body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: server.token }): Promise<Reply> {
  return send({ method: 'POST', path: `/api/${name}`, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const cookie = (): Record<string, string> => ({ Cookie: `${tokenCookie(port)}=${server.token}` });
const ownOrigin = (): Record<string, string> => ({ Origin: `http://127.0.0.1:${port}` });

/** Whether a file holds `text` (or, with null, does not exist). */
function expectFile(p: string, text: string | null): void {
  if (text === null) expect(existsSync(p), p).toBe(false);
  else expect(readFileSync(p, 'utf8'), p).toBe(text);
}

beforeAll(async () => {
  dirs = studioDirs([F03]);
  scenario = path.join(dirs.scenarios, F03);
  scenarioText = readFileSync(scenario, 'utf8');
  const access = new FolderAccess();
  access.open(dirs.scenarios, 'scenarios');
  access.open(dirs.out, 'output');
  const backend = new StudioBackend({
    access,
    exportRunner: async () => ({ framesWritten: 0, interrupted: false }),
    templatePath: path.join(PACKAGE_ROOT, 'scenarios/templates/blank.yaml'),
    recoveryFolder: dirs.recovery,
    defaultOutDir: dirs.out,
    hooks: { kind: 'browser', pickFolder: async () => null, openPath: async (real) => ({ url: server.fileUrl(real) }), setDirty: () => {} },
  });
  server = new StudioServer({ api: backend, access, rendererDir: fakeRendererDir(dirs.base) });
  await server.start();
  port = Number(new URL(server.origin).port);
});

afterAll(async () => {
  await server?.close();
  dirs?.remove();
});

describe('the access token', () => {
  it('is traded on the first load for an HttpOnly SameSite=Strict cookie, with a redirect to a URL without it', async () => {
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    const r = await send({ path: `/?token=${server.token}` });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const set = r.headers['set-cookie'] ?? [];
    expect(set).toHaveLength(1);
    const attrs = set[0]!.split(';').map((a) => a.trim());
    expect(attrs[0]).toBe(`${tokenCookie(port)}=${server.token}`);
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    // The page it leads to carries no token.
    const page = await send({ path: r.headers.location!, headers: cookie() });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(server.token);
  });

  it('in the URL, a wrong one gets 403 and no cookie', async () => {
    const r = await send({ path: `/?token=${'0'.repeat(64)}` });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it("opens the API by the cookie (with the page's Origin) or the header, not by the URL, nor by another studio's cookie", async () => {
    expect((await api('roots', {}, { ...cookie(), ...ownOrigin() })).status).toBe(200);
    expect((await api('roots', {})).status).toBe(200);
    const query = await send({ method: 'POST', path: `/api/roots?token=${server.token}`, headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(query.status).toBe(403);
    // Cookies ignore ports: a studio on another port has its own cookie name, and this one's does not open it.
    expect((await api('roots', {}, { Cookie: `${tokenCookie(port + 1)}=${server.token}`, ...ownOrigin() })).status).toBe(403);
    expect((await api('roots', {}, { Cookie: `roadsynth_token=${server.token}`, ...ownOrigin() })).status).toBe(403);
    expect((await api('roots', {}, { ...cookie(), [TOKEN_HEADER]: 'f'.repeat(64), ...ownOrigin() })).status).toBe(403);
  });

  it('is in no link the server makes for a file: the cookie opens the link', async () => {
    const notes = path.join(dirs.out, 'notes.txt');
    writeFileSync(notes, 'exported\n');
    const link = json(await api('openPath', { path: notes })).url as string;
    expect(link).toBe(`${server.origin}/files?path=${encodeURIComponent(notes)}`);
    expect(link).not.toContain(server.token);
    const rel = link.slice(server.origin.length);
    expect((await send({ path: rel })).status).toBe(403);
    const opened = await send({ path: rel, headers: { ...cookie(), 'Sec-Fetch-Site': 'same-origin' } });
    expect([opened.status, opened.text]).toEqual([200, 'exported\n']);
    expect((await send({ path: rel, headers: { ...cookie(), 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
    // Another port of 127.0.0.1 is the same site and gets the cookie; it may not open files.
    for (const site of ['same-site', 'cross-site']) expect((await send({ path: rel, headers: { ...cookie(), 'Sec-Fetch-Site': site } })).status, site).toBe(403);
  });
});

describe('roadsynth studio (the command)', () => {
  let child: ChildProcess | null = null;
  let base = '';
  afterAll(() => {
    child?.kill('SIGTERM');
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it("opens the browser on a private 0600 launch file: the token is never in the opener's argv, and the file goes after the first load", async () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'roadsynth-cli-open-'));
    const bin = path.join(base, 'bin');
    const tmp = path.join(base, 'tmp');
    const log = path.join(base, 'opener');
    for (const d of [bin, tmp, path.join(base, 'home'), path.join(base, 'scenarios')]) mkdirSync(d);
    writeFileSync(path.join(base, 'scenarios', F03), scenarioText);
    // A stand-in for xdg-open: records its argv and what it was given, as it was given it.
    writeFileSync(
      path.join(bin, 'xdg-open'),
      `#!/bin/sh\nlog="${log}"\nprintf '%s\\n' "$@" > "$log.argv"\nstat -c %a "$1" > "$log.mode"\nstat -c %a "$(dirname "$1")" > "$log.dirmode"\ncat "$1" > "$log.content"\ncat /proc/$$/cmdline | tr '\\0' '\\n' > "$log.cmdline"\ntouch "$log.done"\n`,
    );
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'src/cli/roadsynth.mjs'), 'studio', path.join(base, 'scenarios'), '--out', path.join(base, 'out')], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: path.join(base, 'home'), TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const until = async (what: string, ok: () => boolean, ms: number): Promise<void> => {
      for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 100))) {
        if (Date.now() > end || child!.exitCode !== null) throw new Error(`${what}: not seen\nstdout: ${stdout}\nstderr: ${stderr}`);
      }
    };
    await until('the URL on stdout', () => /roadsynth studio: (\S+)/.test(stdout), 280_000);
    const url = /roadsynth studio: (\S+)/.exec(stdout)![1]!;
    const token = new URL(url).searchParams.get('token')!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    await until('the opener run', () => existsSync(`${log}.done`), 30_000);

    const argv = readFileSync(`${log}.argv`, 'utf8').trimEnd().split('\n');
    expect(argv).toHaveLength(1);
    const launch = argv[0]!;
    expect(path.dirname(path.dirname(launch))).toBe(tmp);
    expect(readFileSync(`${log}.cmdline`, 'utf8')).not.toContain(token);
    expect(argv.join(' ')).not.toContain(token);
    expect(readFileSync(`${log}.mode`, 'utf8').trim()).toBe('600');
    expect(readFileSync(`${log}.dirmode`, 'utf8').trim()).toBe('700');
    expect(statSync(launch).mode & 0o777).toBe(0o600);
    // The file leads the browser to the tokened URL, once.
    expect(readFileSync(`${log}.content`, 'utf8')).toContain(`url=${url}"`);

    const studioPort = Number(new URL(url).port);
    const first = await send({ port: studioPort, path: `/?token=${token}` });
    expect(first.status).toBe(303);
    await until('the launch file removed', () => !existsSync(launch) && !existsSync(path.dirname(launch)), 5_000);
    expect(readdirSync(tmp)).toEqual([]);

    // The link the page gets for a file (open report, open output) carries no token; the cookie opens it.
    const cookieHeader = (first.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    expect(cookieHeader).toBe(`${tokenCookie(studioPort)}=${token}`);
    mkdirSync(path.join(base, 'out'), { recursive: true });
    const notes = path.join(base, 'out', 'notes.txt');
    writeFileSync(notes, 'exported\n');
    const opened = await send({
      port: studioPort,
      method: 'POST',
      path: '/api/openPath',
      headers: { Cookie: cookieHeader, Origin: `http://127.0.0.1:${studioPort}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: notes }),
    });
    expect(opened.status, opened.text).toBe(200);
    const link = new URL(json(opened).url as string);
    expect(link.href).not.toContain(token);
    expect(link.pathname).toBe('/files');
    const file = await send({ port: studioPort, path: link.pathname + link.search, headers: { Cookie: cookieHeader } });
    expect([file.status, file.text]).toEqual([200, 'exported\n']);

    child.kill('SIGTERM');
    await until('the exit', () => child!.exitCode !== null || child!.signalCode !== null, 10_000).catch(() => undefined);
  }, 300_000);
});

describe('writeFile writes scenario files only', () => {
  const refused: { what: string; rel: string; text?: string; before?: string; status: number; message: RegExp }[] = [
    { what: 'package.json', rel: 'package.json', before: '{"name":"x","scripts":{}}\n', text: '{"version":1}', status: 403, message: /manifest/ },
    { what: 'package-lock.json', rel: 'package-lock.json', text: '{"version":1}', status: 403, message: /manifest/ },
    { what: 'a manifest in a subfolder, in capitals', rel: 'sub/PACKAGE.JSON', text: '{"version":1}', status: 403, message: /manifest/ },
    { what: 'tsconfig.json', rel: 'tsconfig.json', text: '{"version":1}', status: 403, message: /manifest/ },
    { what: 'pnpm-lock.yaml', rel: 'pnpm-lock.yaml', text: 'version: 1\n', status: 403, message: /manifest/ },
    { what: 'docker-compose.yml', rel: 'docker-compose.yml', text: 'version: 1\n', status: 403, message: /manifest/ },
    { what: 'the scenario schema', rel: 'scenario.schema.json', text: '{"version":1}', status: 403, message: /manifest/ },
    { what: 'a CI workflow', rel: '.github/workflows/x.yml', text: 'version: 1\nname: ci\n', status: 403, message: /hidden/ },
    { what: 'a file in .git', rel: '.git/hooks.yaml', text: 'version: 1\n', status: 403, message: /hidden/ },
    { what: 'a hidden file', rel: '.roadsynth.yaml', text: 'version: 1\n', status: 403, message: /hidden/ },
    { what: 'a shell script', rel: 'x.sh', text: 'version: 1\n', status: 400, message: /only writes \.yaml, \.yml and \.json/ },
    { what: 'a .desktop file', rel: 'x.desktop', text: 'version: 1\n', status: 400, message: /only writes/ },
    { what: 'a text file', rel: 'notes.txt', text: 'version: 1\n', status: 400, message: /only writes/ },
    { what: 'a file without extension', rel: 'Makefile', text: 'version: 1\n', status: 400, message: /only writes/ },
    { what: 'a workflow over a scenario', rel: F03, text: 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n', status: 400, message: /not a scenario/ },
    { what: 'a YAML list over a scenario', rel: F03, text: '- version: 1\n', status: 400, message: /not a scenario/ },
    { what: 'unparsable text without scenario keys', rel: F03, text: 'jobs:\n  - [\n', status: 400, message: /not a scenario/ },
    { what: 'JSON that is not a scenario', rel: 'new.json', text: '{"name2":"x","dependencies":{}}', status: 400, message: /not a scenario/ },
    {
      what: 'a package manifest under another name',
      rel: 'tools.json',
      text: '{"name":"x","version":"1.0.0","scripts":{"postinstall":"sh x"}}',
      status: 400,
      message: /no top-level "scripts"/,
    },
    {
      what: 'a Taskfile (it shares `version` with a scenario)',
      rel: 'Taskfile.yml',
      text: "version: '3'\ntasks:\n  x:\n    cmds: [sh x]\n",
      status: 400,
      message: /no top-level "tasks"/,
    },
    { what: 'an action.yml (it shares `name`)', rel: 'action.yml', text: 'name: x\nruns:\n  using: node20\n  main: x.js\n', status: 400, message: /no top-level "runs"/ },
    { what: 'unparsable text with a foreign top-level key', rel: F03, text: 'version: 1\ntasks:\n  - [\n', status: 400, message: /no top-level "tasks"/ },
    { what: 'an empty mapping', rel: F03, text: '{}\n', status: 400, message: /not a scenario/ },
    { what: 'a JSON array', rel: 'new.json', text: '[{"version":1}]', status: 400, message: /not a scenario/ },
  ];

  beforeAll(() => {
    for (const d of ['.github/workflows', '.git', 'sub']) mkdirSync(path.join(dirs.scenarios, d), { recursive: true });
  });

  it.each(refused)('refuses $what ($status) and leaves the file as it was', async (c) => {
    const p = path.join(dirs.scenarios, c.rel);
    if (c.before !== undefined) writeFileSync(p, c.before);
    const before = existsSync(p) ? readFileSync(p, 'utf8') : null;
    const r = await api('writeFile', { path: p, text: c.text ?? 'version: 1\n' });
    expect(r.status, r.text).toBe(c.status);
    expect(String(json(r).error)).toMatch(c.message);
    expectFile(p, before);
    // Forcing past a changed-on-disk warning changes nothing.
    expect((await api('writeFile', { path: p, text: c.text ?? 'version: 1\n', expectedMtimeMs: 0, force: true })).status).toBe(c.status);
    expectFile(p, before);
  });

  it('refuses a link inside the folder that looks like a scenario but leads to a manifest or a hidden folder', async () => {
    const workflow = path.join(dirs.scenarios, '.github/workflows/ci.yml');
    const manifest = path.join(dirs.scenarios, 'package.json');
    writeFileSync(workflow, 'on: push\n');
    writeFileSync(manifest, '{"name":"x"}\n');
    symlinkSync(workflow, path.join(dirs.scenarios, 'ci-link.yaml'));
    symlinkSync(manifest, path.join(dirs.scenarios, 'pkg-link.json'));
    expect((await api('writeFile', { path: path.join(dirs.scenarios, 'ci-link.yaml'), text: 'version: 1\n' })).status).toBe(403);
    expect((await api('writeFile', { path: path.join(dirs.scenarios, 'pkg-link.json'), text: '{"version":1}' })).status).toBe(403);
    expectFile(workflow, 'on: push\n');
    expectFile(manifest, '{"name":"x"}\n');
  });

  it('refuses a scenario file in the export folder', async () => {
    const p = path.join(dirs.out, 'x.yaml');
    expect((await api('writeFile', { path: p, text: 'version: 1\n' })).status).toBe(403);
    expectFile(p, null);
  });

  it('writes scenario files (.yaml, .yml, .json), grammar errors and all, in subfolders too', async () => {
    const cases = [
      [F03, scenarioText.replace(/dtS: .*/, 'dtS: fast')],
      ['sub/new.yml', 'version: 1\nroad: [\n'],
      ['new.json', JSON.stringify({ $schema: './scenario.schema.json', version: 1, name: 'n', description: 'd', labels: {} })],
    ] as const;
    for (const [rel, text] of cases) {
      const r = await api('writeFile', { path: path.join(dirs.scenarios, rel), text });
      expect(r.status, r.text).toBe(200);
      expectFile(path.join(dirs.scenarios, rel), text);
    }
    writeFileSync(scenario, scenarioText);
  });
});

describe('the Origin of an API call', () => {
  it('refuses a foreign Origin with 403, and does nothing', async () => {
    const p = path.join(dirs.scenarios, 'origin.yaml');
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      for (const auth of [cookie(), { [TOKEN_HEADER]: server.token }]) {
        const r = await api('writeFile', { path: p, text: 'version: 1\n' }, { ...auth, Origin: origin });
        expect(r.status, `${origin} ${Object.keys(auth)[0]}`).toBe(403);
        expect(String(json(r).error)).toMatch(/only the studio page may call the API/);
      }
    }
    expectFile(p, null);
  });

  it("accepts the studio's own Origin, by 127.0.0.1 or localhost", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await api('roots', {}, { ...cookie(), Origin: origin })).status, origin).toBe(200);
    }
  });

  it('without an Origin (curl, a script): the header token is enough, the cookie alone is not (a browser always sends Origin on a POST)', async () => {
    expect((await api('roots', {})).status).toBe(200);
    const r = await api('roots', {}, cookie());
    expect(r.status).toBe(403);
    expect(String(json(r).error)).toMatch(/X-Roadsynth-Token header/);
  });
});

describe('the Host a request names', () => {
  it('must be 127.0.0.1 or localhost on its port, for the studio server (page, API, files, first load)', async () => {
    const file = `/files?path=${encodeURIComponent(scenario)}`;
    const paths = [
      { path: '/', method: 'GET' },
      { path: '/api/roots', method: 'POST', body: '{}' },
      { path: file, method: 'GET' },
      { path: `/?token=${server.token}`, method: 'GET' },
    ];
    for (const p of paths) {
      for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`, `[::1]:${port}`]) {
        const r = await send({ ...p, headers: { Host: host, [TOKEN_HEADER]: server.token } });
        expect(r.status, `${host} ${p.path}`).toBe(403);
        expect(r.headers['set-cookie'], host).toBeUndefined();
      }
      // Without Host, node's own parser answers 400 before the studio sees the request.
      const none = await send({ ...p, noHost: true, headers: { [TOKEN_HEADER]: server.token } });
      expect([400, 403], `no Host ${p.path}`).toContain(none.status);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
        expect((await send({ ...p, headers: { Host: host, [TOKEN_HEADER]: server.token } })).status, host).toBeLessThan(400);
      }
    }
  });

  it('must be 127.0.0.1 or localhost on its port for the export page server too; a malformed escape there is a 400', async () => {
    const script = path.join(dirs.base, 'render-page.js');
    writeFileSync(script, '// render page\n');
    const pages = new PageServer(script);
    await pages.start();
    try {
      const page = new URL(pages.pageUrl);
      const blob = new URL(pages.putBlob('trajectory', new Uint8Array([1, 2, 3])));
      const at = { port: Number(page.port) };
      expect((await send({ ...at, path: page.pathname })).status).toBe(200);
      expect((await send({ ...at, path: blob.pathname, headers: { Host: `localhost:${page.port}` } })).status).toBe(200);
      for (const host of ['evil.example', `evil.example:${page.port}`, `127.0.0.1:${Number(page.port) + 1}`]) {
        for (const p of [page.pathname, blob.pathname]) {
          const r = await send({ ...at, path: p, headers: { Host: host } });
          expect([r.status, r.text], `${host} ${p}`).toEqual([403, '']);
        }
      }
      expect([400, 403]).toContain((await send({ ...at, path: page.pathname, noHost: true })).status);
      // Before, a bad escape in a blob name threw in the request handler and ended the process.
      expect((await send({ ...at, path: `${path.posix.dirname(blob.pathname)}/%E0%A4%A` })).status).toBe(400);
      expect((await send({ ...at, path: blob.pathname })).status).toBe(200);
    } finally {
      await pages.close();
    }
  });
});

describe('bodies and URLs', () => {
  const big = (bytes: number): string => JSON.stringify({ path: scenario, text: `version: 1\n# ${'x'.repeat(bytes)}\n` });

  it('a body over 4 MB gets 413, whether Content-Length announces it or it comes chunked, and the file is left alone', async () => {
    for (const chunked of [false, true]) {
      const r = await send({
        method: 'POST',
        path: '/api/writeFile',
        headers: { [TOKEN_HEADER]: server.token, 'Content-Type': 'application/json' },
        body: big(5 * 1024 * 1024),
        chunked,
      });
      expect(r.status, chunked ? 'chunked' : 'Content-Length').toBe(413);
      expect(String(json(r).error)).toMatch(/larger than 4 MB/);
      expectFile(scenario, scenarioText);
    }
    // The server goes on answering.
    expect((await api('roots', {})).status).toBe(200);
  });

  it('a body under the limit is read, chunked too (and then judged by the call: a text is at most 1 MB)', async () => {
    const p = path.join(dirs.scenarios, 'big-but-fine.yaml');
    const text = `version: 1\n# ${'x'.repeat(1000 * 1000)}\n`;
    const post = (body: string): Promise<Reply> =>
      send({ method: 'POST', path: '/api/writeFile', headers: { [TOKEN_HEADER]: server.token, 'Content-Type': 'application/json' }, body, chunked: true });
    const r = await post(JSON.stringify({ path: p, text }));
    expect(r.status, r.text).toBe(200);
    expectFile(p, text);
    rmSync(p);
    // 3 MB: read whole (not 413), refused by the call's own limit.
    const over = await post(big(3 * 1024 * 1024));
    expect([over.status, json(over).error]).toEqual([400, 'writeFile: invalid request at /text: must NOT have more than 1048576 characters']);
    expectFile(scenario, scenarioText);
  });

  it('a malformed %-escape in the path or the query gets 400, and the server goes on', async () => {
    for (const p of ['/files/%E0%A4%A', '/%E0%A4%A', '/assets/%ZZ.js', `/files?path=${encodeURIComponent(dirs.scenarios)}%2F%E0%A4%A`, '/files?path=%C0%AF', '/api/roo%E0ts']) {
      const r = await send({
        path: p,
        method: p.startsWith('/api/') ? 'POST' : 'GET',
        headers: { ...cookie(), [TOKEN_HEADER]: server.token },
        body: p.startsWith('/api/') ? '{}' : undefined,
      });
      expect([r.status, json(r).error], p).toEqual([400, 'malformed URL']);
    }
    expect((await api('roots', {})).status).toBe(200);
  });

  it('404 for what does not exist, 403 for what is not allowed, 405 for a wrong method', async () => {
    const auth = { [TOKEN_HEADER]: server.token };
    const files = (p: string): string => `/files?path=${encodeURIComponent(p)}`;
    expect((await send({ path: '/missing.js' })).status).toBe(404);
    expect((await send({ path: '/..%2F..%2F..%2Fetc%2Fpasswd' })).status).toBe(404);
    expect((await send({ path: files(path.join(dirs.scenarios, 'missing.yaml')), headers: auth })).status).toBe(404);
    expect((await send({ path: files('/etc/passwd'), headers: auth })).status).toBe(403);
    expect((await send({ path: files(`${dirs.scenarios}/../recovery`), headers: auth })).status).toBe(403);
    expect((await send({ path: files(scenario) })).status).toBe(403);
    expect((await send({ path: '/api/roots', headers: auth })).status).toBe(405);
    expect((await send({ method: 'PUT', path: '/', headers: auth })).status).toBe(405);
    expect((await api('noSuchCall', {})).status).toBe(404);
    expect((await api('readFile', { path: '/etc/passwd' })).status).toBe(403);
  });
});

describe('recovery drafts', () => {
  const draft = (i: number, text = `version: 1\nname: d${i}\n`): Promise<Reply> => api('saveDraft', { path: path.join(dirs.scenarios, `d${i}.yaml`), text });
  const draftFiles = (): string[] => readdirSync(dirs.recovery).filter((n) => n.endsWith('.json'));
  const clear = (): void => {
    for (const n of readdirSync(dirs.recovery)) rmSync(path.join(dirs.recovery, n), { force: true });
  };

  it('are private: the folder 0700 (also when it was made wider), each file 0600 whatever the umask', async () => {
    chmodSync(dirs.recovery, 0o755);
    const umask = process.umask(0);
    try {
      expect((await draft(0)).status).toBe(200);
    } finally {
      process.umask(umask);
    }
    expect(statSync(dirs.recovery).mode & 0o777).toBe(0o700);
    const files = draftFiles();
    expect(files).toHaveLength(1);
    expect(statSync(path.join(dirs.recovery, files[0]!)).mode & 0o777).toBe(0o600);
    clear();
  });

  it(`are at most ${MAX_DRAFTS}: one more is refused with a message that says why, and none is dropped`, async () => {
    for (let i = 0; i < MAX_DRAFTS; i++) expect((await draft(i)).status).toBe(200);
    const kept = draftFiles().sort();
    const r = await draft(MAX_DRAFTS);
    expect(r.status).toBe(507);
    expect(String(json(r).error)).toMatch(new RegExp(`recovery drafts are full \\(${MAX_DRAFTS} of ${MAX_DRAFTS} drafts.*not kept. Save or discard`));
    expect(draftFiles().sort()).toEqual(kept);
    // A draft already kept may still be updated; dropping one makes room.
    expect((await draft(3, 'version: 1\nname: newer\n')).status).toBe(200);
    expect((await api('dropDraft', { path: path.join(dirs.scenarios, 'd0.yaml') })).status).toBe(200);
    expect((await draft(MAX_DRAFTS)).status).toBe(200);
    clear();
  });

  it(`take at most ${MAX_DRAFT_BYTES / 1024 / 1024} MB together`, async () => {
    // Drafts of up to 1 MB (the API's limit on a text): 16 fit, the 17th would pass 16 MB.
    const text = `version: 1\n# ${'x'.repeat(1000 * 1000)}\n`;
    const fit = Math.floor(MAX_DRAFT_BYTES / (text.length + 200));
    expect(fit).toBeLessThan(MAX_DRAFTS);
    for (let i = 0; i < fit; i++) expect((await draft(i, text)).status).toBe(200);
    const r = await draft(fit, text);
    expect(r.status).toBe(507);
    expect(String(json(r).error)).toMatch(/recovery drafts are full .* of 16\.0 MB/);
    expect(draftFiles()).toHaveLength(fit);
    clear();
  });

  it('make room only by dropping drafts older than 30 days', async () => {
    for (let i = 0; i < MAX_DRAFTS; i++) expect((await draft(i)).status).toBe(200);
    const old = (Date.now() - 31 * 24 * 3600 * 1000) / 1000;
    const [first, ...rest] = draftFiles();
    utimesSync(path.join(dirs.recovery, first!), old, old);
    expect((await draft(MAX_DRAFTS)).status).toBe(200);
    expect(draftFiles()).not.toContain(first);
    expect(draftFiles()).toEqual(expect.arrayContaining(rest));
    expect((await draft(MAX_DRAFTS + 1)).status).toBe(507);
    clear();
  });
});

describe('in a browser (Chromium)', () => {
  it('the token leaves the address bar, the page cannot read the cookie, its calls and file links work; a page on another port of 127.0.0.1 gets nothing done', async () => {
    const other = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>another local site</title>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      expect(page.url()).toBe(`${server.origin}/`);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      const cookies = await context.cookies(server.origin);
      expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([[tokenCookie(port), true, 'Strict']]);
      // The page's own call, as apiClient makes it (cookie, Origin set by the browser).
      const call = (name: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> =>
        page.evaluate(
          async ([n, b]) => {
            const res = await fetch(`./api/${n}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
            return { status: res.status, body: (await res.json()) as Record<string, unknown> };
          },
          [name, body] as const,
        );
      expect((await call('roots', {})).status).toBe(200);
      // A file opened the way the export panel opens it.
      const notes = path.join(dirs.out, 'notes.txt');
      writeFileSync(notes, 'exported\n');
      const { url } = (await call('openPath', { path: notes })).body as { url: string };
      expect(url).not.toContain(server.token);
      const [tab] = await Promise.all([context.waitForEvent('page'), page.evaluate((u) => window.open(u, '_blank', 'noopener'), url)]);
      await tab.waitForLoadState();
      expect(tab.url()).toBe(url);
      expect(await tab.textContent('body')).toBe('exported\n');

      // Another site on 127.0.0.1: same site, so the browser sends the cookie; the Origin check refuses it.
      const target = path.join(dirs.scenarios, 'planted.yaml');
      const { port: otherPort } = other.address() as AddressInfo;
      const evil = await context.newPage();
      await evil.goto(`http://127.0.0.1:${otherPort}/`);
      await evil.evaluate(
        async ([u, p]) => {
          // A "simple" request: no preflight, the cookie goes along; the answer is opaque (and
          // blocked by Cross-Origin-Resource-Policy), so only the file on disk tells.
          const body = JSON.stringify({ path: p, text: 'version: 1\n' });
          await fetch(`${u}/api/writeFile`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }).catch(() => undefined);
        },
        [server.origin, target] as const,
      );
      expectFile(target, null);
      // A link on that page to a file: the browser marks it same-site, and the cookie goes with it.
      const fileLink = `${server.origin}/files?path=${encodeURIComponent(scenario)}`;
      const [shown] = await Promise.all([
        evil.waitForResponse((r) => r.url() === fileLink),
        evil.evaluate((u) => {
          location.href = u;
        }, fileLink),
      ]);
      expect(shown.status()).toBe(403);
      expect(await shown.request().headerValue('sec-fetch-site')).toBe('same-site');
    } finally {
      await browser.close();
      other.closeAllConnections();
      await new Promise((r) => other.close(r));
    }
  });
});

/**
 * The desktop app's main process (src/main/index.ts) against a stand-in for the electron
 * module (the Electron binary cannot run on the development machines): the security
 * checklist as main applies it, and the IPC contract as the preload uses it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import type { IpcResult } from '../../src/main/electronTypes.js';
import { CONTENT_SECURITY_POLICY } from '../../src/studio/server/securityHeaders.js';

const require = createRequire(import.meta.url);
const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };

type Listener = (...args: never[]) => unknown;

/** What the stand-in records of main's calls. */
const seen = {
  windows: [] as { options: Record<string, unknown>; events: Map<string, Listener>; contents: Map<string, Listener>; loaded: string[] }[],
  ipc: null as null | ((event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<IpcResult>),
  permission: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  headers: null as null | ((details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void),
  appEvents: new Map<string, Listener>(),
  messageBoxes: 0,
};

function fakeWebContents(events: Map<string, Listener>): Record<string, unknown> {
  return {
    getURL: () => '',
    setWindowOpenHandler: (h: Listener) => events.set('window-open', h),
    on: (name: string, l: Listener) => events.set(name, l),
    reload: () => undefined,
  };
}

const userData = mkdtempSync(path.join(os.tmpdir(), 'roadsynth-electron-'));

const fakeElectron = {
  app: {
    whenReady: async () => undefined,
    getAppPath: () => PACKAGE_ROOT,
    getPath: (name: string) => path.join(userData, name),
    on: (name: string, l: Listener) => seen.appEvents.set(name, l),
    quit: () => undefined,
  },
  BrowserWindow: class {
    readonly webContents: Record<string, unknown>;
    private readonly record;
    constructor(options: Record<string, unknown>) {
      this.record = { options, events: new Map<string, Listener>(), contents: new Map<string, Listener>(), loaded: [] as string[] };
      this.webContents = fakeWebContents(this.record.contents);
      seen.windows.push(this.record);
    }
    async loadFile(file: string): Promise<void> {
      this.record.loaded.push(file);
    }
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
    }
    on(name: string, l: Listener): void {
      this.record.events.set(name, l);
    }
    once(name: string, l: Listener): void {
      this.record.events.set(name, l);
    }
    show(): void {}
    destroy(): void {}
  },
  ipcMain: { handle: (_channel: string, l: typeof seen.ipc) => (seen.ipc = l) },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBoxSync: () => {
      seen.messageBoxes++;
      return 0;
    },
  },
  shell: { openPath: async () => '' },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof seen.permission) => (seen.permission = h),
      webRequest: { onHeadersReceived: (h: typeof seen.headers) => (seen.headers = h) },
    },
  },
};

const FAKE_ID = path.join(userData, 'electron-stand-in.js');
const APP_PAGE = pathToFileURL(path.join(PACKAGE_ROOT, 'src/renderer/index.html')).href;
const fromPage = { senderFrame: { url: APP_PAGE } };
const call = (name: string, body: unknown, event: { senderFrame: { url: string } | null } = fromPage): Promise<IpcResult> => seen.ipc!(event, name, body);

describe('desktop main process', () => {
  const resolve = Module._resolveFilename;
  beforeAll(async () => {
    Module._resolveFilename = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? FAKE_ID : resolve.call(this, request, ...rest);
    };
    require.cache[FAKE_ID] = { id: FAKE_ID, filename: FAKE_ID, loaded: true, exports: fakeElectron } as unknown as NodeModule;
    await import('../../src/main/index.js');
    for (let i = 0; i < 100 && !seen.ipc; i++) await new Promise((r) => setTimeout(r, 10));
  });
  afterAll(() => {
    Module._resolveFilename = resolve;
    delete require.cache[FAKE_ID];
    (seen.appEvents.get('window-all-closed') as (() => void) | undefined)?.();
    rmSync(userData, { recursive: true, force: true });
  });

  it('opens one window: isolated, sandboxed, no Node, web security on, the app page loaded', () => {
    expect(seen.windows).toHaveLength(1);
    const w = seen.windows[0]!;
    expect(w.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((w.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(w.loaded).toEqual([path.join(PACKAGE_ROOT, 'src/renderer/index.html')]);
  });

  it('answers API calls from its own page only', async () => {
    expect(await call('roots', {}, { senderFrame: { url: 'https://example.com/' } })).toMatchObject({ ok: false, status: 403 });
    expect(await call('roots', {}, { senderFrame: null })).toMatchObject({ ok: false, status: 403 });
    const roots = await call('roots', {});
    expect(roots.ok).toBe(true);
    expect((roots as { value: { host: string } }).value.host).toBe('electron');
  });

  it('validates every request against the contract before acting', async () => {
    expect(await call('noSuchCall', {})).toMatchObject({ ok: false, status: 404 });
    const bad = await call('readFile', { path: 42 });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect((bad as { error: string }).error).toMatch(/path/);
    expect(await call('writeFile', { path: 'x.yaml' })).toMatchObject({ ok: false, status: 400 });
  });

  it('opens the shipped scenarios and reads only inside folders the user opened', async () => {
    const roots = (await call('roots', {})) as { ok: true; value: { roots: { id?: string; path: string; purpose: string }[] } };
    const scenarios = roots.value.roots.find((r) => r.purpose === 'scenarios')!;
    expect(scenarios.path).toBe(path.join(PACKAGE_ROOT, 'scenarios'));
    const files = (await call('listFiles', { root: scenarios.id ?? scenarios.path })) as { ok: true; value: { files: { path: string }[] } };
    expect(files.ok).toBe(true);
    expect(files.value.files.length).toBeGreaterThanOrEqual(14);
    expect((await call('readFile', { path: files.value.files[0]!.path })).ok).toBe(true);
    const outside = await call('readFile', { path: path.join(PACKAGE_ROOT, 'package.json') });
    expect(outside).toMatchObject({ ok: false, status: 403 });
    expect(await call('readFile', { path: path.join(scenarios.path, '../package.json') })).toMatchObject({ ok: false, status: 403 });
  });

  it('sets the Content-Security-Policy on every response and denies every permission', () => {
    let headers: Record<string, string[]> | undefined;
    seen.headers!({ url: APP_PAGE, responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers?.['X-Other']).toEqual(['1']);
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
    let granted: boolean | undefined;
    seen.permission!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('opens no new windows and navigates nowhere but its own page', () => {
    const contents = new Map<string, Listener>();
    (seen.appEvents.get('web-contents-created') as (e: never, wc: never) => void)(null as never, fakeWebContents(contents) as never);
    expect((contents.get('window-open') as () => { action: string })()).toEqual({ action: 'deny' });
    const navigate = contents.get('will-navigate') as (e: { preventDefault(): void }, url: string) => void;
    let prevented = 0;
    navigate({ preventDefault: () => prevented++ }, 'https://example.com/');
    navigate({ preventDefault: () => prevented++ }, APP_PAGE);
    expect(prevented).toBe(1);
  });

  it('asks before closing with unsaved changes, and only then', async () => {
    const close = seen.windows[0]!.events.get('close') as (e: { preventDefault(): void }) => void;
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    close(event);
    expect([seen.messageBoxes, prevented]).toEqual([0, 0]);
    expect((await call('setDirty', { dirty: true })).ok).toBe(true);
    // The stand-in dialog answers "Keep editing".
    close(event);
    expect([seen.messageBoxes, prevented]).toEqual([1, 1]);
    await call('setDirty', { dirty: false });
  });
});

/**
 * The desktop app's main process (src/main/index.ts) against a stand-in for the electron
 * module (the Electron binary cannot run on the development machines): the security
 * checklist as main applies it, and the IPC contract as the preload uses it.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import type { IpcResult, MenuItemOptions } from '../../src/main/electronTypes.js';
import { CRASH_WINDOW_MS, MAX_CRASH_RELOADS, menuRoles } from '../../src/main/policies.js';
import { CONTENT_SECURITY_POLICY } from '../../src/studio/server/securityHeaders.js';

const require = createRequire(import.meta.url);
const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };

type Listener = (...args: never[]) => unknown;

/** What the stand-in records of main's calls. */
interface WindowRecord {
  options: Record<string, unknown>;
  events: Map<string, Listener>;
  contents: Map<string, Listener>;
  loaded: string[];
  reloads: number;
  destroyed: boolean;
}

const seen = {
  windows: [] as WindowRecord[],
  ipc: null as null | ((event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<IpcResult>),
  permission: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  headers: null as null | ((details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void),
  appEvents: new Map<string, Listener>(),
  messageBoxes: 0,
  /** Options of every message box shown, and the button the stand-in user picks. */
  boxes: [] as { type: string; message: string; detail: string; buttons: string[] }[],
  answer: 0,
  /** Templates given to Menu.buildFromTemplate, and the menu last set as the application menu. */
  menus: [] as MenuItemOptions[][],
  appMenu: null as MenuItemOptions[] | null,
  /** Paths handed to shell.openPath. */
  opened: [] as string[],
};

function fakeWebContents(events: Map<string, Listener>, onReload: () => void = () => {}): Record<string, unknown> {
  return {
    getURL: () => '',
    setWindowOpenHandler: (h: Listener) => events.set('window-open', h),
    on: (name: string, l: Listener) => events.set(name, l),
    reload: onReload,
  };
}

const userData = mkdtempSync(path.join(os.tmpdir(), 'roadsynth-electron-'));

const fakeElectron = {
  app: {
    isPackaged: true,
    whenReady: async () => undefined,
    getAppPath: () => PACKAGE_ROOT,
    getPath: (name: string) => path.join(userData, name),
    on: (name: string, l: Listener) => seen.appEvents.set(name, l),
    quit: () => undefined,
  },
  Menu: {
    buildFromTemplate: (template: MenuItemOptions[]) => {
      seen.menus.push(template);
      return template;
    },
    setApplicationMenu: (menu: MenuItemOptions[]) => (seen.appMenu = menu),
  },
  BrowserWindow: class {
    readonly webContents: Record<string, unknown>;
    private readonly record: WindowRecord;
    constructor(options: Record<string, unknown>) {
      this.record = { options, events: new Map(), contents: new Map(), loaded: [], reloads: 0, destroyed: false };
      this.webContents = fakeWebContents(this.record.contents, () => this.record.reloads++);
      seen.windows.push(this.record);
    }
    isDestroyed(): boolean {
      return this.record.destroyed;
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
    destroy(): void {
      this.record.destroyed = true;
    }
  },
  ipcMain: { handle: (_channel: string, l: typeof seen.ipc) => (seen.ipc = l) },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBoxSync: (_win: unknown, options: { type: string; message: string; detail: string; buttons: string[] }) => {
      seen.messageBoxes++;
      seen.boxes.push(options);
      return seen.answer;
    },
  },
  shell: {
    openPath: async (p: string) => {
      seen.opened.push(p);
      return '';
    },
  },
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

  it('the packaged app has a menu without DevTools and windows that cannot open them', () => {
    const roles = menuRoles(seen.appMenu!);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'copy', 'paste', 'selectAll']));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('forceReload');
    expect(seen.windows[0]!.options['webPreferences']).toMatchObject({ devTools: false });
  });

  it('hands only folders and data files to the system opener: no executables, not even through a link', async () => {
    const dir = path.join(userData, 'documents', 'roadsynth-datasets', 'open-test');
    mkdirSync(dir, { recursive: true });
    const file = (name: string, mode = 0o644): string => {
      const p = path.join(dir, name);
      writeFileSync(p, 'x');
      chmodSync(p, mode);
      return p;
    };
    const allowed = [dir, file('000001.png'), file('labels.JSONL'), file('report.html'), file('README.md'), file('scenario.studio.json'), file('stats.csv')];
    const refused = [file('run.sh'), file('studio.desktop'), file('setup.exe'), file('roadsynth.AppImage'), file('Makefile'), file('notes.txt', 0o755)];
    symlinkSync(path.join(dir, 'studio.desktop'), path.join(dir, 'frame.png'));
    refused.push(path.join(dir, 'frame.png'));
    seen.opened.length = 0;
    for (const p of allowed) expect(await call('openPath', { path: p }), p).toEqual({ ok: true, value: { url: null } });
    for (const p of refused) expect(await call('openPath', { path: p }), p).toMatchObject({ ok: false, status: 403 });
    expect(seen.opened).toEqual(allowed);
    const desktop = (await call('openPath', { path: path.join(dir, 'studio.desktop') })) as { error: string };
    expect(desktop.error).toMatch(/opens only folders and .*\.png.* files, not \.desktop/);
    expect(((await call('openPath', { path: path.join(dir, 'notes.txt') })) as { error: string }).error).toMatch(/executable/);
  });

  it(`reloads a crashed page at most ${MAX_CRASH_RELOADS} times a minute, then says so instead of looping`, () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const t0 = new Date('2030-01-01T00:00:00Z').getTime();
      vi.setSystemTime(t0);
      const w = seen.windows[0]!;
      const gone = w.contents.get('render-process-gone') as (e: unknown, details: { reason: string }) => void;
      const boxes = seen.boxes.length;
      for (let i = 0; i < MAX_CRASH_RELOADS; i++) gone({}, { reason: 'crashed' });
      expect([w.reloads, seen.boxes.length - boxes]).toEqual([MAX_CRASH_RELOADS, 0]);
      // One more within the minute: no reload, a message; the user picks "Reload again".
      seen.answer = 1;
      gone({}, { reason: 'oom' });
      expect(seen.boxes.length - boxes).toBe(1);
      const box = seen.boxes.at(-1)!;
      expect(box.type).toBe('error');
      expect(box.message).toMatch(new RegExp(`\\(oom\\) ${MAX_CRASH_RELOADS + 1} times within ${CRASH_WINDOW_MS / 1000} s`));
      expect(box.detail).toContain(path.join(userData, 'userData', 'recovery'));
      expect(w.reloads).toBe(MAX_CRASH_RELOADS + 1);
      // Crashes spread beyond the window are reloaded again.
      vi.setSystemTime(t0 + CRASH_WINDOW_MS + 1000);
      for (let i = 0; i < MAX_CRASH_RELOADS; i++) gone({}, { reason: 'crashed' });
      expect([w.reloads, seen.boxes.length - boxes]).toEqual([2 * MAX_CRASH_RELOADS + 1, 1]);
      // Over the limit again; this time the user closes: the window goes, no reload.
      seen.answer = 0;
      gone({}, { reason: 'crashed' });
      expect([w.reloads, seen.boxes.length - boxes, w.destroyed]).toEqual([2 * MAX_CRASH_RELOADS + 1, 2, true]);
      gone({}, { reason: 'crashed' });
      expect([w.reloads, seen.boxes.length - boxes]).toEqual([2 * MAX_CRASH_RELOADS + 1, 2]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('has DevTools, and their menu entries, only when run from source or started with --devtools', async () => {
    const start = async (isPackaged: boolean, argv: string[]): Promise<{ devTools: unknown; roles: string[] }> => {
      const before = seen.windows.length;
      fakeElectron.app.isPackaged = isPackaged;
      process.argv.push(...argv);
      try {
        vi.resetModules();
        await import('../../src/main/index.js');
        for (let i = 0; i < 100 && seen.windows.length === before; i++) await new Promise((r) => setTimeout(r, 10));
      } finally {
        process.argv.splice(process.argv.length - argv.length, argv.length);
      }
      const w = seen.windows.at(-1)!;
      expect(seen.windows.length).toBe(before + 1);
      return { devTools: (w.options['webPreferences'] as { devTools?: boolean }).devTools, roles: menuRoles(seen.appMenu!) };
    };
    const packaged = await start(true, []);
    expect(packaged.devTools).toBe(false);
    expect(packaged.roles).not.toContain('toggleDevTools');
    for (const dev of [await start(false, []), await start(true, ['--devtools'])]) {
      expect(dev.devTools).toBe(true);
      expect(dev.roles).toContain('toggleDevTools');
    }
  });
});

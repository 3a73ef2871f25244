/**
 * Electron main process of the desktop studio. Applies Electron's security checklist: a
 * context-isolated, sandboxed renderer without Node; a strict Content-Security-Policy; no
 * navigation away from the app's page and no new windows; no permissions; every IPC request
 * validated (ajv, the contract's schemas) and answered only for the app's own page; file
 * access limited to folders the user opened; only folders and data files (no executables)
 * handed to the system's opener; no DevTools in the packaged app (its menu has none). Warns
 * before closing with unsaved changes and reloads a crashed page, which then offers the
 * recovered drafts, at most 3 times a minute, then says so and stops.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dispatch } from '../studio/host/dispatch.js';
import { studioExportRunner } from '../studio/host/exportRun.js';
import { FolderAccess } from '../studio/host/FolderAccess.js';
import { StudioApiError } from '../studio/host/StudioApiError.js';
import { StudioBackend } from '../studio/host/StudioBackend.js';
import { CONTENT_SECURITY_POLICY } from '../studio/server/securityHeaders.js';
import { IPC_CHANNEL, type BrowserWindowLike, type ElectronMain, type IpcResult } from './electronTypes.js';
import { appMenuTemplate, CRASH_WINDOW_MS, CrashReloads, devToolsAllowed, MAX_CRASH_RELOADS, openPathProblem } from './policies.js';

const { app, BrowserWindow, Menu, ipcMain, dialog, shell, session } = createRequire(import.meta.url)('electron') as ElectronMain;

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, '../preload/index.cjs');
const PAGE = path.join(here, '../renderer/index.html');
/** Set by `electron-vite dev`: the renderer is served by Vite's dev server. */
const DEV_URL = process.env.ELECTRON_RENDERER_URL;

/** The first command-line argument that is a folder: the scenario folder to open. */
function folderArgument(): string | undefined {
  return process.argv.slice(1).find((a) => !a.startsWith('-') && existsSync(a) && path.extname(a) === '' && a !== app.getAppPath());
}

function isAppPage(url: string): boolean {
  if (DEV_URL) return url.startsWith(DEV_URL);
  return url.split(/[?#]/)[0] === pathToFileURL(PAGE).href;
}

interface WindowOptions {
  backend: StudioBackend;
  dirty: { value: boolean };
  devTools: boolean;
  recoveryFolder: string;
}

function createWindow({ backend, dirty, devTools, recoveryFolder }: WindowOptions): BrowserWindowLike {
  const win = new BrowserWindow({
    width: 1600,
    height: 950,
    show: false,
    title: 'roadsynth studio',
    backgroundColor: '#15181d',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: PRELOAD, spellcheck: false, devTools },
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', (e) => {
    if (!dirty.value) return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Keep editing', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'You have unsaved changes.',
      detail: 'Closing now loses them (a draft stays in the recovery folder until you save or discard it).',
    });
    if (choice === 0) e.preventDefault();
    else backend.dispose();
  });
  // A crashed page comes back; on start it offers the drafts it autosaved. A page that keeps
  // crashing (say, on load) is not reloaded in a loop: after MAX_CRASH_RELOADS in a minute, ask.
  const crashes = new CrashReloads();
  win.webContents.on('render-process-gone', (_e, details) => {
    if (win.isDestroyed()) return;
    if (crashes.crashed(Date.now())) {
      win.webContents.reload();
      return;
    }
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error',
      buttons: ['Close the studio', 'Reload again'],
      defaultId: 0,
      cancelId: 0,
      message: `The studio page stopped (${details.reason}) ${MAX_CRASH_RELOADS + 1} times within ${CRASH_WINDOW_MS / 1000} s.`,
      detail: `It was reloaded ${MAX_CRASH_RELOADS} times and is not reloaded again on its own. Unsaved edits are kept as drafts in ${recoveryFolder} and offered back when the studio opens.`,
    });
    if (choice === 1) {
      crashes.reset();
      crashes.crashed(Date.now());
      win.webContents.reload();
    } else {
      backend.dispose();
      win.destroy();
    }
  });
  void (DEV_URL ? win.loadURL(DEV_URL) : win.loadFile(PAGE));
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  const devTools = devToolsAllowed(app.isPackaged, process.argv);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(devTools)));
  const access = new FolderAccess();
  const shipped = path.join(app.getAppPath(), 'scenarios');
  const start = folderArgument() ?? (existsSync(shipped) ? shipped : app.getPath('documents'));
  access.open(start, 'scenarios');
  const output = access.open(path.join(app.getPath('documents'), 'roadsynth-datasets'), 'output');
  const dirty = { value: false };
  let win: BrowserWindowLike | null = null;
  const recoveryFolder = path.join(app.getPath('userData'), 'recovery');
  const backend = new StudioBackend({
    access,
    exportRunner: studioExportRunner(),
    templatePath: path.join(app.getAppPath(), 'scenarios/templates/blank.yaml'),
    recoveryFolder,
    defaultOutDir: path.join(output.path, 'dataset'),
    hooks: {
      kind: 'electron',
      async pickFolder(purpose) {
        if (!win) return null;
        const r = await dialog.showOpenDialog(win, {
          title: purpose === 'scenarios' ? 'Open a scenario folder' : 'Choose a folder for exports',
          properties: ['openDirectory', 'createDirectory'],
        });
        return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
      },
      async openPath(real) {
        // The system's opener runs what it is given (.desktop, scripts): data files and folders only.
        const problem = openPathProblem(real);
        if (problem) throw new StudioApiError(problem.message, problem.status);
        const error = await shell.openPath(real);
        if (error) throw new StudioApiError(`cannot open ${real}: ${error}`, 400);
        return { url: null };
      },
      setDirty: (d) => {
        dirty.value = d;
      },
    },
  });

  ipcMain.handle(IPC_CHANNEL, async (event, name, body): Promise<IpcResult> => {
    // Only the app's own page may call the API (not an iframe or a page navigated to).
    if (!event.senderFrame || !isAppPage(event.senderFrame.url)) return { ok: false, error: 'request from an unknown page', status: 403 };
    try {
      return { ok: true, value: await dispatch(backend, String(name), body) };
    } catch (err) {
      if (err instanceof StudioApiError) return { ok: false, error: err.message, status: err.status };
      return { ok: false, error: err instanceof Error ? err.message : String(err), status: 500 };
    }
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event: never, contents: never) => {
    const wc = contents as BrowserWindowLike['webContents'];
    wc.setWindowOpenHandler(() => ({ action: 'deny' }));
    wc.on('will-navigate', (e, url) => {
      if (!isAppPage(url)) e.preventDefault();
    });
  });
  app.on('window-all-closed', () => {
    backend.dispose();
    app.quit();
  });
  win = createWindow({ backend, dirty, devTools, recoveryFolder });
}

void main();

/**
 * The part of Electron's API the studio's main and preload processes use, typed here because
 * the electron package (an optional dependency, with its own typings) cannot be installed on
 * every development machine. The processes load the real module at run time.
 */

export interface WebPreferencesLike {
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  webSecurity: boolean;
  preload: string;
  spellcheck?: boolean;
  /** False in the packaged app: no DevTools, whatever the keyboard or menu. */
  devTools?: boolean;
}

/** A menu item as Menu.buildFromTemplate takes it (the part the studio uses). */
export interface MenuItemOptions {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  submenu?: MenuItemOptions[];
}

export interface WebContentsLike {
  getURL(): string;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  on(event: 'will-navigate', listener: (e: { preventDefault(): void }, url: string) => void): void;
  on(event: 'render-process-gone', listener: (e: unknown, details: { reason: string }) => void): void;
  reload(): void;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  isDestroyed(): boolean;
  loadFile(file: string): Promise<void>;
  loadURL(url: string): Promise<void>;
  on(event: 'close', listener: (e: { preventDefault(): void }) => void): void;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
  destroy(): void;
}

export interface IpcMainInvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  webRequest: {
    onHeadersReceived(
      listener: (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void,
    ): void;
  };
}

/** The main process's view of the electron module. */
export interface ElectronMain {
  app: {
    /** True when run from a packaged build (electron-builder), false under `electron .` or electron-vite dev. */
    isPackaged: boolean;
    whenReady(): Promise<void>;
    getAppPath(): string;
    getPath(name: 'userData' | 'documents'): string;
    on(event: 'window-all-closed' | 'web-contents-created', listener: (...args: never[]) => void): void;
    quit(): void;
  };
  Menu: {
    buildFromTemplate(template: MenuItemOptions[]): unknown;
    setApplicationMenu(menu: unknown): void;
  };
  BrowserWindow: new (options: { width: number; height: number; show: boolean; title: string; backgroundColor: string; webPreferences: WebPreferencesLike }) => BrowserWindowLike;
  ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  };
  dialog: {
    showOpenDialog(window: BrowserWindowLike, options: { title: string; properties: ('openDirectory' | 'createDirectory')[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
    showMessageBoxSync(
      window: BrowserWindowLike,
      options: { type: 'warning' | 'error'; buttons: string[]; defaultId: number; cancelId: number; message: string; detail: string },
    ): number;
  };
  shell: { openPath(path: string): Promise<string> };
  session: { defaultSession: SessionLike };
}

/** The sandboxed preload's view of the electron module. */
export interface ElectronPreload {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
}

/** What main sends back over IPC: errors cross as values, since Error classes do not survive. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: string; status: number };

export const IPC_CHANNEL = 'roadsynth:api';

/**
 * The preload of the studio window (sandboxed, context-isolated): exposes exactly the studio
 * API as `window.roadsynth`, each call one IPC invoke that main validates before acting.
 * Nothing else of Node or Electron reaches the page.
 */
import { API_NAMES, type StudioApi } from '../studio/api.js';
import { IPC_CHANNEL, type ElectronPreload, type IpcResult } from '../main/electronTypes.js';

// Sandboxed preloads are CommonJS with a `require` limited to a few modules, electron among them.
const { contextBridge, ipcRenderer } = require('electron') as ElectronPreload;

class StudioCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

const api = Object.fromEntries(
  API_NAMES.map((name) => [
    name,
    async (req: unknown) => {
      const r = (await ipcRenderer.invoke(IPC_CHANNEL, name, req)) as IpcResult;
      if (!r.ok) throw new StudioCallError(r.error, r.status);
      return r.value;
    },
  ]),
) as unknown as StudioApi;

contextBridge.exposeInMainWorld('roadsynth', api);

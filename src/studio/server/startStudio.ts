/**
 * Starts the browser host: opens the scenario folder and the export folder, builds the
 * renderer if needed and serves it with the API on 127.0.0.1. Used by `roadsynth studio` and
 * by the GUI tests.
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../dataset/packageRoot.js';
import { studioExportRunner, type ExportRunner } from '../host/exportRun.js';
import { FolderAccess } from '../host/FolderAccess.js';
import { StudioBackend } from '../host/StudioBackend.js';
import { StudioApiError } from '../host/StudioApiError.js';
import { ensureRendererBuild } from './rendererBuild.js';
import { StudioServer } from './StudioServer.js';
import { writeLaunchFile, type LaunchFile } from './launchFile.js';

export interface StartStudioOptions {
  /** Scenario folder to open. */
  dir: string;
  /** Folder exports may be written into (default ./out/studio). */
  outDir?: string;
  /** 0 or omitted: a free port. */
  port?: number;
  token?: string;
  /** Where unsaved buffers are kept (default ~/.cache/roadsynth/recovery). */
  recoveryFolder?: string;
  exportRunner?: ExportRunner;
  log?: (line: string) => void;
  /** Write the private launch file (for opening a browser without the token in argv). */
  launchFile?: boolean;
}

export interface RunningStudio {
  url: string;
  origin: string;
  token: string;
  server: StudioServer;
  backend: StudioBackend;
  /** The 0600 file that redirects to `url` (when asked for); removed after the first load. */
  launchPath: string | null;
  close(): Promise<void>;
}

export async function startStudio(o: StartStudioOptions): Promise<RunningStudio> {
  const access = new FolderAccess();
  const scenarios = access.open(o.dir, 'scenarios');
  const output = access.open(o.outDir ?? path.resolve('out/studio'), 'output');
  const { dir: rendererDir } = await ensureRendererBuild(o.log);
  let server: StudioServer | null = null;
  const backend = new StudioBackend({
    access,
    exportRunner: o.exportRunner ?? studioExportRunner(),
    templatePath: path.join(PACKAGE_ROOT, 'scenarios/templates/blank.yaml'),
    recoveryFolder: o.recoveryFolder ?? path.join(os.homedir(), '.cache', 'roadsynth', 'recovery'),
    defaultOutDir: path.join(output.path, path.basename(scenarios.path) === 'scenarios' ? 'dataset' : `${path.basename(scenarios.path)}-dataset`),
    hooks: {
      kind: 'browser',
      // A page cannot show the system's folder dialog; the folders are the ones given on the command line.
      pickFolder: async () => null,
      openPath: async (real) => {
        if (statSync(real).isDirectory()) {
          throw new StudioApiError(`a browser cannot open folders; the files are in ${real} (the desktop app opens it in your file manager)`, 400);
        }
        return { url: server!.fileUrl(real) };
      },
      // The page warns on close itself (beforeunload).
      setDirty: () => {},
    },
  });
  let launch: LaunchFile | null = null;
  server = new StudioServer({ api: backend, access, rendererDir, port: o.port, token: o.token, onFirstLoad: () => launch?.remove() });
  await server.start();
  const s = server;
  if (o.launchFile) launch = writeLaunchFile(s.url);
  return {
    url: s.url,
    origin: s.origin,
    token: s.token,
    server: s,
    backend,
    launchPath: launch?.path ?? null,
    async close() {
      launch?.remove();
      backend.dispose();
      await s.close();
    },
  };
}

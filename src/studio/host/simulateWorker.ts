/** Worker thread of PreviewSimulator: one simulate request in, its response out. */
import { parentPort } from 'node:worker_threads';
import type { SimulateRequest } from '../api.js';
import { simulatePreview } from './previewService.js';

parentPort!.on('message', (m: { id: number; req: SimulateRequest }) => {
  try {
    parentPort!.postMessage({ id: m.id, res: simulatePreview(m.req) });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});

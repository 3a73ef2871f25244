/**
 * Entry of the render page bundle (built by esbuild at run time, see
 * src/dataset/render-host/pageBundle.ts). Installs `window.roadsynthPage` for the host.
 * The same bundle runs in headless Chromium (playwright) and in Electron windows.
 */
import type { PageFrameRequest, PageFrameResult, PassName, RenderPageApi } from '../request.js';
import { RenderSession } from './renderSession.js';
import { loadPageScene } from './loadPageScene.js';
import { toBase64 } from './encodePng.js';

const session = new RenderSession(loadPageScene);

async function upload(url: string, pass: PassName, bytes: Uint8Array): Promise<void> {
  const res = await fetch(`${url}/${pass}`, { method: 'POST', body: bytes as Uint8Array<ArrayBuffer> });
  if (!res.ok) throw new Error(`render page: upload of ${pass} to ${url} failed with HTTP ${res.status}`);
}

const api: RenderPageApi = {
  load: (scene) => session.load(scene),
  loadedKey: () => session.loadedKey(),
  renderOnly: (tick) => session.renderOnly(tick),
  async render(request: PageFrameRequest): Promise<PageFrameResult> {
    const { labels, images, timingsMs } = await session.render(request);
    const t0 = performance.now();
    const out: PageFrameResult['images'] = {};
    const entries = Object.entries(images) as [PassName, Uint8Array][];
    if (request.uploadUrl) {
      const url = request.uploadUrl;
      await Promise.all(entries.map(([pass, bytes]) => upload(url, pass, bytes)));
    } else {
      for (const [pass, bytes] of entries) out[pass] = toBase64(bytes);
    }
    timingsMs.transfer = performance.now() - t0;
    return { labels, images: out, timingsMs };
  },
};

(globalThis as unknown as { roadsynthPage: RenderPageApi }).roadsynthPage = api;

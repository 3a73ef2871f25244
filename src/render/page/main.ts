/**
 * Entry of the render page bundle (built by esbuild at run time, see
 * src/dataset/render-host/pageBundle.ts). Installs `window.roadsynthPage` for the host.
 * The same bundle runs in headless Chromium (playwright) and in Electron windows.
 */
import type { PageFrameRequest, PageFrameResult, RenderPageApi } from '../request.js';
import { RenderSession } from './renderSession.js';
import { loadPageScene } from './loadPageScene.js';
import { sendImages } from './imageOutbox.js';

const session = new RenderSession(loadPageScene);

const api: RenderPageApi = {
  load: (scene) => session.load(scene),
  loadedKey: () => session.loadedKey(),
  renderOnly: (tick, sceneOnly) => session.renderOnly(tick, sceneOnly),
  async render(request: PageFrameRequest): Promise<PageFrameResult> {
    const start = performance.now();
    const { labels, images, timingsMs } = await session.render(request);
    const beforeSend = performance.now();
    const sent = await sendImages(images, request.imagesTo);
    timingsMs['page.sendImages'] = performance.now() - beforeSend;
    // Everything the page did for this frame, including waits on other frames in flight on it.
    timingsMs['page.total'] = performance.now() - start;
    return { labels, images: sent, timingsMs };
  },
};

(globalThis as unknown as { roadsynthPage: RenderPageApi }).roadsynthPage = api;

/**
 * The renderer's handle on the studio API. In Electron the preload exposes it as
 * `window.roadsynth` (IPC to main); in a browser it is HTTP to `roadsynth studio`, authenticated
 * by the HttpOnly cookie the server set when the page was first opened (the page never sees
 * the token). Both implement the same StudioApi contract.
 */
import { API_NAMES, type ApiErrorBody, type ApiName, type StudioApi } from '../studio/api.js';

declare global {
  interface Window {
    /** Installed by the Electron preload. */
    roadsynth?: StudioApi;
  }
}

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

function httpClient(): StudioApi {
  const call = async (name: ApiName, req: unknown): Promise<unknown> => {
    const res = await fetch(`./api/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(req),
    });
    const body = (await res.json()) as unknown;
    if (!res.ok) throw new ApiCallError((body as ApiErrorBody).error ?? `HTTP ${res.status}`, res.status);
    return body;
  };
  return Object.fromEntries(API_NAMES.map((n) => [n, (req: unknown) => call(n, req)])) as unknown as StudioApi;
}

export function createApiClient(): StudioApi {
  if (window.roadsynth) return window.roadsynth;
  return httpClient();
}

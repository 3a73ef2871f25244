/**
 * The browser host of the studio: serves the built renderer on 127.0.0.1 and the API at
 * POST /api/<name>. Every API call (and every file download) must carry the access token made
 * at start; without it the answer is 403. The Host header must name the loopback address, so
 * a web page cannot reach the server through DNS rebinding, and an API call that names an
 * Origin must come from the studio's own.
 *
 * The token travels in a URL once: `/?token=...` (opened through a private 0600 launch file,
 * never argv) answers with an HttpOnly SameSite=Strict cookie and a redirect to `/`, so it
 * leaves the address bar and history; after that the cookie (or the X-Roadsynth-Token header,
 * for scripts) authenticates. No link the server makes carries the token. The cookie's name
 * holds the port: cookies are not scoped by port, and two studios must not overwrite each
 * other's.
 *
 * The API takes the cookie only with the studio's own Origin (every browser sends Origin on a
 * POST); a request without Origin (curl, a script) must carry the header. /files refuses
 * requests a browser marks as coming from another site (Sec-Fetch-Site), such as a page on
 * another port of 127.0.0.1, which counts as the same site and so gets the cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { StudioApi } from '../api.js';
import { dispatch } from '../host/dispatch.js';
import { StudioApiError } from '../host/StudioApiError.js';
import type { FolderAccess } from '../host/FolderAccess.js';
import { SECURITY_HEADERS } from './securityHeaders.js';

const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const TOKEN_HEADER = 'x-roadsynth-token';
/** The cookie's name on a port (cookies ignore ports, so the port is in the name). */
export const tokenCookie = (port: number): string => `roadsynth_token_${port}`;

/**
 * Content-Security-Policy of a dataset report: its charts are inline scripts (plotly), so they
 * may run, but sandboxed: the page gets an opaque origin, and its requests to the API carry
 * Origin "null", which the API refuses.
 */
const REPORT_CSP =
  "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function cookieToken(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** Whether every %-escape of a URL's path and query decodes (URL and URLSearchParams pass bad ones through). */
function wellFormed(url: URL): boolean {
  try {
    decodeURIComponent(url.pathname);
    for (const part of url.search.slice(1).split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
};

export interface StudioServerOptions {
  api: StudioApi;
  /** Opened folders: downloads are limited to them. */
  access: FolderAccess;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0: a free port. */
  port?: number;
  /** Default: 32 random bytes, hex. */
  token?: string;
  /** Called once, when a page first trades the URL token for the cookie (removes the launch file). */
  onFirstLoad?: () => void;
}

function sameToken(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class StudioServer {
  readonly token: string;
  private server: http.Server | null = null;
  private port = 0;

  constructor(private readonly o: StudioServerOptions) {
    this.token = o.token ?? randomBytes(32).toString('hex');
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The URL to open: the renderer with its token. */
  get url(): string {
    return `${this.origin}/?token=${this.token}`;
  }

  /** A URL that shows a file inside the opened folders (for "open report"); the cookie authenticates it. */
  fileUrl(realPath: string): string {
    return `${this.origin}/files?path=${encodeURIComponent(realPath)}`;
  }

  private firstLoadDone = false;

  /** How the request carries the token: in the header, in the cookie, or not at all (missing or wrong). */
  private credential(req: http.IncomingMessage): 'header' | 'cookie' | null {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given === 'string') return sameToken(given, this.token) ? 'header' : null;
    return sameToken(cookieToken(req.headers.cookie, tokenCookie(this.port)), this.token) ? 'cookie' : null;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => this.fail(res, err));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  }

  private json(res: http.ServerResponse, status: number, value: unknown): void {
    this.send(res, status, JSON.stringify(value), 'application/json');
  }

  private fail(res: http.ServerResponse, err: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof StudioApiError) this.json(res, err.status, { error: err.message });
    else this.json(res, 500, { error: err instanceof Error ? err.message : String(err) });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) {
      this.json(res, 403, { error: 'requests must be addressed to 127.0.0.1' });
      return;
    }
    let url: URL | null = null;
    try {
      url = new URL(req.url ?? '/', this.origin);
    } catch {
      url = null;
    }
    if (url === null || !wellFormed(url)) {
      this.json(res, 400, { error: 'malformed URL' });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        this.json(res, 405, { error: 'API calls are POST requests' });
        return;
      }
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== this.origin && origin !== `http://localhost:${this.port}`) {
        this.json(res, 403, { error: `requests from ${origin} are refused; only the studio page may call the API` });
        return;
      }
      const credential = this.credential(req);
      if (credential === null) {
        this.json(res, 403, { error: 'missing or wrong access token; open the URL that `roadsynth studio` printed' });
        return;
      }
      if (credential === 'cookie' && origin === undefined) {
        // A browser always names the Origin of a POST; a cookie without one did not come from the page.
        this.json(res, 403, { error: 'a request without Origin must carry the token in the X-Roadsynth-Token header' });
        return;
      }
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > MAX_BODY_BYTES) {
        this.refuseBody(req, res);
        return;
      }
      const body = await readBody(req).catch((err: unknown) => {
        if (err instanceof BodyTooLarge) this.refuseBody(req, res);
        else throw err;
        return null;
      });
      if (body === null) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new StudioApiError('request body is not JSON', 400);
      }
      this.json(res, 200, await dispatch(this.o.api, url.pathname.slice(5), parsed));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      this.json(res, 405, { error: 'method not allowed' });
      return;
    }
    const urlToken = url.searchParams.get('token');
    if (url.pathname === '/' && urlToken !== null) {
      // First load: trade the URL token for a cookie and drop it from the address bar.
      if (!sameToken(urlToken, this.token)) {
        this.json(res, 403, { error: 'wrong access token; open the URL that `roadsynth studio` printed' });
        return;
      }
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': `${tokenCookie(this.port)}=${this.token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      res.end();
      if (!this.firstLoadDone) {
        this.firstLoadDone = true;
        this.o.onFirstLoad?.();
      }
      return;
    }
    if (url.pathname === '/files') {
      if (this.credential(req) === null) {
        this.json(res, 403, { error: 'missing or wrong access token' });
        return;
      }
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') {
        this.json(res, 403, { error: 'files are shown to the studio page only, not to other sites' });
        return;
      }
      this.streamFile(res, this.o.access.resolve(url.searchParams.get('path') ?? ''));
      return;
    }
    this.serveStatic(url.pathname, res);
  }

  /**
   * 413 for a body over the limit. The rest of the body is read and dropped (so the client,
   * still sending, gets the answer rather than a reset) and the connection closed.
   */
  private refuseBody(req: http.IncomingMessage, res: http.ServerResponse): void {
    req.removeAllListeners('data');
    req.resume();
    res.setHeader('Connection', 'close');
    this.json(res, 413, { error: `request larger than ${MAX_BODY_BYTES / 1024 / 1024} MB` });
    // A client that goes on sending forever is cut off.
    setTimeout(() => req.socket.destroy(), 10_000).unref();
  }

  private serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const root = path.resolve(this.o.rendererDir);
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      this.json(res, 404, { error: `not found: ${pathname}` });
      return;
    }
    this.streamFile(res, file);
  }

  private streamFile(res: http.ServerResponse, file: string): void {
    if (!existsSync(file) || !statSync(file).isFile()) throw new StudioApiError(`${file}: no such file`, 404);
    const report = path.basename(file) === 'report.html';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      // A dataset report draws its charts with inline scripts; it gets its own policy.
      ...(report ? { 'Content-Security-Policy': REPORT_CSP } : {}),
      'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  }
}

class BodyTooLarge extends Error {}

/** The body as text; rejects with BodyTooLarge once it passes the limit (a chunked body has no length to check first). */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

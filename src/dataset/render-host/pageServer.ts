/**
 * Local HTTP server (127.0.0.1, random port, random path prefix) that serves the render page
 * and binary blobs the page fetches (trajectories), and takes the uploads the host expects (a
 * frame's PNGs, POSTed by the page). Like the studio server it answers only requests addressed
 * to 127.0.0.1 or localhost on its port (a DNS-rebinding page names its own host), and a
 * malformed %-escape gets 400.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>roadsynth render</title></head>' +
  '<body style="margin:0;background:#000"><script src="render-page.js"></script></body></html>';

/** Largest upload taken [bytes]: a frame's four PNGs at 8K are a fraction of it. */
export const MAX_UPLOAD_BYTES = 1 << 30;

/** An upload the host waits for. */
export interface ExpectedUpload {
  /** Its key among the uploads the server waits for (the URL's last part). */
  name: string;
  /** Where the page POSTs it. */
  url: string;
  /** Its bytes, once all arrived (the page's POST is answered after). */
  bytes: Promise<Uint8Array>;
}

interface Waiting {
  resolve: (bytes: Uint8Array) => void;
  reject: (err: Error) => void;
}

export class PageServer {
  private readonly server: http.Server;
  private readonly prefix = `/${randomUUID()}`;
  private readonly blobs = new Map<string, Uint8Array>();
  private readonly uploads = new Map<string, Waiting>();
  private script = '';
  private origin = '';
  private port = 0;

  /** @param maxUploadBytes  largest upload taken; a larger one fails its frame */
  constructor(
    private readonly scriptPath: string,
    private readonly maxUploadBytes = MAX_UPLOAD_BYTES,
  ) {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<void> {
    this.script = readFileSync(this.scriptPath, 'utf8');
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.origin = `http://127.0.0.1:${this.port}`;
  }

  get pageUrl(): string {
    return `${this.origin}${this.prefix}/index.html`;
  }

  /** Serves `bytes` at the returned URL until removed. */
  putBlob(name: string, bytes: Uint8Array): string {
    this.blobs.set(name, bytes);
    return `${this.origin}${this.prefix}/blobs/${encodeURIComponent(name)}`;
  }

  removeBlob(name: string): void {
    this.blobs.delete(name);
  }

  /** Takes one POST at the returned URL (a second one, or one never expected, gets 404). */
  expectUpload(): ExpectedUpload {
    const name = randomUUID();
    const bytes = new Promise<Uint8Array>((resolve, reject) => this.uploads.set(name, { resolve, reject }));
    // A caller that gives up (the page failed first) must not leave an unhandled rejection.
    bytes.catch(() => undefined);
    return { name, url: `${this.origin}${this.prefix}/uploads/${name}`, bytes };
  }

  /** Stops waiting for an upload (no-op once it arrived). */
  forgetUpload({ name }: ExpectedUpload): void {
    this.uploads.get(name)?.reject(new Error('render host: upload no longer expected'));
    this.uploads.delete(name);
  }

  private receive(name: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const waiting = this.uploads.get(name);
    if (!waiting) {
      res.writeHead(404).end();
      return;
    }
    this.uploads.delete(name);
    const parts: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (status: number, message: string): void => {
      if (failed) return;
      failed = true;
      parts.length = 0;
      waiting.reject(new Error(`render host: ${message}`));
      if (res.headersSent) {
        req.destroy();
        return;
      }
      // The answer first, then the connection closed: closing at once could reset it before the
      // page reads the status.
      res.on('finish', () => req.destroy());
      res.writeHead(status, { connection: 'close' }).end();
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > this.maxUploadBytes) fail(413, `an upload from the render page passed ${this.maxUploadBytes} bytes`);
      else parts.push(chunk);
    });
    req.on('close', () => {
      if (!req.complete) fail(400, 'the render page broke off an upload');
    });
    req.on('end', () => {
      if (failed) return;
      waiting.resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
      res.writeHead(204).end();
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) {
      res.writeHead(403).end();
      return;
    }
    const url = req.url ?? '';
    if (!url.startsWith(this.prefix + '/')) {
      res.writeHead(404).end();
      return;
    }
    const rest = url.slice(this.prefix.length + 1);
    if (req.method === 'GET' && rest === 'index.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
    } else if (req.method === 'GET' && rest === 'render-page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(this.script);
    } else if (req.method === 'GET' && rest.startsWith('blobs/')) {
      let name: string;
      try {
        name = decodeURIComponent(rest.slice('blobs/'.length));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const blob = this.blobs.get(name);
      if (blob) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(blob);
      else res.writeHead(404).end();
    } else if (req.method === 'POST' && rest.startsWith('uploads/')) {
      this.receive(rest.slice('uploads/'.length), req, res);
    } else {
      res.writeHead(404).end();
    }
  }

  async close(): Promise<void> {
    for (const waiting of this.uploads.values()) waiting.reject(new Error('render host: closed'));
    this.uploads.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Local HTTP server (127.0.0.1, random port, random path prefix) that serves the render page
 * and binary blobs the page fetches (trajectories). Like the studio server it answers only
 * requests addressed to 127.0.0.1 or localhost on its port (a DNS-rebinding page names its own
 * host), and a malformed %-escape gets 400.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>roadsynth render</title></head>' +
  '<body style="margin:0;background:#000"><script src="render-page.js"></script></body></html>';

export class PageServer {
  private readonly server: http.Server;
  private readonly prefix = `/${randomUUID()}`;
  private readonly blobs = new Map<string, Uint8Array>();
  private script = '';
  private origin = '';
  private port = 0;

  constructor(private readonly scriptPath: string) {
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
    } else {
      res.writeHead(404).end();
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

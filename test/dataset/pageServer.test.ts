/**
 * The render page server's uploads (a frame's PNGs POSTed by the page): taken once where
 * expected, refused elsewhere, capped in size, and given up cleanly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageServer } from '../../src/dataset/render-host/pageServer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roadsynth-page-server-'));
let server: PageServer;

/** POSTs `body` to `url` with the given Host header (default: the URL's own); resolves the status. */
function post(url: string, body: Uint8Array, host?: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent: false, headers: host ? { Host: host } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const script = path.join(dir, 'render-page.js');
  writeFileSync(script, '// render page\n');
  server = new PageServer(script, 1000);
  await server.start();
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('page server uploads', () => {
  it('takes an expected upload once, byte for byte; a second POST there, or one never expected, gets 404', async () => {
    const up = server.expectUpload();
    const body = new Uint8Array(700).map((_, i) => (i * 7) & 255);
    expect(await post(up.url, body)).toBe(204);
    expect(Buffer.from(await up.bytes).equals(Buffer.from(body))).toBe(true);
    expect(await post(up.url, body)).toBe(404);
    expect(await post(`${up.url.slice(0, up.url.lastIndexOf('/'))}/not-expected`, body)).toBe(404);
  });

  it('refuses an upload addressed to another host (403) and keeps waiting for the real one', async () => {
    const up = server.expectUpload();
    expect(await post(up.url, new Uint8Array(3), 'evil.example')).toBe(403);
    expect(await post(up.url, new Uint8Array([1, 2, 3]))).toBe(204);
    expect([...(await up.bytes)]).toEqual([1, 2, 3]);
  });

  it('fails an upload over the size limit (413, the status reaching the client) instead of holding it', async () => {
    for (const bytes of [5000, 3_000_000]) {
      const up = server.expectUpload();
      expect(await post(up.url, new Uint8Array(bytes))).toBe(413);
      await expect(up.bytes).rejects.toThrow(/passed 1000 bytes/);
    }
  });

  it('rejects an upload the page breaks off', async () => {
    const up = server.expectUpload();
    const u = new URL(up.url);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent: false, headers: { 'content-length': '500' } });
    req.on('error', () => undefined);
    req.write(new Uint8Array(100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await expect(up.bytes).rejects.toThrow(/broke off/);
  });

  it('rejects an upload the host forgot, and refuses it if it comes later', async () => {
    const up = server.expectUpload();
    server.forgetUpload(up);
    await expect(up.bytes).rejects.toThrow(/no longer expected/);
    expect(await post(up.url, new Uint8Array(3))).toBe(404);
  });
});

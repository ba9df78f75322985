/**
 * The built pages and bundles as a browser gets them: precompressed (brotli, else gzip) when
 * accepted, hashed bundle names cached for a year, HTML revalidated; JSON compressed on the fly.
 * Needs the production build in dist/ (npm test builds first).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestApp, type TestApp } from './testApp';

const dist = path.resolve(__dirname, '..', '..', 'dist');
let t: TestApp;
let server: http.Server;
let base: string;

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that does not decode anything: the bytes as they travel. */
function rawGet(urlPath: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

function decode(reply: RawReply): Buffer {
  const encoding = reply.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(reply.body);
  if (encoding === 'gzip') return zlib.gunzipSync(reply.body);
  return reply.body;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(dist, 'addin', 'taskpane.html'))) throw new Error('dist/ has no build: npm run build');
  t = await startTestApp();
  server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** The task pane's script, as its HTML names it. */
function taskpaneScript(): string {
  const html = fs.readFileSync(path.join(dist, 'addin', 'taskpane.html'), 'utf8');
  const name = /src="?(addin\/taskpane\.[0-9a-f]{16}\.js)/.exec(html)?.[1];
  if (!name) throw new Error('taskpane.html names no hashed script');
  return name;
}

describe('static files from dist/', () => {
  test('the bundle has a content-hashed name, is sent as brotli and may be cached for a year', async () => {
    const script = taskpaneScript();
    const reply = await rawGet(`/${script}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toMatch(/^application\/javascript|^text\/javascript/);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers.vary).toMatch(/Accept-Encoding/i);
    const original = fs.readFileSync(path.join(dist, script));
    expect(decode(reply).equals(original)).toBe(true);
    // The build's precompressed copy (brotli at its best quality), not a compression on the fly.
    expect(reply.body.equals(fs.readFileSync(path.join(dist, `${script}.br`)))).toBe(true);
    expect(reply.body.length).toBeLessThan(original.length / 3);
  });

  test('gzip for a browser without brotli, the plain file for one without either', async () => {
    const script = taskpaneScript();
    const original = fs.readFileSync(path.join(dist, script));
    const gzip = await rawGet(`/${script}`, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(gzip).equals(original)).toBe(true);
    const plain = await rawGet(`/${script}`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  test('HTML is revalidated on every load (it names the current bundles)', async () => {
    const reply = await rawGet('/addin/taskpane.html', { 'Accept-Encoding': 'br' });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(decode(reply).toString('utf8')).toContain(taskpaneScript());
  });

  test('the precompressed copies themselves and paths outside dist/ are not served', async () => {
    expect((await rawGet(`/${taskpaneScript()}.br`)).status).toBe(404);
    expect((await rawGet('/..%2Fpackage.json')).status).toBe(404);
    expect((await rawGet('/addin/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  test('the survey form page is no-store (its code is in the URL) and compressed', async () => {
    const reply = await rawGet('/r/ABCDEFGHJK', { 'Accept-Encoding': 'br' });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-encoding']).toBe('br');
    expect(decode(reply).toString('utf8')).toMatch(/form\/index\.[0-9a-f]{16}\.js/);
  });

  test('JSON replies are compressed when the client accepts it', async () => {
    const { auth } = await t.adminFor('Het Baken');
    const reply = await rawGet('/api/surveys', { Authorization: auth, 'Accept-Encoding': 'gzip' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    const surveys = JSON.parse(decode(reply).toString('utf8')) as unknown[];
    expect(surveys.length).toBeGreaterThan(0);
  });
});

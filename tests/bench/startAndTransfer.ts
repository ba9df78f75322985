/**
 * Start-up of the real `npm start` and what the pages cost on the wire.
 *
 *  - start: `npm start` as a person runs it (build check, tsx, demo seeding), from the command to the
 *    first healthy /health answer. The first start may build; the later ones, with nothing changed,
 *    must be healthy within 5 s.
 *  - transfer: the task pane and the survey form loaded in headless Chromium from that server; the
 *    bytes of every response (headers and encoded body) summed. Requests to other origins (Microsoft's
 *    CDN) are refused, so the pane falls back to the local office.js: the school-network worst case.
 *
 * Run alone: `npm run bench -- --only=start,transfer`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromiumAvailable, launchChromium } from '../browser/chromium';
import { repoRoot } from './lib/repo';
import { median } from './lib/stats';

export const START_TARGET_MS = 5_000;
export const TASKPANE_TARGET_BYTES = 200 * 1024;
export const FORM_TARGET_BYTES = 20 * 1024;

export interface StartRun {
  ms: number;
  built: boolean;
}

export interface PageTransfer {
  page: string;
  bytes: number;
  requests: number;
  /** Largest responses first: path, bytes on the wire, content-encoding. */
  files: Array<{ path: string; bytes: number; encoding: string }>;
}

export interface StartAndTransferFigures {
  first: StartRun;
  again: StartRun[];
  againMedianMs: number;
  transfer?: { taskpane: PageTransfer; form: PageTransfer };
  transferSkipped?: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Running {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start` in its own process group, timed until /health answers 200. */
async function npmStart(dataDir: string): Promise<{ run: StartRun; server: Running }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot(),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KOERS_HTTPS: 'off', KOERS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`npm start exited before it was healthy:\n${output}`);
    if (performance.now() - began > 600_000) throw new Error(`npm start not healthy after 10 minutes:\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const ms = performance.now() - began;
  // The demo lines come right after listening; wait for them (the survey link is used below).
  while (!/Survey form:\s+\S+/.test(output) && !ended) await new Promise((resolve) => setTimeout(resolve, 25));
  const stop = async (): Promise<void> => {
    if (!ended) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  return { run: { ms, built: !/no build/.test(output) }, server: { url, output: () => output, stop } };
}

async function measurePage(url: string, page: string): Promise<PageTransfer> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const origin = new URL(url).origin;
    await tab.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    const done: Array<Promise<{ path: string; bytes: number; encoding: string }>> = [];
    tab.on('requestfinished', (request) => {
      done.push(
        (async () => {
          const sizes = await request.sizes();
          const response = await request.response();
          return {
            path: new URL(request.url()).pathname,
            bytes: sizes.responseHeadersSize + sizes.responseBodySize,
            encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
          };
        })(),
      );
    });
    let started = 0;
    tab.on('request', () => (started += 1));
    await tab.goto(`${url}${page}`, { waitUntil: 'networkidle' });
    // The pane asks for office.js only after its bundle ran (CDN first, then the local copy): wait
    // until nothing new was requested for 2 s.
    for (let seen = -1; seen !== started;) {
      seen = started;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    const files = (await Promise.all(done)).sort((a, b) => b.bytes - a.bytes);
    return { page, bytes: files.reduce((sum, f) => sum + f.bytes, 0), requests: files.length, files };
  } finally {
    await browser.close();
  }
}

export async function measureStartAndTransfer(
  log: (text: string) => void,
  starts = 3,
): Promise<StartAndTransferFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-bench-start-'));
  try {
    log('npm start: first start (builds if dist/ is not up to date)');
    const first = await npmStart(dataDir);
    await first.server.stop();
    log(`npm start: first start healthy in ${(first.run.ms / 1000).toFixed(1)} s${first.run.built ? ' (built)' : ''}`);
    const again: StartRun[] = [];
    let figures: StartAndTransferFigures | undefined;
    for (let i = 0; i < starts; i += 1) {
      const next = await npmStart(dataDir);
      again.push(next.run);
      log(`npm start again, nothing changed: healthy in ${(next.run.ms / 1000).toFixed(2)} s`);
      if (i < starts - 1) {
        await next.server.stop();
        continue;
      }
      try {
        figures = { first: first.run, again, againMedianMs: median(again.map((r) => r.ms)) };
        if (!chromiumAvailable()) {
          figures.transferSkipped = 'Chromium not installed (apt-get install chromium)';
        } else {
          const formLink = /Survey form:\s+(\S+)/.exec(next.server.output())?.[1];
          if (!formLink) throw new Error('npm start printed no survey link');
          const taskpane = await measurePage(next.server.url, '/addin/taskpane.html');
          const form = await measurePage(next.server.url, new URL(formLink).pathname);
          figures.transfer = { taskpane, form };
        }
      } finally {
        await next.server.stop();
      }
    }
    return figures!;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function reportStartAndTransfer(f: StartAndTransferFigures): { text: string; checks: Record<string, boolean> } {
  const lines: string[] = ['## Start-up of `npm start` and transfer sizes', ''];
  lines.push(
    `First start (fresh data folder${f.first.built ? ', with a build' : ', dist/ already up to date'}): ${(f.first.ms / 1000).toFixed(1)} s to a healthy /health`,
  );
  lines.push(
    `Second start, nothing changed: median ${(f.againMedianMs / 1000).toFixed(2)} s over ${f.again.length} ` +
      `(${f.again.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s; built: ${f.again.some((r) => r.built) ? 'yes' : 'no'}); target < ${START_TARGET_MS / 1000} s`,
  );
  const checks: Record<string, boolean> = {
    'second npm start healthy < 5 s': f.againMedianMs < START_TARGET_MS && !f.again.some((r) => r.built),
  };
  if (f.transfer) {
    for (const [label, page, target] of [
      ['Task pane first load', f.transfer.taskpane, TASKPANE_TARGET_BYTES],
      ['Survey form first load', f.transfer.form, FORM_TARGET_BYTES],
    ] as const) {
      lines.push('');
      lines.push(`${label} (${page.page}): ${kb(page.bytes)} in ${page.requests} requests; target < ${kb(target)}`);
      for (const file of page.files)
        lines.push(`  ${kb(file.bytes).padStart(9)}  ${file.encoding.padEnd(8)}  ${file.path}`);
      checks[`${label.toLowerCase()} < ${kb(target)}`] = page.bytes < target;
    }
  } else {
    lines.push('', `Transfer sizes skipped: ${f.transferSkipped ?? 'unknown reason'}`);
  }
  lines.push('', ...Object.entries(checks).map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`));
  return { text: lines.join('\n'), checks };
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from './repo';

export interface ServerProcess {
  pid: number;
  port: number;
  url: string;
  /** Spawn until the server said it listens, measured from here (includes booting node + tsx). */
  startupMs: number;
  /** openStore alone, measured inside the server (bench entry only). */
  openStoreMs?: number;
  /** From process start until the entry's modules were loaded (node + tsx + imports; bench entry only). */
  modulesLoadedMs?: number;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** Resident memory now, from /proc (Linux). */
  rssBytes(): number;
  /** CPU time used so far (user + system), from /proc. */
  cpuMs(): number;
  /**
   * Bench entry only: time spent in the server per request since the previous call (SIGUSR2 →
   * one JSON line on stdout), in ms.
   */
  requestStats(): Promise<ServerRequestStats>;
  /** Hard kill: no handler runs, nothing is flushed. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (the server writes pending data and releases its lock). */
  stop(): Promise<void>;
}

export interface ServerRequestStats {
  requests: { n: number; p50: number; p99: number; max: number };
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  datasync?: { n: number; p50: number; p99: number; max: number };
}

export interface StartOptions {
  dataDir: string;
  /** 'bench' = tests/bench/serverEntry.ts; 'main' = the production server/main.ts. */
  entry?: 'bench' | 'main';
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof for profiling. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

/** Limits that stay out of the way of a load test; abuse protection is not what is measured. */
export const GENEROUS_LIMITS = {
  KOERS_RATE_PER_IP: '100000000',
  KOERS_RATE_PER_CODE: '100000',
  KOERS_RATE_PER_ORG: '100000000',
  KOERS_FAILED_CODES_PER_IP: '100000000',
  KOERS_FAILED_KEYS_PER_IP: '100000000',
  KOERS_LIMIT_CODES_PER_ROUND: '100000000',
  KOERS_LIMIT_ROUNDS: '100000',
  KOERS_LIMIT_SURVEYS: '100000',
};

/**
 * Starts a real Koers server in its own process, on a loopback address and a free port. Spawned as
 * `node --import tsx <entry>` (not through the tsx CLI, which would put a second process in between),
 * so the pid is the server itself and SIGKILL really kills the server.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const root = repoRoot();
  const entry =
    options.entry === 'main'
      ? path.join(root, 'server', 'main.ts')
      : path.join(root, 'tests', 'bench', 'serverEntry.ts');
  const began = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entry], {
    cwd: root,
    env: {
      ...process.env,
      ...GENEROUS_LIMITS,
      PORT: '0',
      HOST: '127.0.0.1',
      KOERS_HTTPS: 'off',
      KOERS_DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const statsWaiters: Array<(stats: ServerRequestStats) => void> = [];
  const ready = await new Promise<{ port: number; openStoreMs?: number; modulesLoadedMs?: number }>(
    (resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server did not start within ${options.timeoutMs ?? 60_000} ms\n${stderr}`));
      }, options.timeoutMs ?? 60_000);
      let buffered = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.startsWith('{"event":"stats"')) {
            statsWaiters.shift()?.(JSON.parse(line) as ServerRequestStats);
            continue;
          }
          const found = parseReadyLine(line);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        }
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`server exited before listening (code ${code}, signal ${signal})\n${stderr}`));
      });
    },
  );
  const startupMs = performance.now() - began;
  const pid = child.pid!;

  return {
    pid,
    port: ready.port,
    url: `http://127.0.0.1:${ready.port}`,
    startupMs,
    openStoreMs: ready.openStoreMs,
    modulesLoadedMs: ready.modulesLoadedMs,
    child,
    exited,
    stderr: () => stderr,
    rssBytes: () => readRss(pid),
    cpuMs: () => readCpuMs(pid),
    requestStats: () => {
      // server/main.ts has no SIGUSR2 handler, and the signal's default action would end the process.
      if (options.entry === 'main') return Promise.reject(new Error('requestStats needs the bench entry'));
      return new Promise<ServerRequestStats>((resolve) => {
        statsWaiters.push(resolve);
        child.kill('SIGUSR2');
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

function parseReadyLine(line: string): { port: number; openStoreMs?: number; modulesLoadedMs?: number } | undefined {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as {
        event?: string;
        port?: number;
        openStoreMs?: number;
        modulesLoadedMs?: number;
      };
      if (parsed.event === 'listening' && typeof parsed.port === 'number') {
        return { port: parsed.port, openStoreMs: parsed.openStoreMs, modulesLoadedMs: parsed.modulesLoadedMs };
      }
    } catch {
      return undefined;
    }
  }
  // server/main.ts: "Koers listens on http://127.0.0.1:PORT (data in ...)"
  const match = /listens on https?:\/\/[^:\s]+:(\d+)/.exec(trimmed);
  return match ? { port: Number(match[1]) } : undefined;
}

export function readRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function readCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

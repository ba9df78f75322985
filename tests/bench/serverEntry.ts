/**
 * The Koers server as the benchmarks start it: the same openStore + createApp + listen as
 * server/main.ts, configured through the usual environment variables (KOERS_DATA_DIR,
 * KOERS_RATE_PER_IP, ...), plus what a benchmark needs to see inside:
 * - one JSON line on stdout when it listens: port, and how long loading took;
 * - on SIGUSR2, one JSON line with the time each request spent in the server (from Node's 'request'
 *   event to the last byte of the answer) since the previous SIGUSR2, and the event-loop delay.
 *   A client's latency minus this is time spent before the server read the request (or in the client).
 * - KOERS_BENCH_TRACE=1 also times every fdatasync (for explaining tails; off in measured runs).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { listen } from '../../server/listen';
import { openConfiguredStore } from '../../server/store/postgres/select';

/** Wraps FileHandle.prototype.datasync to time it; returns the list the durations go to. */
async function timeDatasyncs(dataDir: string): Promise<number[]> {
  const durations: number[] = [];
  const probePath = path.join(path.dirname(dataDir), `.koers-bench-probe-${process.pid}`);
  const probe = await open(probePath, 'w');
  const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
  await probe.close();
  await import('node:fs/promises').then((fs) => fs.rm(probePath, { force: true }));
  const original = proto.datasync;
  proto.datasync = async function timedDatasync(this: unknown): Promise<void> {
    const began = performance.now();
    try {
      return await original.call(this);
    } finally {
      durations.push(performance.now() - began);
    }
  };
  return durations;
}

function quantiles(values: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

async function main(): Promise<void> {
  // performance.now() counts from process start, so this includes booting node and loading modules.
  const modulesLoadedMs = performance.now();
  const config = { ...readConfig(process.env, path.resolve('dist')), https: 'off' as const };
  const dataDir = path.resolve(config.dataDir);
  const datasyncs = process.env.KOERS_BENCH_TRACE === '1' ? await timeDatasyncs(dataDir) : undefined;
  const openStarted = performance.now();
  const store = await openConfiguredStore({ ...config, dataDir });
  const openStoreMs = performance.now() - openStarted;
  const app = createApp({ store, config });
  const { server } = await listen(app, config);

  let requestTimes: number[] = [];
  server.prependListener('request', (_req, res) => {
    const began = performance.now();
    res.once('finish', () => requestTimes.push(performance.now() - began));
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  process.on('SIGUSR2', () => {
    const stats = {
      event: 'stats',
      requests: quantiles(requestTimes),
      eventLoopDelayMs: {
        p50: loopDelay.percentile(50) / 1e6,
        p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      },
      ...(datasyncs ? { datasync: quantiles(datasyncs.splice(0)) } : {}),
    };
    requestTimes = [];
    loopDelay.reset();
    process.stdout.write(JSON.stringify(stats) + '\n');
  });

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(
    JSON.stringify({
      event: 'listening',
      port,
      pid: process.pid,
      modulesLoadedMs,
      openStoreMs,
      readyMs: performance.now(),
    }) + '\n',
  );

  const stop = async (): Promise<void> => {
    server.close();
    server.closeAllConnections();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? error);
  process.exit(1);
});

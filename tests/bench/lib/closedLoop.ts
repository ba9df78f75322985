import { performance } from 'node:perf_hooks';
import { HttpClient } from './http';
import type { IngestRun } from './ingest';
import { quantile } from './stats';

/**
 * Closed loop with Node's own http client instead of autocannon: `clients` workers, each sending its
 * next submission as soon as the previous one was answered. A second opinion on autocannon's tail
 * latencies (see BENCHMARKS.md): same offered load, a different client.
 */
export async function runClosedLoop(
  baseUrl: string,
  bodies: readonly string[],
  clients: number,
  amount: number,
  serverCpuMs?: () => number,
): Promise<IngestRun> {
  if (bodies.length < amount) throw new Error(`need ${amount} bodies, got ${bodies.length}`);
  const client = new HttpClient(baseUrl, clients);
  const latencies: number[] = [];
  const lateLatencies: number[] = [];
  const otherStatus: Record<string, number> = {};
  let created = 0;
  let errors = 0;
  let next = 0;
  const serverCpuBefore = serverCpuMs?.() ?? Number.NaN;
  const clientCpuBefore = process.cpuUsage();
  const began = performance.now();
  const worker = async (): Promise<void> => {
    while (next < amount) {
      const body = bodies[next]!;
      next += 1;
      const sent = performance.now();
      try {
        const res = await client.request('POST', '/api/responses', {
          body,
          headers: { 'content-type': 'application/json' },
          raw: true,
        });
        const took = performance.now() - sent;
        if (res.status >= 200 && res.status < 300) {
          created += 1;
          latencies.push(took);
          if (performance.now() - began > 1000) lateLatencies.push(took);
        } else otherStatus[res.status] = (otherStatus[res.status] ?? 0) + 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, () => worker()));
  const seconds = (performance.now() - began) / 1000;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  client.close();
  return {
    connections: clients,
    requests: amount,
    created,
    otherStatus,
    errors: errors + client.staleSocketRetries,
    timeouts: 0,
    seconds,
    perSecond: created / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    p99AfterFirstSecondMs: quantile(lateLatencies, 0.99),
    serverCpuMsPerRequest: ((serverCpuMs?.() ?? Number.NaN) - serverCpuBefore) / amount,
    clientCpuMsPerRequest: (clientCpu.user + clientCpu.system) / 1000 / amount,
  };
}

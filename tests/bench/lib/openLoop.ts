import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { seededRandom } from './random';
import { quantile } from './stats';
import type { IngestRun } from './ingest';

/**
 * Open-loop load: `clients` keep-alive connections, requests at random (Poisson) moments at `rate`
 * per second in total, as independent respondents would send them. Latency counts from the moment a
 * request was due, not from when a free connection took it, so queueing is not hidden
 * (no coordinated omission). autocannon's overallRate is no substitute here: it fires every
 * connection on the same tick, which turns 200 clients into bursts of 200.
 */
export async function runOpenLoop(
  baseUrl: string,
  bodies: readonly string[],
  clients: number,
  rate: number,
  amount: number,
  serverCpuMs?: () => number,
): Promise<IngestRun> {
  if (bodies.length < amount) throw new Error(`need ${amount} bodies, got ${bodies.length}`);
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const random = seededRandom(4242);
  const latencies: number[] = [];
  const lateLatencies: number[] = [];
  const otherStatus: Record<string, number> = {};
  let created = 0;
  let errors = 0;
  let began = performance.now();

  // Open the connections first, so the run measures requests, not TCP handshakes.
  await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<void>((resolve) => {
          const req = http.request({ host: url.hostname, port: url.port, path: '/health', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve());
          });
          req.on('error', () => resolve());
          req.end();
        }),
    ),
  );

  const send = (body: string, due: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const payload = Buffer.from(body, 'utf8');
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/responses',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              created += 1;
              latencies.push(performance.now() - due);
              if (performance.now() - began > 1000) lateLatencies.push(performance.now() - due);
            } else otherStatus[status] = (otherStatus[status] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(payload);
    });

  const serverCpuBefore = serverCpuMs?.() ?? Number.NaN;
  const clientCpuBefore = process.cpuUsage();
  began = performance.now();
  const pending: Array<Promise<void>> = [];
  let due = began;
  for (let i = 0; i < amount; i += 1) {
    due += (-Math.log(1 - random()) / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(bodies[i]!, due));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - began) / 1000;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  agent.destroy();
  return {
    connections: clients,
    requests: amount,
    created,
    otherStatus,
    errors,
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

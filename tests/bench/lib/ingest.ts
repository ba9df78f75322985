import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { quantile } from './stats';

export interface IngestRun {
  connections: number;
  requests: number;
  /** 201 answers: durable submissions. */
  created: number;
  /** Answers other than 2xx, by status. */
  otherStatus: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** p99 of the answers that came after the run's first second (connections opened, code warm). */
  p99AfterFirstSecondMs: number;
  /** Time inside the server (its 'request' event to the answer's last byte), when the bench entry reports it. */
  serverP50Ms?: number;
  serverP99Ms?: number;
  /** CPU the server process used per request (user + system), when its pid was given. */
  serverCpuMsPerRequest: number;
  /** CPU the load generator (this process) used per request. */
  clientCpuMsPerRequest: number;
}

/**
 * Posts `bodies` (each a complete POST /api/responses body with its own unused code) with autocannon
 * over `connections` keep-alive connections, one body per request, and records the latency of every
 * 2xx exactly (autocannon's own histogram rounds to whole milliseconds, too coarse at 1 client).
 */
export async function runIngest(
  baseUrl: string,
  bodies: readonly string[],
  connections: number,
  amount: number,
  serverCpuMs?: () => number,
): Promise<IngestRun> {
  // autocannon builds a request per connection ahead of time, so a few bodies are built but never sent.
  if (bodies.length < amount + 2 * connections)
    throw new Error(`need ${amount + 2 * connections} bodies, got ${bodies.length}`);
  let next = 0;
  const latencies: number[] = [];
  const lateLatencies: number[] = [];
  const otherStatus: Record<string, number> = {};
  let created = 0;
  let lastAnswerAt = 0;
  const serverCpuBefore = serverCpuMs?.() ?? Number.NaN;
  const clientCpuBefore = process.cpuUsage();
  const began = performance.now();
  const options: autocannon.Options = {
    url: `${baseUrl}/api/responses`,
    connections,
    amount,
    timeout: 60,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const body = bodies[next];
          next += 1;
          if (body === undefined) throw new Error('ran out of prepared request bodies');
          return { ...request, body };
        },
      },
    ],
  };
  const onResponse = (_client: unknown, statusCode: number, _bytes: number, responseTime: number): void => {
    lastAnswerAt = performance.now();
    if (statusCode >= 200 && statusCode < 300) {
      created += 1;
      latencies.push(responseTime);
      if (performance.now() - began > 1000) lateLatencies.push(responseTime);
    } else {
      otherStatus[statusCode] = (otherStatus[statusCode] ?? 0) + 1;
    }
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished: autocannon.Result) =>
      error
        ? reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }))
        : resolve(finished),
    );
    instance.on('response', onResponse);
  });
  // autocannon notices that `amount` is reached only on its once-a-second tick, so the run is timed
  // up to the last answer, not up to when autocannon returns.
  const seconds = (lastAnswerAt - began) / 1000;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverCpuMsPerRequest = ((serverCpuMs?.() ?? Number.NaN) - serverCpuBefore) / amount;
  return {
    connections,
    requests: amount,
    created,
    otherStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    perSecond: created / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    p99AfterFirstSecondMs: quantile(lateLatencies, 0.99),
    serverCpuMsPerRequest,
    clientCpuMsPerRequest: (clientCpu.user + clientCpu.system) / 1000 / amount,
  };
}

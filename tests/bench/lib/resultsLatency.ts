import { performance } from 'node:perf_hooks';
import { HttpClient } from './http';
import { quantile } from './stats';

export interface ResultsLatency {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Time inside the server, when the bench entry reports it. */
  serverP50Ms?: number;
  serverP99Ms?: number;
  bodyBytes: number;
  /** The responses the body's figures cover (responses.shown), when it has them. */
  responseCount?: number;
}

/** An admin GET (results, comments) one request at a time after a warm-up, timed on the client. */
export async function measureResults(
  baseUrl: string,
  apiKey: string,
  path: string,
  requests = 200,
  warmUp = 30,
  serverStats?: () => Promise<{ requests: { p50: number; p99: number } }>,
): Promise<ResultsLatency> {
  const client = new HttpClient(baseUrl, 1);
  const headers = { authorization: `Bearer ${apiKey}` };
  try {
    let last = await client.get(path, headers);
    // The first answers are slow (JIT); they are not what a user of a warm server sees.
    for (let i = 0; i < warmUp; i += 1) last = await client.get(path, headers);
    if (last.status !== 200) throw new Error(`results answered ${last.status}: ${last.text.slice(0, 200)}`);
    await serverStats?.();
    const times: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const began = performance.now();
      const res = await client.request('GET', path, { headers, raw: true });
      times.push(performance.now() - began);
      if (res.status !== 200) throw new Error(`results answered ${res.status}`);
    }
    const inServer = await serverStats?.();
    return {
      requests,
      ...(inServer ? { serverP50Ms: inServer.requests.p50, serverP99Ms: inServer.requests.p99 } : {}),
      p50Ms: quantile(times, 0.5),
      p99Ms: quantile(times, 0.99),
      bodyBytes: Buffer.byteLength(last.text),
      responseCount: (last.json as { responses?: { shown: number } }).responses?.shown,
    };
  } finally {
    client.close();
  }
}

/**
 * An open round shows its last interim release, which trails the data by fewer than the threshold (5)
 * per column of each of the 5 bench groups: results that cover fewer rows than that are a fault.
 */
export function checkResultsCoverage(label: string, covered: number | undefined, stored: number): void {
  const shown = covered ?? -1;
  if (shown > stored || shown < stored - 25)
    throw new Error(`${label}: results cover ${shown} responses, expected about ${stored}`);
}

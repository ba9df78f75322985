/**
 * `tsx tests/bench/profile.ts [stored] [connections] [amount] [ingest|results|startup]`: one ingest run
 * (or a series of results requests, or just a start) against a server started with --cpu-prof, then
 * the functions with the most self time. How the figures in BENCHMARKS.md were
 * explained; not part of `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { submissionBodies } from './lib/bodies';
import { runIngest } from './lib/ingest';
import { prepareDataDir } from './lib/prepare';
import { measureResults } from './lib/resultsLatency';
import { startServer } from './lib/serverProcess';

const stored = Number(process.argv[2] ?? 1000);
const connections = Number(process.argv[3] ?? 50);
const amount = Number(process.argv[4] ?? 5000);
const mode = process.argv[5] ?? 'ingest';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-profile-'));
  const profDir = path.join(scratch, 'prof');
  try {
    const prepared = await prepareDataDir(path.join(scratch, 'data'), {
      stored,
      spareCodes: amount + 2 * connections + 300,
    });
    const server = await startServer({
      dataDir: prepared.dataDir,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
    });
    if (mode === 'startup') {
      await server.stop();
    } else if (mode === 'results') {
      const results = await measureResults(
        server.url,
        prepared.apiKey,
        `/api/rounds/${prepared.roundId}/results`,
        amount,
      );
      console.log(
        `results p50 ${results.p50Ms.toFixed(2)} ms p99 ${results.p99Ms.toFixed(2)} ms, body ${results.bodyBytes} bytes`,
      );
      await server.stop();
    } else {
      const bodies = submissionBodies(prepared.spareCodes);
      const warm = await runIngest(server.url, bodies.slice(0, 300), 10, 200);
      const run = await runIngest(server.url, bodies.slice(300), connections, amount, server.cpuMs);
      console.log(
        `warm ${warm.perSecond.toFixed(0)}/s; run ${run.perSecond.toFixed(0)}/s p50 ${run.p50Ms.toFixed(2)} ms p99 ${run.p99Ms.toFixed(2)} ms; server CPU ${run.serverCpuMsPerRequest.toFixed(3)} ms/req, client ${run.clientCpuMsPerRequest.toFixed(3)} ms/req`,
      );
      await server.stop();
    }
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')) as {
      nodes: ProfileNode[];
      samples: number[];
      timeDeltas: number[];
    };
    const selfTime = new Map<number, number>();
    profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const f = node.callFrame;
      const where = f.url ? f.url.replace(/^.*\/(node_modules\/[^/]+|work\/main)\//, '$1/') : '';
      const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + (selfTime.get(node.id) ?? 0));
    }
    const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
    console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
    for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
      console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

void main();

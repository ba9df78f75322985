import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { StoredResponse } from '../../../core/response';
import { BENCH_DAY } from './prepare';
import { seededRandom } from './random';
import { BENCH_GROUPS, SHRM_STATEMENT_IDS, shrmAnswers } from './shrmAnswers';

export interface NaiveResult {
  stored: number;
  submissions: number;
  perSecond: number;
  medianMs: number;
  /** Size of the JSON file lowdb rewrites on every submission. */
  fileBytes: number;
}

interface NaiveData {
  responses: StoredResponse[];
}

function storedResponse(random: () => number, i: number): StoredResponse {
  const answers: StoredResponse['answers'] = {};
  for (const a of shrmAnswers(random)) answers[a.statementId] = [a.current, a.desired];
  return { roundId: 'round-naive', group: BENCH_GROUPS[i % BENCH_GROUPS.length]!, day: BENCH_DAY, answers };
}

/**
 * The naive store the issue compares against: lowdb's own JSONFile holding every response, and one
 * `await db.write()` per submission (which re-serialises and rewrites the whole file). Measured
 * in-process and sequentially, each submission acknowledged when its write resolved.
 */
export async function measureNaive(dir: string, stored: number, submissions: number): Promise<NaiveResult> {
  if (SHRM_STATEMENT_IDS.length === 0) throw new Error('no SHRM statements');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'db.json');
  const random = seededRandom(7);
  const responses: StoredResponse[] = [];
  for (let i = 0; i < stored; i += 1) responses.push(storedResponse(random, i));
  const db = new Low<NaiveData>(new JSONFile<NaiveData>(file), { responses });
  await db.write();
  const fileBytes = fs.statSync(file).size;

  const durations: number[] = [];
  const began = performance.now();
  for (let i = 0; i < submissions; i += 1) {
    const t = performance.now();
    db.data.responses.push(storedResponse(random, stored + i));
    await db.write();
    durations.push(performance.now() - t);
  }
  const elapsed = performance.now() - began;
  fs.rmSync(dir, { recursive: true, force: true });
  durations.sort((a, b) => a - b);
  return {
    stored,
    submissions,
    perSecond: (submissions * 1000) / elapsed,
    medianMs: durations[Math.floor(durations.length / 2)]!,
    fileBytes,
  };
}

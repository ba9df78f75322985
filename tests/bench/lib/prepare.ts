import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Round } from '../../../core/round';
import { openStore } from '../../../server/store/index';
import { seededRandom } from './random';
import { BENCH_GROUPS, shrmAnswers } from './shrmAnswers';

/** The day stamped on generated responses (any fixed day will do). */
export const BENCH_DAY = '2026-11-24';
/** The store refuses more codes per call (same bound as the HTTP API). */
const CODES_PER_CALL = 5000;
/** Submissions in flight at once while filling a folder: group commit turns them into few flushes. */
const SUBMIT_BATCH = 5000;

export interface PreparedFolder {
  dataDir: string;
  apiKey: string;
  organisationId: string;
  roundId: string;
  /** Responses stored in the folder. */
  stored: number;
  /** Unused invitation codes of the round, spread over its groups. */
  spareCodes: string[];
  /** Wall time of filling the folder. */
  prepareMs: number;
}

export interface PrepareOptions {
  stored: number;
  spareCodes: number;
  seed?: number;
  /** Share of responses with a comment. */
  commentShare?: number;
  anonymityThreshold?: number;
  /** 'interim' (default): the open round's results are readable; 'atClose': only once it is closed. */
  release?: 'interim' | 'atClose';
}

/**
 * Fills a data folder with an organisation, an open SHRM round and `stored` responses, written
 * through the store API in-process (HTTP would take far too long for 100k). Everything goes through
 * openStore, so the folder has exactly the on-disk format the server reads.
 */
export async function prepareDataDir(dataDir: string, options: PrepareOptions): Promise<PreparedFolder> {
  const began = performance.now();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const random = seededRandom(options.seed ?? 1);
  const store = await openStore({ dataDir });
  try {
    const organisation = await store.organisations.findOrCreateOrganisation('Benchmark College');
    const apiKey = await store.organisations.createApiKey(organisation.id);
    const round: Round = await store.rounds.createRound(organisation.id, {
      surveyId: 'shrm',
      name: 'Benchmark round',
      groups: [...BENCH_GROUPS],
      anonymityThreshold: options.anonymityThreshold ?? 5,
      actionGap: 1,
      // Interim releases by default: the round stays open for the ingest runs and its results are
      // readable (the latest interim release, which trails the data by fewer than the threshold per column).
      release: options.release ?? 'interim',
    });
    const codes = await createCodes(store, round, options.stored + options.spareCodes);
    const toUse = codes.slice(0, options.stored);
    const commentShare = options.commentShare ?? 0.1;
    for (let from = 0; from < toUse.length; from += SUBMIT_BATCH) {
      await Promise.all(
        toUse.slice(from, from + SUBMIT_BATCH).map((code, i) =>
          store.responses.submitResponse(
            {
              code,
              answers: shrmAnswers(random),
              ...(random() < commentShare
                ? { comment: `Opmerking ${from + i}: meer tijd voor het thema <b>graag</b>.` }
                : {}),
            },
            BENCH_DAY,
          ),
        ),
      );
    }
    if ((await store.responses.responseCount(round.id)) !== options.stored) {
      throw new Error(`prepared ${await store.responses.responseCount(round.id)} responses, wanted ${options.stored}`);
    }
    return {
      dataDir,
      apiKey,
      organisationId: organisation.id,
      roundId: round.id,
      stored: options.stored,
      spareCodes: codes.slice(options.stored),
      prepareMs: performance.now() - began,
    };
  } finally {
    await store.close();
  }
}

/**
 * Codes spread over the round's groups; the order interleaves groups so any prefix (what a run uses)
 * covers all of them.
 */
async function createCodes(
  store: Awaited<ReturnType<typeof openStore>>,
  round: Round,
  total: number,
): Promise<string[]> {
  const perGroup = new Map<string, string[]>();
  const groups = round.groups;
  for (let g = 0; g < groups.length; g += 1) {
    const wanted = Math.ceil((total - g) / groups.length);
    const list: string[] = [];
    for (let made = 0; made < wanted; made += CODES_PER_CALL) {
      list.push(
        ...(await store.rounds.createInvitations(
          round.organisationId,
          round.id,
          groups[g]!,
          Math.min(CODES_PER_CALL, wanted - made),
        )),
      );
    }
    perGroup.set(groups[g]!, list);
  }
  const codes: string[] = [];
  for (let i = 0; codes.length < total; i += 1) {
    for (const group of groups) {
      const code = perGroup.get(group)![i];
      if (code !== undefined && codes.length < total) codes.push(code);
    }
  }
  return codes;
}

/** A private copy of a prepared folder, so every measurement starts from the same state. */
export function copyDataDir(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  fs.rmSync(path.join(to, 'koers.lock'), { force: true });
}

/** Total size of the files in a folder. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

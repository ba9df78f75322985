import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { organisationSchema } from '../../core/organisation';
import { roundSchema } from '../../core/round';
import { surveySchema } from '../../core/survey';
import { leverSchema } from '../../core/levers/lever';
import type { Lever } from '../../core/levers/lever';
import type { Organisation } from '../../core/organisation';
import type { Round } from '../../core/round';
import type { Survey } from '../../core/survey';
import { newSecret } from './codes';
import { DurableJsonFile } from './durableJsonAdapter';
import type { StoreStats } from './stats';
import type { ScoringSession } from './contract';

export const META_FILE = 'koers.json';
const META_VERSION = 1;

export interface ApiKeyRecord {
  /** sha256 of the key; the key itself is shown once and never stored. */
  hash: string;
  organisationId: string;
  createdAt: string;
  /** What the key is for ("demo", "excel Anna"), shown by `key list`. */
  label?: string;
  /** Set when revoked; a revoked key opens nothing but stays listed. */
  revokedAt?: string;
}

/**
 * Code hashes per group, per round: `invitations[roundId][groupId] = [hmac, ...]`. Only in files of
 * older versions: on open they move to invitations/<round>.jsonl and this field is emptied.
 */
export type InvitationTable = Record<string, Record<string, string[]>>;

/**
 * Everything except responses, in one small JSON document. Later features add a field here and a
 * default in `emptyMetaData`; older files get the default when read.
 */
export interface MetaData {
  version: number;
  /** Pepper of the code HMACs. Without it the invitation hashes in a copy of this file are useless. */
  secret: string;
  organisations: Organisation[];
  apiKeys: ApiKeyRecord[];
  /** Surveys made by organisations; built-in instruments live in code, not here. */
  surveys: Survey[];
  rounds: Round[];
  invitations: InvitationTable;
  /** Organisations' own levers; the built-in library lives in code, not here. */
  levers: Lever[];
  /** Per organisation, the built-in levers it has retired: the shared library itself never changes. */
  retiredBuiltInLevers: Record<string, string[]>;
  /** MT scoring sessions of rounds, oldest first. */
  scoringSessions: ScoringSession[];
}

export function emptyMetaData(): MetaData {
  return {
    version: META_VERSION,
    secret: newSecret(),
    organisations: [],
    apiKeys: [],
    surveys: [],
    rounds: [],
    invitations: {},
    levers: [],
    retiredBuiltInLevers: {},
    scoringSessions: [],
  };
}

/**
 * The shape koers.json must have. Used to check, never to rewrite: fields that later versions add
 * stay as they are. Fields older files lack get their defaults from emptyMetaData, except the
 * secret, without which no stored code hash can be matched.
 */
const metaFileSchema = z.looseObject({
  version: z.number().int().min(1).optional(),
  secret: z.string().min(16, 'the secret is missing or too short'),
  organisations: z.array(z.looseObject(organisationSchema.shape)).optional(),
  apiKeys: z
    .array(z.looseObject({ hash: z.string().min(1), organisationId: z.string().min(1), createdAt: z.string() }))
    .optional(),
  surveys: z.array(z.looseObject(surveySchema.shape)).optional(),
  rounds: z.array(z.looseObject(roundSchema.shape)).optional(),
  invitations: z.record(z.string(), z.record(z.string(), z.array(z.string()))).optional(),
  levers: z.array(z.looseObject(leverSchema.shape)).optional(),
  retiredBuiltInLevers: z.record(z.string(), z.array(z.string())).optional(),
  scoringSessions: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        organisationId: z.string().min(1),
        roundId: z.string().min(1),
        leverIds: z.array(z.string()),
        status: z.enum(['open', 'closed']),
        tokenHashes: z.array(z.string()),
        scores: z.record(z.string(), z.looseObject({ scores: z.array(z.unknown()) })),
      }),
    )
    .optional(),
});

/** koers.json cannot be used as it is: starting would orphan or overwrite data. */
export class MetaFileError extends Error {
  constructor(filePath: string, problem: string) {
    super(
      `${filePath} ${problem}. Koers will not start on it, because it would overwrite it or lose the link to ` +
        'the responses and codes beside it. Restore koers.json from a backup of this data folder (copied while ' +
        'Koers was stopped), or point KOERS_DATA_DIR at the right folder.',
    );
    this.name = 'MetaFileError';
  }
}

/** Checks a parsed koers.json and fills in the fields older versions did not have. */
export function checkedMetaData(filePath: string, stored: unknown): MetaData {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw new MetaFileError(
      filePath,
      `holds ${stored === null ? 'null' : Array.isArray(stored) ? 'a list' : typeof stored} instead of the Koers document`,
    );
  }
  const version = (stored as { version?: unknown }).version;
  if (typeof version === 'number' && version > META_VERSION) {
    throw new Error(`${META_FILE} has version ${version}; this Koers understands up to ${META_VERSION}. Update Koers.`);
  }
  const result = metaFileSchema.safeParse(stored);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
      .join('; ');
    throw new MetaFileError(filePath, `does not have the shape Koers writes (${problems})`);
  }
  return { ...emptyMetaData(), ...(stored as Partial<MetaData>) };
}

/** Whether the response logs hold anything: then a missing koers.json is a loss, not a fresh folder. */
async function hasLogs(dataDir: string): Promise<boolean> {
  for (const dir of ['responses', 'used-codes', 'invitations']) {
    const names = await readdir(path.join(dataDir, dir)).catch(() => [] as string[]);
    if (names.some((name) => name.endsWith('.jsonl'))) return true;
  }
  return false;
}

async function readMetaFile(dataDir: string): Promise<MetaData | undefined> {
  const filePath = path.join(dataDir, META_FILE);
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (await hasLogs(dataDir))
      throw new MetaFileError(filePath, 'is missing while responses/ and used-codes/ hold data');
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Writes are atomic, so this is damage from outside: refuse rather than start empty over it.
    throw new MetaFileError(filePath, `is not valid JSON (${(error as Error).message})`);
  }
  return checkedMetaData(filePath, parsed);
}

/**
 * The lowdb document behind koers.json. Readers see only committed data: a change is applied to a
 * copy, written durably, and only then becomes visible. Changes run one at a time through a queue,
 * because admin writes are rare and the file is rewritten whole each time.
 */
export class MetaDocument {
  private committed: MetaData;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<MetaData>) {
    this.committed = db.data;
  }

  static async open(dataDir: string, stats: StoreStats): Promise<MetaDocument> {
    // Read and checked here rather than by lowdb's read(), which takes a file holding `null` for a
    // missing one and would start empty over it.
    const stored = await readMetaFile(dataDir);
    const existed = stored !== undefined;
    const db = new Low<MetaData>(
      new DurableJsonFile<MetaData>(path.join(dataDir, META_FILE), stats),
      stored ?? emptyMetaData(),
    );
    const doc = new MetaDocument(db);
    // A fresh folder gets its secret on disk before any code is hashed with it.
    if (!existed) await doc.update(() => undefined);
    return doc;
  }

  get data(): Readonly<MetaData> {
    return this.committed;
  }

  /**
   * Applies `change` to a copy of the data and writes it. `afterCommit` runs inside the queue right
   * after the write, so in-memory indexes are up to date before the next change starts.
   */
  update<R>(change: (draft: MetaData) => R, afterCommit?: (result: R, data: MetaData) => void): Promise<R> {
    const run = async (): Promise<R> => {
      const draft = structuredClone(this.committed);
      const result = change(draft);
      this.db.data = draft;
      await this.db.write();
      this.committed = draft;
      afterCommit?.(result, draft);
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `task` in the write queue without rewriting the document: for writes that go to a log of
   * their own but must be decided on committed data, one at a time with the document's changes.
   */
  exclusive<R>(task: (data: Readonly<MetaData>) => Promise<R>): Promise<R> {
    const run = () => task(this.committed);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every queued change has been written (or has failed). */
  async settle(): Promise<void> {
    await this.queue;
  }
}

import path from 'node:path';
import { Low } from 'lowdb';
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

/** Code hashes per group, per round: `invitations[roundId][groupId] = [hmac, ...]`. */
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

function withDefaults(stored: Partial<MetaData>): MetaData {
  const data = { ...emptyMetaData(), ...stored };
  if (data.version > META_VERSION) {
    throw new Error(
      `${META_FILE} has version ${data.version}; this Koers understands up to ${META_VERSION}. Update Koers.`,
    );
  }
  return data;
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
    const defaults = emptyMetaData();
    const db = new Low<MetaData>(new DurableJsonFile<MetaData>(path.join(dataDir, META_FILE), stats), defaults);
    await db.read();
    const existed = db.data !== defaults;
    db.data = withDefaults(db.data);
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

  /** Resolves when every queued change has been written (or has failed). */
  async settle(): Promise<void> {
    await this.queue;
  }
}

import type { KoersStores } from './contract';
import type { DataLock } from './dataLock';
import type { InvitationLogs } from './invitationLogs';
import type { MetaDocument } from './metaDocument';
import { FileLeverStore } from './leverStore';
import { FileOrganisationStore } from './organisationStore';
import { FileResponseStore } from './responseStore';
import type { ResponseLogs } from './responseLogs';
import { FileRoundStore } from './roundStore';
import { FileScoringStore } from './scoringStore';
import { copyStats, type StoreStats } from './stats';
import { StoreContext } from './storeContext';
import { FileSurveyStore } from './surveyStore';
import type { Survey } from '../../core/survey';
import type { StoreLimits } from './limits';

/** The embedded store as the server gets it: the contract plus counters for tests and benchmarks. */
export interface FileStore extends KoersStores {
  rounds: FileRoundStore;
  responses: FileResponseStore;
  stats(): StoreStats;
}

export interface FileStoreParts {
  meta: MetaDocument;
  logs: ResponseLogs;
  invitationLogs: InvitationLogs;
  lock: DataLock;
  stats: StoreStats;
  dataDir: string;
  now: () => Date;
  builtIns: Survey[];
  limits: StoreLimits;
}

/**
 * The store contract over one data folder: admin data in the meta document (koers.json), responses
 * in append-only logs, one small store per aggregate sharing them.
 */
export function createFileStore(parts: FileStoreParts): FileStore {
  const ctx = new StoreContext(parts.meta, parts.now, parts.builtIns, parts.limits);
  const surveys = new FileSurveyStore(ctx);
  // The two refer to each other only through these callbacks: a code's invitation is round data,
  // whether it is used is response data.
  const rounds: FileRoundStore = new FileRoundStore(
    ctx,
    surveys,
    (hash) => responses.isCodeUsed(hash),
    parts.invitationLogs,
  );
  const responses: FileResponseStore = new FileResponseStore(ctx, parts.logs, parts.stats, parts.dataDir, (hash) =>
    rounds.invitationFor(hash),
  );
  let closing: Promise<void> | undefined;
  return {
    organisations: new FileOrganisationStore(ctx),
    surveys,
    rounds,
    responses,
    levers: new FileLeverStore(ctx),
    scoring: new FileScoringStore(ctx),
    stats: () => copyStats(parts.stats),
    close() {
      closing ??= (async () => {
        ctx.markClosed();
        try {
          await responses.drain();
          await parts.meta.settle();
        } finally {
          await parts.logs.close();
          await parts.invitationLogs.close();
          await parts.lock.release();
        }
      })();
      return closing;
    },
  };
}

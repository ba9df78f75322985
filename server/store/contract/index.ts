/**
 * The store contract: what the HTTP layer needs from storage, one narrow interface per aggregate.
 * Every method is async, so a store backed by a database server can implement it as well as the
 * embedded file store. Admin reads take the caller's organisation and answer undefined for
 * resources of other organisations, so routers answer 404 for both cases. Refusals are StoreErrors.
 *
 * The behaviour every implementation must show is pinned down by
 * tests/server/storeContract/describeStoreContract.ts, which runs against any store factory.
 */
import type { LeverStore } from './levers';
import type { OrganisationStore } from './organisations';
import type { ResponseStore } from './responses';
import type { RoundStore } from './rounds';
import type { ScoringStore } from './scoring';
import type { SurveyStore } from './surveys';

export type { ApiKeyInfo, OrganisationStore } from './organisations';
export type { SurveyStore, SurveyVersion } from './surveys';
export type { CodeLookup, RoundStore } from './rounds';
export type { ResponseStore, SubmitOutcome } from './responses';
export type { LeverStore } from './levers';
export type { RaterScores, ScoreOutcome, ScoringSession, ScoringStore, ScoringTokenLookup } from './scoring';
export { StoreError, StoreUnavailableError, type StoreErrorCode } from './errors';

export interface KoersStores {
  organisations: OrganisationStore;
  surveys: SurveyStore;
  rounds: RoundStore;
  responses: ResponseStore;
  levers: LeverStore;
  scoring: ScoringStore;
  /** Writes everything pending and releases the data (folder lock, connections). Idempotent. */
  close(): Promise<void>;
}

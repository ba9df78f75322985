import { StoreError, type StoreErrorCode } from './contract/errors';

/**
 * Per-organisation limits on what one organisation may store, so that one organisation cannot slow
 * down or fill the store for all others. Both stores decide them on committed state (the file store
 * inside its write queue, PostgreSQL inside the transaction under a row lock), so concurrent requests
 * cannot pass a limit together.
 */
export interface StoreLimits {
  /** Own surveys of one organisation (built-in instruments do not count). */
  surveysPerOrganisation: number;
  /** Rounds of one organisation, open and closed. */
  roundsPerOrganisation: number;
  /** Invitation codes of one round over all requests (besides the 5,000 per request). */
  codesPerRound: number;
  /** Own levers of one organisation, retired ones included. */
  leversPerOrganisation: number;
  /** MT scoring sessions of one round. */
  scoringSessionsPerRound: number;
  /** Serialised size in bytes of one organisation's surveys, rounds and own levers together. */
  dataBytesPerOrganisation: number;
}

/** Generous enough for a large school board. */
export const DEFAULT_LIMITS: Readonly<StoreLimits> = Object.freeze({
  surveysPerOrganisation: 200,
  roundsPerOrganisation: 500,
  codesPerRound: 20_000,
  leversPerOrganisation: 500,
  scoringSessionsPerRound: 50,
  dataBytesPerOrganisation: 5 * 1024 * 1024,
});

export type CountLimit = Exclude<keyof StoreLimits, 'dataBytesPerOrganisation'>;

const refusalOf: Record<CountLimit, StoreErrorCode> = {
  surveysPerOrganisation: 'surveyLimitReached',
  roundsPerOrganisation: 'roundLimitReached',
  codesPerRound: 'codeLimitReached',
  leversPerOrganisation: 'leverLimitReached',
  scoringSessionsPerRound: 'scoringSessionLimitReached',
};

export function resolveLimits(overrides: Partial<StoreLimits> = {}): StoreLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(overrides) as [keyof StoreLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`limit ${name} must be a whole number ≥ 1`);
    limits[name] = value;
  }
  return limits;
}

/**
 * Refuses when `existing + adding` would pass the limit; `adding` defaults to one new item.
 * The refusal names the limit, its value and what is there already.
 */
export function checkCount(limits: StoreLimits, limit: CountLimit, existing: number, adding = 1): void {
  const max = limits[limit];
  if (existing + adding > max) {
    throw new StoreError(refusalOf[limit], { max, existing, requested: adding, left: Math.max(0, max - existing) });
  }
}

/** Refuses a write that would bring the organisation's stored data above its size limit. */
export function checkDataBytes(limits: StoreLimits, currentBytes: number, addedBytes: number): void {
  const max = limits.dataBytesPerOrganisation;
  if (addedBytes > 0 && currentBytes + addedBytes > max) {
    throw new StoreError('organisationDataTooLarge', {
      max,
      maxKb: Math.floor(max / 1024),
      currentKb: Math.ceil(currentBytes / 1024),
      addedKb: Math.ceil(addedBytes / 1024),
    });
  }
}

/** The size an item counts for: its JSON in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

import type { ScoreInput } from '../../../core/levers/scoring';

/**
 * A member's unsent scores, kept in localStorage per link so a reload or a lost connection costs
 * nothing. Cleared as soon as the server has them.
 */

export type Dimension = 'impact' | 'feasibility';
export const DIMENSIONS: readonly Dimension[] = ['impact', 'feasibility'];

export interface LeverDraft {
  impact?: number;
  feasibility?: number;
  remark?: string;
}

export type Draft = Record<string, LeverDraft>;

/** Mirrors SCORE_MIN/SCORE_MAX and MAX_REMARK_LENGTH in core/levers/scoring.ts; a test checks they agree. */
export const SCORE_POINTS = [1, 2, 3, 4, 5] as const;
export const MAX_REMARK_LENGTH = 500;

const VERSION = 1;
const keyFor = (token: string): string => `koers.scoring.${token}`;

const isPoint = (value: unknown): value is number =>
  typeof value === 'number' && (SCORE_POINTS as readonly number[]).includes(value);

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps only scores for this session's levers and on the scale; anything damaged is dropped, not trusted. */
export function sanitizeDraft(raw: unknown, leverIds: readonly string[]): Draft {
  const draft: Draft = {};
  if (!raw || typeof raw !== 'object') return draft;
  for (const id of leverIds) {
    const value = (raw as Record<string, unknown>)[id];
    if (!value || typeof value !== 'object') continue;
    const { impact, feasibility, remark } = value as Record<string, unknown>;
    const lever: LeverDraft = {};
    if (isPoint(impact)) lever.impact = impact;
    if (isPoint(feasibility)) lever.feasibility = feasibility;
    if (typeof remark === 'string' && remark.length > 0) lever.remark = remark.slice(0, MAX_REMARK_LENGTH);
    if (Object.keys(lever).length > 0) draft[id] = lever;
  }
  return draft;
}

export function loadDraft(token: string, leverIds: readonly string[]): Draft | undefined {
  try {
    const raw = storage()?.getItem(keyFor(token));
    if (!raw) return undefined;
    const data = JSON.parse(raw) as { v?: unknown; scores?: unknown };
    if (data.v !== VERSION) return undefined;
    return sanitizeDraft(data.scores, leverIds);
  } catch {
    return undefined;
  }
}

export function saveDraft(token: string, draft: Draft): void {
  try {
    storage()?.setItem(keyFor(token), JSON.stringify({ v: VERSION, scores: draft }));
  } catch {
    // A full quota must not stop scoring; the scores stay in memory.
  }
}

export function clearDraft(token: string): void {
  try {
    storage()?.removeItem(keyFor(token));
  } catch {
    // Nothing more to do.
  }
}

/** The server's copy of earlier scores, as a draft to edit. */
export function draftFromScores(scores: readonly ScoreInput[], leverIds: readonly string[]): Draft {
  return sanitizeDraft(Object.fromEntries(scores.map(({ leverId, ...rest }) => [leverId, rest])), leverIds);
}

export const isScored = (lever: LeverDraft | undefined): boolean =>
  lever?.impact !== undefined && lever.feasibility !== undefined;

export function scoredCount(draft: Draft, leverIds: readonly string[]): number {
  return leverIds.filter((id) => isScored(draft[id])).length;
}

/** Open ratings in page order. */
export function missingScores(
  draft: Draft,
  leverIds: readonly string[],
): Array<{ leverId: string; dimension: Dimension }> {
  return leverIds.flatMap((leverId) =>
    DIMENSIONS.filter((d) => draft[leverId]?.[d] === undefined).map((dimension) => ({ leverId, dimension })),
  );
}

/** The body of POST /api/scoring/:token for a complete draft. */
export function scoresToSend(draft: Draft, leverIds: readonly string[]): ScoreInput[] {
  return leverIds.map((leverId) => {
    const lever = draft[leverId]!;
    const remark = lever.remark?.trim();
    return { leverId, impact: lever.impact!, feasibility: lever.feasibility!, ...(remark ? { remark } : {}) };
  });
}

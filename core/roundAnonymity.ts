/**
 * A round's anonymity settings beyond the threshold: reporting groups that combine small groups
 * (roll-ups), a separate threshold for comments, and when results are released. Spread into the
 * round schemas (round.ts) so the round's input and stored form stay in one place.
 */
import { z } from 'zod';
import { localizedTextSchema, slugSchema, type LocalizedText } from './text';

/** Id of the roll-up that combines the groups below the threshold that nothing else combines. */
export const DEFAULT_ROLL_UP_ID = 'overige-geledingen';
export const DEFAULT_ROLL_UP_NAME: LocalizedText = { nl: 'Overige geledingen', en: 'Other groups' };
export const MAX_ROLL_UPS = 15;

/**
 * - atClose (default): figures, rows, comments and suggestions only once the round is closed; during
 *   fieldwork only participation.
 * - interim: while open, the latest interim release (see release.ts); two releases never differ by
 *   fewer than the threshold of responses in any published cell.
 */
export const releaseModeSchema = z.enum(['atClose', 'interim']);
export type ReleaseMode = z.infer<typeof releaseModeSchema>;

export const rollUpInputSchema = z
  .object({
    id: slugSchema,
    /** A name, or a name per language. */
    name: z.union([z.string().trim().min(1).max(80), localizedTextSchema]),
    groups: z.array(slugSchema).min(2).max(30),
  })
  .strict();
export type RollUpInput = z.infer<typeof rollUpInputSchema>;

export const rollUpSchema = z.object({ id: slugSchema, name: localizedTextSchema, groups: z.array(slugSchema) });
export type RollUp = z.infer<typeof rollUpSchema>;

/** Fields of POST /api/rounds. */
export const anonymityInputFields = {
  /** Reporting groups that combine groups, e.g. directie + teamleiders = leidinggevenden. Disjoint. */
  rollUps: z.array(rollUpInputSchema).max(MAX_ROLL_UPS).optional(),
  /** Combine the remaining groups below the threshold into "overige geledingen" (default true). */
  combineSmallGroups: z.boolean().optional(),
  /** Comments only of reporting groups with at least this many responses; default: the threshold. */
  commentThreshold: z.number().int().min(2).max(100).optional(),
  release: releaseModeSchema.optional(),
};

/** Fields of a stored round (all optional: rounds stored before they existed use the defaults). */
export const anonymityRoundFields = {
  rollUps: z.array(rollUpSchema).optional(),
  combineSmallGroups: z.boolean().optional(),
  commentThreshold: z.number().int().optional(),
  release: releaseModeSchema.optional(),
};

interface SettingsSource {
  groups: string[];
  anonymityThreshold: number;
  rollUps?: Array<{ id: string; name: string | LocalizedText; groups: string[] }>;
  combineSmallGroups?: boolean;
  commentThreshold?: number;
  release?: ReleaseMode;
}

/** The settings a round works with, defaults filled in. */
export interface AnonymitySettings {
  threshold: number;
  commentThreshold: number;
  rollUps: RollUp[];
  combineSmallGroups: boolean;
  release: ReleaseMode;
}

export function anonymitySettings(round: SettingsSource): AnonymitySettings {
  return {
    threshold: round.anonymityThreshold,
    commentThreshold: Math.max(round.commentThreshold ?? round.anonymityThreshold, round.anonymityThreshold),
    rollUps: (round.rollUps ?? []).map(normaliseRollUp),
    combineSmallGroups: round.combineSmallGroups ?? true,
    release: round.release ?? 'atClose',
  };
}

/** What a new round stores of its input's anonymity settings (only what was given). */
export function storedAnonymitySettings(input: Omit<SettingsSource, 'groups' | 'anonymityThreshold'>): {
  rollUps?: RollUp[];
  combineSmallGroups?: boolean;
  commentThreshold?: number;
  release?: ReleaseMode;
} {
  return {
    ...(input.rollUps && input.rollUps.length > 0 ? { rollUps: input.rollUps.map(normaliseRollUp) } : {}),
    ...(input.combineSmallGroups === undefined ? {} : { combineSmallGroups: input.combineSmallGroups }),
    ...(input.commentThreshold === undefined ? {} : { commentThreshold: input.commentThreshold }),
    release: input.release ?? 'atClose',
  };
}

export type AnonymitySettingsProblem =
  | { code: 'commentThresholdBelowThreshold'; params: { commentThreshold: number; threshold: number } }
  | { code: 'rollUpUnknownGroup'; params: { rollUp: string; group: string } }
  | { code: 'rollUpOverlap'; params: { rollUp: string; group: string } }
  | { code: 'rollUpIdTaken'; params: { rollUp: string } };

/**
 * Checks what the schema cannot: a comment threshold not below the figures' threshold, roll-ups of
 * the round's own groups, each group in at most one roll-up (overlapping roll-ups could be subtracted
 * from each other), and roll-up ids that are no group id and not the default roll-up's.
 */
export function anonymitySettingsProblem(input: SettingsSource): AnonymitySettingsProblem | undefined {
  if (input.commentThreshold !== undefined && input.commentThreshold < input.anonymityThreshold) {
    return {
      code: 'commentThresholdBelowThreshold',
      params: { commentThreshold: input.commentThreshold, threshold: input.anonymityThreshold },
    };
  }
  const groups = new Set(input.groups);
  const taken = new Set<string>([DEFAULT_ROLL_UP_ID, ...input.groups]);
  const inRollUp = new Set<string>();
  for (const rollUp of input.rollUps ?? []) {
    if (taken.has(rollUp.id)) return { code: 'rollUpIdTaken', params: { rollUp: rollUp.id } };
    taken.add(rollUp.id);
    for (const group of rollUp.groups) {
      if (!groups.has(group)) return { code: 'rollUpUnknownGroup', params: { rollUp: rollUp.id, group } };
      if (inRollUp.has(group)) return { code: 'rollUpOverlap', params: { rollUp: rollUp.id, group } };
      inRollUp.add(group);
    }
  }
  return undefined;
}

function normaliseRollUp(rollUp: { id: string; name: string | LocalizedText; groups: string[] }): RollUp {
  const name = typeof rollUp.name === 'string' ? { nl: rollUp.name, en: rollUp.name } : { ...rollUp.name };
  return { id: rollUp.id, name, groups: [...new Set(rollUp.groups)] };
}

/**
 * What an own lever is and which levers may be edited, decided the same way by every store (file and
 * PostgreSQL).
 */
import type { Lever, LeverInput } from '../../../core/levers/lever';
import { LEVER_LIBRARY } from '../../../core/levers/library';
import { StoreError } from '../contract';

/** The shared built-in library by id. */
export const builtInLeverById: ReadonlyMap<string, Lever> = new Map(LEVER_LIBRARY.map((lever) => [lever.id, lever]));

/** Room left for a "-2"-style suffix within the 64 characters a slug may have. */
const MAX_SLUG_BASE = 56;

/**
 * A readable id from the Dutch title ("Werf samen met scholen" → "werf-samen-met-scholen"), with a
 * number added when the organisation already has it. Unique per organisation only: ids never cross
 * organisations, and a global check would tell one school what another school's levers are called.
 */
export function leverSlug(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // "collega’s" reads better as "collegas" than as "collega-s".
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, MAX_SLUG_BASE)
      .replace(/^-+|-+$/g, '') || 'maatregel';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A new own lever, its id a slug of its title not among `taken` (the ids of every lever the organisation sees). */
export function newLever(organisationId: string, input: LeverInput, taken: ReadonlySet<string>): Lever {
  return {
    id: leverSlug(input.title.nl, taken),
    ...structuredClone(input),
    builtIn: false,
    organisationId,
    retired: false,
  };
}

/** Throws 'builtInLeverReadOnly' for a lever of the shared library: only own levers are edited. */
export function checkLeverEditable(leverId: string): void {
  if (builtInLeverById.has(leverId)) throw new StoreError('builtInLeverReadOnly', { leverId });
}

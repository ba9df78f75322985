/**
 * Names Koers gives to the tables and charts it writes. They are language neutral and stable, so a
 * refresh finds its own objects whatever the display language of the Excel that made them.
 *
 * Several rounds live in one workbook: every table name carries the round (its id, as a tag), so the
 * tables of round A and round B never clash (Excel table names are unique per workbook and compared
 * case-insensitively) and a refresh finds the round's tables by name, on whatever sheet the adviser
 * moved or renamed. Sheet names are only a starting point (see sheetNameForRound).
 */
export const KOERS_PREFIX = 'Koers_';

/** A round id as a part of a table name: letters, digits and underscores only. */
export function roundTag(roundId: string): string {
  const tag = roundId.replace(/[^A-Za-z0-9]/g, '_');
  if (tag === '') throw new RangeError('A round id is needed for table names');
  return tag;
}

/**
 * One section's results table of a round: Koers_<round>.<section>. Excel table names allow letters,
 * digits, underscores and periods: slugs' dashes become underscores; the period keeps round and
 * section apart (a tag has none).
 */
export function sectionTableName(roundId: string, sectionId: string): string {
  return `${KOERS_PREFIX}${roundTag(roundId)}.${sectionId.replace(/[^A-Za-z0-9_.]/g, '_')}`;
}

// Fixed tables start with "Koers." where section tables start with "Koers_": Excel compares table
// names case-insensitively, so the two kinds can never produce the same name.
export const RESPONSES_TABLE = 'Responses';
export const SUMMARY_SECTIONS_TABLE = 'Summary.Sections';
export const SUMMARY_TOP_GAPS_TABLE = 'Summary.TopGaps';
export const SUMMARY_PRIORITIES_TABLE = 'Summary.Priorities';
export const LEVERS_TABLE = 'Levers';

/** A round's fixed table, e.g. roundTableName('rnd-1', LEVERS_TABLE) → 'Koers.rnd_1.Levers'. */
export function roundTableName(roundId: string, base: string): string {
  return `Koers.${roundTag(roundId)}.${base}`;
}

/** Chart names are per sheet in Excel; these need not carry the round. */
export const TOP_GAPS_CHART = 'Koers.TopGaps';
export const LEVER_MATRIX_CHART = 'Koers.LeverMatrix';

/** Header of the hidden first column that keys each row to its statement or section. */
export const ID_HEADER = 'ID';

export function isKoersName(name: string): boolean {
  return /^Koers[._]/.test(name);
}

/** Excel's rules for sheet names: at most 31 characters, none of \ / ? * [ ] :, not blank. */
export const SHEET_NAME_MAX = 31;

function cleanSheetName(name: string): string {
  return name
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, SHEET_NAME_MAX)
    .trim();
}

/**
 * The name for a round's new sheet: the plain name ("Resultaten") while it is free, else the plain
 * name with the round's name ("Resultaten Voorjaar 2027", cut to 31 characters), else a number.
 * `taken` are the workbook's sheet names (compared case-insensitively, as Excel does).
 */
export function sheetNameForRound(base: string, roundName: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const candidates = [cleanSheetName(base), cleanSheetName(`${base} ${roundName}`)];
  for (const candidate of candidates) if (candidate && !used.has(candidate.toLowerCase())) return candidate;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${cleanSheetName(base).slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

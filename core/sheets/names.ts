/**
 * Names Koers gives to the tables and charts it writes. They are language neutral and stable, so a
 * refresh finds its own objects whatever the display language of the Excel that made them.
 */
export const KOERS_PREFIX = 'Koers_';

/** Excel table names allow letters, digits, underscores and periods: slugs' dashes become underscores. */
export function sectionTableName(sectionId: string): string {
  return `${KOERS_PREFIX}${sectionId.replace(/[^A-Za-z0-9_.]/g, '_')}`;
}

// Fixed names use periods, which a section id (a slug) can never produce: Excel compares table
// names case-insensitively, so "Koers_Responses" would clash with a section called "responses".
export const RESPONSES_TABLE = 'Koers.Responses';
export const SUMMARY_SECTIONS_TABLE = 'Koers.Summary.Sections';
export const SUMMARY_TOP_GAPS_TABLE = 'Koers.Summary.TopGaps';
export const TOP_GAPS_CHART = 'Koers.TopGaps';
export const LEVERS_TABLE = 'Koers.Levers';
export const LEVER_MATRIX_CHART = 'Koers.LeverMatrix';

/** Header of the hidden first column that keys each row to its statement or section. */
export const ID_HEADER = 'ID';

export function isKoersName(name: string): boolean {
  return /^Koers[._]/.test(name);
}

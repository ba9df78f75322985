import { formatCoarseCount, type CoarseCount } from '../coarseCount';
import type { Language, LocalizedText } from '../text';
import { cellText, textCell } from './cells';
import type { TableBlock } from './tableBlock';

/**
 * Office-free layouts of the sheets a round's fieldwork uses: *Uitnodigingen* (group, code, link:
 * an Excel table Word's mail merge reads), *Respons* (per group invited, answered, rate) and the
 * sheet names and texts they need. The *Vragenlijst* template is in questionnaireSheet.ts.
 */

export const INVITATIONS_TABLE = 'Koers.Invitations';
export const PARTICIPATION_TABLE = 'Koers.Participation';

export interface RoundSheetTexts {
  invitationsSheet: string;
  participationSheet: string;
  group: string;
  code: string;
  link: string;
  invited: string;
  answered: string;
  rate: string;
  total: string;
  onlyCopy: string;
  participationTitle: (round: string, day: string) => string;
  participationNote: (threshold: number) => string;
}

const texts: Record<Language, RoundSheetTexts> = {
  nl: {
    invitationsSheet: 'Uitnodigingen',
    participationSheet: 'Respons',
    group: 'Groep',
    code: 'Code',
    link: 'Link',
    invited: 'Uitgenodigd',
    answered: 'Ingevuld',
    rate: 'Respons',
    total: 'Totaal',
    onlyCopy:
      'Let op: dit blad is de enige plek waar deze codes staan. De server bewaart ze alleen onherkenbaar (als hash) en kan ze niet opnieuw tonen. Bewaar deze werkmap goed en deel het blad niet verder dan nodig.',
    participationTitle: (round, day) => `Respons van ${round}, bijgewerkt op ${day}`,
    participationNote: (threshold) =>
      `Een groep met minder dan ${threshold} ingevulde vragenlijsten toont "minder dan ${threshold}" in plaats van een aantal; het totaal is dan een bandbreedte. Zo is niet te herleiden wie er heeft ingevuld. Dit blad bevat geen resultaten.`,
  },
  en: {
    invitationsSheet: 'Invitations',
    participationSheet: 'Response',
    group: 'Group',
    code: 'Code',
    link: 'Link',
    invited: 'Invited',
    answered: 'Answered',
    rate: 'Response rate',
    total: 'Total',
    onlyCopy:
      'Note: this sheet is the only place these codes exist. The server keeps them only in unrecognisable form (as hashes) and cannot show them again. Keep this workbook safe and share the sheet no further than needed.',
    participationTitle: (round, day) => `Response of ${round}, updated on ${day}`,
    participationNote: (threshold) =>
      `A group with fewer than ${threshold} answers shows "fewer than ${threshold}" instead of a number; the total is then a range. That way nobody can work out who answered. This sheet holds no results.`,
  },
};

export function roundSheetTexts(language: Language): RoundSheetTexts {
  return texts[language];
}

/** Both languages' names of a sheet: a workbook started in Dutch Excel may be refreshed in English Excel. */
export function allNames(pick: (t: RoundSheetTexts) => string): string[] {
  return [...new Set([pick(texts.nl), pick(texts.en)])];
}

export interface InvitationRow {
  groupName: string;
  code: string;
  link: string;
}

/** The Uitnodigingen table: one row per code. Headers are plain words, as Word's mail merge shows them. */
export function invitationsBlock(rows: readonly InvitationRow[], t: RoundSheetTexts): TableBlock {
  return {
    tableName: INVITATIONS_TABLE,
    columns: [
      { header: t.group, kind: 'text' },
      { header: t.code, kind: 'text' },
      { header: t.link, kind: 'text' },
    ],
    rows: rows.map((row) => [textCell(row.groupName), textCell(row.code), textCell(row.link)]),
  };
}

/** Reads rows of an existing Uitnodigingen table back (values as Excel returns them), skipping blank rows. */
export function invitationRowsFromValues(values: readonly (readonly unknown[])[]): InvitationRow[] {
  return values
    .map((row) => ({
      groupName: cellText(row[0]).trim(),
      code: cellText(row[1]).trim(),
      link: cellText(row[2]).trim(),
    }))
    .filter((row) => row.code !== '');
}

/** GET /api/rounds/:id/participation, as the add-in reads it. */
export interface ParticipationView {
  roundId: string;
  name: string;
  anonymityThreshold: number;
  groups: Array<{
    id: string;
    name: LocalizedText;
    invited: number;
    answered: CoarseCount;
    rate: number | null;
  }>;
  total: { invited: number; answered: CoarseCount; rate: number | null | { min: number; max: number } };
}

/** "67%", "40–80%" or "–" (nothing invited, or too few answers to say). */
export function describeRate(rate: number | null | { min: number; max: number }): string {
  if (rate === null) return '–';
  if (typeof rate === 'number') return `${Math.round(rate * 100)}%`;
  const min = Math.round(rate.min * 100);
  const max = Math.round(rate.max * 100);
  return min === max ? `${min}%` : `${min}–${max}%`;
}

/** The Respons table: per group, then the total. Counts below the threshold are words, never numbers. */
export function participationBlock(view: ParticipationView, t: RoundSheetTexts, language: Language): TableBlock {
  const answered = (count: CoarseCount): string | number =>
    count.exact ? count.value : formatCoarseCount(count, language);
  return {
    tableName: PARTICIPATION_TABLE,
    columns: [
      { header: t.group, kind: 'text' },
      { header: t.invited, kind: 'count' },
      { header: t.answered, kind: 'choice' },
      { header: t.rate, kind: 'text' },
    ],
    rows: [
      ...view.groups.map((g) => [textCell(g.name[language]), g.invited, answered(g.answered), describeRate(g.rate)]),
      [t.total, view.total.invited, answered(view.total.answered), describeRate(view.total.rate)],
    ],
  };
}

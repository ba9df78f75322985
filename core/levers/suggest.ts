import type { LocalizedText } from '../text';
import type { Cell, RoundResults } from '../results';
import { findTheme } from '../instruments/themes';
import type { Lever, ThemeId } from './lever';
import { compareCodeUnits } from '../compare';

/**
 * A lever's gap score is its largest addressed gap plus this share of its other positive gaps.
 * The largest gap alone would ignore that a lever can close several gaps at once; a plain sum would
 * favour whichever lever happens to list the most sections or statements.
 */
export const SECONDARY_GAP_WEIGHT = 0.25;

/**
 * Added per theme a lever serves beyond the first. The handreiking advises levers that work on
 * several themes; kept small so it breaks near-ties but never outweighs a clearly larger gap.
 */
export const MULTI_THEME_BONUS = 0.1;

export const DEFAULT_SUGGESTION_LIMIT = 10;

export interface LeverSuggestion {
  leverId: string;
  /** Gap score plus multi-theme bonus, rounded to two decimals. */
  score: number;
  /** Why, in plain words and with the numbers: largest gaps first, then the themes. */
  reasons: LocalizedText[];
}

export interface SuggestLeversInput {
  results: RoundResults;
  levers: Lever[];
  /** Only levers that serve this theme. */
  theme?: ThemeId;
  limit?: number;
}

interface Evidence {
  kind: 'section' | 'statement';
  id: string;
  label: LocalizedText;
  gap: number;
  actionNeeded: boolean;
}

/**
 * Ranks levers by how large the published gaps are in the sections and statements they address
 * (their keywords), using each row's overall cell. Suppressed cells carry no numbers and so add
 * nothing; a lever with no positive published gap behind it is not suggested at all, because the
 * results give no reason for it. Retired levers are never suggested. Ties are ordered by lever id.
 */
export function suggestLevers(input: SuggestLeversInput): LeverSuggestion[] {
  const limit = input.limit ?? DEFAULT_SUGGESTION_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`);

  const sections = new Map(input.results.sections.map((s) => [s.sectionId, s]));
  const statements = new Map(input.results.statements.map((s) => [s.statementId, s]));

  const suggestions: LeverSuggestion[] = [];
  for (const lever of input.levers) {
    if (lever.retired) continue;
    if (input.theme && !lever.themes.includes(input.theme)) continue;

    const evidence: Evidence[] = [];
    for (const keyword of lever.keywords ?? []) {
      const section = sections.get(keyword);
      if (section) addEvidence(evidence, 'section', keyword, section.title, section.overall);
      const statement = statements.get(keyword);
      if (statement) addEvidence(evidence, 'statement', keyword, statement.text, statement.overall);
    }
    if (evidence.length === 0) continue;

    evidence.sort((a, b) => b.gap - a.gap || compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.id, b.id));
    const [largest, ...others] = evidence;
    const gapScore = largest.gap + SECONDARY_GAP_WEIGHT * others.reduce((sum, e) => sum + e.gap, 0);
    const themeBonus = MULTI_THEME_BONUS * (lever.themes.length - 1);

    const reasons = evidence.map(gapReason);
    if (lever.themes.length > 1) reasons.push(themesReason(lever.themes));
    suggestions.push({ leverId: lever.id, score: round2(gapScore + themeBonus), reasons });
  }

  suggestions.sort((a, b) => b.score - a.score || compareCodeUnits(a.leverId, b.leverId));
  return suggestions.slice(0, limit);
}

function addEvidence(evidence: Evidence[], kind: Evidence['kind'], id: string, label: LocalizedText, cell: Cell): void {
  if (cell.status !== 'shown' || cell.gap === null || !(cell.gap > 0)) return;
  evidence.push({ kind, id, label, gap: cell.gap, actionNeeded: cell.actionNeeded });
}

function gapReason(e: Evidence): LocalizedText {
  const where =
    e.kind === 'section'
      ? { nl: `sectie ${e.label.nl}`, en: `section ${e.label.en}` }
      : { nl: `stelling “${shorten(e.label.nl)}”`, en: `statement “${shorten(e.label.en)}”` };
  return {
    nl: `Gat van ${formatNumber(e.gap, 'nl')} bij ${where.nl}${e.actionNeeded ? ' (actie nodig)' : ''}`,
    en: `Gap of ${formatNumber(e.gap, 'en')} in ${where.en}${e.actionNeeded ? ' (action needed)' : ''}`,
  };
}

// Plain commas: a theme name such as "ICT-vaardigheden en e-didactiek" already contains "en".
function themesReason(themeIds: ThemeId[]): LocalizedText {
  const names = themeIds.map((id) => findTheme(id).name);
  return {
    nl: `Werkt aan ${themeIds.length} thema’s: ${names.map((n) => n.nl).join(', ')}`,
    en: `Serves ${themeIds.length} themes: ${names.map((n) => n.en).join(', ')}`,
  };
}

const MAX_QUOTED_LENGTH = 80;

// Statements can be long; a reason only needs enough to recognise which one.
function shorten(text: string): string {
  return text.length <= MAX_QUOTED_LENGTH ? text : `${text.slice(0, MAX_QUOTED_LENGTH - 1).trimEnd()}…`;
}

function formatNumber(value: number, lang: 'nl' | 'en'): string {
  const fixed = value.toFixed(1);
  return lang === 'nl' ? fixed.replace('.', ',') : fixed;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

import { anonymityText, coverageLabel, prioritiesLines, releaseLabel, tierLabel } from '../anonymityText';
import type { Priority, RoundResults } from '../results';
import type { Language } from '../text';
import { fillTemplate, type SheetTexts } from './texts';
import { textCell, type CellValue } from './cells';
import { ID_HEADER, sectionTableName } from './names';
import { groupColumns, groupValues, overallColumns, overallValues, suppressionReasonText } from './resultCells';
import type { BlockColumn, TableBlock } from './tableBlock';

/** What the adviser typed in "Welke actie?", keyed by statement id. */
export type AdviserActions = ReadonlyMap<string, CellValue>;

export interface SheetLayout {
  /** Lines above the first table (title, explanation). */
  titleLines: string[];
  blocks: TableBlock[];
}

export interface LayoutContext {
  texts: SheetTexts;
  /** The day of retrieval as the person reads it, e.g. "24-11-2026". */
  retrievedOn: string;
}

/**
 * The "Resultaten" sheet: one table per survey section (the Tabel 3 / Tabel 4 blocks), one row per
 * statement: all shown groups together, then each group, then the adviser's own "Welke actie?".
 */
export function buildResultsLayout(
  results: RoundResults,
  context: LayoutContext,
  actions: AdviserActions,
): SheetLayout {
  const { texts } = context;
  const columns: BlockColumn[] = [
    { header: ID_HEADER, kind: 'id' },
    { header: texts.statement, kind: 'text' },
    ...overallColumns(texts, true),
    ...groupColumns(results.groups, texts),
    { header: anonymityText('priorityRank', texts.language), kind: 'count' },
    { header: anonymityText('priorityTier', texts.language), kind: 'text' },
    { header: texts.whichAction, kind: 'action' },
  ];
  const priority = new Map(results.priorities.ranked.map((p) => [p.statementId, p]));
  const blocks = results.sections.map((section): TableBlock => {
    const statements = results.statements.filter((statement) => statement.sectionId === section.sectionId);
    return {
      tableName: sectionTableName(results.roundId, section.sectionId),
      title: textCell(section.title[texts.language]),
      columns,
      rows: statements.map((statement) => [
        statement.statementId,
        textCell(statement.text[texts.language]),
        ...overallValues(statement.overall, texts, true),
        ...groupValues(statement.byGroup, results.groups, texts),
        ...priorityValues(priority.get(statement.statementId), texts.language),
        keptAction(actions.get(statement.statementId)),
      ]),
    };
  });
  return {
    titleLines: titleLines(results, context, texts.resultsTitle),
    blocks: blocks.filter((b) => b.rows.length > 0),
  };
}

export function titleLines(results: RoundResults, context: LayoutContext, titleTemplate: string): string[] {
  const { texts } = context;
  const numbers = new Intl.NumberFormat(texts.language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  const lines = [
    textCell(fillTemplate(titleTemplate, { round: results.roundName, survey: results.surveyTitle[texts.language] })),
    textCell(
      fillTemplate(texts.metaLine, {
        responses: coverageLabel(results, texts.language),
        threshold: results.anonymityThreshold,
        actionGap: numbers.format(results.actionGap),
        date: context.retrievedOn,
      }),
    ),
  ];
  // Why each hidden or combined column is not shown: the server's words for its reason (finding 7).
  const note = suppressedGroupsLine(results, texts);
  if (note) lines.push(textCell(note));
  const release = releaseLabel(results, texts.language);
  if (release !== undefined) lines.push(textCell(release));
  for (const line of prioritiesLines(results, texts.language)) lines.push(textCell(line));
  return lines;
}

/**
 * "Niet getoond: Teamleiders (te weinig respondenten); OOP (…)." Each group's reason comes from the
 * results: the server's own text, else the sheet text for its code, else a neutral text (with the
 * code, so nothing is hidden). Groups with the same reason are listed together.
 */
export function suppressedGroupsLine(results: RoundResults, texts: SheetTexts): string | undefined {
  const byReason = new Map<string, string[]>();
  for (const group of results.groups) {
    if (group.status !== 'suppressed') continue;
    const reason = suppressionReasonText(group.reason, texts);
    byReason.set(reason, [...(byReason.get(reason) ?? []), group.name[texts.language]]);
  }
  if (byReason.size === 0) return undefined;
  const parts = [...byReason].map(([reason, names]) => `${names.join(', ')} (${reason})`);
  return fillTemplate(texts.suppressedGroupsNote, { groups: parts.join('; ') });
}

/** Rank and tier of a statement (core/priorities.ts); blank when its overall is not shown. */
function priorityValues(priority: Priority | undefined, language: Language): CellValue[] {
  return priority ? [priority.rank, tierLabel(priority.tier, language)] : ['', ''];
}

/** Text the adviser typed is written back as text (neutralised again); numbers stay numbers. */
function keptAction(value: CellValue | undefined): CellValue {
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

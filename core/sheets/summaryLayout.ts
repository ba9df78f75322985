import type { RoundResults } from '../results';
import { fillTemplate } from './texts';
import { shortLabel, textCell } from './cells';
import {
  ID_HEADER,
  roundTableName,
  SUMMARY_PRIORITIES_TABLE,
  SUMMARY_SECTIONS_TABLE,
  SUMMARY_TOP_GAPS_TABLE,
} from './names';
import { anonymityText, tierLabel } from '../anonymityText';
import { groupColumns, groupValues, overallColumns, overallValues } from './resultCells';
import { titleLines, type LayoutContext, type SheetLayout } from './resultsLayout';
import type { TableBlock } from './tableBlock';

export const TOP_GAPS_COUNT = 10;
const CHART_LABEL_LENGTH = 60;

export interface SummaryLayout extends SheetLayout {
  /** The top-gaps block, if any statement has a gap: the chart is drawn from its first columns. */
  topGaps?: TableBlock;
}

/**
 * The "Samenvatting" sheet: per section all shown groups and each group (current, desired, gap),
 * and the statements with the largest gaps, which a native bar chart shows.
 */
export function buildSummaryLayout(results: RoundResults, context: LayoutContext): SummaryLayout {
  const { texts } = context;
  const sections: TableBlock = {
    tableName: roundTableName(results.roundId, SUMMARY_SECTIONS_TABLE),
    title: texts.sectionsHeading,
    columns: [
      { header: ID_HEADER, kind: 'id' },
      { header: texts.section, kind: 'text' },
      ...overallColumns(texts, false),
      ...groupColumns(results.groups, texts),
    ],
    rows: results.sections.map((section) => [
      section.sectionId,
      textCell(section.title[texts.language]),
      ...overallValues(section.overall, texts, false),
      ...groupValues(section.byGroup, results.groups, texts),
    ]),
  };
  const sectionTitles = new Map(results.sections.map((s) => [s.sectionId, s.title[texts.language]]));
  const ranked = largestGaps(results, TOP_GAPS_COUNT);
  const topGaps: TableBlock | undefined =
    ranked.length === 0
      ? undefined
      : {
          tableName: roundTableName(results.roundId, SUMMARY_TOP_GAPS_TABLE),
          title: fillTemplate(texts.topGapsHeading, { count: ranked.length }),
          // Statement and gap sit side by side: they are the chart's categories and values.
          columns: [
            { header: ID_HEADER, kind: 'id' },
            { header: texts.statement, kind: 'text' },
            { header: texts.gap, kind: 'gap' },
            { header: texts.current, kind: 'mean' },
            { header: texts.desired, kind: 'mean' },
            { header: texts.section, kind: 'text' },
          ],
          rows: ranked.map(({ statement, gap, current, desired }) => [
            statement.statementId,
            textCell(shortLabel(statement.text[texts.language], CHART_LABEL_LENGTH)),
            gap,
            current,
            desired,
            textCell(sectionTitles.get(statement.sectionId) ?? statement.sectionId),
          ]),
        };
  const priorities = prioritiesBlock(results, context);
  return {
    titleLines: titleLines(results, context, texts.summaryTitle),
    blocks: [sections, ...(topGaps ? [topGaps] : []), ...(priorities ? [priorities] : [])],
    topGaps,
  };
}

/** Shown statements with a gap, largest first; ties keep survey order so refreshes are stable. */
export function largestGaps(results: RoundResults, count: number) {
  return results.statements
    .flatMap((statement, order) => {
      const cell = statement.overall;
      if (cell.status !== 'shown' || cell.gap === null) return [];
      return [{ statement, order, gap: cell.gap, current: cell.meanCurrent ?? '', desired: cell.meanDesired ?? '' }];
    })
    .sort((a, b) => b.gap - a.gap || a.order - b.order)
    .slice(0, count);
}

export const PRIORITIES_COUNT = 10;

/** The ranked statements where action comes first (core/priorities.ts), with tier and lower bound. */
function prioritiesBlock(results: RoundResults, context: LayoutContext): TableBlock | undefined {
  const { texts } = context;
  const ranked = results.priorities.ranked.filter((p) => p.tier < 3).slice(0, PRIORITIES_COUNT);
  if (ranked.length === 0) return undefined;
  const statementOf = new Map(results.statements.map((s) => [s.statementId, s]));
  const language = texts.language;
  return {
    tableName: roundTableName(results.roundId, SUMMARY_PRIORITIES_TABLE),
    title: anonymityText('prioritiesHeading', language),
    columns: [
      { header: ID_HEADER, kind: 'id' },
      { header: anonymityText('priorityRank', language), kind: 'count' },
      { header: texts.statement, kind: 'text' },
      { header: anonymityText('priorityTier', language), kind: 'text' },
      { header: texts.gap, kind: 'gap' },
      { header: anonymityText('ciLowHeader', language), kind: 'ci' },
      { header: texts.n, kind: 'count' },
    ],
    rows: ranked.map((p) => [
      p.statementId,
      p.rank,
      textCell(shortLabel(statementOf.get(p.statementId)?.text[language] ?? p.statementId, CHART_LABEL_LENGTH)),
      tierLabel(p.tier, language),
      p.gap,
      p.ciLow ?? '',
      p.n,
    ]),
  };
}

import type { ComparedCell, RoundComparison } from '../comparison';
import { numberCell, textCell, type CellGrid, type CellValue } from './cells';
import { allCycleTexts, fillCycle, type ComparisonHeaders, type CycleTexts } from './cycleTexts';
import {
  COMPARISON_INDICATORS_TABLE,
  COMPARISON_SECTIONS_TABLE,
  COMPARISON_TABLE,
  COMPARISON_TREND_TABLE,
} from './cycleNames';
import { headerMap, keptValue, readRows, type InputColumn, type ReadRow } from './inputTable';
import { ID_HEADER } from './names';
import type { PlanIndicator } from './planLayout';
import type { BlockColumn, TableBlock } from './tableBlock';

/**
 * Ga door: the Vergelijking sheet. Everything comes from GET /api/rounds/:id/comparison, which is
 * built from both rounds' published results: a cell hidden in either round arrives hidden and is
 * written without a single figure. The sheet says which method decides "larger than chance".
 */
export type ComparisonKey = keyof ComparisonHeaders;
export const COMPARISON_COLUMNS: ReadonlyArray<InputColumn<ComparisonKey | 'id'>> = [
  { key: 'id', kind: 'id' },
  { key: 'section', kind: 'text' },
  { key: 'statement', kind: 'text' },
  { key: 'group', kind: 'text' },
  { key: 'nBefore', kind: 'count' },
  { key: 'currentBefore', kind: 'mean' },
  { key: 'desiredBefore', kind: 'mean' },
  { key: 'gapBefore', kind: 'mean' },
  { key: 'nNow', kind: 'count' },
  { key: 'currentNow', kind: 'mean' },
  { key: 'desiredNow', kind: 'mean' },
  { key: 'gapNow', kind: 'mean' },
  { key: 'change', kind: 'gap' },
  { key: 'ciLow', kind: 'ci' },
  { key: 'ciHigh', kind: 'ci' },
  { key: 'verdict', kind: 'text' },
  { key: 'conclusion', kind: 'action' },
];

export function comparisonColumn(key: ComparisonKey | 'id'): number {
  return COMPARISON_COLUMNS.findIndex((column) => column.key === key);
}

export function parseComparisonRows(header: readonly unknown[], rows: readonly (readonly unknown[])[]) {
  const keys = COMPARISON_COLUMNS.map((c) => c.key).filter((key): key is ComparisonKey => key !== 'id');
  return readRows(
    headerMap(keys, allCycleTexts(), (texts) => texts.comparisonHeaders),
    header,
    rows,
  );
}

export interface ComparisonLayoutInput {
  comparison: RoundComparison;
  /** What the adviser wrote in "Conclusie / vervolg" before, by row key. */
  kept: ReadonlyArray<ReadRow<ComparisonKey>>;
  indicators: readonly PlanIndicator[];
  texts: CycleTexts;
  retrievedOn: string;
}

export interface ComparisonLayout {
  titleLines: string[];
  sections: TableBlock;
  /** Zero-based column of the sections table's titles; the change column is right beside it. */
  sectionTitleColumn: number;
  indicators?: TableBlock;
  indicatorsNone?: string;
  trend?: TableBlock;
  trendNone?: string;
  cells: TableBlock;
  /** Rows whose conclusion came over from the previous sheet. */
  kept: number;
  /** Compared cells that are shown with an interval, and those shrunk or grown beyond chance. */
  counts: { shown: number; hidden: number; shrank: number; grew: number };
}

export function verdictText(cell: ComparedCell, texts: CycleTexts): string {
  if (cell.status === 'suppressed') return texts.hiddenCell;
  if (cell.status === 'absent') return texts.absentCell;
  if (!cell.welch) return texts.verdictNoInterval;
  return cell.verdict === 'shrank'
    ? texts.verdictShrank
    : cell.verdict === 'grew'
      ? texts.verdictGrew
      : texts.verdictUnclear;
}

/** The figure columns of one compared cell, in COMPARISON_COLUMNS order from nBefore to ciHigh. */
function figureCells(cell: ComparedCell): CellValue[] {
  if (cell.status !== 'shown') return Array.from({ length: 11 }, () => '');
  const { baseline: b, current: c } = cell;
  return [
    b.n,
    numberCell(b.meanCurrent),
    numberCell(b.meanDesired),
    numberCell(b.gap),
    c.n,
    numberCell(c.meanCurrent),
    numberCell(c.meanDesired),
    numberCell(c.gap),
    numberCell(cell.change),
    numberCell(cell.welch?.ciLow),
    numberCell(cell.welch?.ciHigh),
  ];
}

export function buildComparisonLayout(input: ComparisonLayoutInput): ComparisonLayout {
  const { comparison, texts } = input;
  const language = texts.language;
  const conclusions = new Map(input.kept.map((row) => [row.id, row.values.conclusion]));
  const groups = [
    { id: '', name: texts.allGroups },
    ...comparison.groups.map((g) => ({ id: g.id, name: g.name[language] })),
  ];
  const counts = { shown: 0, hidden: 0, shrank: 0, grew: 0 };
  let kept = 0;
  const rows: CellGrid = [];
  const cellOf = (
    row: { overall: ComparedCell; byGroup: Record<string, ComparedCell> },
    group: string,
  ): ComparedCell =>
    group === '' ? row.overall : Object.hasOwn(row.byGroup, group) ? row.byGroup[group]! : { status: 'absent' };
  const push = (id: string, section: string, statement: string, group: string, cell: ComparedCell) => {
    if (cell.status === 'shown') {
      counts.shown += 1;
      if (cell.verdict === 'shrank') counts.shrank += 1;
      if (cell.verdict === 'grew') counts.grew += 1;
    } else if (cell.status === 'suppressed') counts.hidden += 1;
    const conclusion = conclusions.get(id);
    if (conclusion !== undefined && conclusion !== '') kept += 1;
    rows.push([
      id,
      textCell(section),
      textCell(statement),
      textCell(group),
      ...figureCells(cell),
      verdictText(cell, texts),
      keptValue(conclusion),
    ]);
  };
  for (const section of comparison.sections) {
    const title = section.title[language];
    for (const group of groups)
      push(`section:${section.sectionId}|${group.id}`, title, texts.sectionRow, group.name, cellOf(section, group.id));
    for (const statement of comparison.statements.filter((s) => s.sectionId === section.sectionId)) {
      for (const group of groups)
        push(
          `${statement.statementId}|${group.id}`,
          title,
          statement.text[language],
          group.name,
          cellOf(statement, group.id),
        );
    }
  }
  const columns: BlockColumn[] = COMPARISON_COLUMNS.map(({ key, kind }) => ({
    header: key === 'id' ? ID_HEADER : texts.comparisonHeaders[key],
    kind,
  }));

  const sectionRows: CellGrid = comparison.sections.map((section) => {
    const cell = section.overall;
    const shown = cell.status === 'shown' ? cell : undefined;
    return [
      section.sectionId,
      textCell(section.title[language]),
      numberCell(shown?.change),
      numberCell(shown?.baseline.gap),
      numberCell(shown?.current.gap),
      verdictText(cell, texts),
    ];
  });
  const h = texts.sectionChangeHeaders;

  const statementsById = new Map(comparison.statements.map((s) => [s.statementId, s]));
  const indicatorRows: CellGrid = input.indicators.map((indicator, index) => {
    const statement = statementsById.get(indicator.statementId);
    const cell: ComparedCell = statement ? statement.overall : { status: 'absent' };
    const shown = cell.status === 'shown' ? cell : undefined;
    const now = shown?.current.gap ?? null;
    const met =
      indicator.target === null || now === null ? texts.targetNoFigure : now <= indicator.target ? texts.yes : texts.no;
    return [
      `indicator:${index + 1}`,
      textCell(indicator.lever),
      textCell(statement ? statement.text[language] : indicator.statementId),
      numberCell(indicator.target),
      numberCell(shown?.baseline.gap),
      numberCell(now),
      met,
      verdictText(cell, texts),
    ];
  });
  const r = texts.indicatorResultHeaders;

  let trend: TableBlock | undefined;
  if (comparison.chain.length >= 3) {
    const roundHeaders = comparison.chain.map((round, i) => `${i + 1}. ${round.roundName}`.slice(0, 250));
    trend = {
      tableName: COMPARISON_TREND_TABLE,
      title: texts.trendHeading,
      columns: [
        { header: ID_HEADER, kind: 'id' },
        { header: texts.trendStatement, kind: 'text' },
        ...roundHeaders.map((header) => ({ header: textCell(header), kind: 'mean' as const })),
        { header: texts.trendChange, kind: 'gap' },
      ],
      rows: comparison.statements.map((statement) => {
        const gaps = statement.trend.map((point) => point.gap);
        const first = gaps.find((gap) => gap !== null);
        const last = [...gaps].reverse().find((gap) => gap !== null);
        const change =
          first !== undefined && last !== undefined && gaps.filter((g) => g !== null).length >= 2
            ? last! - first!
            : null;
        return [
          statement.statementId,
          textCell(statement.text[language]),
          ...gaps.map((gap) => numberCell(gap)),
          numberCell(change),
        ];
      }),
    };
  }

  return {
    titleLines: [
      textCell(
        fillCycle(texts.comparisonTitle, {
          round: comparison.round.roundName,
          baseline: comparison.baseline.roundName,
        }),
      ),
      textCell(
        fillCycle(texts.comparisonMeta, {
          now: comparison.round.responseCount,
          before: comparison.baseline.responseCount,
          date: input.retrievedOn,
        }),
      ),
      texts.comparisonMethod,
      texts.comparisonSectionNote,
    ],
    sections: {
      tableName: COMPARISON_SECTIONS_TABLE,
      title: texts.sectionsHeading,
      columns: [
        { header: ID_HEADER, kind: 'id' },
        { header: h.section, kind: 'text' },
        { header: h.change, kind: 'gap' },
        { header: h.gapBefore, kind: 'mean' },
        { header: h.gapNow, kind: 'mean' },
        { header: texts.comparisonHeaders.verdict, kind: 'text' },
      ],
      rows: sectionRows,
    },
    sectionTitleColumn: 1,
    ...(indicatorRows.length > 0
      ? {
          indicators: {
            tableName: COMPARISON_INDICATORS_TABLE,
            title: texts.indicatorResultsHeading,
            columns: [
              { header: ID_HEADER, kind: 'id' },
              { header: r.lever, kind: 'text' },
              { header: r.statement, kind: 'text' },
              { header: r.target, kind: 'mean' },
              { header: r.gapBefore, kind: 'mean' },
              { header: r.gapNow, kind: 'mean' },
              { header: r.met, kind: 'text' },
              { header: r.verdict, kind: 'text' },
            ],
            rows: indicatorRows,
          } satisfies TableBlock,
        }
      : { indicatorsNone: texts.indicatorResultsNone }),
    ...(trend ? { trend } : { trendNone: texts.trendNone }),
    cells: { tableName: COMPARISON_TABLE, columns, rows },
    kept,
    counts,
  };
}

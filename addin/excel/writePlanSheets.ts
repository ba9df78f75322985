import type { Lever } from '../../core/levers/lever';
import type { RoundResults } from '../../core/results';
import { columnLetter } from '../../core/sheets/cells';
import { INDICATORS_TABLE, PLAN_TABLE, STATEMENTS_TABLE } from '../../core/sheets/cycleNames';
import { PLAN_STATUSES } from '../../core/sheets/cycleTexts';
import {
  buildPlanLayout,
  INDICATOR_COLUMNS,
  indicatorColumn,
  parseIndicatorRows,
  parsePlanRows,
  planColumn,
  timelineFormula,
  TIMELINE_FIRST_COLUMN,
  type ChosenLever,
} from '../../core/sheets/planLayout';
import { ExcelBatch } from './batch';
import {
  addListRule,
  cycleSheetNames,
  DONE_FORMAT,
  inspectSheet,
  prepareSheet,
  sharedTexts,
  STOPPED_FORMAT,
  TIMELINE_FILL,
  writeBlockAt,
  writeFormulaColumn,
  writeLines,
  type CycleSheetReport,
  type CycleWriteOptions,
} from './cycleTables';
import { findKiesTable } from './kiesTable';
import { finishSheetColumns, setColumnWidth } from './sheetWriting';
import { addTextHighlight, writeTableBlock } from './tableWriter';

export interface PlanInput {
  /** The chosen round: its Kies sheet (found by its table, wherever it is) gives the chosen levers. */
  roundId: string;
  /** The round the plan starts from (its statements and gaps); undefined when it has no figures yet. */
  results?: RoundResults;
  levers: readonly Lever[];
  /** Start year of the school year the timeline covers (August to July). */
  schoolYear: number;
}

export interface PlanReport extends CycleSheetReport {
  indicatorsSheet: string;
  /** The levers marked Gekozen on the Kies sheet; undefined when there is no Kies sheet. */
  chosen?: number;
  newLevers: number;
  dropped: number;
  indicators: number;
}

const MONTH_WIDTH = 46;

/**
 * Doe: writes the Plan sheet (activities per chosen lever, owner, months, status, conditions, a
 * timeline drawn by conditional formatting) and the Indicatoren sheet (per lever the statements whose
 * gap should shrink, with a target, and the round's statements to pick from). The chosen levers are
 * read from the Kies sheet as it is now; everything typed on both sheets is read first and kept by
 * lever and activity key.
 */
export async function writePlanSheets(
  context: Excel.RequestContext,
  input: PlanInput,
  options: CycleWriteOptions,
): Promise<PlanReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const kies = await findKiesTable(batch, input.roundId);
  const chosen: ChosenLever[] = (kies?.table.levers ?? [])
    .filter((lever) => lever.chosen)
    .map((lever) => ({ leverId: lever.leverId, number: lever.number, title: lever.title }));

  const planInspected = await inspectSheet(
    batch,
    cycleSheetNames((t) => t.planSheet, texts),
    [PLAN_TABLE],
  );
  const indicatorInspected = await inspectSheet(
    batch,
    cycleSheetNames((t) => t.indicatorsSheet, texts),
    [INDICATORS_TABLE],
  );
  const planSheet = prepareSheet(batch, planInspected);
  const indicatorSheet = prepareSheet(batch, indicatorInspected);
  const keptPlan = planSheet.tables.get(PLAN_TABLE);
  const keptIndicators = indicatorSheet.tables.get(INDICATORS_TABLE);
  const layout = buildPlanLayout({
    chosen,
    keptPlan: keptPlan ? parsePlanRows(keptPlan.header, keptPlan.rows) : [],
    keptIndicators: keptIndicators ? parseIndicatorRows(keptIndicators.header, keptIndicators.rows) : [],
    results: input.results,
    levers: input.levers,
    schoolYear: input.schoolYear,
    texts,
    retrievedOn: options.retrievedOn,
  });

  // ---- Plan ----
  const sheet = planSheet.found.sheet;
  const headerRow = (await writeLines(batch, sheet, layout.titleLines)) + 1;
  const plan = await writeTableBlock(batch, sheet, layout.plan, headerRow, sharedTexts(texts));
  const alert = { title: texts.planChoiceAlertTitle, message: texts.planChoiceAlert };
  const rules: Array<[number, string]> = [
    [planColumn('owner'), layout.sources.owner],
    [planColumn('start'), layout.monthSource],
    [planColumn('end'), layout.monthSource],
    [planColumn('status'), layout.sources.status],
    [planColumn('time'), layout.sources.condition],
    [planColumn('budget'), layout.sources.condition],
    [planColumn('leadership'), layout.sources.condition],
  ];
  for (const [column, source] of rules) await addListRule(batch, sheet, plan, column, source, alert);
  if (plan.rowCount > 0) {
    await batch.reserve(0, 1500);
    const timeline = sheet.getRangeByIndexes(plan.headerRow + 1, TIMELINE_FIRST_COLUMN, plan.rowCount, 12);
    const format = timeline.conditionalFormats.add('Custom');
    format.custom.rule.formula = timelineFormula(plan.headerRow + 2, plan.headerRow + 1);
    format.custom.format.fill.color = TIMELINE_FILL;
    const status = sheet.getRangeByIndexes(plan.headerRow + 1, planColumn('status'), plan.rowCount, 1);
    addTextHighlight(status, PLAN_STATUSES[2]!.label[texts.language], DONE_FORMAT);
    addTextHighlight(status, PLAN_STATUSES[3]!.label[texts.language], STOPPED_FORMAT);
  }
  await finishSheetColumns(batch, sheet, [plan], {
    hideIdColumn: true,
    wrappedColumns: [
      { column: planColumn('lever'), width: 200 },
      { column: planColumn('activity'), width: 220 },
      { column: planColumn('notes'), width: 200 },
    ],
  });
  await batch.reserve(0, 12 * 120);
  for (let month = 0; month < 12; month += 1) setColumnWidth(sheet, TIMELINE_FIRST_COLUMN + month, MONTH_WIDTH);

  // ---- Indicatoren ----
  const indicators = indicatorSheet.found.sheet;
  const indicatorHeaderRow = (await writeLines(batch, indicators, layout.indicatorLines)) + 1;
  // The statement list first: the indicator formulas refer to its table by name.
  const listColumn = INDICATOR_COLUMNS.length + 1;
  const list = await writeBlockAt(batch, indicators, layout.statements, indicatorHeaderRow - 1, listColumn);
  const indicatorTable = await writeTableBlock(
    batch,
    indicators,
    layout.indicators,
    indicatorHeaderRow,
    sharedTexts(texts),
  );
  if (indicatorTable.rowCount > 0 && list.rowCount > 0) {
    for (const { column, formulas } of layout.indicatorFormulas(indicatorTable.headerRow)) {
      await writeFormulaColumn(batch, indicators, indicatorTable, column, formulas);
    }
    const codes = columnLetter(listColumn);
    await addListRule(
      batch,
      indicators,
      indicatorTable,
      indicatorColumn('statementId'),
      `=$${codes}$${list.headerRow + 2}:$${codes}$${list.headerRow + 1 + list.rowCount}`,
      alert,
    );
  }
  await finishSheetColumns(batch, indicators, [indicatorTable], {
    hideIdColumn: true,
    wrappedColumns: [
      { column: indicatorColumn('lever'), width: 200 },
      { column: indicatorColumn('statement'), width: 260 },
      { column: indicatorColumn('notes'), width: 180 },
    ],
  });
  if (list.rowCount > 0) {
    await batch.reserve(0, 400);
    setColumnWidth(indicators, listColumn + 2, 300);
    indicators.getRangeByIndexes(list.headerRow + 1, listColumn + 2, list.rowCount, 1).format.wrapText = true;
  }
  await batch.flush();
  return {
    sheetName: planSheet.found.name,
    indicatorsSheet: indicatorSheet.found.name,
    tables: [PLAN_TABLE, INDICATORS_TABLE, ...(list.rowCount > 0 ? [STATEMENTS_TABLE] : [])],
    charts: [],
    syncs: batch.syncs,
    rows: plan.rowCount,
    kept: layout.keptRows,
    ...(kies ? { chosen: chosen.length } : {}),
    newLevers: layout.newLevers,
    dropped: layout.dropped,
    indicators: indicatorTable.rowCount,
  };
}

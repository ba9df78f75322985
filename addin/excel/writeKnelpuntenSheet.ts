import { OBSTACLES_TABLE, OBSTACLES_URGENT_TABLE } from '../../core/sheets/cycleNames';
import { URGENCY_LEVELS } from '../../core/sheets/cycleTexts';
import {
  buildKnelpuntenLayout,
  KNELPUNT_COLUMNS,
  knelpuntColumn,
  parseKnelpunten,
  URGENT_COLUMNS,
} from '../../core/sheets/knelpuntenLayout';
import { ExcelBatch } from './batch';
import {
  addListRule,
  cycleSheetNames,
  openSheetForRewrite,
  sharedTexts,
  URGENT_FORMAT,
  writeBlockAt,
  writeFormulaColumn,
  writeFormulaGrid,
  writeLines,
  type CycleSheetReport,
  type CycleWriteOptions,
} from './cycleTables';
import { finishSheetColumns, setColumnWidth } from './sheetWriting';
import { addTextHighlight, writeTableBlock } from './tableWriter';

export interface KnelpuntenReport extends CycleSheetReport {
  ownRows: number;
}

const LONG_TEXT_WIDTH = 220;

/**
 * Writes (or rewrites) the Knelpunten sheet: the checklist table with drop-downs for "occurs here"
 * and urgency, a sort-key formula column, and beside it the sorted view of the obstacles that occur,
 * most urgent first (plain INDEX/MATCH/LARGE formulas, see core/sheets/knelpuntenLayout.ts). What
 * the adviser typed, and own rows, are read back first and written again by row key.
 */
export async function writeKnelpuntenSheet(
  context: Excel.RequestContext,
  options: CycleWriteOptions,
): Promise<KnelpuntenReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const opened = await openSheetForRewrite(
    batch,
    cycleSheetNames((t) => t.knelpuntenSheet, texts),
    [OBSTACLES_TABLE],
  );
  const previous = opened.tables.get(OBSTACLES_TABLE);
  const layout = buildKnelpuntenLayout({
    kept: previous ? parseKnelpunten(previous.header, previous.rows) : [],
    texts,
  });
  const sheet = opened.found.sheet;
  const headerRow = (await writeLines(batch, sheet, layout.titleLines)) + 1;
  const written = await writeTableBlock(batch, sheet, layout.block, headerRow, sharedTexts(texts));
  await writeFormulaColumn(batch, sheet, written, knelpuntColumn('sortKey'), layout.sortKeyFormulas(written.headerRow));
  const alert = { title: texts.planChoiceAlertTitle, message: texts.planChoiceAlert };
  await addListRule(batch, sheet, written, knelpuntColumn('occurs'), layout.occursSource, alert);
  await addListRule(batch, sheet, written, knelpuntColumn('urgency'), layout.urgencySource, alert);
  const high = URGENCY_LEVELS[URGENCY_LEVELS.length - 1]!.label[texts.language];
  await batch.reserve(0, 600);
  addTextHighlight(
    sheet.getRangeByIndexes(written.headerRow + 1, knelpuntColumn('urgency'), written.rowCount, 1),
    high,
    URGENT_FORMAT,
  );

  const urgentColumn = KNELPUNT_COLUMNS.length + 1;
  const urgent = await writeBlockAt(batch, sheet, layout.urgent, headerRow - 1, urgentColumn);
  await writeFormulaGrid(batch, sheet, urgent.headerRow + 1, urgentColumn + 1, layout.urgentFormulas);
  await batch.reserve(0, 300);
  addTextHighlight(
    sheet.getRangeByIndexes(urgent.headerRow + 1, urgentColumn + 2, urgent.rowCount, 1),
    high,
    URGENT_FORMAT,
  );
  await finishSheetColumns(batch, sheet, [written], {
    hideIdColumn: true,
    wideTextColumn: knelpuntColumn('obstacle'),
    wrappedColumns: [
      { column: knelpuntColumn('why'), width: LONG_TEXT_WIDTH },
      { column: knelpuntColumn('ownAction'), width: LONG_TEXT_WIDTH },
    ],
  });
  await batch.reserve(0, 600);
  for (const offset of [1, 3, 4]) setColumnWidth(sheet, urgentColumn + offset, LONG_TEXT_WIDTH);
  sheet.getRangeByIndexes(
    urgent.headerRow + 1,
    urgentColumn + 1,
    urgent.rowCount,
    URGENT_COLUMNS.length - 1,
  ).format.wrapText = true;
  await batch.flush();
  return {
    sheetName: opened.found.name,
    tables: [OBSTACLES_TABLE, OBSTACLES_URGENT_TABLE],
    charts: [],
    syncs: batch.syncs,
    rows: written.rowCount,
    kept: layout.kept,
    ownRows: layout.ownRows,
  };
}

import type { RoundResults } from '../../core/results';
import type { RoundResponses } from '../api/contracts';
import { allSheetTexts } from '../i18n';
import { buildResponsesBlock } from '../../core/sheets/responsesLayout';
import { ExcelBatch } from './batch';
import { findOrAddRoundSheet, listSheetObjects, queueSheetReset } from './sheetAccess';
import { RESPONSES_TABLE, roundTableName } from '../../core/sheets/names';
import { setColumnWidth, type SheetWriteOptions, type SheetWriteReport } from './sheetWriting';
import { writeTableBlock } from './tableWriter';

const COMMENT_COLUMN_WIDTH = 300;

/**
 * Writes (or rewrites) the responses sheet: one Excel table of anonymised rows starting at A1, so
 * it can feed a pivot table. Values go in row blocks within the request limits, with calculation
 * and screen updating suspended where Excel supports it; the table is made over the written values.
 */
export async function writeResponsesSheet(
  context: Excel.RequestContext,
  responses: RoundResponses,
  results: RoundResults,
  options: SheetWriteOptions,
): Promise<SheetWriteReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const found = await findOrAddRoundSheet(batch, {
    tableNames: [roundTableName(results.roundId, RESPONSES_TABLE)],
    sheetNames: [texts.responsesSheet, ...allSheetTexts().map((t) => t.responsesSheet)],
    roundName: results.roundName,
  });
  if (found.existed) queueSheetReset(found.sheet, await listSheetObjects(batch, found.sheet), found);

  const block = buildResponsesBlock(responses, results, texts);
  const total = block.rows.length;
  const written = await writeTableBlock(batch, found.sheet, block, 0, texts, (rows) =>
    options.onProgress?.(rows, total),
  );

  await batch.reserve(0, 300);
  found.sheet.getRangeByIndexes(0, 0, 1, written.columnCount).format.autofitColumns();
  setColumnWidth(found.sheet, written.columnCount - 1, COMMENT_COLUMN_WIDTH);
  found.sheet.freezePanes.freezeRows(1);
  await batch.flush();
  options.onProgress?.(total, total);
  return { sheetName: found.name, tables: written.table ? [block.tableName] : [], syncs: batch.syncs };
}

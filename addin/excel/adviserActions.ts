import { allSheetTexts } from '../i18n';
import type { CellValue } from '../../core/sheets/cells';
import { ID_HEADER, isKoersName } from '../../core/sheets/names';
import type { ExcelBatch } from './batch';

/** "Welke actie?" and "Which action?": a Dutch workbook may be refreshed in English Excel. */
const ACTION_HEADERS = new Set(allSheetTexts().map((texts) => texts.whichAction.toLowerCase()));

/**
 * Reads what the adviser typed in the action column of Koers's tables, keyed by the hidden
 * statement id, so a refresh can put it back next to the same statement wherever that row moved
 * (sorting, another round of the same survey). Columns are found by header, not by position: a
 * table grows a column when someone types next to it.
 */
export async function readAdviserActions(
  batch: ExcelBatch,
  tables: readonly Excel.Table[],
): Promise<Map<string, CellValue>> {
  const koersTables = tables.filter((table) => isKoersName(table.name));
  const headers = koersTables.map((table) => {
    const header = table.getHeaderRowRange();
    header.load('values');
    return { table, header };
  });
  if (headers.length === 0) return new Map();
  await batch.sync();

  const reads = headers.flatMap(({ table, header }) => {
    const names = (header.values[0] ?? []).map((value) => String(value).trim().toLowerCase());
    const idColumn = names.indexOf(ID_HEADER.toLowerCase());
    const actionColumn = names.findIndex((name) => ACTION_HEADERS.has(name));
    if (idColumn < 0 || actionColumn < 0) return [];
    const body = table.getDataBodyRange();
    const ids = body.getColumn(idColumn);
    const actions = body.getColumn(actionColumn);
    ids.load('values');
    actions.load('values');
    return [{ ids, actions }];
  });
  if (reads.length === 0) return new Map();
  await batch.sync();

  const kept = new Map<string, CellValue>();
  for (const { ids, actions } of reads) {
    ids.values.forEach((idRow, index) => {
      const id = String(idRow[0] ?? '').trim();
      const action = actions.values[index]?.[0] as CellValue | undefined;
      if (id && action !== undefined && action !== '' && action !== null) kept.set(id, action);
    });
  }
  return kept;
}

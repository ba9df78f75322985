import { isKoersName } from '../../core/sheets/names';
import type { ExcelBatch } from './batch';

export interface FoundSheet {
  sheet: Excel.Worksheet;
  name: string;
  existed: boolean;
}

/**
 * The sheet under any of its names (the Dutch and the English one: a workbook filled in Dutch Excel
 * may be refreshed in English Excel), or a new sheet under the first name. Never a second copy.
 */
export async function findOrAddSheet(batch: ExcelBatch, names: readonly string[]): Promise<FoundSheet> {
  const existing = await findSheet(batch, names);
  if (existing) return existing;
  const name = names[0]!;
  return { sheet: batch.context.workbook.worksheets.add(name), name, existed: false };
}

/** The sheet under any of its names, or undefined: for flows that read a sheet but must not create it. */
export async function findSheet(batch: ExcelBatch, names: readonly string[]): Promise<FoundSheet | undefined> {
  const worksheets = batch.context.workbook.worksheets;
  const candidates = [...new Set(names)].map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar; the fake workbook (tests/addin/fakeExcel.ts) needs it loaded
    sheet.load('isNullObject');
    return { name, sheet };
  });
  await batch.sync();
  const existing = candidates.find((candidate) => !candidate.sheet.isNullObject);
  return existing ? { sheet: existing.sheet, name: existing.name, existed: true } : undefined;
}

export interface SheetObjects {
  tables: Excel.Table[];
  charts: Excel.Chart[];
}

/** The tables and charts on a sheet, by name. */
export async function listSheetObjects(batch: ExcelBatch, sheet: Excel.Worksheet): Promise<SheetObjects> {
  sheet.tables.load('items/name');
  sheet.charts.load('items/name');
  await batch.sync();
  return { tables: sheet.tables.items, charts: sheet.charts.items };
}

/**
 * Queues the removal of everything a previous pull wrote: every table on the sheet (their cells are
 * cleared anyway, and a table left behind would block the new ones), Koers's own charts, contents,
 * formats and conditional formats. Charts someone added by hand stay.
 */
export function queueSheetReset(sheet: Excel.Worksheet, objects: SheetObjects): void {
  for (const table of objects.tables) {
    // Rows hidden by a filter would otherwise stay hidden under the new data.
    table.clearFilters();
    table.delete();
  }
  for (const chart of objects.charts) {
    if (isKoersName(chart.name)) chart.delete();
  }
  const everything = sheet.getRange();
  everything.conditionalFormats.clearAll();
  everything.clear('All');
  everything.rowHidden = false;
}

import { isKoersName, sheetNameForRound } from '../../core/sheets/names';
import type { ExcelBatch } from './batch';

export interface FoundSheet {
  sheet: Excel.Worksheet;
  name: string;
  existed: boolean;
}

/** A round's sheet, found through its tables, and those tables wherever they are in the workbook. */
export interface FoundRoundSheet extends FoundSheet {
  /** The round's tables that exist, each with the name of the sheet it is on now. */
  tables: Array<{ table: Excel.Table; sheetName: string }>;
}

export interface RoundSheetSpec {
  /** The names of the round's tables on this sheet: any one of them finds it. */
  tableNames: readonly string[];
  /** Plain names of the sheet in both languages, the pane's language first ("Resultaten", "Results"). */
  sheetNames: readonly string[];
  roundName: string;
}

/**
 * A round's tables by name across the whole workbook (workbook.tables.getItemOrNullObject): table
 * names are unique per workbook, so this finds them on whatever sheet the adviser renamed or moved.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-getitemornullobject-member(1)
 */
export async function findRoundTables(
  batch: ExcelBatch,
  tableNames: readonly string[],
): Promise<FoundRoundSheet['tables']> {
  const tables = batch.context.workbook.tables;
  const candidates = [...new Set(tableNames)].map((name) => {
    const table = tables.getItemOrNullObject(name);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar; the fake workbook (tests/addin/fakeExcel.ts) needs it loaded
    table.load('isNullObject');
    return table;
  });
  if (candidates.length === 0) return [];
  await batch.sync();
  const found = candidates
    .filter((table) => !table.isNullObject)
    .map((table) => {
      table.load('name');
      const sheet = table.worksheet;
      sheet.load('name');
      return { table, sheet };
    });
  if (found.length === 0) return [];
  await batch.sync();
  return found.map(({ table, sheet }) => ({ table, sheetName: sheet.name }));
}

/**
 * The round's sheet: the one holding its tables (the first found, in `tableNames` order), whatever
 * it is called now. Without any of its tables a new sheet gets a free name (sheetNameForRound): a
 * sheet Koers cannot tell as this round's (another round's, or one the adviser made) is never
 * overwritten.
 */
export async function findOrAddRoundSheet(batch: ExcelBatch, spec: RoundSheetSpec): Promise<FoundRoundSheet> {
  const worksheets = batch.context.workbook.worksheets;
  const tables = await findRoundTables(batch, spec.tableNames);
  if (tables.length > 0) {
    const name = tables[0]!.sheetName;
    return { sheet: worksheets.getItem(name), name, existed: true, tables };
  }
  worksheets.load('items/name');
  await batch.sync();
  const names = worksheets.items.map((sheet) => sheet.name);
  const name = sheetNameForRound(spec.sheetNames[0]!, spec.roundName, names);
  return { sheet: worksheets.add(name), name, existed: false, tables: [] };
}

/**
 * A sheet under any of its names (both languages), or undefined. The cycle sheets (Plan, Vergelijking,
 * Knelpunten, Stakeholders: one each per workbook) are found this way; a round's sheets through their
 * tables (findOrAddRoundSheet).
 */
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
 * formats and conditional formats. Charts someone added by hand stay. The round's tables that were
 * moved to another sheet go too: their names are needed for the new tables.
 */
export function queueSheetReset(sheet: Excel.Worksheet, objects: SheetObjects, found?: FoundRoundSheet): void {
  for (const table of objects.tables) {
    // Rows hidden by a filter would otherwise stay hidden under the new data.
    table.clearFilters();
    table.delete();
  }
  for (const { table, sheetName } of found?.tables ?? []) {
    if (sheetName.toLowerCase() !== found!.name.toLowerCase()) table.delete();
  }
  for (const chart of objects.charts) {
    if (isKoersName(chart.name)) chart.delete();
  }
  const everything = sheet.getRange();
  everything.conditionalFormats.clearAll();
  everything.clear('All');
  everything.rowHidden = false;
}

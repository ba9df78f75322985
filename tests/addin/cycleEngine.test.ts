/**
 * The Knelpunten sorted view and the Plan timeline, calculated by a real spreadsheet engine:
 * LibreOffice loads a workbook holding our own formulas (from the layouts), recalculates and saves
 * the values as CSV. Skipped with a message where LibreOffice is not installed; CI installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cycleTextsFor, schoolYearMonths } from '../../core/sheets/cycleTexts';
import { buildKnelpuntenLayout, knelpuntColumn } from '../../core/sheets/knelpuntenLayout';
import { PLAN_COLUMNS, planColumn, timelineFormula, TIMELINE_FIRST_COLUMN } from '../../core/sheets/planLayout';

jest.setTimeout(120_000);

const nl = cycleTextsFor('nl');
const hasSoffice = !spawnSync('soffice', ['--version'], { encoding: 'utf8' }).error;
if (!hasSoffice && process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required under CI');
if (!hasSoffice) console.warn('LibreOffice not installed: the engine check of the cycle formulas is skipped');

/** Saves the workbook, lets LibreOffice recalculate it, and returns the first sheet as rows. */
async function recalculate(workbook: ExcelJS.Workbook): Promise<string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-engine-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    await workbook.xlsx.writeFile(input);
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'csv', '--outdir', dir, input], {
      env: { ...process.env, HOME: dir },
      stdio: 'ignore',
      timeout: 100_000,
    });
    return parseCsv(fs.readFileSync(path.join(dir, 'in.csv'), 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 fields: quoted when they hold a comma, quote or line break. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      rows.at(-1)!.push(field);
      field = '';
    } else if (char === '\n') {
      rows.at(-1)!.push(field.replace(/\r$/, ''));
      field = '';
      rows.push([]);
    } else field += char;
  }
  rows.at(-1)!.push(field);
  return rows;
}

(hasSoffice ? describe : describe.skip)('cycle formulas in LibreOffice', () => {
  test('the urgent view lists obstacles that occur, most urgent first; the timeline marks start to end', async () => {
    const layout = buildKnelpuntenLayout({ kept: [], texts: nl });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Knelpunten');
    // Occurs / urgency for the first five obstacles; the rest stay empty.
    const typed: Array<[string, string]> = [
      ['Ja', 'laag'],
      ['Nee', 'hoog'],
      ['Ja', 'hoog'],
      ['Ja', ''],
      ['Ja', 'middel'],
    ];
    const rows = layout.block.rows.map((row, i) => {
      const copy = [...row];
      if (typed[i]) [copy[knelpuntColumn('occurs')], copy[knelpuntColumn('urgency')]] = typed[i]!;
      return copy.map((value) => (typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value));
    });
    sheet.addTable({
      name: layout.block.tableName,
      ref: 'A1',
      headerRow: true,
      columns: layout.block.columns.map((column) => ({ name: column.header })),
      rows,
    });
    layout.sortKeyFormulas(0).forEach(([formula], i) => {
      sheet.getCell(i + 2, knelpuntColumn('sortKey') + 1).value = {
        formula: formula!.slice(1),
      } as ExcelJS.CellFormulaValue;
    });
    const viewColumn = 12;
    layout.urgentFormulas.slice(0, 5).forEach((cells, i) => {
      cells.forEach((formula, c) => {
        sheet.getCell(i + 2, viewColumn + c).value = { formula: formula.slice(1) } as ExcelJS.CellFormulaValue;
      });
    });

    // The plan below: two activities, the second from October to March.
    const months = schoolYearMonths(2026, 'nl');
    const planHeader = 30;
    const plan = [
      ['a::1', ...PLAN_COLUMNS.slice(1).map(() => '')],
      ['a::2', ...PLAN_COLUMNS.slice(1).map(() => '')],
    ];
    plan[0]![planColumn('start')] = 'jan 2027';
    plan[0]![planColumn('end')] = 'jan 2027';
    plan[1]![planColumn('start')] = 'okt 2026';
    plan[1]![planColumn('end')] = 'mrt 2027';
    const header = [...PLAN_COLUMNS.map((c) => c.key), ...months];
    header.forEach((name, c) => (sheet.getCell(planHeader, c + 1).value = name));
    plan.forEach((row, i) => {
      row.forEach((value, c) => (sheet.getCell(planHeader + 1 + i, c + 1).value = value));
      for (let m = 0; m < 12; m += 1) {
        sheet.getCell(planHeader + 1 + i, TIMELINE_FIRST_COLUMN + 1 + m).value = {
          formula: timelineFormula(planHeader + 1 + i, planHeader).slice(1),
        } as ExcelJS.CellFormulaValue;
      }
    });

    const values = await recalculate(workbook);
    const view = values.slice(1, 6).map((row) => row[viewColumn - 1]);
    const text = (i: number) => layout.block.rows[i]![knelpuntColumn('obstacle')];
    // hoog (row 3), then middel (row 5), then laag (row 1); "Nee" and no urgency are left out.
    expect(view).toEqual([text(2), text(4), text(0), '', '']);
    expect(values[1]![viewColumn]).toBe('hoog');
    const timeline = (i: number) => values[planHeader + i]!.slice(TIMELINE_FIRST_COLUMN, TIMELINE_FIRST_COLUMN + 12);
    expect(timeline(0)).toEqual(months.map((m) => (m === 'jan 2027' ? 'TRUE' : 'FALSE')));
    expect(timeline(1)).toEqual(months.map((_, i) => (i >= 2 && i <= 7 ? 'TRUE' : 'FALSE')));
  });
});

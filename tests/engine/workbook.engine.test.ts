/**
 * A real spreadsheet engine over what Koers writes: the downloaded workbook and the formulas the
 * add-in writes through range.formulas, recalculated by LibreOffice headless and read back with
 * ExcelJS, compared with what core computes (priority, quadrant, gaps); and every sheet of the
 * download rendered to PDF → PNG in tests/.tmp/engine for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeKiesSheet } from '../../addin/excel/writeKiesSheet';
import { sheetTextsFor } from '../../addin/i18n';
import { priority, quadrant, QUADRANT_LABELS } from '../../core/levers/scoring';
import { roundResultsSchema, type RoundResults } from '../../core/results';
import { columnLetter } from '../../core/sheets/cells';
import { kiesColumn } from '../../core/sheets/kiesLayout';
import { roundTableName, sectionTableName } from '../../core/sheets/names';
import { FakeWorkbook } from '../addin/fakeExcel';
import { kiesFixture } from '../addin/kiesFixtures';
import { startKoersServer, type RunningServer } from '../addin/serverFixture';
import { artifactsDir, convert, describeWithLibreOffice, pdfToPng } from './libreoffice';

jest.setTimeout(240_000);

/** Impact and feasibility pairs typed into the first Kies rows: every quadrant, the borders, a gap. */
const SCORES: Array<[number | null, number | null]> = [
  [5, 5],
  [5, 1],
  [1, 5],
  [1, 1],
  [3, 3],
  [4, 3],
  [3, 4],
  [2, 4],
  [null, 4],
];

function tableRange(
  sheet: ExcelJS.Worksheet,
  name: string,
): { top: number; left: number; bottom: number; right: number } {
  const ref = (sheet.getTable(name) as unknown as { table: { tableRef: string } }).table.tableRef;
  const [from, to] = ref.split(':').map((a) => sheet.getCell(a));
  return { top: Number(from!.row), left: Number(from!.col), bottom: Number(to!.row), right: Number(to!.col) };
}

/** What the engine computed for a cell: the result of a formula, else the value. */
function computed(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  // An empty-text result ("") is read back as an empty cell.
  if (value && typeof value === 'object' && 'formula' in value) return (value as { result?: unknown }).result ?? '';
  return value ?? '';
}

describeWithLibreOffice('LibreOffice over the workbook download and the add-in formulas', () => {
  let server: RunningServer;
  let results: RoundResults;
  const work = fs.mkdtempSync(path.join(artifactsDir(), 'run-'));

  beforeAll(async () => {
    server = await startKoersServer();
    const reply = await fetch(`${server.baseUrl}/api/rounds/${server.rounds.withResults}/results`, {
      headers: { Authorization: `Bearer ${server.apiKey}` },
    });
    results = roundResultsSchema.parse(await reply.json());
  });
  afterAll(async () => {
    await server?.close();
  });

  async function downloaded(): Promise<string> {
    const response = await fetch(`${server.baseUrl}/api/rounds/${server.rounds.withResults}/workbook.xlsx`, {
      headers: { Authorization: `Bearer ${server.apiKey}` },
    });
    expect(response.status).toBe(200);
    const file = path.join(work, 'koers-download.xlsx');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return file;
  }

  test('recalculated by LibreOffice, Prioriteit, Kwadrant and the gaps agree with core', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await downloaded());
    // The adviser's scores, as she would type them into the Kies table.
    const kies = workbook.getWorksheet('Kies')!;
    const levers = tableRange(kies, roundTableName(results.roundId, 'Levers'));
    SCORES.forEach(([impact, feasibility], i) => {
      kies.getCell(levers.top + 1 + i, kiesColumn('impact') + 1).value = impact;
      kies.getCell(levers.top + 1 + i, kiesColumn('feasibility') + 1).value = feasibility;
    });
    // A check column beside each results table: Gewenst − Huidig, computed by the engine.
    const sheet = workbook.getWorksheet('Resultaten')!;
    const checks: Array<{ row: number; column: number; gap: number }> = [];
    for (const section of results.sections) {
      const range = tableRange(sheet, sectionTableName(results.roundId, section.sectionId));
      for (let row = range.top + 1; row <= range.bottom; row += 1) {
        const id = sheet.getCell(row, 1).text;
        const statement = results.statements.find((s) => s.statementId === id)!;
        if (statement.overall.status !== 'shown' || statement.overall.gap === null) continue;
        const column = range.right + 2;
        sheet.getCell(row, column).value = { formula: `E${row}-D${row}` };
        checks.push({ row, column, gap: statement.overall.gap });
      }
    }
    const input = path.join(work, 'engine-in.xlsx');
    await workbook.xlsx.writeFile(input);

    const outDir = path.join(work, 'recalculated');
    fs.mkdirSync(outDir, { recursive: true });
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(convert(input, 'xlsx', outDir));

    const kiesOut = recalculated.getWorksheet('Kies')!;
    const found: string[] = [];
    SCORES.forEach(([impact, feasibility], i) => {
      const row = levers.top + 1 + i;
      const engine = {
        priority: computed(kiesOut.getCell(row, kiesColumn('priority') + 1)),
        quadrant: computed(kiesOut.getCell(row, kiesColumn('quadrant') + 1)),
      };
      const q = quadrant(impact, feasibility);
      expect(engine).toEqual({
        priority: priority(impact, feasibility) ?? '',
        quadrant: q ? QUADRANT_LABELS[q].nl : '',
      });
      found.push(`${impact ?? '–'}×${feasibility ?? '–'}: ${String(engine.priority)} ${String(engine.quadrant)}`);
    });
    const resultsOut = recalculated.getWorksheet('Resultaten')!;
    expect(checks.length).toBeGreaterThan(20);
    for (const check of checks) {
      const engineGap = Number(computed(resultsOut.getCell(check.row, check.column)));
      expect(engineGap).toBeCloseTo(check.gap, 9);
      // The gap written as a value survived the round trip unchanged.
      expect(resultsOut.getCell(check.row, 6).value).toBeCloseTo(check.gap, 12);
    }
    // The drop-downs and the table survived too.
    expect(kiesOut.getCell(levers.top + 1, kiesColumn('impact') + 1).dataValidation).toMatchObject({ type: 'list' });
    fs.writeFileSync(
      path.join(artifactsDir(), 'engine-findings.txt'),
      `LibreOffice ${new Date().toISOString()}\nKies (impact×feasibility: priority quadrant)\n${found.join('\n')}\n` +
        `Resultaten: ${checks.length} gaps recomputed as Gewenst − Huidig, all within 1e-9 of core\n`,
    );
  });

  test('the formulas the add-in writes through range.formulas evaluate as core computes', async () => {
    const fake = new FakeWorkbook();
    const fixture = kiesFixture();
    const report = await writeKiesSheet(
      fake.createContext(),
      { roundId: 'round-1', roundName: 'Nulmeting', suggestions: fixture.suggestions, levers: fixture.levers },
      {
        texts: sheetTextsFor('en'),
        retrievedOn: '1 December 2026',
        capabilities: { suspendCalculation: true, suspendScreenUpdating: true },
      },
    );
    const sheet = fake.requireSheet(report.sheetName);
    const table = fake.requireTable('Koers.round_1.Levers');
    SCORES.forEach(([impact, feasibility], i) => {
      const row = table.rect.row + 1 + i;
      fake.type(sheet, row, kiesColumn('impact'), impact ?? '');
      fake.type(sheet, row, kiesColumn('feasibility'), feasibility ?? '');
    });
    // The cells as the add-in left them: values where it wrote values, its formula text where it
    // wrote range.formulas; into an xlsx at the same addresses.
    const workbook = new ExcelJS.Workbook();
    const out = workbook.addWorksheet(report.sheetName);
    const formulaCells = new Map<string, string>();
    for (const write of fake.formulaWrites) {
      write.formulas.forEach((cells, r) =>
        cells.forEach((formula, c) => formulaCells.set(`${write.rect.row + r},${write.rect.col + c}`, String(formula))),
      );
    }
    expect(formulaCells.size).toBe(2 * report.rows);
    for (const [row, cells] of sheet.rows) {
      for (const [col, cell] of cells) {
        const formula = formulaCells.get(`${row},${col}`);
        out.getCell(row + 1, col + 1).value = formula ? { formula: formula.replace(/^=/, '') } : cell.value;
      }
    }
    const input = path.join(work, 'addin-formulas.xlsx');
    await workbook.xlsx.writeFile(input);
    const outDir = path.join(work, 'addin-recalculated');
    fs.mkdirSync(outDir, { recursive: true });
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(convert(input, 'xlsx', outDir));
    const back = recalculated.getWorksheet(report.sheetName)!;
    SCORES.forEach(([impact, feasibility], i) => {
      const row = table.rect.row + 2 + i;
      const q = quadrant(impact, feasibility);
      expect({
        priority: computed(back.getCell(row, kiesColumn('priority') + 1)),
        quadrant: computed(back.getCell(row, kiesColumn('quadrant') + 1)),
        cell: `${columnLetter(kiesColumn('priority'))}${row}`,
      }).toEqual({
        priority: priority(impact, feasibility) ?? '',
        quadrant: q ? QUADRANT_LABELS[q].en : '',
        cell: `${columnLetter(kiesColumn('priority'))}${row}`,
      });
    });
  });

  test('every sheet of the download renders to a readable picture (PDF → PNG)', async () => {
    const source = await downloaded();
    const names = ['Resultaten', 'Antwoorden', 'Samenvatting', 'Kies'];
    const pictures: string[] = [];
    for (const name of names) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(source);
      for (const other of workbook.worksheets.filter((s) => s.name !== name)) workbook.removeWorksheet(other.id);
      const only = workbook.getWorksheet(name)!;
      // Landscape at 70%: fitted to one page width the wide sheets (80 answer columns) are unreadable.
      only.pageSetup = { ...only.pageSetup, orientation: 'landscape', scale: 70 };
      const file = path.join(work, `sheet-${name}.xlsx`);
      await workbook.xlsx.writeFile(file);
      const pdf = convert(file, 'pdf', work);
      const pages = pdfToPng(pdf, path.join(artifactsDir(), `sheet-${name}`), 110).slice(0, 3);
      expect(pages.length).toBeGreaterThan(0);
      expect(fs.statSync(pages[0]!).size).toBeGreaterThan(2_000);
      pictures.push(...pages.map((p) => path.relative(path.resolve(__dirname, '../..'), p)));
    }
    fs.writeFileSync(path.join(artifactsDir(), 'rendered-sheets.txt'), `${pictures.join('\n')}\n`);
  });
});

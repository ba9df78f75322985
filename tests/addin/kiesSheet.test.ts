/**
 * The Kies sheet written into the fake workbook (office-addin-mock objects): table, columns,
 * drop-downs, live formulas, the native scatter chart, refresh keeping the adviser's input, and
 * custom lever text that must stay text.
 */
import { priorityExcelFormula, QUADRANT_THRESHOLD, quadrantExcelFormula } from '../../core/levers/scoring';
import { readKiesSheet } from '../../addin/excel/readKiesSheet';
import { writeKiesSheet, CHOSEN_FORMAT } from '../../addin/excel/writeKiesSheet';
import { sheetTextsFor } from '../../addin/i18n';
import { columnLetter } from '../../core/sheets/cells';
import { kiesColumn } from '../../core/sheets/kiesLayout';
import { ACTION_NEEDED_FORMAT } from '../../addin/excel/tableWriter';
import { FakeWorkbook, formatAt, type SheetState, type Value } from './fakeExcel';
import { FORMULA_LEVER, kiesFixture } from './kiesFixtures';

const nl = sheetTextsFor('nl');
const en = sheetTextsFor('en');
const capabilities = { suspendCalculation: true, suspendScreenUpdating: true };
const options = (texts = nl) => ({ texts, retrievedOn: '24 november 2026', capabilities });
const fixture = kiesFixture();
const input = (overrides: Partial<Parameters<typeof writeKiesSheet>[1]> = {}) => ({
  roundId: 'round-1',
  roundName: 'Nulmeting najaar 2026',
  suggestions: fixture.suggestions,
  levers: fixture.levers,
  ...overrides,
});

const DUTCH_HEADER = [
  'ID',
  'Nr.',
  'Maatregel',
  'Cluster',
  "Thema's",
  'AMO',
  'Waarom',
  'Impact (1–5)',
  'Haalbaarheid (1–5)',
  'Prioriteit',
  'Kwadrant',
  'Gekozen',
  'MT-beoordelaars',
  'MT impact',
  'MT haalbaarheid',
  'MT mediaan impact',
  'MT mediaan haalbaarheid',
  'MT spreiding impact',
  'MT spreiding haalbaarheid',
  'MT kwadrant',
  'Onenigheid',
  'MT-opmerkingen',
];

async function written(texts = nl, workbook = new FakeWorkbook(), overrides = {}) {
  const report = await writeKiesSheet(workbook.createContext(), input(overrides), options(texts));
  return {
    workbook,
    report,
    sheet: workbook.requireSheet(report.sheetName),
    table: workbook.requireTable('Koers.round_1.Levers'),
  };
}

/** Zero-based sheet row of a lever in the table. */
function rowOf(workbook: FakeWorkbook, leverId: string): number {
  const table = workbook.requireTable('Koers.round_1.Levers');
  const index = workbook.tableValues('Koers.round_1.Levers').rows.findIndex((row) => row[0] === leverId);
  if (index < 0) throw new Error(`${leverId} not on the sheet`);
  return table.rect.row + 1 + index;
}

function typeInto(workbook: FakeWorkbook, sheet: SheetState, leverId: string, column: string, value: Value): void {
  const header = workbook.tableValues('Koers.round_1.Levers').header;
  workbook.type(sheet, rowOf(workbook, leverId), header.indexOf(column), value);
}

describe('writeKiesSheet', () => {
  test('one table "Koers.Levers": suggested levers first with their reasons, then the other active levers', async () => {
    const { workbook, report, sheet } = await written();
    expect(report).toMatchObject({
      sheetName: 'Kies',
      tables: ['Koers.round_1.Levers'],
      charts: ['Koers.LeverMatrix'],
      kept: 0,
      labelled: true,
    });
    const { header, rows } = workbook.tableValues('Koers.round_1.Levers');
    expect(header).toEqual(DUTCH_HEADER);

    const suggestedIds = fixture.suggestions.map((s) => s.leverId);
    expect(suggestedIds.length).toBeGreaterThan(3);
    const activeIds = fixture.levers.filter((l) => !l.retired).map((l) => l.id);
    const ids = rows.map((row) => row[0]);
    expect(ids.slice(0, suggestedIds.length)).toEqual(suggestedIds);
    expect([...ids].sort()).toEqual([...activeIds].sort());
    expect(ids).not.toContain(fixture.retiredId);
    expect(report.rows).toBe(activeIds.length);
    expect(report.suggested).toBe(suggestedIds.length);
    expect(rows.map((row) => row[1])).toEqual(rows.map((_, i) => i + 1));

    const first = fixture.suggestions[0]!;
    const row = rows[0]!;
    expect(row[2]).toBe(first.lever.title.nl);
    expect(row[header.indexOf('Waarom')]).toBe(first.reasons.map((r) => r.nl).join('\n'));
    const unsuggested = rows[suggestedIds.length]!;
    expect(unsuggested[header.indexOf('Waarom')]).toBe('');
    const intervisie = rows.find((r) => r[0] === 'intervisie')!;
    expect(intervisie[header.indexOf('Cluster')]).toBe('Opleiding en begeleiding');
    expect(intervisie[header.indexOf('AMO')]).toBe('Kunnen, Willen');
    expect(String(intervisie[header.indexOf("Thema's")])).toMatch(/Meer differentiatie in de klas/);
    // Nothing typed yet: no scores, no choice, no MT figures.
    for (const name of [
      'Impact (1–5)',
      'Haalbaarheid (1–5)',
      'Gekozen',
      'MT-beoordelaars',
      'MT impact',
      'Onenigheid',
    ]) {
      expect(rows.every((r) => r[header.indexOf(name)] === '')).toBe(true);
    }
    // Lines above the table; the id column is hidden.
    expect(workbook.value(sheet, 0, 1)).toBe('Kies: maatregelen voor Nulmeting najaar 2026');
    expect(String(workbook.value(sheet, 1, 1))).toMatch(/boven 3 telt als hoog\. Bijgewerkt op 24 november 2026\.$/);
    expect(String(workbook.value(sheet, 2, 1))).toMatch(/^AMO-check: Er is nog geen maatregel gekozen\./);
    expect(workbook.value(sheet, 3, 1)).toBe('MT-scores: nog geen MT-sessie voor deze ronde.');
    expect(sheet.hiddenColumns.has(0)).toBe(true);
    expect(workbook.activeSheet).toBeUndefined();
  });

  test('Impact and Haalbaarheid get a drop-down 1–5 and Gekozen one of Ja/Nee, on every data row', async () => {
    const { sheet, table } = await written();
    const body = (column: number) => ({ row: table.rect.row + 1, col: column, rows: table.rect.rows - 1, cols: 1 });
    expect(sheet.dataValidations).toHaveLength(3);
    const byColumn = new Map(sheet.dataValidations.map((dv) => [dv.rect.col, dv]));
    for (const key of ['impact', 'feasibility'] as const) {
      const dv = byColumn.get(kiesColumn(key))!;
      expect(dv.rect).toEqual(body(kiesColumn(key)));
      expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: '1,2,3,4,5' } });
      expect(dv.errorAlert).toMatchObject({
        showAlert: true,
        style: 'Stop',
        message: 'Kies een hele score van 1 (laag) tot 5 (hoog).',
      });
    }
    const chosen = byColumn.get(kiesColumn('chosen'))!;
    expect(chosen.rect).toEqual(body(kiesColumn('chosen')));
    expect(chosen.rule).toEqual({ list: { inCellDropDown: true, source: 'Ja,Nee' } });
    // Scores are numbers, not text: COUNT() in the formulas must see what the adviser types.
    const firstRow = table.rect.row + 1;
    expect(sheet.numberFormats.get(`${firstRow},${kiesColumn('impact')}`)).toBe('0');
    expect(sheet.numberFormats.get(`${firstRow},${kiesColumn('feasibility')}`)).toBe('0');
  });

  test('Prioriteit and Kwadrant are the core formulas, row by row, written through range.formulas and never as values', async () => {
    const { workbook, sheet, table, report } = await written();
    const impact = columnLetter(kiesColumn('impact'));
    const feasibility = columnLetter(kiesColumn('feasibility'));
    for (let i = 0; i < report.rows; i += 1) {
      const row = table.rect.row + 1 + i;
      const priority = workbook.cell(sheet, row, kiesColumn('priority'))!;
      const quadrant = workbook.cell(sheet, row, kiesColumn('quadrant'))!;
      expect(priority).toMatchObject({
        via: 'formulas',
        formula: priorityExcelFormula(`${impact}${row + 1}`, `${feasibility}${row + 1}`),
      });
      expect(quadrant).toMatchObject({
        via: 'formulas',
        formula: quadrantExcelFormula(`${impact}${row + 1}`, `${feasibility}${row + 1}`, 'nl'),
      });
      // A text-formatted cell would keep the formula as text.
      expect(workbook.numberFormat(sheet, row, kiesColumn('priority'))).toBe('General');
      expect(workbook.numberFormat(sheet, row, kiesColumn('quadrant'))).toBe('General');
    }
    expect(workbook.cell(sheet, table.rect.row + 1, kiesColumn('priority'))!.formula).toBe(
      `=IF(COUNT(${impact}${table.rect.row + 2},${feasibility}${table.rect.row + 2})<2,"",${impact}${table.rect.row + 2}*${feasibility}${table.rect.row + 2})`,
    );
    // Only these two columns were written through formulas, and no formula ever travelled as a value.
    expect(new Set(workbook.formulaWrites.map((w) => w.rect.col))).toEqual(
      new Set([kiesColumn('priority'), kiesColumn('quadrant')]),
    );
    expect(
      workbook.formulaWrites
        .flatMap((w) => w.formulas.flat())
        .every((f) => typeof f === 'string' && f.startsWith('=IF(')),
    ).toBe(true);
    expect(workbook.sentStrings.filter((s) => s.startsWith('=IF('))).toEqual([]);
    expect(workbook.formulaCells()).toHaveLength(2 * report.rows);
  });

  test('in English Excel the quadrant formula carries the English labels', async () => {
    const { workbook, sheet, table } = await written(en);
    expect(sheet.name).toBe('Choose');
    const row = table.rect.row + 1;
    const formula = workbook.cell(sheet, row, kiesColumn('quadrant'))!.formula!;
    expect(formula).toBe(quadrantExcelFormula(`H${row + 1}`, `I${row + 1}`, 'en'));
    expect(formula).toContain('"Do now"');
    expect(workbook.tableValues('Koers.round_1.Levers').header).toContain('Feasibility (1–5)');
    expect(sheet.dataValidations.find((dv) => dv.rect.col === kiesColumn('chosen'))!.rule).toEqual({
      list: { inCellDropDown: true, source: 'Yes,No' },
    });
  });

  test('a native XY scatter: adviser and MT series over the table columns, dashed quadrant borders, axes fixed 1–5', async () => {
    const { workbook, sheet, table } = await written();
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart).toMatchObject({
      name: 'Koers.LeverMatrix',
      type: 'XYScatter',
      title: 'Impact en haalbaarheid per maatregel',
      legendVisible: true,
    });
    expect(chart.axes).toEqual({
      category: { minimum: 1, maximum: 5, majorUnit: 1, title: 'Haalbaarheid (1–5)' },
      value: { minimum: 1, maximum: 5, majorUnit: 1, title: 'Impact (1–5)' },
    });
    const series = chart.series!;
    expect(series.map((s) => s.name)).toEqual(['Grens haalbaarheid', 'Grens impact', 'Adviseur', 'MT (gemiddelde)']);
    const body = (key: Parameters<typeof kiesColumn>[0]) => ({
      row: table.rect.row + 1,
      col: kiesColumn(key),
      rows: table.rect.rows - 1,
      cols: 1,
    });
    expect(series[2]).toMatchObject({
      chartType: 'XYScatter',
      markerStyle: 'Circle',
      x: body('feasibility'),
      y: body('impact'),
    });
    expect(series[3]).toMatchObject({
      chartType: 'XYScatter',
      markerStyle: 'Diamond',
      x: body('mtFeasibility'),
      y: body('mtImpact'),
    });
    // The borders are straight lines from the grid under the table: x = 3 from impact 1 to 5, y = 3 from feasibility 1 to 5.
    for (const border of series.slice(0, 2)) {
      expect(border).toMatchObject({ chartType: 'XYScatterLinesNoMarkers', line: { lineStyle: 'Dash' } });
    }
    const points = (s: (typeof series)[number]) =>
      workbook.grid(sheet, s.x!).map((x, i) => [x[0], workbook.grid(sheet, s.y!)[i]![0]]);
    expect(points(series[0]!)).toEqual([
      [QUADRANT_THRESHOLD, 1],
      [QUADRANT_THRESHOLD, 5],
    ]);
    expect(points(series[1]!)).toEqual([
      [1, QUADRANT_THRESHOLD],
      [5, QUADRANT_THRESHOLD],
    ]);
    expect(series[0]!.x!.row).toBeGreaterThan(table.rect.row + table.rect.rows);
    // Each point is labelled with its row's "Nr." through a cell reference, so sorting keeps labels right.
    const rowCount = table.rect.rows - 1;
    expect(series[2]!.pointLabels.size).toBe(rowCount);
    expect(series[2]!.pointLabels.get(0)).toEqual({
      hasDataLabel: true,
      formula: `='Kies'!$B$${table.rect.row + 2}`,
      position: 'Right',
    });
    expect(series[3]!.pointLabels.get(rowCount - 1)!.formula).toBe(`='Kies'!$B$${table.rect.row + 1 + rowCount}`);
    expect(chart.position?.[0]).toMatch(/^H\d+$/);
  });

  test("a school's own lever whose title is a formula is written as text", async () => {
    const { workbook, sheet } = await written();
    const row = rowOf(workbook, FORMULA_LEVER.id);
    const cell = workbook.cell(sheet, row, kiesColumn('title'))!;
    expect(cell.value).toBe(FORMULA_LEVER.title.nl);
    expect(cell.formula).toBeUndefined();
    expect(workbook.sentStrings).toContain(`'${FORMULA_LEVER.title.nl}`);
    // The only formulas on the sheet are Koers's own.
    expect(workbook.formulaCells().every((f) => /: =IF\(COUNT\(/.test(f))).toBe(true);
  });

  test('chosen levers are highlighted green and disagreement red, through conditional formats on the data rows', async () => {
    const { sheet, table } = await written();
    const rows = table.rect.rows - 1;
    const chosen = sheet.conditionalFormats.find((cf) => cf.rect.col === kiesColumn('chosen'))!;
    expect(chosen.rect).toEqual({ row: table.rect.row + 1, col: kiesColumn('chosen'), rows, cols: 1 });
    expect(chosen.props).toMatchObject({
      'cellValue.format.fill.color': CHOSEN_FORMAT.fill,
      'cellValue.rule': { formula1: '="Ja"', operator: 'EqualTo' },
    });
    const disagreement = sheet.conditionalFormats.find((cf) => cf.rect.col === kiesColumn('disagreement'))!;
    expect(disagreement.props).toMatchObject({ 'cellValue.format.fill.color': ACTION_NEEDED_FORMAT.fill });
    expect(formatAt(sheet, table.rect.row + 2, kiesColumn('why'), 'wrapText')).toBe(true);
  });
});

describe('refreshing the Kies sheet', () => {
  test('keeps Impact, Haalbaarheid and Gekozen per lever id, wherever the lever moved, and duplicates nothing', async () => {
    const { workbook, sheet } = await written();
    const [a, b] = fixture.suggestions.map((s) => s.leverId);
    typeInto(workbook, sheet, a!, 'Impact (1–5)', 5);
    typeInto(workbook, sheet, a!, 'Haalbaarheid (1–5)', 4);
    typeInto(workbook, sheet, a!, 'Gekozen', 'Ja');
    typeInto(workbook, sheet, b!, 'Impact (1–5)', 2);
    typeInto(workbook, sheet, 'intervisie', 'Gekozen', 'Nee');
    sheet.charts.push({
      name: 'Mijn grafiek',
      type: 'Pie',
      source: { row: 0, col: 0, rows: 2, cols: 2 },
      seriesBy: 'Auto',
    });

    // The next refresh suggests fewer levers, so the rows move.
    const report = await writeKiesSheet(
      workbook.createContext(),
      input({ suggestions: fixture.suggestions.slice(1) }),
      options(),
    );
    expect(report.kept).toBe(3);
    const { header, rows } = workbook.tableValues('Koers.round_1.Levers');
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    expect(rows[0]![0]).toBe(b);
    expect([
      row(a!)[header.indexOf('Impact (1–5)')],
      row(a!)[header.indexOf('Haalbaarheid (1–5)')],
      row(a!)[header.indexOf('Gekozen')],
    ]).toEqual([5, 4, 'Ja']);
    expect(row(b!)[header.indexOf('Impact (1–5)')]).toBe(2);
    expect(row(b!)[header.indexOf('Haalbaarheid (1–5)')]).toBe('');
    expect(row('intervisie')[header.indexOf('Gekozen')]).toBe('Nee');
    expect(report.levers.find((l) => l.leverId === a)).toMatchObject({ impact: 5, feasibility: 4, chosen: true });

    expect(workbook.sheets).toHaveLength(1);
    expect(workbook.tables.map((t) => t.name)).toEqual(['Koers.round_1.Levers']);
    expect(sheet.charts.map((c) => c.name).sort()).toEqual(['Koers.LeverMatrix', 'Mijn grafiek']);
    expect(sheet.dataValidations).toHaveLength(3);
    // The formulas point at the new rows.
    const sheetRow = rowOf(workbook, a!);
    expect(workbook.cell(sheet, sheetRow, kiesColumn('priority'))!.formula).toBe(
      priorityExcelFormula(`H${sheetRow + 1}`, `I${sheetRow + 1}`),
    );
    // The AMO line now speaks about the chosen lever.
    expect(String(workbook.value(sheet, 2, 1))).not.toMatch(/nog geen maatregel gekozen/);
    expect(report.amo.covered.length).toBeGreaterThan(0);
  });

  test('a Dutch sheet refreshed in English Excel keeps its name and the choices, now in English', async () => {
    const { workbook, sheet } = await written(nl);
    const [a] = fixture.suggestions.map((s) => s.leverId);
    typeInto(workbook, sheet, a!, 'Gekozen', 'Ja');
    typeInto(workbook, sheet, a!, 'Impact (1–5)', 4);
    const report = await writeKiesSheet(workbook.createContext(), input(), options(en));
    expect(report.sheetName).toBe('Kies');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Kies']);
    const { header, rows } = workbook.tableValues('Koers.round_1.Levers');
    const row = rows.find((r) => r[0] === a)!;
    expect(row[header.indexOf('Chosen')]).toBe('Yes');
    expect(row[header.indexOf('Impact (1–5)')]).toBe(4);
  });

  test('text the adviser typed in a score cell comes back as text, neutralised', async () => {
    const { workbook, sheet } = await written();
    const [a] = fixture.suggestions.map((s) => s.leverId);
    typeInto(workbook, sheet, a!, 'Impact (1–5)', "'=1+1");
    await writeKiesSheet(workbook.createContext(), input(), options());
    expect(workbook.cell(sheet, rowOf(workbook, a!), kiesColumn('impact'))).toMatchObject({ value: '=1+1' });
    expect(workbook.cell(sheet, rowOf(workbook, a!), kiesColumn('impact'))!.formula).toBeUndefined();
  });
});

describe('readKiesSheet', () => {
  test('reads the typed scores (whole 1–5 only), the choice and the MT means, by header', async () => {
    const { workbook, sheet } = await written();
    const ids = fixture.suggestions.map((s) => s.leverId);
    typeInto(workbook, sheet, ids[0]!, 'Impact (1–5)', 5);
    typeInto(workbook, sheet, ids[0]!, 'Haalbaarheid (1–5)', '2');
    typeInto(workbook, sheet, ids[0]!, 'Gekozen', 'ja');
    typeInto(workbook, sheet, ids[1]!, 'Impact (1–5)', 7);
    typeInto(workbook, sheet, ids[1]!, 'Haalbaarheid (1–5)', 3.5);
    typeInto(workbook, sheet, ids[1]!, 'Gekozen', 'x');
    typeInto(workbook, sheet, ids[2]!, 'Impact (1–5)', 'veel');
    typeInto(workbook, sheet, ids[2]!, 'MT impact', 3.25);
    typeInto(workbook, sheet, ids[2]!, 'MT haalbaarheid', 4);

    const state = await readKiesSheet(workbook.createContext(), 'round-1');
    expect(state?.sheetName).toBe('Kies');
    const lever = (id: string) => state!.levers.find((l) => l.leverId === id)!;
    expect(lever(ids[0]!)).toMatchObject({ number: 1, impact: 5, feasibility: 2, chosen: true, mtImpact: null });
    expect(lever(ids[1]!)).toMatchObject({ impact: null, feasibility: null, chosen: true });
    expect(lever(ids[2]!)).toMatchObject({ impact: null, chosen: false, mtImpact: 3.25, mtFeasibility: 4 });
    expect(lever(FORMULA_LEVER.id).title).toBe(FORMULA_LEVER.title.nl);
    expect(state!.levers).toHaveLength(workbook.tableValues('Koers.round_1.Levers').rows.length);
  });

  test('a workbook without the Kies sheet reads as undefined and gets no sheet', async () => {
    const workbook = new FakeWorkbook();
    await expect(readKiesSheet(workbook.createContext(), 'round-1')).resolves.toBeUndefined();
    expect(workbook.sheets).toHaveLength(0);
  });
});

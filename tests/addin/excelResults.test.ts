import { writeResultsSheet } from '../../addin/excel/writeResultsSheet';
import { sheetTextsFor } from '../../addin/i18n';
import { GAP_COLORS } from '../../addin/excel/tableWriter';
import type { ShownCell } from '../../core/results';
import { FakeWorkbook, formatAt, type Value } from './fakeExcel';
import { buildFixture, trickySurvey, type Fixture } from './fixtures';

const nl = sheetTextsFor('nl');
const en = sheetTextsFor('en');
const capabilities = { suspendCalculation: true, suspendScreenUpdating: true };
const options = (texts = nl) => ({ texts, retrievedOn: '24-11-2026', capabilities });

function column(header: string[], name: string): number {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${header.join(' | ')}`);
  return index;
}

function shown(fixture: Fixture, statementId: string): ShownCell {
  const cell = fixture.results.statements.find((s) => s.statementId === statementId)!.overall;
  if (cell.status !== 'shown') throw new Error('expected shown');
  return cell;
}

/** The sheet row (zero-based) of a statement in a table. */
function rowOf(workbook: FakeWorkbook, tableName: string, statementId: string): number {
  const table = workbook.requireTable(tableName);
  const { rows } = workbook.tableValues(tableName);
  const index = rows.findIndex((row) => row[0] === statementId);
  if (index < 0) throw new Error(`${statementId} not in ${tableName}`);
  return table.rect.row + 1 + index;
}

describe('writeResultsSheet', () => {
  const fixture = buildFixture();

  test('writes one table per section on "Resultaten", one row per statement, with the figures', async () => {
    const workbook = new FakeWorkbook();
    const report = await writeResultsSheet(workbook.createContext(), fixture.results, options());

    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten']);
    const sectionIds = fixture.results.sections.map((s) => s.sectionId);
    expect(report.tables).toEqual(sectionIds.map((id) => `Koers_round_1.${id}`));
    expect(workbook.tables.map((t) => t.name)).toEqual(report.tables);
    for (const section of fixture.results.sections) {
      const { header, rows } = workbook.tableValues(`Koers_round_1.${section.sectionId}`);
      expect(header.slice(0, 9)).toEqual([
        'ID',
        'Stelling',
        'n',
        'Huidig',
        'Gewenst',
        'Verschil',
        '95%-BI laag',
        '95%-BI hoog',
        'Actie nodig?',
      ]);
      expect(header.at(-1)).toBe('Welke actie?');
      const expectedIds = fixture.results.statements
        .filter((s) => s.sectionId === section.sectionId)
        .map((s) => s.statementId);
      expect(rows.map((row) => row[0])).toEqual(expectedIds);
    }

    const { header, rows } = workbook.tableValues('Koers_round_1.internal');
    const cell = shown(fixture, 'int-goals');
    const row = rows.find((r) => r[0] === 'int-goals')!;
    expect(row[column(header, 'n')]).toBe(cell.n);
    expect(row[column(header, 'Huidig')]).toBeCloseTo(cell.meanCurrent!, 10);
    expect(row[column(header, 'Gewenst')]).toBeCloseTo(cell.meanDesired!, 10);
    expect(row[column(header, 'Verschil')]).toBeCloseTo(cell.gap!, 10);
    expect(row[column(header, '95%-BI laag')]).toBeCloseTo(cell.ciLow!, 10);
    expect(row[column(header, '95%-BI hoog')]).toBeCloseTo(cell.ciHigh!, 10);
    expect(row[column(header, 'Actie nodig?')]).toBe(cell.actionNeeded ? 'Ja' : 'Nee');
    expect(row[column(header, 'Welke actie?')]).toBe('');
    const leraren = fixture.results.statements.find((s) => s.statementId === 'int-goals')!.byGroup.leraren as ShownCell;
    expect(row[column(header, 'Leraren verschil')]).toBeCloseTo(leraren.gap!, 10);
    // Above the tables: title, explanation, and which groups are not shown.
    const sheet = workbook.requireSheet('Resultaten');
    expect(workbook.value(sheet, 0, 1)).toBe('Resultaten: Nulmeting najaar 2026 (Zelfevaluatie strategisch HRM)');
    expect(String(workbook.value(sheet, 2, 1))).toMatch(
      /^Niet getoond: .*P&O \/ HR \(te weinig antwoorden \(minder dan 5, drempel 5\)\)\.$/,
    );
  });

  test('a suppressed group gets words, never a number: the reason the results give', async () => {
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), fixture.results, options());
    const suppressed = fixture.results.groups.filter((g) => g.status === 'suppressed');
    expect(suppressed.map((g) => g.id)).toContain('po-hr');
    for (const table of workbook.tables) {
      const { header, rows } = workbook.tableValues(table.name);
      for (const group of suppressed) {
        for (const suffix of ['huidig', 'gewenst', 'verschil']) {
          const index = column(header, `${group.name.nl} ${suffix}`);
          for (const row of rows) expect(row[index]).toBe('te weinig antwoorden (minder dan 5, drempel 5)');
        }
      }
    }
  });

  test('sets number formats, the colour scale on the gaps and the action-needed highlight', async () => {
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), fixture.results, options());
    const sheet = workbook.requireSheet('Resultaten');
    const table = workbook.requireTable('Koers_round_1.internal');
    const { header, rows } = workbook.tableValues('Koers_round_1.internal');
    const firstData = table.rect.row + 1;
    const format = (name: string) => workbook.numberFormat(sheet, firstData, column(header, name));
    expect(format('n')).toBe('0');
    expect(format('Huidig')).toBe('0.00');
    expect(format('Verschil')).toBe('+0.00;-0.00;0.00');
    expect(format('95%-BI laag')).toBe('0.00');
    expect(format('Leraren huidig')).toBe('0.0');
    expect(format('Stelling')).toBe('@');
    expect(format('Welke actie?')).toBe('@');

    const onTable = sheet.conditionalFormats.filter((cf) => cf.rect.row === firstData && cf.rect.rows === rows.length);
    const scale = onTable.find((cf) => cf.type === 'ColorScale' && cf.rect.col === column(header, 'Verschil'));
    expect(scale?.rect.cols).toBe(1);
    expect(scale?.props['colorScale.criteria']).toEqual({
      minimum: { type: 'LowestValue', color: GAP_COLORS.low },
      midpoint: { type: 'Percentile', formula: '50', color: GAP_COLORS.middle },
      maximum: { type: 'HighestValue', color: GAP_COLORS.high },
    });
    const groupScale = onTable.find(
      (cf) => cf.type === 'ColorScale' && cf.rect.col === column(header, 'Leraren verschil'),
    );
    expect(groupScale).toBeDefined();
    const flag = onTable.find((cf) => cf.type === 'CellValue');
    expect(flag?.rect.col).toBe(column(header, 'Actie nodig?'));
    expect(flag?.props['cellValue.rule']).toEqual({ formula1: '="Ja"', operator: 'EqualTo' });
    expect(flag?.props['cellValue.format.font.bold']).toBe(true);
    expect(flag?.props['cellValue.format.fill.color']).toMatch(/^#[0-9A-F]{6}$/i);
    // Conditional formats cover the used rows only, never whole columns.
    for (const cf of sheet.conditionalFormats) expect(Number.isFinite(cf.rect.rows)).toBe(true);

    expect(sheet.hiddenColumns).toEqual(new Set([0]));
    expect(sheet.columnWidths.get(1)).toBeGreaterThan(200);
    expect(formatAt(sheet, firstData, 1, 'wrapText')).toBe(true);
    expect(formatAt(sheet, 0, 1, 'font.bold')).toBe(true);
  });

  test('refresh keeps "Welke actie?" with its statement, also after sorting, and duplicates nothing', async () => {
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), fixture.results, options());
    const sheet = workbook.requireSheet('Resultaten');
    const actionColumn = workbook.tableValues('Koers_round_1.internal').header.indexOf('Welke actie?');
    // The adviser types two actions, one starting with a minus (typed with a quote, as Excel wants).
    workbook.type(
      sheet,
      rowOf(workbook, 'Koers_round_1.internal', 'int-goals'),
      actionColumn,
      'Scholingsplan opstellen',
    );
    workbook.type(
      sheet,
      rowOf(workbook, 'Koers_round_1.external', 'ext-laws'),
      actionColumn,
      "'-minder vergaderen, meer overleg",
    );
    workbook.type(sheet, rowOf(workbook, 'Koers_round_1.mapping', 'map-figures'), actionColumn, 3);
    // ... and sorts the first table: swap its first two rows.
    const table = workbook.requireTable('Koers_round_1.internal');
    const [first, second] = [table.rect.row + 1, table.rect.row + 2];
    const rowA = sheet.rows.get(first)!;
    sheet.rows.set(first, sheet.rows.get(second)!);
    sheet.rows.set(second, rowA);
    const tablesBefore = workbook.tables.map((t) => [t.name, t.rect]);

    const syncsBefore = workbook.syncLog.length;
    const report = await writeResultsSheet(workbook.createContext(), fixture.results, options());

    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten']);
    expect(workbook.tables.map((t) => [t.name, t.rect])).toEqual(tablesBefore);
    const action = (tableName: string, id: string) =>
      workbook.value(sheet, rowOf(workbook, tableName, id), actionColumn);
    expect(action('Koers_round_1.internal', 'int-goals')).toBe('Scholingsplan opstellen');
    expect(action('Koers_round_1.external', 'ext-laws')).toBe('-minder vergaderen, meer overleg');
    // Typed into a text-formatted cell, 3 is the text "3" (Excel keeps what is typed there as text).
    expect(action('Koers_round_1.mapping', 'map-figures')).toBe('3');
    expect(action('Koers_round_1.internal', 'int-support')).toBe('');
    expect(report.keptActions).toBe(3);
    expect(workbook.formulaCells()).toEqual([]);
    // Tables by name and their sheet (2), list of the sheet's objects, headers, id and action
    // columns, and the writes.
    expect(report.syncs).toBe(6);
    expect(workbook.syncLog.length - syncsBefore).toBe(6);
    // Conditional formats were replaced, not stacked.
    const firstRun = new FakeWorkbook();
    await writeResultsSheet(firstRun.createContext(), fixture.results, options());
    expect(sheet.conditionalFormats.length).toBe(firstRun.requireSheet('Resultaten').conditionalFormats.length);
  });

  test('a Dutch workbook refreshed in English Excel keeps its sheet and the actions', async () => {
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), fixture.results, options(nl));
    const sheet = workbook.requireSheet('Resultaten');
    const actionColumn = workbook.tableValues('Koers_round_1.internal').header.indexOf('Welke actie?');
    workbook.type(sheet, rowOf(workbook, 'Koers_round_1.internal', 'int-goals'), actionColumn, 'Gesprekscyclus');

    const report = await writeResultsSheet(workbook.createContext(), fixture.results, options(en));

    expect(report.sheetName).toBe('Resultaten');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten']);
    const { header } = workbook.tableValues('Koers_round_1.internal');
    expect(header.slice(1, 3)).toEqual(['Statement', 'n']);
    expect(header.at(-1)).toBe('Which action?');
    expect(workbook.value(sheet, rowOf(workbook, 'Koers_round_1.internal', 'int-goals'), actionColumn)).toBe(
      'Gesprekscyclus',
    );
    expect(header).toContain('HR department gap');
    const { rows } = workbook.tableValues('Koers_round_1.internal');
    expect(rows[0]![header.indexOf('HR department gap')]).toBe('too few responses (fewer than 5, threshold 5)');
  });

  test('a refresh with fewer sections leaves no tables of the old layout behind', async () => {
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), fixture.results, options());
    const fewer = { ...fixture.results, sections: fixture.results.sections.slice(0, 1) };
    fewer.statements = fixture.results.statements.filter((s) => s.sectionId === fewer.sections[0]!.sectionId);
    await writeResultsSheet(workbook.createContext(), fewer, options());
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten']);
    expect(workbook.tables.map((t) => t.name)).toEqual([`Koers_round_1.${fewer.sections[0]!.sectionId}`]);
    const sheet = workbook.requireSheet('Resultaten');
    const lastTable = workbook.tables.at(-1)!;
    expect(workbook.lastUsedRow(sheet)).toBe(lastTable.rect.row + lastTable.rect.rows - 1);
  });

  test('statement texts, section titles and group names that look like formulas stay text', async () => {
    const workbook = new FakeWorkbook();
    const tricky = buildFixture({ survey: trickySurvey(), plan: trickyPlan });
    await writeResultsSheet(workbook.createContext(), tricky.results, options());
    expect(workbook.formulaCells()).toEqual([]);
    const sheet = workbook.requireSheet('Resultaten');
    const texts: Value[] = [...sheet.rows.values()].flatMap((cells) => [...cells.values()].map((c) => c.value));
    expect(texts).toEqual(expect.arrayContaining(['=1+1 is een stelling', '+ tijd voor overleg', '-Blok een']));
    const { header } = workbook.tableValues('Koers_round_1.blok_een');
    expect(header).toContain('@Leraren huidig');
    // What went over the wire carried the quote prefix.
    expect(workbook.sentStrings).toEqual(
      expect.arrayContaining(["'=1+1 is een stelling", "'+ tijd voor overleg", "'-Blok een"]),
    );
  });
});

const trickyPlan = [
  { group: 'leraren', responses: 8, currentBias: 0, gapBias: 1 },
  { group: 'oop', responses: 6, currentBias: 0, gapBias: 0.5 },
];

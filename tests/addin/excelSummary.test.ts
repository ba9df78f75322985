import { pullRoundIntoWorkbook } from '../../addin/excel/pullRound';
import { writeSummarySheet } from '../../addin/excel/writeSummarySheet';
import { sheetTextsFor } from '../../addin/i18n';
import { largestGaps } from '../../core/sheets/summaryLayout';
import type { ShownCell } from '../../core/results';
import { FakeWorkbook } from './fakeExcel';
import { buildFixture } from './fixtures';

const nl = sheetTextsFor('nl');
const capabilities = { suspendCalculation: true, suspendScreenUpdating: true };
const options = { texts: nl, retrievedOn: '24-11-2026', capabilities };

describe('writeSummarySheet', () => {
  const fixture = buildFixture();

  test('per section: all shown groups and each group (current, desired, gap)', async () => {
    const workbook = new FakeWorkbook();
    const report = await writeSummarySheet(workbook.createContext(), fixture.results, options);
    expect(report).toMatchObject({
      sheetName: 'Samenvatting',
      tables: ['Koers.round_1.Summary.Sections', 'Koers.round_1.Summary.TopGaps', 'Koers.round_1.Summary.Priorities'],
      charts: ['Koers.TopGaps'],
    });
    const { header, rows } = workbook.tableValues('Koers.round_1.Summary.Sections');
    expect(header.slice(0, 7)).toEqual(['ID', 'Onderdeel', 'n', 'Huidig', 'Gewenst', 'Verschil', 'Actie nodig?']);
    expect(header).toEqual(expect.arrayContaining(['Leraren huidig', 'Leraren gewenst', 'Leraren verschil']));
    expect(rows.map((row) => row[0])).toEqual(fixture.results.sections.map((s) => s.sectionId));
    const internal = fixture.results.sections.find((s) => s.sectionId === 'internal')!;
    const overall = internal.overall as ShownCell;
    const row = rows.find((r) => r[0] === 'internal')!;
    expect(row[1]).toBe('Interne situatie');
    expect(row[header.indexOf('Verschil')]).toBeCloseTo(overall.gap!, 10);
    expect(row[header.indexOf('Leraren verschil')]).toBeCloseTo((internal.byGroup.leraren as ShownCell).gap!, 10);
    // The results word the reason for this group; the sheet prints it (finding 7).
    expect(row[header.indexOf('P&O / HR verschil')]).toBe('te weinig antwoorden (minder dan 5, drempel 5)');
  });

  test('the ten largest gaps, largest first, with a native bar chart over them', async () => {
    const workbook = new FakeWorkbook();
    await writeSummarySheet(workbook.createContext(), fixture.results, options);
    const { header, rows } = workbook.tableValues('Koers.round_1.Summary.TopGaps');
    expect(header).toEqual(['ID', 'Stelling', 'Verschil', 'Huidig', 'Gewenst', 'Onderdeel']);
    expect(rows).toHaveLength(10);
    const expected = largestGaps(fixture.results, 10);
    expect(rows.map((r) => r[0])).toEqual(expected.map((e) => e.statement.statementId));
    const gaps = rows.map((r) => r[2] as number);
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);
    const allGaps = fixture.results.statements.flatMap((s) =>
      s.overall.status === 'shown' && s.overall.gap !== null ? [s.overall.gap] : [],
    );
    expect(gaps[0]).toBe(Math.max(...allGaps));
    for (const label of rows.map((r) => String(r[1]))) expect(label.length).toBeLessThanOrEqual(60);

    const sheet = workbook.requireSheet('Samenvatting');
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    const table = workbook.requireTable('Koers.round_1.Summary.TopGaps');
    expect(chart).toMatchObject({
      name: 'Koers.TopGaps',
      type: 'BarClustered',
      seriesBy: 'Columns',
      title: 'Grootste verschillen tussen gewenst en huidig',
      legendVisible: false,
      reversePlotOrder: true,
    });
    // Categories are the statement labels, values the gaps: columns B and C, header included.
    expect(chart.source).toEqual({ row: table.rect.row, col: 1, rows: 11, cols: 2 });
    expect(chart.position?.[0]).toMatch(/^H\d+$/);
    const gapColumn = sheet.conditionalFormats.find(
      (cf) => cf.type === 'ColorScale' && cf.rect.col === 2 && cf.rect.row === table.rect.row + 1,
    );
    expect(gapColumn?.rect.rows).toBe(10);
  });

  test('refresh replaces the chart and the tables instead of adding more', async () => {
    const workbook = new FakeWorkbook();
    await writeSummarySheet(workbook.createContext(), fixture.results, options);
    await writeSummarySheet(workbook.createContext(), fixture.results, options);
    const sheet = workbook.requireSheet('Samenvatting');
    expect(workbook.sheets).toHaveLength(1);
    expect(sheet.charts.map((c) => c.name)).toEqual(['Koers.TopGaps']);
    expect(workbook.tables.map((t) => t.name)).toEqual([
      'Koers.round_1.Summary.Sections',
      'Koers.round_1.Summary.TopGaps',
      'Koers.round_1.Summary.Priorities',
    ]);
  });

  test('a chart someone added by hand survives a refresh', async () => {
    const workbook = new FakeWorkbook();
    await writeSummarySheet(workbook.createContext(), fixture.results, options);
    const sheet = workbook.requireSheet('Samenvatting');
    sheet.charts.push({
      name: 'Mijn grafiek',
      type: 'Pie',
      source: { row: 0, col: 0, rows: 2, cols: 2 },
      seriesBy: 'Auto',
    });
    await writeSummarySheet(workbook.createContext(), fixture.results, options);
    expect(sheet.charts.map((c) => c.name).sort()).toEqual(['Koers.TopGaps', 'Mijn grafiek']);
  });
});

describe('pullRoundIntoWorkbook', () => {
  test('writes the three sheets, one Excel.run each, reports progress over all and shows the results', async () => {
    const fixture = buildFixture();
    const workbook = new FakeWorkbook();
    const runs: number[] = [];
    const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      runs.push(workbook.syncLog.length);
      return workbook.run(batch);
    };
    const progress: Array<[number, number]> = [];
    const report = await pullRoundIntoWorkbook(
      { results: fixture.results, responses: fixture.responses, texts: nl, retrievedOn: '24-11-2026', capabilities },
      (done, total) => progress.push([done, total]),
      run,
    );
    expect(runs).toHaveLength(4);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten', 'Antwoorden', 'Samenvatting']);
    expect(workbook.activeSheet).toBe('Resultaten');
    expect([report.results.sheetName, report.responses.sheetName, report.summary.sheetName]).toEqual([
      'Resultaten',
      'Antwoorden',
      'Samenvatting',
    ]);
    const total = fixture.results.statements.length + fixture.responses.rows.length + 1;
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i]![1]).toBe(total);
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    }
    // A second pull rewrites the same sheets and tables.
    const tables = workbook.tables.map((t) => t.name);
    await pullRoundIntoWorkbook(
      { results: fixture.results, responses: fixture.responses, texts: nl, retrievedOn: '25-11-2026', capabilities },
      () => {},
      run,
    );
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten', 'Antwoorden', 'Samenvatting']);
    expect(workbook.tables.map((t) => t.name)).toEqual(tables);
  });
});

import { writeResponsesSheet } from '../../addin/excel/writeResponsesSheet';
import { sheetTextsFor } from '../../addin/i18n';
import { DEFAULT_LIMITS } from '../../core/sheets/chunks';
import { FakeWorkbook } from './fakeExcel';
import { buildFixture, TRICKY_COMMENTS, type GroupPlan } from './fixtures';

const nl = sheetTextsFor('nl');
const on = { suspendCalculation: true, suspendScreenUpdating: true };
const off = { suspendCalculation: false, suspendScreenUpdating: false };
/** Excel on the web refuses a request over 5 MB. */
const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;

function bigPlan(perGroup: number): GroupPlan[] {
  return [
    { group: 'directie', responses: perGroup / 10, currentBias: 0.6, gapBias: 0.7 },
    { group: 'teamleiders', responses: perGroup / 5, currentBias: 0.2, gapBias: 1.0 },
    { group: 'leraren', responses: perGroup, currentBias: -0.4, gapBias: 1.4 },
    { group: 'oop', responses: perGroup / 2, currentBias: -0.2, gapBias: 1.1 },
  ];
}

describe('writeResponsesSheet', () => {
  test('writes the anonymised rows as one table at A1: group, current and desired per statement, comment', async () => {
    const fixture = buildFixture();
    const workbook = new FakeWorkbook();
    const report = await writeResponsesSheet(workbook.createContext(), fixture.responses, fixture.results, {
      texts: nl,
      retrievedOn: '24-11-2026',
      capabilities: on,
    });

    expect(report).toMatchObject({ sheetName: 'Antwoorden', tables: ['Koers.round_1.Responses'] });
    const table = workbook.requireTable('Koers.round_1.Responses');
    expect(table.rect).toMatchObject({ row: 0, col: 0, rows: fixture.responses.rows.length + 1 });
    const { header, rows } = workbook.tableValues('Koers.round_1.Responses');
    expect(header[0]).toBe('Groep');
    expect(header.slice(1, 3)).toEqual(['int-goals huidig', 'int-goals gewenst']);
    expect(header.at(-1)).toBe('Opmerking');
    expect(header).toHaveLength(2 + 2 * fixture.responses.statementIds.length);

    fixture.responses.rows.forEach((source, index) => {
      const row = rows[index]!;
      const groupName = fixture.results.groups.find((g) => g.id === source.group)!.name.nl;
      expect(row[0]).toBe(groupName);
      fixture.responses.statementIds.forEach((id, s) => {
        const [current, desired] = source.answers[id] ?? [null, null];
        expect(row[1 + 2 * s]).toBe(current ?? '');
        expect(row[2 + 2 * s]).toBe(desired ?? '');
      });
      expect(row.at(-1)).toBe(source.comment ?? '');
    });
    const sheet = workbook.requireSheet('Antwoorden');
    expect(sheet.frozenRows).toBe(1);
    expect(workbook.numberFormat(sheet, 1, header.length - 1)).toBe('@');
  });

  test('comments that look like formulas, numbers or mentions stay inert text', async () => {
    const fixture = buildFixture({ commentEvery: 1 });
    const workbook = new FakeWorkbook();
    await writeResponsesSheet(workbook.createContext(), fixture.responses, fixture.results, {
      texts: nl,
      retrievedOn: '24-11-2026',
      capabilities: on,
    });
    expect(workbook.formulaCells()).toEqual([]);
    const comments = workbook.tableValues('Koers.round_1.Responses').rows.map((row) => row.at(-1));
    for (const comment of TRICKY_COMMENTS) expect(comments).toContain(comment);
    expect(workbook.sentStrings).toEqual(
      expect.arrayContaining([
        '\'=HYPERLINK("http://evil.example","klik")',
        "'+31 6 12345678",
        "'-minder vergaderen",
        "'@iedereen graag reageren",
      ]),
    );
    // "1-2" is not a formula; the text format keeps it from becoming a date.
    expect(workbook.sentStrings).toContain('1-2');
  });

  test('a large round goes in row blocks: every request well under 5 MB and 100k cells, few syncs', async () => {
    // 2,160 responses × 36 statements: 2 + 72 columns, about 160k cells.
    const fixture = buildFixture({ plan: bigPlan(1200), commentEvery: 4 });
    const rows = fixture.responses.rows.length;
    const columns = 2 + 2 * fixture.responses.statementIds.length;
    expect(rows).toBe(2160);
    const workbook = new FakeWorkbook();
    const progress: Array<[number, number]> = [];
    const report = await writeResponsesSheet(workbook.createContext(), fixture.responses, fixture.results, {
      texts: nl,
      retrievedOn: '24-11-2026',
      capabilities: on,
      onProgress: (done, total) => progress.push([done, total]),
    });

    const writes = workbook.syncLog.filter((sync) => sync.cells > 0);
    const expectedBlocks = Math.ceil(((rows + 1) * columns) / DEFAULT_LIMITS.maxCellsPerRequest);
    expect(writes.length).toBe(expectedBlocks);
    for (const sync of workbook.syncLog) {
      expect(sync.cells).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCellsPerRequest);
      expect(sync.bytes).toBeLessThan(EXCEL_WEB_LIMIT / 2);
    }
    // Lookup + value blocks + the last block carrying table, widths and freeze.
    expect(report.syncs).toBe(workbook.syncLog.length);
    expect(report.syncs).toBeLessThanOrEqual(expectedBlocks + 2);
    // Every request that writes is sent with calculation suspended; screen updating is suspended
    // once for the whole Excel.run, in its first writing request (finding 5: repeated calls flicker).
    for (const sync of writes) expect(sync.suspendedCalculation).toBe(true);
    expect(workbook.syncLog.filter((sync) => sync.suspendedScreenUpdating)).toHaveLength(1);
    expect(
      workbook.syncLog.find((sync) => sync.operations.some((op) => op.includes('= …')))?.suspendedScreenUpdating,
    ).toBe(true);
    expect(workbook.requireTable('Koers.round_1.Responses').rect).toEqual({
      row: 0,
      col: 0,
      rows: rows + 1,
      cols: columns,
    });
    // The table is made once, over the written values, in the last request.
    const tableAdds = workbook.syncLog.flatMap((sync, i) =>
      sync.operations.filter((op) => op.includes('tables.add')).map(() => i),
    );
    expect(tableAdds).toEqual([workbook.syncLog.length - 1]);
    // Progress rises to the total.
    expect(progress.at(-1)).toEqual([rows, rows]);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  test('long comments make blocks smaller: the byte limit holds as well', async () => {
    const long = `${'Een lange opmerking over de begeleiding van startende leraren. '.repeat(31)}`.slice(0, 2000);
    const fixture = buildFixture({ plan: bigPlan(200), comments: [long, `=${long}`.slice(0, 2000)], commentEvery: 1 });
    const workbook = new FakeWorkbook();
    const limits = { maxCellsPerRequest: 100_000, maxBytesPerRequest: 200_000 };
    await writeResponsesSheet(workbook.createContext(), fixture.responses, fixture.results, {
      texts: nl,
      retrievedOn: '24-11-2026',
      capabilities: off,
      limits,
    });
    const writes = workbook.syncLog.filter((sync) => sync.cells > 0);
    expect(writes.length).toBeGreaterThan(1);
    // The fake measures what was queued; the writer estimated the same values and formats.
    for (const sync of workbook.syncLog) expect(sync.bytes).toBeLessThan(limits.maxBytesPerRequest * 1.05);
    for (const sync of workbook.syncLog) {
      expect(sync.suspendedCalculation).toBe(false);
      expect(sync.suspendedScreenUpdating).toBe(false);
    }
    expect(workbook.formulaCells()).toEqual([]);
    expect(workbook.tableValues('Koers.round_1.Responses').rows).toHaveLength(fixture.responses.rows.length);
  });

  test('refresh with fewer responses leaves one table and no rows of the old pull', async () => {
    const workbook = new FakeWorkbook();
    const big = buildFixture({ plan: bigPlan(100) });
    const small = buildFixture();
    const options = { texts: nl, retrievedOn: '24-11-2026', capabilities: on };
    await writeResponsesSheet(workbook.createContext(), big.responses, big.results, options);
    await writeResponsesSheet(workbook.createContext(), small.responses, small.results, options);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Antwoorden']);
    expect(workbook.tables.map((t) => t.name)).toEqual(['Koers.round_1.Responses']);
    const sheet = workbook.requireSheet('Antwoorden');
    expect(workbook.lastUsedRow(sheet)).toBe(small.responses.rows.length);
  });
});

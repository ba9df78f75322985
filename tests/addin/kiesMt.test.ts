/**
 * The MT columns of the Kies sheet, filled from a GET /api/rounds/:id/scoring reply, and the AMO
 * line, in the fake workbook.
 */
import { kiesWorkbook } from '../../addin/excel/kiesWorkbook';
import { writeAmoLine } from '../../addin/excel/kiesLines';
import { writeKiesSheet } from '../../addin/excel/writeKiesSheet';
import { writeMtScores } from '../../addin/excel/writeMtScores';
import { sheetTextsFor } from '../../addin/i18n';
import { kiesColumn, mapKiesHeader } from '../../core/sheets/kiesLayout';
import { FakeWorkbook } from './fakeExcel';
import { kiesFixture, scoringView } from './kiesFixtures';

const nl = sheetTextsFor('nl');
const capabilities = { suspendCalculation: true, suspendScreenUpdating: true };
const context = { texts: nl, retrievedOn: '25 november 2026', capabilities };
const fixture = kiesFixture();
const [first, second, third] = fixture.suggestions.map((s) => s.leverId) as [string, string, string];

async function kiesSheet(workbook = new FakeWorkbook()) {
  await writeKiesSheet(
    workbook.createContext(),
    { roundId: 'round-1', roundName: 'Nulmeting', suggestions: fixture.suggestions, levers: fixture.levers },
    { ...context, retrievedOn: '24 november 2026' },
  );
  return workbook;
}

function row(workbook: FakeWorkbook, leverId: string) {
  const { header, rows } = workbook.tableValues('Koers.round_1.Levers');
  const found = rows.find((r) => r[0] === leverId)!;
  return (name: string) => found[header.indexOf(name)];
}

/** Three MT members: on the first lever they split (5, 4, 1), the second they agree on, the third nobody scored. */
const members = [
  [
    { leverId: first, impact: 5, feasibility: 4, remark: '=HYPERLINK("http://evil.example")' },
    { leverId: second, impact: 2, feasibility: 3 },
  ],
  [
    { leverId: first, impact: 4, feasibility: 4, remark: 'Past bij ons' },
    { leverId: second, impact: 3, feasibility: 3 },
  ],
  [{ leverId: first, impact: 1, feasibility: 4 }],
];

describe('writeMtScores', () => {
  test("writes each lever's MT figures by id beside the adviser's own scores, and the MT line", async () => {
    const workbook = await kiesSheet();
    const sheet = workbook.requireSheet('Kies');
    const { header } = workbook.tableValues('Koers.round_1.Levers');
    const table = workbook.requireTable('Koers.round_1.Levers');
    const adviserRow = table.rect.row + 1;
    workbook.type(sheet, adviserRow, header.indexOf('Impact (1–5)'), 3);
    workbook.type(sheet, adviserRow, header.indexOf('Gekozen'), 'Ja');
    const before = workbook.syncLog.length;

    const view = scoringView(fixture.levers, [first, second, third, 'niet-op-blad'], members, { links: 5 });
    const report = await writeMtScores(workbook.createContext(), view, context);
    expect(report).toMatchObject({ sheetName: 'Kies', onSheet: 3, scored: 2, notOnSheet: ['niet-op-blad'] });

    const a = row(workbook, first);
    // impact 5, 4, 1 → mean 10/3, median 4, spread 4: the panel disagrees; feasibility 4, 4, 4.
    expect(a('MT-beoordelaars')).toBe(3);
    expect(a('MT impact')).toBeCloseTo(10 / 3, 10);
    expect(a('MT haalbaarheid')).toBe(4);
    expect(a('MT mediaan impact')).toBe(4);
    expect(a('MT mediaan haalbaarheid')).toBe(4);
    expect(a('MT spreiding impact')).toBe(4);
    expect(a('MT spreiding haalbaarheid')).toBe(0);
    expect(a('MT kwadrant')).toBe('Nu doen');
    expect(a('Onenigheid')).toBe('Ja');
    // Remarks are MT members' own words: a formula stays text.
    expect(a('MT-opmerkingen')).toBe('• =HYPERLINK("http://evil.example")\n• Past bij ons');
    expect(workbook.formulaCells().some((f) => f.includes('HYPERLINK'))).toBe(false);
    // The adviser's own input stays where it was.
    expect(a('Impact (1–5)')).toBe(3);
    expect(a('Gekozen')).toBe('Ja');

    const b = row(workbook, second);
    expect([b('MT-beoordelaars'), b('MT impact'), b('MT haalbaarheid'), b('MT kwadrant'), b('Onenigheid')]).toEqual([
      2,
      2.5,
      3,
      'Laten rusten',
      'Nee',
    ]);
    const c = row(workbook, third);
    expect([c('MT-beoordelaars'), c('MT impact'), c('Onenigheid')]).toEqual([0, '', '']);
    const outside = row(workbook, 'intervisie');
    expect(outside('MT-beoordelaars')).toBe('');

    expect(workbook.value(sheet, table.rect.row - 2, 1)).toBe(
      'MT-scores (sessie open): 3 van 5 MT-leden hebben gescoord. Opgehaald op 25 november 2026.',
    );
    // Only values and the line were written: no table, chart or validation was touched.
    const operations = workbook.syncLog.slice(before).flatMap((s) => s.operations);
    expect(operations.filter((op) => /tables\.add|charts\.add|dataValidation|delete/.test(op))).toEqual([]);
  });

  test('lands on the right rows after the adviser sorted the table and moved a column', async () => {
    const workbook = await kiesSheet();
    const sheet = workbook.requireSheet('Kies');
    const table = workbook.requireTable('Koers.round_1.Levers');
    // Reverse the data rows and swap the two MT mean columns, as sorting and dragging would.
    const body = { ...table.rect, row: table.rect.row + 1, rows: table.rect.rows - 1 };
    const grid = workbook.grid(sheet, body).reverse();
    const swap = (r: (typeof grid)[number]) => {
      const i = kiesColumn('mtImpact');
      const f = kiesColumn('mtFeasibility');
      [r[i], r[f]] = [r[f]!, r[i]!];
    };
    grid.forEach((r, i) => r.forEach((v, j) => workbook.type(sheet, body.row + i, j, v)));
    const header = workbook.grid(sheet, { ...table.rect, rows: 1 })[0]!;
    swap(header);
    header.forEach((v, j) => workbook.type(sheet, table.rect.row, j, v));
    expect(mapKiesHeader(header).mtImpact).toBe(kiesColumn('mtFeasibility'));

    await writeMtScores(workbook.createContext(), scoringView(fixture.levers, [first, second], members), context);
    const a = row(workbook, first);
    expect(a('MT impact')).toBeCloseTo(10 / 3, 10);
    expect(a('MT haalbaarheid')).toBe(4);
  });

  test('the adviser counted as one more rater shows in the MT line; a closed session says so', async () => {
    const workbook = await kiesSheet();
    const view = scoringView(fixture.levers, [first], members, {
      links: 3,
      status: 'closed',
      adviser: [{ leverId: first, impact: 2, feasibility: 2 }],
    });
    await writeMtScores(workbook.createContext(), view, context);
    expect(row(workbook, first)('MT-beoordelaars')).toBe(4);
    const table = workbook.requireTable('Koers.round_1.Levers');
    expect(workbook.value(workbook.requireSheet('Kies'), table.rect.row - 2, 1)).toBe(
      'MT-scores (sessie gesloten): 3 van 3 MT-leden hebben gescoord, plus de adviseur. Opgehaald op 25 november 2026.',
    );
  });

  test('without a Kies sheet nothing is written and the caller is told', async () => {
    const workbook = new FakeWorkbook();
    await expect(
      writeMtScores(workbook.createContext(), scoringView(fixture.levers, [first], members), context),
    ).resolves.toBeUndefined();
    await expect(
      writeAmoLine(workbook.createContext(), 'AMO-check: x', { ...context, roundId: 'round-1' }),
    ).resolves.toBe(false);
    expect(workbook.sheets).toHaveLength(0);
  });
});

describe('writeAmoLine and the Kies workbook binding', () => {
  test('the AMO line is rewritten above the table; each Kies call runs in its own Excel.run', async () => {
    const workbook = new FakeWorkbook();
    let runs = 0;
    const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      runs += 1;
      return workbook.run(batch);
    };
    const kies = kiesWorkbook(capabilities, run);
    const report = await kies.writeSheet(
      { roundId: 'round-1', roundName: 'Nulmeting', suggestions: fixture.suggestions, levers: fixture.levers },
      { texts: nl, retrievedOn: '24 november 2026' },
    );
    expect(runs).toBe(2);
    expect(workbook.activeSheet).toBe('Kies');
    expect(report.levers).toHaveLength(report.rows);

    await expect(kies.writeAmoLine('round-1', 'AMO-check: alles gedekt', nl)).resolves.toBe(true);
    const table = workbook.requireTable('Koers.round_1.Levers');
    expect(workbook.value(workbook.requireSheet('Kies'), table.rect.row - 3, 1)).toBe('AMO-check: alles gedekt');
    const state = await kies.readSheet('round-1');
    expect(state?.levers.map((l) => l.leverId)).toEqual(report.levers.map((l) => l.leverId));
    expect(runs).toBe(4);
  });
});

/**
 * Issue 10's review findings 1–7, each as a test that failed on the code before the fix, against the
 * fake workbook (which models the documented Excel behaviour they depend on; see fakeExcel.ts).
 */
import { kiesWorkbook } from '../../addin/excel/kiesWorkbook';
import { pullRoundIntoWorkbook } from '../../addin/excel/pullRound';
import { readKiesSheet } from '../../addin/excel/readKiesSheet';
import { writeKiesSheet } from '../../addin/excel/writeKiesSheet';
import { writeMtScores } from '../../addin/excel/writeMtScores';
import { writeResultsSheet } from '../../addin/excel/writeResultsSheet';
import { sheetTextsFor } from '../../addin/i18n';
import type { RoundResults } from '../../core/results';
import { kiesColumn } from '../../core/sheets/kiesLayout';
import { FakeWorkbook } from './fakeExcel';
import { buildFixture, makeRound } from './fixtures';
import { kiesFixture, scoringView } from './kiesFixtures';

const nl = sheetTextsFor('nl');
const capabilities = { suspendCalculation: true, suspendScreenUpdating: true };
const options = { texts: nl, retrievedOn: '24-11-2026', capabilities };
const kies = kiesFixture();
const kiesInput = (roundId = 'round-1', roundName = 'Nulmeting') => ({
  roundId,
  roundName,
  suggestions: kies.suggestions,
  levers: kies.levers,
});

function rowOf(workbook: FakeWorkbook, tableName: string, id: string): number {
  const table = workbook.requireTable(tableName);
  const index = workbook.tableValues(tableName).rows.findIndex((row) => row[0] === id);
  if (index < 0) throw new Error(`${id} not in ${tableName}`);
  return table.rect.row + 1 + index;
}

function actionColumn(workbook: FakeWorkbook, tableName: string): number {
  return workbook.tableValues(tableName).header.indexOf('Welke actie?');
}

describe('finding 1: Koers finds its tables by name across the workbook, wherever their sheet is', () => {
  test('a renamed results sheet is refreshed in place: no second sheet, no clash, actions kept', async () => {
    const fixture = buildFixture();
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), fixture.results, options);
    const sheet = workbook.requireSheet('Resultaten');
    const table = 'Koers_round_1.internal';
    workbook.type(sheet, rowOf(workbook, table, 'int-goals'), actionColumn(workbook, table), 'Scholingsplan');
    sheet.name = 'Resultaten najaar'; // the adviser renames the sheet to keep it

    const report = await writeResultsSheet(workbook.createContext(), fixture.results, options);

    expect(report.sheetName).toBe('Resultaten najaar');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten najaar']);
    expect(report.keptActions).toBe(1);
    expect(workbook.value(sheet, rowOf(workbook, table, 'int-goals'), actionColumn(workbook, table))).toBe(
      'Scholingsplan',
    );
  });

  test('a renamed Kies sheet keeps working: rewrite, read (chart), MT scores and AMO line', async () => {
    const workbook = new FakeWorkbook();
    await writeKiesSheet(workbook.createContext(), kiesInput(), options);
    workbook.requireSheet('Kies').name = 'Kies 2026';

    const state = await readKiesSheet(workbook.createContext(), 'round-1');
    expect(state?.sheetName).toBe('Kies 2026');
    const ids = state!.levers.map((lever) => lever.leverId);
    const mt = await writeMtScores(
      workbook.createContext(),
      scoringView(kies.levers, ids.slice(0, 2), [[{ leverId: ids[0]!, impact: 4, feasibility: 3 }]]),
      options,
    );
    expect(mt).toMatchObject({ sheetName: 'Kies 2026', onSheet: 2 });
    const binding = kiesWorkbook(capabilities, workbook.run);
    await expect(binding.writeAmoLine('round-1', 'AMO-check: ok', nl)).resolves.toBe(true);
    const again = await writeKiesSheet(workbook.createContext(), kiesInput(), options);
    expect(again.sheetName).toBe('Kies 2026');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Kies 2026']);
    expect(workbook.tables.map((t) => t.name)).toEqual(['Koers.round_1.Levers']);
  });

  test('a sheet named "Kies" that is not this round\'s is left alone', async () => {
    const workbook = new FakeWorkbook();
    await writeKiesSheet(workbook.createContext(), kiesInput('round-1', 'Nulmeting'), options);
    const report = await writeKiesSheet(workbook.createContext(), kiesInput('round-2', 'Voorjaar 2027'), options);
    expect(report.sheetName).toBe('Kies Voorjaar 2027');
    expect(workbook.tables.map((t) => t.name).sort()).toEqual(['Koers.round_1.Levers', 'Koers.round_2.Levers']);
    await expect(readKiesSheet(workbook.createContext(), 'round-1')).resolves.toMatchObject({ sheetName: 'Kies' });
  });
});

describe('finding 2: leading apostrophes survive writing and every refresh', () => {
  test('"\'t Lyceum" in a statement and a typed action starting with \' are kept exactly', async () => {
    const fixture = buildFixture();
    const results: RoundResults = {
      ...fixture.results,
      statements: fixture.results.statements.map((s) =>
        s.statementId === 'int-goals' ? { ...s, text: { nl: "'t Lyceum heeft doelen", en: "'t Lyceum has goals" } } : s,
      ),
    };
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), results, options);
    const table = 'Koers_round_1.internal';
    const sheet = workbook.requireSheet('Resultaten');
    // The adviser types ''t Kan beter (Excel shows 't Kan beter: the first apostrophe is the prefix).
    workbook.type(sheet, rowOf(workbook, table, 'int-goals'), actionColumn(workbook, table), "''t Kan beter");
    for (let refresh = 0; refresh < 3; refresh += 1) {
      await writeResultsSheet(workbook.createContext(), results, options);
    }
    const row = rowOf(workbook, table, 'int-goals');
    expect(workbook.value(sheet, row, 1)).toBe("'t Lyceum heeft doelen");
    expect(workbook.value(sheet, row, actionColumn(workbook, table))).toBe("'t Kan beter");
  });
});

describe('finding 3: the Kies sheet autofit is not widened by the lines above the table', () => {
  test('column B ("Nr.") fits its numbers, not the long title in the same column', async () => {
    const workbook = new FakeWorkbook();
    await writeKiesSheet(
      workbook.createContext(),
      kiesInput('round-1', 'Nulmeting strategisch HRM najaar 2026'),
      options,
    );
    const sheet = workbook.requireSheet('Kies');
    const number = kiesColumn('number');
    expect(number).toBe(1);
    expect(String(workbook.value(sheet, 0, 1)).length).toBeGreaterThan(40); // the title is in column B
    const table = workbook.requireTable('Koers.round_1.Levers');
    const widestInTable = Math.max(
      ...workbook.grid(sheet, { ...table.rect, col: number, cols: 1 }).map((row) => String(row[0]).length),
    );
    // What autofit gave column B, in the fake's model of Excel (the whole column at that moment).
    expect(sheet.columnWidths.get(number)).toBeLessThanOrEqual(widestInTable * 5.6 * 1.1 + 7);
    expect(sheet.columnWidths.get(number)).toBeLessThan(60);
  });
});

describe('finding 5: screen updating is suspended once per Excel.run', () => {
  test('a chunked results write suspends it in one request only', async () => {
    const workbook = new FakeWorkbook();
    const limits = { maxCellsPerRequest: 200, maxBytesPerRequest: 20_000 };
    const report = await writeResultsSheet(workbook.createContext(), buildFixture().results, { ...options, limits });
    expect(report.syncs).toBeGreaterThan(5);
    const calls = workbook.syncLog.flatMap((sync) =>
      sync.operations.filter((op) => op.includes('suspendScreenUpdatingUntilNextSync')),
    );
    expect(calls).toHaveLength(1);
  });
});

describe('finding 6: several rounds in one workbook', () => {
  const first = buildFixture();
  const second = buildFixture({ round: { id: 'round-2', name: 'Voorjaar 2027' }, seed: 7 });

  test('pulling a second round keeps the first: sheets and tables per round, actions per round', async () => {
    const workbook = new FakeWorkbook();
    await pullRoundIntoWorkbook({ ...first, ...options }, undefined, workbook.run);
    const sheet = workbook.requireSheet('Resultaten');
    const table1 = 'Koers_round_1.internal';
    workbook.type(sheet, rowOf(workbook, table1, 'int-goals'), actionColumn(workbook, table1), 'Ronde 1 actie');

    const report = await pullRoundIntoWorkbook({ ...second, ...options }, undefined, workbook.run);
    expect(report.results.sheetName).toBe('Resultaten Voorjaar 2027');
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      'Resultaten',
      'Antwoorden',
      'Samenvatting',
      'Resultaten Voorjaar 2027',
      'Antwoorden Voorjaar 2027',
      'Samenvatting Voorjaar 2027',
    ]);
    expect(workbook.tables.filter((t) => t.name.includes('round_1'))).toHaveLength(
      workbook.tables.filter((t) => t.name.includes('round_2')).length,
    );
    // The first round's figures and its action are untouched.
    expect(workbook.value(sheet, rowOf(workbook, table1, 'int-goals'), actionColumn(workbook, table1))).toBe(
      'Ronde 1 actie',
    );
    // An action of round 2 stays with round 2 when round 1 is pulled again.
    const sheet2 = workbook.requireSheet('Resultaten Voorjaar 2027');
    const table2 = 'Koers_round_2.internal';
    workbook.type(sheet2, rowOf(workbook, table2, 'int-goals'), actionColumn(workbook, table2), 'Ronde 2 actie');
    const again = await pullRoundIntoWorkbook({ ...first, ...options }, undefined, workbook.run);
    expect(again.results.sheetName).toBe('Resultaten');
    expect(again.results.keptActions).toBe(1);
    expect(workbook.sheets).toHaveLength(6);
    expect(workbook.value(sheet2, rowOf(workbook, table2, 'int-goals'), actionColumn(workbook, table2))).toBe(
      'Ronde 2 actie',
    );
  });

  test('a sheet the adviser made is never overwritten, and two rounds with one name get numbered sheets', async () => {
    const workbook = new FakeWorkbook();
    const own = workbook.addSheetDirectly('resultaten'); // Excel compares sheet names case-insensitively
    workbook.type(own, 0, 0, 'Mijn eigen aantekeningen');
    const sameName = buildFixture({ round: { id: 'round-3', name: first.results.roundName } });
    const a = await writeResultsSheet(workbook.createContext(), first.results, options);
    const b = await writeResultsSheet(workbook.createContext(), sameName.results, options);
    // Sheet names have at most 31 characters.
    expect([a.sheetName, b.sheetName]).toEqual(['Resultaten Nulmeting najaar 202', 'Resultaten (2)']);
    expect(workbook.value(own, 0, 0)).toBe('Mijn eigen aantekeningen');
    expect(makeRound(first.survey, ['leraren']).id).toBe('round-1');
  });
});

/** A column as the results give a hidden one: coarse count, reason set by the caller. */
function hidden(group: RoundResults['groups'][number]) {
  return {
    id: group.id,
    name: group.name,
    kind: 'group' as const,
    status: 'suppressed' as const,
    responses: { exact: false as const, atLeast: 0, below: 5 },
  };
}

describe('finding 7: the "not shown" reason comes from the results', () => {
  function withReasons(results: RoundResults): RoundResults {
    return {
      ...results,
      groups: results.groups.map((group) => {
        if (group.id === 'po-hr') return { ...hidden(group), reason: { code: 'below-threshold' } };
        if (group.id === 'teamleiders') {
          return {
            ...hidden(group),
            reason: {
              code: 'rollup',
              text: { nl: 'samengevoegd in "Overig personeel"', en: 'merged into "Other staff"' },
            },
          };
        }
        return group;
      }),
    };
  }

  test('each hidden group is listed with its own reason; none is invented', async () => {
    const results = withReasons(buildFixture().results);
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), results, options);
    const line = String(workbook.value(workbook.requireSheet('Resultaten'), 2, 1));
    expect(line).toBe(
      // Directie (7 responses) is shown: there is no complementary suppression any more.
      'Niet getoond: Teamleiders (samengevoegd in "Overig personeel"); P&O / HR (te weinig respondenten).',
    );
    const { header, rows } = workbook.tableValues('Koers_round_1.internal');
    expect(rows[0]![header.indexOf('Teamleiders verschil')]).toBe('samengevoegd in "Overig personeel"');
    expect(rows[0]![header.indexOf('P&O / HR verschil')]).toBe('te weinig respondenten');
  });

  test('a group hidden by the complementary rule is not said to have too few respondents', async () => {
    const fixture = buildFixture();
    const results: RoundResults = {
      ...fixture.results,
      groups: fixture.results.groups.map((group) =>
        group.id === 'po-hr' ? { ...hidden(group), reason: { code: 'complementary' } } : group,
      ),
    };
    const workbook = new FakeWorkbook();
    await writeResultsSheet(workbook.createContext(), results, options);
    const line = String(workbook.value(workbook.requireSheet('Resultaten'), 2, 1));
    expect(line).toContain('P&O / HR (verborgen zodat een kleine groep niet te herleiden is)');
    expect(line).not.toContain('te weinig respondenten');
  });
});

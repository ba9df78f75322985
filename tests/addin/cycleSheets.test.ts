/**
 * The Doe, Ga door, Knelpunten and Stakeholders sheets written into the fake workbook: tables,
 * drop-downs, formulas, conditional formats, charts, and refreshes that keep what the adviser typed,
 * also after sorting and with rows the adviser added.
 */
import { compareRounds } from '../../core/comparison';
import { cycleTextsFor } from '../../core/sheets/cycleTexts';
import { planColumn, timelineFormula, TIMELINE_FIRST_COLUMN } from '../../core/sheets/planLayout';
import { knelpuntColumn } from '../../core/sheets/knelpuntenLayout';
import { stakeholderColumn } from '../../core/sheets/stakeholderLayout';
import { writeComparisonSheet } from '../../addin/excel/writeComparisonSheet';
import { writeKiesSheet } from '../../addin/excel/writeKiesSheet';
import { writeKnelpuntenSheet } from '../../addin/excel/writeKnelpuntenSheet';
import { writePlanSheets } from '../../addin/excel/writePlanSheets';
import { writeStakeholderSheet } from '../../addin/excel/writeStakeholderSheet';
import { sheetTextsFor } from '../../addin/i18n';
import { FakeWorkbook, type SheetState, type Value } from './fakeExcel';
import { buildFixture, DEFAULT_PLAN } from './fixtures';
import { kiesFixture } from './kiesFixtures';

const nl = cycleTextsFor('nl');
const en = cycleTextsFor('en');
const capabilities = { suspendCalculation: true, suspendScreenUpdating: true };
const options = (texts = nl) => ({ texts, retrievedOn: '1 december 2026', capabilities });

function rowIndexOf(workbook: FakeWorkbook, table: string, id: string): number {
  const state = workbook.requireTable(table);
  const index = workbook.tableValues(table).rows.findIndex((row) => row[0] === id);
  if (index < 0) throw new Error(`${id} not in ${table}`);
  return state.rect.row + 1 + index;
}

function typeAt(workbook: FakeWorkbook, table: string, id: string, header: string, value: Value): void {
  const state = workbook.requireTable(table);
  const column = workbook.tableValues(table).header.indexOf(header);
  if (column < 0) throw new Error(`no column ${header}`);
  workbook.type(state.sheet, rowIndexOf(workbook, table, id), state.rect.col + column, value);
}

/** What the adviser does by typing under the last row: Excel widens the table by that row. */
function addRow(workbook: FakeWorkbook, table: string, cells: Record<string, Value>): void {
  const state = workbook.requireTable(table);
  const header = workbook.tableValues(table).header;
  const row = state.rect.row + state.rect.rows;
  state.rect = { ...state.rect, rows: state.rect.rows + 1 };
  for (const [name, value] of Object.entries(cells)) {
    workbook.type(state.sheet, row, state.rect.col + header.indexOf(name), value);
  }
}

/** Sorts a table's data rows in place (reversed), as Excel's sort does with the cells. */
function reverseRows(workbook: FakeWorkbook, table: string): void {
  const state = workbook.requireTable(table);
  const stored = Array.from({ length: state.rect.rows - 1 }, (_, r) =>
    Array.from({ length: state.rect.cols }, (_, c) =>
      workbook.cell(state.sheet, state.rect.row + 1 + r, state.rect.col + c),
    ),
  );
  // Text that looks like a formula is typed back with its quote prefix, as Excel keeps it.
  const asTyped = (stored: ReturnType<FakeWorkbook['cell']>): Value => {
    if (!stored) return '';
    if (stored.formula) return stored.formula;
    return typeof stored.value === 'string' && /^[=+\-@']/.test(stored.value) ? `'${stored.value}` : stored.value;
  };
  [...stored]
    .reverse()
    .forEach((row, i) =>
      row.forEach((value, c) => workbook.type(state.sheet, state.rect.row + 1 + i, state.rect.col + c, asTyped(value))),
    );
}

const cell = (workbook: FakeWorkbook, table: string, id: string, header: string): Value => {
  const { header: names, rows } = workbook.tableValues(table);
  return rows.find((row) => row[0] === id)![names.indexOf(header)]!;
};

describe('Knelpunten', () => {
  test('the checklist with drop-downs, a sort key and a sorted view of formulas', async () => {
    const workbook = new FakeWorkbook();
    const report = await writeKnelpuntenSheet(workbook.createContext(), options());
    expect(report).toMatchObject({ sheetName: 'Knelpunten', rows: 15, kept: 0, ownRows: 0 });
    const { header, rows } = workbook.tableValues('Koers.Obstacles');
    expect(header).toEqual([
      'ID',
      'Nr.',
      'Knelpunt',
      'Speelt dit hier?',
      'Urgentie',
      'Waarom speelt het?',
      'Wat kunnen we zelf doen?',
      'Volgorde (formule)',
    ]);
    expect(rows).toHaveLength(15);
    const sheet = workbook.requireSheet('Knelpunten');
    const sources = sheet.dataValidations.map((dv) => (dv.rule as { list: { source: string } }).list.source);
    expect(sources).toEqual(['Ja,Nee,Weet niet', 'laag,middel,hoog']);
    const table = workbook.requireTable('Koers.Obstacles');
    const firstRow = table.rect.row + 2;
    const key = workbook.cell(sheet, table.rect.row + 1, knelpuntColumn('sortKey'))!;
    expect(key.formula).toBe(
      `=IF(AND(D${firstRow}="Ja",OR(E${firstRow}="hoog",E${firstRow}="middel",E${firstRow}="laag")),IF(E${firstRow}="hoog",3,IF(E${firstRow}="middel",2,1))*100000-ROW(),0)`,
    );
    const urgent = workbook.requireTable('Koers.Obstacles.Urgent');
    expect(urgent.rect.row).toBe(table.rect.row);
    expect(urgent.rect.rows - 1).toBe(25);
    const topObstacle = workbook.cell(sheet, urgent.rect.row + 1, urgent.rect.col + 1)!;
    expect(topObstacle.formula).toBe(
      '=IF(COUNTIF(Koers.Obstacles[Volgorde (formule)],">0")<1,"",INDEX(Koers.Obstacles[Knelpunt],MATCH(LARGE(Koers.Obstacles[Volgorde (formule)],1),Koers.Obstacles[Volgorde (formule)],0))&"")',
    );
    expect(workbook.formulaCells().some((f) => /SORT\(|FILTER\(/.test(f))).toBe(false);
  });

  test('a refresh keeps typed input by key after sorting, keeps own rows and neutralises their text', async () => {
    const workbook = new FakeWorkbook();
    await writeKnelpuntenSheet(workbook.createContext(), options());
    typeAt(workbook, 'Koers.Obstacles', 'k11', 'Speelt dit hier?', 'Ja');
    typeAt(workbook, 'Koers.Obstacles', 'k11', 'Urgentie', 'hoog');
    typeAt(workbook, 'Koers.Obstacles', 'k11', 'Wat kunnen we zelf doen?', 'Vaste invalpool');
    addRow(workbook, 'Koers.Obstacles', { Knelpunt: "'=Roosters zitten vast", Urgentie: 'middel' });
    reverseRows(workbook, 'Koers.Obstacles');
    const report = await writeKnelpuntenSheet(workbook.createContext(), options(en));
    expect(report).toMatchObject({ sheetName: 'Knelpunten', kept: 1, ownRows: 1, rows: 16 });
    const headers = en.knelpuntHeaders;
    expect(cell(workbook, 'Koers.Obstacles', 'k11', headers.occurs)).toBe('Yes');
    expect(cell(workbook, 'Koers.Obstacles', 'k11', headers.urgency)).toBe('high');
    expect(cell(workbook, 'Koers.Obstacles', 'k11', headers.ownAction)).toBe('Vaste invalpool');
    const own = workbook.tableValues('Koers.Obstacles').rows.at(-1)!;
    expect(own[0]).toBe('own1');
    expect(own[knelpuntColumn('urgency')]).toBe('medium');
    // The typed text starts with = once the quote prefix is dropped: it goes back as text.
    expect(workbook.sentStrings).toContain("'=Roosters zitten vast");
  });
});

describe('Stakeholders', () => {
  test('approach and category as formulas, two scatter charts with borders and area labels', async () => {
    const workbook = new FakeWorkbook();
    const report = await writeStakeholderSheet(workbook.createContext(), options());
    expect(report.charts).toEqual(['Koers.StakeholderInfluence', 'Koers.StakeholderTrust']);
    expect(report.labelled).toBe(true);
    const sheet = workbook.requireSheet('Stakeholders');
    const table = workbook.requireTable('Koers.Stakeholders');
    const first = table.rect.row + 1;
    expect(workbook.cell(sheet, first, stakeholderColumn('category'))!.formula).toMatch(/"coalitiegenoot"/);
    expect(workbook.cell(sheet, first, stakeholderColumn('approach'))!.formula).toMatch(/"nauw betrekken"/);
    const [influence, trust] = sheet.charts;
    expect(influence!.type).toBe('XYScatter');
    // Two borders, the area labels and the stakeholders themselves.
    expect(influence!.series!.map((s) => s.name)).toEqual([
      'Grens Belang (1–5)',
      'Grens Invloed (1–5)',
      'Vlakken',
      'Stakeholders',
    ]);
    expect(trust!.series).toHaveLength(5);
    const points = influence!.series![3]!;
    expect(points.x).toEqual({ row: first, col: stakeholderColumn('interest'), rows: table.rect.rows - 1, cols: 1 });
    expect(points.y!.col).toBe(stakeholderColumn('influence'));
    const areaLabels = influence!.series![2]!;
    expect(areaLabels.pointLabels.size).toBe(4);
    expect(
      [...trust!.series![3]!.pointLabels.values()].every((label) => label.formula?.startsWith("='Stakeholders'!$")),
    ).toBe(true);
  });

  test('scores and own stakeholders survive a refresh', async () => {
    const workbook = new FakeWorkbook();
    await writeStakeholderSheet(workbook.createContext(), options());
    typeAt(workbook, 'Koers.Stakeholders', 's07', 'Belang (1–5)', 5);
    typeAt(workbook, 'Koers.Stakeholders', 's07', 'Betrouwbaarheid (1–5)', '4');
    addRow(workbook, 'Koers.Stakeholders', { Stakeholder: 'Ouderraad', 'Intern/extern': 'extern', 'Invloed (1–5)': 2 });
    reverseRows(workbook, 'Koers.Stakeholders');
    const report = await writeStakeholderSheet(workbook.createContext(), options());
    expect(report).toMatchObject({ kept: 1, ownRows: 1 });
    expect(cell(workbook, 'Koers.Stakeholders', 's07', 'Belang (1–5)')).toBe(5);
    expect(cell(workbook, 'Koers.Stakeholders', 's07', 'Betrouwbaarheid (1–5)')).toBe(4);
    expect(cell(workbook, 'Koers.Stakeholders', 'own1', 'Stakeholder')).toBe('Ouderraad');
    expect(cell(workbook, 'Koers.Stakeholders', 'own1', 'Invloed (1–5)')).toBe(2);
  });
});

async function kiesWithChoices(workbook: FakeWorkbook, chosen: string[]) {
  const fixture = kiesFixture();
  await writeKiesSheet(
    workbook.createContext(),
    { roundId: 'round-1', roundName: 'Nulmeting', suggestions: fixture.suggestions, levers: fixture.levers },
    { texts: sheetTextsFor('nl'), retrievedOn: '1 december 2026', capabilities },
  );
  for (const id of chosen) typeAt(workbook, 'Koers.round_1.Levers', id, 'Gekozen', 'Ja');
  return fixture;
}

describe('Plan and Indicatoren', () => {
  test('rows per chosen lever with drop-downs, a conditional-format timeline and indicator lookups', async () => {
    const workbook = new FakeWorkbook();
    const fixture = await kiesWithChoices(workbook, ['intervisie', 'eigen-formule']);
    const { results } = buildFixture();
    const report = await writePlanSheets(
      workbook.createContext(),
      { roundId: 'round-1', results, levers: fixture.levers, schoolYear: 2026 },
      options(),
    );
    expect(report).toMatchObject({
      sheetName: 'Plan',
      indicatorsSheet: 'Indicatoren',
      chosen: 2,
      newLevers: 2,
      rows: 2,
    });
    const { header, rows } = workbook.tableValues('Koers.Plan');
    expect(header.slice(TIMELINE_FIRST_COLUMN)).toEqual([
      'aug 2026',
      'sep 2026',
      'okt 2026',
      'nov 2026',
      'dec 2026',
      'jan 2027',
      'feb 2027',
      'mrt 2027',
      'apr 2027',
      'mei 2027',
      'jun 2027',
      'jul 2027',
    ]);
    expect(rows.map((row) => row[0]).sort()).toEqual(['eigen-formule::1', 'intervisie::1']);
    // A formula-like lever title is written as text.
    const formulaRow = rowIndexOf(workbook, 'Koers.Plan', 'eigen-formule::1');
    const formulaTitle = workbook.cell(workbook.requireSheet('Plan'), formulaRow, planColumn('lever'))!;
    expect(formulaTitle).toMatchObject({ value: '=HYPERLINK("http://evil.example","klik")' });
    expect(formulaTitle.formula).toBeUndefined();
    const sheet = workbook.requireSheet('Plan');
    const table = workbook.requireTable('Koers.Plan');
    const sources = new Map(
      sheet.dataValidations.map((dv) => [dv.rect.col, (dv.rule as { list: { source: string } }).list.source]),
    );
    expect(sources.get(planColumn('owner'))).toBe("HR,leidinggevende,leraar,opleiding(school),collega's");
    expect(sources.get(planColumn('status'))).toBe('gepland,bezig,klaar,gestopt');
    expect(sources.get(planColumn('start'))).toMatch(/^aug 2026,sep 2026,.*,jul 2027$/);
    expect(sources.get(planColumn('leadership'))).toBe('geregeld,deels,nog niet');
    const timeline = sheet.conditionalFormats.find((cf) => cf.type === 'Custom')!;
    expect(timeline.rect).toEqual({ row: table.rect.row + 1, col: TIMELINE_FIRST_COLUMN, rows: 2, cols: 12 });
    expect(timeline.props['custom.rule.formula']).toBe(timelineFormula(table.rect.row + 2, table.rect.row + 1));
    expect(String(timeline.props['custom.rule.formula'])).toContain('$F' + (table.rect.row + 2));
    expect(rows.every((row) => row[planColumn('status')] === 'gepland')).toBe(true);

    const indicators = workbook.tableValues('Koers.Indicators');
    expect(indicators.rows).toHaveLength(2);
    // The lever's own keyword is the first indicator's suggested statement.
    expect(indicators.rows.find((row) => row[0] === 'eigen-formule::1')![3]).toBe('int-goals');
    const list = workbook.tableValues('Koers.Statements');
    expect(list.rows.length).toBe(results.statements.length);
    const indicatorSheet = workbook.requireSheet('Indicatoren');
    expect(
      workbook
        .formulaCells()
        .filter((f) => f.startsWith('Indicatoren!'))
        .join('\n'),
    ).toContain('INDEX(Koers.Statements[Stelling],MATCH(');
    const codeRule = indicatorSheet.dataValidations.find((dv) => dv.rect.col === 3)!;
    expect((codeRule.rule as { list: { source: string } }).list.source).toMatch(/^=\$J\$\d+:\$J\$\d+$/);
  });

  test('a refresh adds newly chosen levers and keeps activities, added rows and indicators, also after sorting', async () => {
    const workbook = new FakeWorkbook();
    const fixture = await kiesWithChoices(workbook, ['intervisie']);
    const { results } = buildFixture();
    const input = { roundId: 'round-1', results, levers: fixture.levers, schoolYear: 2026 };
    await writePlanSheets(workbook.createContext(), input, options());
    const h = nl.planHeaders;
    typeAt(workbook, 'Koers.Plan', 'intervisie::1', h.activity, 'Intervisiegroepen starten');
    typeAt(workbook, 'Koers.Plan', 'intervisie::1', h.owner, 'leidinggevende');
    typeAt(workbook, 'Koers.Plan', 'intervisie::1', h.start, 'okt 2026');
    typeAt(workbook, 'Koers.Plan', 'intervisie::1', h.end, 'mrt 2027');
    typeAt(workbook, 'Koers.Plan', 'intervisie::1', h.status, 'bezig');
    typeAt(workbook, 'Koers.Plan', 'intervisie::1', h.budget, 'deels');
    const title = String(cell(workbook, 'Koers.Plan', 'intervisie::1', h.lever));
    addRow(workbook, 'Koers.Plan', { [h.lever]: title, [h.activity]: 'Evaluatie met teams', [h.owner]: 'HR' });
    addRow(workbook, 'Koers.Plan', { [h.activity]: 'Studiedag', [h.owner]: "collega's" });
    reverseRows(workbook, 'Koers.Plan');
    typeAt(workbook, 'Koers.Indicators', 'intervisie::1', nl.indicatorHeaders.statementId, 'int-support');
    typeAt(workbook, 'Koers.Indicators', 'intervisie::1', nl.indicatorHeaders.targetGap, '0,5');
    typeAt(workbook, 'Koers.round_1.Levers', 'mentor-met-tijd', 'Gekozen', 'Ja');

    const report = await writePlanSheets(workbook.createContext(), input, options(en));
    expect(report).toMatchObject({ sheetName: 'Plan', indicatorsSheet: 'Indicatoren', chosen: 2, newLevers: 1 });
    const e = en.planHeaders;
    const plan = workbook.tableValues('Koers.Plan');
    const byActivity = new Map(plan.rows.map((row) => [row[plan.header.indexOf(e.activity)], row]));
    const first = byActivity.get('Intervisiegroepen starten')!;
    expect(first[0]).toBe('intervisie::1');
    expect(first[plan.header.indexOf(e.owner)]).toBe('line manager');
    expect(first[plan.header.indexOf(e.start)]).toBe('Oct 2026');
    expect(first[plan.header.indexOf(e.end)]).toBe('Mar 2027');
    expect(first[plan.header.indexOf(e.status)]).toBe('in progress');
    expect(first[plan.header.indexOf(e.budget)]).toBe('partly');
    const added = byActivity.get('Evaluatie met teams')!;
    expect(added[0]).toBe('intervisie::2');
    expect(added[plan.header.indexOf(e.owner)]).toBe('HR');
    expect(byActivity.get('Studiedag')![0]).toBe('own::1');
    expect(plan.rows.some((row) => row[0] === 'mentor-met-tijd::1')).toBe(true);
    const indicator = workbook.tableValues('Koers.Indicators');
    const kept = indicator.rows.find((row) => row[0] === 'intervisie::1')!;
    expect(kept[3]).toBe('int-support');
    expect(kept[indicator.header.indexOf(en.indicatorHeaders.targetGap)]).toBe(0.5);
  });
});

describe('Vergelijking', () => {
  const before = buildFixture();
  const after = buildFixture({
    seed: 7,
    plan: DEFAULT_PLAN.map((p) => ({
      ...p,
      gapBias: p.gapBias * 0.4,
      responses: p.group === 'po-hr' ? 6 : p.responses,
    })),
  });
  const comparison = compareRounds([
    { ...before.results, roundName: 'Nulmeting 2026' },
    { ...after.results, roundId: 'round-2', roundName: 'Vervolgmeting 2027' },
  ]);

  test('both rounds, the change, the Welch verdict and the method; hidden in either round stays empty', async () => {
    const workbook = new FakeWorkbook();
    const report = await writeComparisonSheet(workbook.createContext(), comparison, options());
    expect(report.sheetName).toBe('Vergelijking');
    expect(report.charts).toEqual(['Koers.ComparisonChart']);
    expect(report.counts.shrank).toBeGreaterThan(0);
    const sheet = workbook.requireSheet('Vergelijking');
    expect(String(workbook.value(sheet, 2, 1))).toMatch(/^Methode: .*Welch/);
    const { header, rows } = workbook.tableValues('Koers.Comparison');
    const po = rows.filter((row) => row[3] === 'P&O / HR' || String(row[0]).endsWith('|po-hr'));
    expect(po.length).toBeGreaterThan(0);
    for (const row of po) {
      expect(row.slice(4, 15).every((value) => value === '')).toBe(true);
      expect(row[header.indexOf('Groter dan toeval?')]).toBe('verborgen (te weinig respondenten)');
    }
    const statement = comparison.statements[0]!;
    const overall = statement.overall;
    if (overall.status !== 'shown') throw new Error('expected a shown overall');
    const row = rows.find((r) => r[0] === `${statement.statementId}|`)!;
    expect(row[header.indexOf('Verschil toen')]).toBeCloseTo(overall.baseline.gap!, 12);
    expect(row[header.indexOf('Verschil nu')]).toBeCloseTo(overall.current.gap!, 12);
    expect(row[header.indexOf('95%-BI laag')]).toBeCloseTo(overall.welch!.ciLow, 12);
    const chart = sheet.charts[0]!;
    expect(chart.type).toBe('BarClustered');
    expect(workbook.tableValues('Koers.Comparison.Sections').rows).toHaveLength(comparison.sections.length);
    expect(String(workbook.grid(sheet, { row: 0, col: 1, rows: 60, cols: 1 }).flat().join('\n'))).toContain(
      'Een verloop verschijnt zodra er drie of meer rondes na elkaar zijn.',
    );
  });

  test("the plan's indicators with target and measurement; conclusions survive a refresh", async () => {
    const workbook = new FakeWorkbook();
    const fixture = await kiesWithChoices(workbook, ['intervisie']);
    await writePlanSheets(
      workbook.createContext(),
      { roundId: 'round-1', results: before.results, levers: fixture.levers, schoolYear: 2026 },
      options(),
    );
    const statementId = comparison.statements[0]!.statementId;
    typeAt(workbook, 'Koers.Indicators', 'intervisie::1', nl.indicatorHeaders.statementId, statementId);
    typeAt(workbook, 'Koers.Indicators', 'intervisie::1', nl.indicatorHeaders.targetGap, 5);
    await writeComparisonSheet(workbook.createContext(), comparison, options());
    const indicators = workbook.tableValues('Koers.Comparison.Indicators');
    expect(indicators.rows).toHaveLength(1);
    const [row] = indicators.rows;
    expect(row![indicators.header.indexOf('Doel: verschil hooguit')]).toBe(5);
    expect(row![indicators.header.indexOf('Doel gehaald?')]).toBe('Ja');
    typeAt(workbook, 'Koers.Comparison', `${statementId}|`, 'Conclusie / vervolg', 'Doorgaan met intervisie');
    const again = await writeComparisonSheet(workbook.createContext(), comparison, options());
    expect(again.kept).toBe(1);
    expect(cell(workbook, 'Koers.Comparison', `${statementId}|`, 'Conclusie / vervolg')).toBe(
      'Doorgaan met intervisie',
    );
  });

  test('large sheets go in request-sized blocks: every request within the limits', async () => {
    const workbook = new FakeWorkbook();
    const limits = { maxCellsPerRequest: 400, maxBytesPerRequest: 12_000 };
    const report = await writeComparisonSheet(workbook.createContext(), comparison, { ...options(), limits });
    expect(report.rows).toBeGreaterThan(200);
    expect(report.syncs).toBeGreaterThan(8);
    for (const request of workbook.syncLog) {
      expect(request.cells).toBeLessThanOrEqual(limits.maxCellsPerRequest);
      expect(request.bytes).toBeLessThanOrEqual(limits.maxBytesPerRequest);
    }
  });

  test('three rounds give a trend per statement', async () => {
    const third = buildFixture({ seed: 11 });
    const chain = compareRounds([
      before.results,
      { ...after.results, roundId: 'round-2' },
      { ...third.results, roundId: 'round-3' },
    ]);
    const workbook = new FakeWorkbook();
    const report = await writeComparisonSheet(workbook.createContext(), chain, options(en));
    expect(report.sheetName).toBe('Comparison');
    expect(report.trend).toBe(true);
    const trend = workbook.tableValues('Koers.Comparison.Trend');
    expect(trend.header.slice(2, 5)).toEqual(chain.chain.map((round, i) => `${i + 1}. ${round.roundName}`));
    expect(trend.header[5]).toBe('First → last');
    expect(trend.rows).toHaveLength(chain.statements.length);
  });
});

void ({} as SheetState);

/**
 * GET /api/rounds/:id/workbook.xlsx against the real server: the file holds the same sheets and
 * tables as the add-in writes from the same core layouts (read back with ExcelJS), nothing of the
 * hidden groups, and errors are 4xx with a clear message.
 */
import ExcelJS from 'exceljs';
import { roundResultsSchema, type RoundResults } from '../../core/results';
import { priorityExcelFormula } from '../../core/levers/scoring';
import { kiesColumn } from '../../core/sheets/kiesLayout';
import { roundTableName, sectionTableName } from '../../core/sheets/names';
import { startKoersServer, type RunningServer } from '../addin/serverFixture';

let server: RunningServer;
beforeAll(async () => {
  server = await startKoersServer();
});
afterAll(async () => {
  await server?.close();
});

async function download(roundId: string, query = '', key = server.apiKey): Promise<Response> {
  return fetch(`${server.baseUrl}/api/rounds/${roundId}/workbook.xlsx${query}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
}

async function open(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function results(roundId: string): Promise<RoundResults> {
  const reply = await fetch(`${server.baseUrl}/api/rounds/${roundId}/results`, {
    headers: { Authorization: `Bearer ${server.apiKey}` },
  });
  return roundResultsSchema.parse(await reply.json());
}

/** A table's header and rows, read from its range on the sheet. */
function tableValues(sheet: ExcelJS.Worksheet, name: string): { header: string[]; rows: unknown[][] } {
  const table = sheet.getTable(name) as unknown as { table: { tableRef: string } };
  const [from, to] = table.table.tableRef.split(':') as [string, string];
  const first = sheet.getCell(from);
  const last = sheet.getCell(to);
  const grid: unknown[][] = [];
  for (let r = Number(first.row); r <= Number(last.row); r += 1) {
    const row: unknown[] = [];
    for (let c = Number(first.col); c <= Number(last.col); c += 1) {
      const value = sheet.getCell(r, c).value;
      row.push(value && typeof value === 'object' && 'formula' in value ? { formula: value.formula } : value);
    }
    grid.push(row);
  }
  return { header: grid[0]!.map(String), rows: grid.slice(1) };
}

describe('GET /api/rounds/:id/workbook.xlsx', () => {
  test('the four sheets with the core layouts: tables, figures, formats, formulas, drop-downs', async () => {
    const response = await download(server.rounds.withResults);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml\.sheet/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?koers-round-[^"]+\.xlsx"?$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const workbook = await open(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Resultaten', 'Antwoorden', 'Samenvatting', 'Kies']);

    const round = await results(server.rounds.withResults);
    const sheet = workbook.getWorksheet('Resultaten')!;
    for (const section of round.sections) {
      const { header, rows } = tableValues(sheet, sectionTableName(round.roundId, section.sectionId));
      expect(header.slice(0, 6)).toEqual(['ID', 'Stelling', 'n', 'Huidig', 'Gewenst', 'Verschil']);
      expect(header.at(-1)).toBe('Welke actie?');
      for (const statement of round.statements.filter((s) => s.sectionId === section.sectionId)) {
        const row = rows.find((r) => r[0] === statement.statementId)!;
        if (statement.overall.status === 'shown') expect(row[5]).toBeCloseTo(statement.overall.gap!, 10);
      }
    }
    expect(sheet.getColumn(1).hidden).toBe(true);
    // The hidden groups say so, in words.
    const { header, rows } = tableValues(sheet, sectionTableName(round.roundId, 'internal'));
    // The hidden groups say why, in the words the results give (here: combined into a roll-up).
    const directie = round.groups.find((g) => g.id === 'directie')!;
    expect(directie.status).toBe('suppressed');
    const reason = directie.status === 'suppressed' ? (directie.reason.text?.nl ?? '') : '';
    expect(reason).toMatch(/Overige geledingen/);
    expect(rows.every((row) => row[header.indexOf('Directie verschil')] === reason)).toBe(true);
    const conditional = (
      sheet as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }
    ).conditionalFormattings;
    expect(conditional.some((cf) => cf.rules[0]!.type === 'colorScale')).toBe(true);
    expect(conditional.some((cf) => cf.rules[0]!.type === 'cellIs')).toBe(true);

    // Antwoorden: rows of the shown columns only (leraren, oop, teamleiders and the default roll-up of
    // the small groups), exactly as many as the results count in each.
    const responses = tableValues(workbook.getWorksheet('Antwoorden')!, roundTableName(round.roundId, 'Responses'));
    const shown = round.groups.filter((g) => g.status === 'shown');
    expect(shown.map((g) => g.id).sort()).toEqual(['leraren', 'oop', 'overige-geledingen', 'teamleiders']);
    expect(responses.rows).toHaveLength(shown.reduce((sum, g) => sum + (g.status === 'shown' ? g.responses : 0), 0));
    expect(responses.rows).toHaveLength(server.plan.leraren + server.plan.oop + server.plan.teamleiders + 5);
    expect(new Set(responses.rows.map((row) => row[0]))).toEqual(new Set(shown.map((g) => g.name.nl)));
    // A comment that looks like a formula is text, exactly as typed (no quote prefix left in the file).
    const comments = responses.rows.map((row) => row.at(-1)).filter((c) => typeof c === 'string') as string[];
    expect(comments.some((c) => /^[=+\-@]/.test(c))).toBe(true);
    expect(comments.some((c) => c.startsWith("'="))).toBe(false);

    // Samenvatting: the section table and the top gaps.
    const summary = workbook.getWorksheet('Samenvatting')!;
    expect(tableValues(summary, roundTableName(round.roundId, 'Summary.Sections')).rows).toHaveLength(
      round.sections.length,
    );

    // Kies: levers with live formulas through the same core formula text, drop-downs on the inputs.
    const kies = workbook.getWorksheet('Kies')!;
    const levers = tableValues(kies, roundTableName(round.roundId, 'Levers'));
    expect(levers.rows.length).toBeGreaterThan(5);
    const firstData = 7; // header on sheet row 6 (KIES_HEADER_ROW 5, zero-based)
    const impact = `${String.fromCharCode(65 + kiesColumn('impact'))}${firstData}`;
    const feasibility = `${String.fromCharCode(65 + kiesColumn('feasibility'))}${firstData}`;
    expect(levers.rows[0]![kiesColumn('priority')]).toEqual({
      formula: priorityExcelFormula(impact, feasibility).slice(1),
    });
    const validation = kies.getCell(firstData, kiesColumn('impact') + 1).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4,5"'], errorStyle: 'stop' });
    expect(kies.getCell(firstData, kiesColumn('chosen') + 1).dataValidation).toMatchObject({ formulae: ['"Ja,Nee"'] });
  });

  test('?lang=en writes English sheets', async () => {
    const workbook = await open(await download(server.rounds.withResults, '?lang=en'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Responses', 'Summary', 'Choose']);
  });

  test('a round with all groups hidden still downloads, with no responses in it', async () => {
    const response = await download(server.rounds.tooSmall);
    expect(response.status).toBe(200);
    const workbook = await open(response);
    const round = await results(server.rounds.tooSmall);
    const rows = tableValues(workbook.getWorksheet('Antwoorden')!, roundTableName(round.roundId, 'Responses')).rows;
    expect(rows).toHaveLength(1); // the one empty row a table always has
    expect(rows[0]!.every((value) => value === null)).toBe(true);
  });

  test("no key: 401; another organisation's or an unknown round: 404; a bad query: 400 — JSON errors", async () => {
    const anonymous = await fetch(`${server.baseUrl}/api/rounds/${server.rounds.withResults}/workbook.xlsx`);
    expect(anonymous.status).toBe(401);
    const other = await server.store.organisations.findOrCreateOrganisation('Andere school');
    const otherKey = await server.store.organisations.createApiKey(other.id);
    const foreign = await download(server.rounds.withResults, '', otherKey);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: 'roundNotFound' } });
    expect((await download('round-doesnotexist')).status).toBe(404);
    const bad = await download(server.rounds.withResults, '?lang=fr');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});

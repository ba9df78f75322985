/**
 * The Kies flow (KiesSession) against the real server, writing into the fake workbook: a round with
 * responses → suggestions → Kies sheet → MT session → MT members score through the public API →
 * MT scores into the sheet → the adviser's own scores as one more rater → the AMO check.
 */
import { checkAmoCoverage } from '../../core/levers/amo';
import type { Lever } from '../../core/levers/lever';
import { kiesWorkbook } from '../../addin/excel/kiesWorkbook';
import { CredentialStore, type KeyValueStorage } from '../../addin/taskpane/credentials';
import { describeError } from '../../addin/taskpane/errorText';
import { KiesSession } from '../../addin/taskpane/kiesSession';
import { PaneError, TaskpaneSession } from '../../addin/taskpane/session';
import type { Language } from '../../core/text';
import { FakeWorkbook } from './fakeExcel';
import { startKoersServer, type RunningServer } from './serverFixture';

jest.setTimeout(60_000);

const FORMULA_TITLE = '=HYPERLINK("http://evil.example","klik")';
let server: RunningServer;
let customLever: Lever;

beforeAll(async () => {
  server = await startKoersServer();
  const response = await api('POST', '/api/levers', {
    title: { nl: FORMULA_TITLE, en: FORMULA_TITLE },
    description: { nl: 'Een eigen maatregel van de school.', en: "The school's own lever." },
    cluster: 'samenwerken',
    themes: ['differentiatie'],
    amo: ['opportunity'],
  });
  expect(response.status).toBe(201);
  customLever = (await response.json()) as Lever;
});
afterAll(async () => {
  await server?.close();
});

function api(method: string, path: string, body?: unknown, authorised = true): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(authorised ? { Authorization: `Bearer ${server.apiKey}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const fullSupport = { meetsMinimum: true, suspendCalculation: true, suspendScreenUpdating: true };

async function setup(options: { language?: Language; round?: keyof RunningServer['rounds']; inExcel?: boolean } = {}) {
  const language = options.language ?? 'nl';
  const workbook = new FakeWorkbook();
  const inExcel = options.inExcel ?? true;
  const now = () => new Date('2026-11-24T10:00:00Z');
  const pane = new TaskpaneSession({
    language,
    store: new CredentialStore(new MemoryStorage()),
    excel: inExcel ? { support: fullSupport, pull: () => Promise.reject(new Error('not used')) } : undefined,
    now,
  });
  const kies = new KiesSession({
    language,
    pane,
    workbook: inExcel ? kiesWorkbook(fullSupport, workbook.run) : undefined,
    now,
  });
  await pane.connect(server.baseUrl, server.apiKey);
  const roundId = server.rounds[options.round ?? 'withResults'];
  // Each test gets a fresh MT session state: close whatever an earlier test left open.
  await api('POST', `/api/rounds/${roundId}/scoring/close`);
  pane.select(roundId);
  return { pane, kies, workbook, roundId };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

function type(workbook: FakeWorkbook, leverId: string, values: Record<string, string | number>): void {
  const table = workbook.requireTable(workbook.koersTable('Levers'));
  const { header, rows } = workbook.tableValues(workbook.koersTable('Levers'));
  const index = rows.findIndex((row) => row[0] === leverId);
  if (index < 0) throw new Error(`${leverId} not on the sheet`);
  for (const [column, value] of Object.entries(values))
    workbook.type(table.sheet, table.rect.row + 1 + index, header.indexOf(column), value);
}

function sheetRow(workbook: FakeWorkbook, leverId: string) {
  const { header, rows } = workbook.tableValues(workbook.koersTable('Levers'));
  const row = rows.find((r) => r[0] === leverId)!;
  return (column: string) => row[header.indexOf(column)];
}

describe('the Kies flow against the server', () => {
  test('suggestions → sheet → MT session → members score → MT scores → adviser as one more rater → AMO', async () => {
    const { kies, workbook, roundId } = await setup();

    // 1. The sheet: the round's suggestions first, then the organisation's other active levers.
    const suggestions = (await (await api('GET', `/api/rounds/${roundId}/suggestions`)).json()) as {
      suggestions: Array<{ leverId: string }>;
    };
    expect(suggestions.suggestions.length).toBeGreaterThan(2);
    const written = await kies.writeSheet();
    expect(written.sheetName).toBe('Kies');
    const ids = workbook.tableValues(workbook.koersTable('Levers')).rows.map((row) => row[0]);
    expect(ids.slice(0, suggestions.suggestions.length)).toEqual(suggestions.suggestions.map((s) => s.leverId));
    expect(ids).toContain(customLever.id);
    expect(written.report.suggested).toBe(suggestions.suggestions.length);
    expect(workbook.activeSheet).toBe('Kies');
    // The school's own lever text is text, not a formula.
    expect(sheetRow(workbook, customLever.id)('Maatregel')).toBe(FORMULA_TITLE);
    expect(workbook.formulaCells().some((f) => f.includes('HYPERLINK'))).toBe(false);

    // 2. Nothing to pull before a session exists.
    expect(describeError(await failure(kies.pullMtScores()), 'nl')).toBe(
      'Voor deze ronde is nog geen MT-sessie geopend. Klik eerst op "MT-sessie openen".',
    );

    // 3. The adviser scores and chooses two suggested levers on the sheet; the AMO check follows the sheet.
    const [a, b, c] = suggestions.suggestions.map((s) => s.leverId) as [string, string, string];
    type(workbook, a, { 'Impact (1–5)': 5, 'Haalbaarheid (1–5)': 4, Gekozen: 'Ja' });
    type(workbook, b, { 'Impact (1–5)': 2, 'Haalbaarheid (1–5)': 5, Gekozen: 'Ja' });
    type(workbook, c, { 'Impact (1–5)': 4 });
    const read = await kies.readSheet();
    expect(read.levers.filter((l) => l.chosen).map((l) => l.leverId)).toEqual([a, b]);
    const levers = (await (await api('GET', '/api/levers')).json()) as Lever[];
    const active = levers.filter((l) => !l.retired);
    const expectedAmo = checkAmoCoverage(
      active.filter((l) => l.id === a || l.id === b),
      active,
    );
    expect(read.amo.message).toEqual(expectedAmo.message);
    const kiesSheet = workbook.requireSheet('Kies');
    const header = workbook.requireTable(workbook.koersTable('Levers')).rect.row;
    expect(workbook.value(kiesSheet, header - 3, 1)).toBe(`AMO-check: ${expectedAmo.message.nl}`);

    // 4. The MT session is opened for the chosen levers, with two personal links.
    const opened = await kies.openSession(2);
    expect(opened.source).toBe('chosen');
    expect(opened.created.levers.map((l) => l.leverId)).toEqual([a, b]);
    expect(opened.created.links).toHaveLength(2);
    expect(sheetRow(workbook, a)('MT-beoordelaars')).toBe(0);
    expect(sheetRow(workbook, c)('MT-beoordelaars')).toBe('');

    // 5. The MT members score through their links, on the public API.
    const tokens = opened.created.links.map((link) => link.slice(link.lastIndexOf('/s/') + 3));
    const memberScores = [
      [
        { leverId: a, impact: 5, feasibility: 5, remark: '=1+1 zeker doen' },
        { leverId: b, impact: 1, feasibility: 2 },
      ],
      [
        { leverId: a, impact: 4, feasibility: 4 },
        { leverId: b, impact: 5, feasibility: 2 },
      ],
    ];
    for (const [i, token] of tokens.entries()) {
      const response = await api('POST', `/api/scoring/${token}`, { scores: memberScores[i] }, false);
      expect(response.status).toBe(201);
    }

    // 6. Pulling writes the server's aggregate beside the adviser's own scores.
    const pulled = await kies.pullMtScores();
    expect(pulled.view.raters).toEqual({ links: 2, submitted: 2, adviser: false });
    expect(pulled.report).toMatchObject({ onSheet: 2, scored: 2, notOnSheet: [] });
    const rowA = sheetRow(workbook, a);
    expect([
      rowA('MT-beoordelaars'),
      rowA('MT impact'),
      rowA('MT haalbaarheid'),
      rowA('MT kwadrant'),
      rowA('Onenigheid'),
    ]).toEqual([2, 4.5, 4.5, 'Nu doen', 'Nee']);
    expect(rowA('MT-opmerkingen')).toBe('• =1+1 zeker doen');
    expect(rowA('Impact (1–5)')).toBe(5);
    // b: impact 1 and 5 → a split the sheet flags.
    const rowB = sheetRow(workbook, b);
    expect([rowB('MT impact'), rowB('MT spreiding impact'), rowB('Onenigheid')]).toEqual([3, 4, 'Ja']);

    // 7. A second session would end this one: the pane asks first.
    const again = await failure(kies.openSession(2));
    expect(again).toBeInstanceOf(PaneError);
    expect(describeError(again, 'nl')).toMatch(
      /^Er loopt al een MT-sessie voor deze ronde, met scores van 2 van 2 MT-leden\./,
    );

    // 8. The adviser's own scores count as one more rater: only session levers with both scores.
    const adviser = await kies.sendAdviserScores();
    expect(adviser).toMatchObject({ sent: 2, missing: 0 });
    expect(adviser.view.raters).toEqual({ links: 2, submitted: 2, adviser: true });
    // a: impact 5, 4, 5 → 14/3; b: impact 1, 5, 2 → 8/3, feasibility 2, 2, 5 → 3.
    expect(sheetRow(workbook, a)('MT-beoordelaars')).toBe(3);
    expect(sheetRow(workbook, a)('MT impact')).toBeCloseTo(14 / 3, 10);
    expect(sheetRow(workbook, b)('MT haalbaarheid')).toBe(3);
    expect(workbook.value(kiesSheet, header - 2, 1)).toBe(
      'MT-scores (sessie open): 2 van 2 MT-leden hebben gescoord, plus de adviseur. Opgehaald op 24 november 2026.',
    );
    const stored = (await (await api('GET', `/api/rounds/${roundId}/scoring`)).json()) as {
      levers: Array<{ leverId: string; summary: { raters: number } }>;
    };
    expect(stored.levers.map((l) => l.summary.raters)).toEqual([3, 3]);

    // 9. Once the session is closed the adviser is told so, and pulling still shows the figures.
    expect((await api('POST', `/api/rounds/${roundId}/scoring/close`)).status).toBe(200);
    expect(describeError(await failure(kies.sendAdviserScores()), 'nl')).toBe(
      'Deze MT-sessie is gesloten: er kunnen geen scores meer bij. Open een nieuwe sessie als het MT opnieuw moet scoren.',
    );
    const closed = await kies.pullMtScores();
    expect(closed.view.status).toBe('closed');
    expect(String(workbook.value(kiesSheet, header - 2, 1))).toMatch(/^MT-scores \(sessie gesloten\)/);

    // 10. Refreshing the sheet keeps the adviser's input and fills the MT columns from the server at once.
    const refreshed = await kies.writeSheet();
    expect(refreshed.report.kept).toBe(3);
    expect(sheetRow(workbook, a)('Gekozen')).toBe('Ja');
    expect(sheetRow(workbook, a)('MT-beoordelaars')).toBe(3);
    expect(workbook.tables.map((t) => t.name)).toEqual([workbook.koersTable('Levers')]);
  });

  test('with nothing chosen the session takes the suggested levers; a running session is replaced only on request', async () => {
    const { kies, roundId } = await setup({ language: 'en' });
    await kies.writeSheet();
    const opened = await kies.openSession(3);
    expect(opened.source).toBe('suggested');
    const suggestions = (await (await api('GET', `/api/rounds/${roundId}/suggestions`)).json()) as {
      suggestions: Array<{ leverId: string }>;
    };
    expect(opened.created.levers.map((l) => l.leverId)).toEqual(suggestions.suggestions.map((s) => s.leverId));
    // Nobody scored yet: opening again simply replaces it.
    const second = await kies.openSession(3);
    expect(second.created.sessionId).not.toBe(opened.created.sessionId);
    const token = second.created.links[0]!.slice(second.created.links[0]!.lastIndexOf('/s/') + 3);
    await api(
      'POST',
      `/api/scoring/${token}`,
      { scores: [{ leverId: second.created.levers[0]!.leverId, impact: 3, feasibility: 3 }] },
      false,
    );
    expect(describeError(await failure(kies.openSession(3)), 'en')).toMatch(
      /^An MT session for this round is already running/,
    );
    const third = await kies.openSession(3, { replaceOpen: true });
    expect(third.created.sessionId).not.toBe(second.created.sessionId);
    // The adviser scored nothing on the sheet: nothing to send.
    expect(describeError(await failure(kies.sendAdviserScores()), 'en')).toMatch(/^There are no scores to count/);
  });

  test('the rater count is checked before anything is sent, and the Kies sheet must exist', async () => {
    const { kies } = await setup();
    expect(describeError(await failure(kies.openSession(0)), 'nl')).toBe(
      'Vul een aantal MT-leden in van 1 tot en met 30.',
    );
    expect(describeError(await failure(kies.openSession(31)), 'nl')).toBe(
      'Vul een aantal MT-leden in van 1 tot en met 30.',
    );
    expect(describeError(await failure(kies.openSession(2)), 'nl')).toMatch(
      /^Er is nog geen Kies-blad in deze werkmap/,
    );
    expect(describeError(await failure(kies.readSheet()), 'nl')).toMatch(/^Er is nog geen Kies-blad/);
  });

  test('a round without responses gets no suggestions, but the sheet lists every active lever', async () => {
    const { kies, workbook } = await setup({ round: 'empty' });
    const written = await kies.writeSheet();
    expect(written.report.suggested).toBe(0);
    const levers = (await (await api('GET', '/api/levers')).json()) as Lever[];
    expect(written.report.rows).toBe(levers.filter((l) => !l.retired).length);
    expect(workbook.tableValues(workbook.koersTable('Levers')).rows.every((row) => row[6] === '')).toBe(true);
    expect(describeError(await failure(kies.openSession(2)), 'nl')).toBe(
      'Er is niets om te scoren: kies maatregelen op het Kies-blad (Gekozen: Ja).',
    );
  });

  test('outside Excel the Kies flow explains why it cannot write', async () => {
    const { kies } = await setup({ inExcel: false });
    expect(kies.blocker()?.key).toBe('errorNoExcel');
    expect(describeError(await failure(kies.writeSheet()), 'nl')).toBe(
      'Open Koers vanuit Excel om resultaten in een werkmap te zetten.',
    );
  });
});

/**
 * The task pane's flow (TaskpaneSession: connect, list, choose, pull) against the real server,
 * writing into the fake workbook (office-addin-mock objects) instead of Excel.
 */
import { KoersApiError } from '../../addin/api/client';
import { pullRoundIntoWorkbook } from '../../addin/excel/pullRound';
import { CredentialStore, type KeyValueStorage } from '../../addin/taskpane/credentials';
import { describeError } from '../../addin/taskpane/errorText';
import { PaneError, TaskpaneSession, type ExcelAccess } from '../../addin/taskpane/session';
import type { Language } from '../../core/text';
import { FakeWorkbook } from './fakeExcel';
import { sectionTableName } from '../../core/sheets/names';
import { startKoersServer, type RunningServer } from './serverFixture';

jest.setTimeout(60_000);

let server: RunningServer;
beforeAll(async () => {
  server = await startKoersServer();
});
afterAll(async () => {
  await server?.close();
});

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

function setup(
  options: { language?: Language; excel?: ExcelAccess | null; pageIsHttps?: boolean; workbook?: FakeWorkbook } = {},
) {
  const workbook = options.workbook ?? new FakeWorkbook();
  const storage = new MemoryStorage();
  const excel =
    options.excel === null
      ? undefined
      : (options.excel ?? {
          support: fullSupport,
          pull: (input, onProgress) => pullRoundIntoWorkbook(input, onProgress, workbook.run),
        });
  const session = new TaskpaneSession({
    language: options.language ?? 'nl',
    store: new CredentialStore(storage, 'partition-1'),
    excel,
    pageIsHttps: options.pageIsHttps ?? false,
    now: () => new Date('2026-11-24T10:00:00Z'),
  });
  return { session, storage, workbook };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('connect', () => {
  test('a wrong key is refused with a clear message and nothing is remembered', async () => {
    const { session, storage } = setup();
    const error = await failure(session.connect(server.baseUrl, 'koers_wrong_key'));
    expect(error).toBeInstanceOf(KoersApiError);
    expect((error as KoersApiError).kind).toBe('unauthorized');
    expect(describeError(error, 'nl')).toBe('De API-sleutel klopt niet. Vraag de beheerder om een geldige sleutel.');
    expect(storage.data.size).toBe(0);
  });

  test('an address where nothing listens is "unreachable"', async () => {
    const { session } = setup();
    const closed = await startKoersServer();
    const url = closed.baseUrl;
    await closed.close();
    const error = await failure(session.connect(url, server.apiKey));
    expect((error as KoersApiError).kind).toBe('unreachable');
    expect(describeError(error, 'en')).toMatch(/^The server cannot be reached/);
  });

  test('an http server from an https task pane is refused before any request', async () => {
    const { session } = setup({ pageIsHttps: true });
    const error = await failure(session.connect(server.baseUrl, server.apiKey));
    expect(error).toBeInstanceOf(PaneError);
    expect(describeError(error, 'nl')).toMatch(/https/);
  });

  test('the right key lists the rounds, newest first, and is remembered under the partition key', async () => {
    const { session, storage } = setup();
    const rounds = await session.connect(`${server.baseUrl}/`, server.apiKey);
    expect(rounds.map((r) => r.name)).toEqual(['Nulmeting strategisch HRM', 'Nog leeg', 'Te kleine ronde']);
    expect(rounds[0]).toMatchObject({
      responses: { exact: true, value: 24 },
      status: 'closed',
      surveyTitle: { nl: expect.any(String) },
    });
    expect([...storage.data.keys()]).toEqual(['partition-1:koers.connection']);
    expect(session.savedConnection()).toEqual({ serverUrl: server.baseUrl, apiKey: server.apiKey });
    session.disconnect();
    expect(storage.data.size).toBe(0);
  });
});

describe('pull', () => {
  test('writes the round into the workbook: results, responses and summary', async () => {
    const { session, workbook } = setup();
    await session.connect(server.baseUrl, server.apiKey);
    session.select(server.rounds.withResults);
    const progress: number[] = [];
    const { results, report } = await session.pull((done, total) => progress.push(done / total));

    expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten', 'Antwoorden', 'Samenvatting']);
    expect(report.results.tables).toEqual(results.sections.map((s) => sectionTableName(results.roundId, s.sectionId)));
    // Directie (2 responses) is below the threshold: words, never numbers.
    const { header, rows } = workbook.tableValues(workbook.koersTable('internal'));
    expect(header).toContain('Directie verschil');
    // The server words the reason: combined with P&O into "Overige geledingen" (finding 7).
    expect(
      rows.every(
        (row) =>
          row[header.indexOf('Directie verschil')] ===
          'te weinig antwoorden (minder dan 5); telt mee in "Overige geledingen"',
      ),
    ).toBe(true);
    expect(typeof rows[0]![header.indexOf('Leraren verschil')]).toBe('number');
    // Only shown columns' rows: leraren, OOP, teamleiders, and directie + P&O as "overige geledingen".
    expect(workbook.tableValues(workbook.koersTable('Responses')).rows).toHaveLength(
      server.plan.leraren + server.plan.oop + server.plan.teamleiders + server.plan.directie + server.plan['po-hr'],
    );
    expect(workbook.formulaCells()).toEqual([]);
    expect(workbook.value(workbook.requireSheet('Resultaten'), 1, 1)).toMatch(/Opgehaald op 24 november 2026\.$/);
    expect(progress.at(-1)).toBe(1);
    expect(workbook.activeSheet).toBe('Resultaten');
  });

  test('pulling again keeps what the adviser typed and duplicates nothing', async () => {
    const { session, workbook } = setup();
    await session.connect(server.baseUrl, server.apiKey);
    session.select(server.rounds.withResults);
    await session.pull();
    const sheet = workbook.requireSheet('Resultaten');
    const table = workbook.requireTable(workbook.koersTable('external'));
    const { header } = workbook.tableValues(workbook.koersTable('external'));
    workbook.type(sheet, table.rect.row + 2, header.indexOf('Welke actie?'), 'Afspraken met de lerarenopleiding');
    const id = workbook.value(sheet, table.rect.row + 2, 0);

    await session.pull();

    expect(workbook.sheets).toHaveLength(3);
    const again = workbook.tableValues(workbook.koersTable('external'));
    const row = again.rows.find((r) => r[0] === id)!;
    expect(row[again.header.indexOf('Welke actie?')]).toBe('Afspraken met de lerarenopleiding');
    expect(workbook.tables.filter((t) => t.name === workbook.koersTable('external'))).toHaveLength(1);
  });

  test('a round without responses says so and writes nothing', async () => {
    const { session, workbook } = setup();
    await session.connect(server.baseUrl, server.apiKey);
    session.select(server.rounds.empty);
    const error = await failure(session.pull());
    // "No responses at all" is a count of small groups too: the pane says only that none is large enough.
    expect(describeError(error, 'nl')).toBe(
      'Alle groepen hebben minder dan 5 respondenten. Om de anonimiteit te beschermen worden er nog geen cijfers getoond.',
    );
    expect(workbook.sheets).toHaveLength(0);
  });

  test('a round with every group below the threshold says so and writes nothing', async () => {
    const { session, workbook } = setup({ language: 'en' });
    await session.connect(server.baseUrl, server.apiKey);
    session.select(server.rounds.tooSmall);
    const error = await failure(session.pull());
    expect(describeError(error, 'en')).toBe(
      'Every group has fewer than 5 respondents. To protect anonymity no figures are shown yet.',
    );
    expect(workbook.sheets).toHaveLength(0);
  });

  test('an Excel without the required API version is told so before anything is fetched', async () => {
    const workbook = new FakeWorkbook();
    let pulled = false;
    const { session } = setup({
      excel: {
        support: { meetsMinimum: false, suspendCalculation: true, suspendScreenUpdating: false },
        pull: () => {
          pulled = true;
          return Promise.reject(new Error('must not be called'));
        },
      },
      workbook,
    });
    await session.connect(server.baseUrl, server.apiKey);
    session.select(server.rounds.withResults);
    const error = await failure(session.pull());
    expect(describeError(error, 'nl')).toMatch(/te oud voor Koers \(nodig: ExcelApi 1\.9\)/);
    expect(pulled).toBe(false);
  });

  test('outside Excel the pane connects and lists, and explains why it cannot write', async () => {
    const { session } = setup({ excel: null });
    await session.connect(server.baseUrl, server.apiKey);
    expect(session.pullBlocker()?.key).toBe('errorNoExcel');
    session.select(server.rounds.withResults);
    expect(describeError(await failure(session.pull()), 'nl')).toBe(
      'Open Koers vanuit Excel om resultaten in een werkmap te zetten.',
    );
  });

  test('an Excel error during writing reaches the person as an Excel message', async () => {
    const { session } = setup({
      excel: {
        support: fullSupport,
        pull: () =>
          Promise.reject(
            Object.assign(new Error('RequestPayloadSizeLimitExceeded'), { code: 'RequestPayloadSizeLimitExceeded' }),
          ),
      },
    });
    await session.connect(server.baseUrl, server.apiKey);
    session.select(server.rounds.withResults);
    expect(describeError(await failure(session.pull()), 'nl')).toBe(
      'Excel kon de gegevens niet schrijven: RequestPayloadSizeLimitExceeded',
    );
  });
});

/**
 * The Doe / Ga door section of the built task pane in headless Chromium, against the real server,
 * with Excel.run bridged to the fake workbook: plan from the chosen levers, comparison of a
 * follow-up round with its baseline (and the message for a round without one), the Knelpunten and
 * Stakeholders sheets, and axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FakeWorkbook } from '../addin/fakeExcel';
import { startKoersServer, type RunningServer } from '../addin/serverFixture';
import { ExcelBridge, installOfficeStub } from '../addin/excelBridge';
import { describeWithChromium, launchChromium } from './chromium';
import { expectNoSeriousA11yProblems, expectNoSideways } from './pageChecks';

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../..');
const distDir = path.resolve(process.env.KOERS_DIST_DIR ?? path.join(repoRoot, 'dist'));
const PANE = { width: 350, height: 900 };

let server: RunningServer;
let browser: Browser;

async function api(pathname: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}${pathname}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A follow-up round of the round with results, answered through the public API with smaller gaps. */
async function followUpRound(): Promise<void> {
  const created = await api('/api/rounds', {
    surveyId: 'shrm',
    name: 'Vervolgmeting voorjaar 2027',
    groups: ['leraren', 'oop', 'teamleiders'],
    baselineRoundId: server.rounds.withResults,
  });
  expect(created.status).toBe(201);
  const survey = await (
    await fetch(`${server.baseUrl}/api/surveys/shrm`, { headers: { Authorization: `Bearer ${server.apiKey}` } })
  ).json();
  const ids: string[] = survey.sections.flatMap((s: { statements: { id: string }[] }) =>
    s.statements.map((st) => st.id),
  );
  for (const [group, count] of [
    ['leraren', 8],
    ['oop', 6],
    ['teamleiders', 5],
  ] as const) {
    const invited = await api(`/api/rounds/${String(created.body.id)}/invitations`, { group, count });
    for (const [n, code] of (invited.body.codes as string[]).entries()) {
      const answers = ids.map((statementId, i) => {
        const current = 2 + ((i + n) % 3);
        return { statementId, current, desired: Math.min(5, current + (i % 2)) };
      });
      expect((await api('/api/responses', { code, answers })).status).toBe(201);
    }
  }
  // Results (and so the comparison) are released at closing.
  expect((await api(`/api/rounds/${String(created.body.id)}/close`, {})).status).toBe(200);
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(distDir, 'addin', 'taskpane.html'))) {
    throw new Error(`No built task pane in ${distDir}: run npx webpack --mode development first`);
  }
  server = await startKoersServer({ distDir });
  await followUpRound();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(): Promise<{
  page: Page;
  workbook: FakeWorkbook;
  errors: string[];
  close: () => Promise<void>;
}> {
  const context = await browser.newContext({ viewport: PANE, locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const workbook = new FakeWorkbook();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    const pathname = new URL(response.url()).pathname;
    // Expected: no MT session yet (404), and the comparison of a round without baseline (409).
    const expected =
      (response.status() === 404 && /\/scoring$/.test(pathname)) ||
      (response.status() === 409 && /\/comparison$/.test(pathname));
    if (response.status() >= 400 && !expected) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort('blockedbyclient'));
  await new ExcelBridge(workbook).attach(page);
  await page.addInitScript(installOfficeStub, {
    displayLanguage: 'nl-NL',
    partitionKey: 'cycle-test',
    excelApi: '1.9',
  });
  await page.goto(`${server.baseUrl}/addin/taskpane.html`);
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  await page.getByLabel('API-sleutel').fill(server.apiKey);
  await page.getByLabel('API-sleutel').press('Enter');
  await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
  return { page, workbook, errors, close: () => context.close() };
}

describeWithChromium('Doe and Ga door section of the task pane in Chromium', () => {
  test('plan from the chosen levers, knelpunten and stakeholders, comparison with the baseline', async () => {
    const { page, workbook, errors, close } = await openPane();
    try {
      const status = page.locator('#cycle-status');
      const message = page.locator('#cycle-message');
      await page.getByRole('radio', { name: /Nulmeting strategisch HRM/ }).check();
      await page.getByRole('heading', { name: 'Doe en Ga door' }).waitFor();

      // Kies first, two levers chosen, then the plan.
      await page.getByRole('button', { name: 'Kies-blad maken/bijwerken' }).click();
      await page.locator('#kies-status').filter({ hasText: 'Klaar' }).waitFor();
      const levers = workbook.tableValues(workbook.koersTable('Levers'));
      const chosen = levers.rows.slice(0, 2).map((row) => String(row[0]));
      const kiesTable = workbook.requireTable(workbook.koersTable('Levers'));
      for (const id of chosen) {
        const index = levers.rows.findIndex((row) => row[0] === id);
        workbook.type(kiesTable.sheet, kiesTable.rect.row + 1 + index, levers.header.indexOf('Gekozen'), 'Ja');
      }
      await page.getByRole('button', { name: 'Plan maken/bijwerken' }).click();
      await status.filter({ hasText: 'Klaar' }).waitFor();
      await expect(status.textContent()).resolves.toMatch(
        /^Klaar: het blad "Plan" heeft 2 activiteitregels \(2 gekozen maatregelen, 2 nieuw\) en het blad "Indicatoren" 2 indicatoren\.$/,
      );
      expect(workbook.activeSheet).toBe('Plan');
      expect(
        workbook
          .tableValues('Koers.Plan')
          .rows.map((row) => String(row[0]).split('::')[0])
          .sort(),
      ).toEqual([...chosen].sort());
      expect(workbook.tableValues('Koers.Statements').rows.length).toBeGreaterThan(10);

      await page.getByRole('button', { name: 'Knelpunten-blad' }).click();
      await status.filter({ hasText: 'Knelpunten' }).waitFor();
      expect(workbook.tableValues('Koers.Obstacles').rows).toHaveLength(15);
      await page.getByRole('button', { name: 'Stakeholder-blad' }).click();
      await status.filter({ hasText: 'stakeholders' }).waitFor();
      expect(workbook.requireSheet('Stakeholders').charts).toHaveLength(2);

      // The baseline itself has no baseline: a message saying what to do.
      await page.getByRole('button', { name: 'Vergelijking ophalen' }).click();
      await message.filter({ hasText: 'basisronde' }).waitFor();
      await expect(message.textContent()).resolves.toMatch(/^Deze ronde heeft geen basisronde\./);

      await page.getByRole('radio', { name: /Vervolgmeting voorjaar 2027/ }).check();
      await page.getByRole('button', { name: 'Vergelijking ophalen' }).click();
      await status.filter({ hasText: 'Vergelijking' }).waitFor();
      await expect(status.textContent()).resolves.toMatch(
        /^Klaar: het blad "Vergelijking" vergelijkt met de basisronde\. \d+ cellen zijn kleiner geworden en \d+ groter, buiten toeval; \d+ cellen blijven verborgen\.$/,
      );
      const sheet = workbook.requireSheet('Vergelijking');
      expect(sheet.charts.map((chart) => chart.name)).toEqual(['Koers.ComparisonChart']);
      const { header, rows } = workbook.tableValues('Koers.Comparison');
      // Directie and P&O were hidden in the baseline and are not in the follow-up: never a figure.
      const directie = rows.filter((row) => String(row[0]).endsWith('|directie'));
      expect(directie).toEqual([]);
      expect(rows.some((row) => row[header.indexOf('Groter dan toeval?')] === 'Ja, kleiner geworden')).toBe(true);
      // The indicators of the plan come along.
      expect(workbook.tableValues('Koers.Comparison.Indicators').rows.length).toBeGreaterThan(0);

      await expectNoSideways(page, PANE.width);
      await expectNoSeriousA11yProblems(page, 'after the comparison');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

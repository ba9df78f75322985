/**
 * The Kies section of the built task pane in headless Chromium, against the real server, with
 * Excel.run bridged to the fake workbook: Kies sheet, chart read from the sheet, AMO check, MT
 * session with personal links and copy buttons, MT scores, the adviser's own scores, and axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FakeWorkbook } from '../addin/fakeExcel';
import { startKoersServer, type RunningServer } from '../addin/serverFixture';
import { ExcelBridge, installOfficeStub } from '../addin/excelBridge';
import { describeWithChromium, launchChromium } from './chromium';
import { seriousA11yViolations } from './pageChecks';

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../..');
const distDir = path.resolve(process.env.KOERS_DIST_DIR ?? path.join(repoRoot, 'dist'));
const PANE = { width: 350, height: 900 };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(distDir, 'addin', 'taskpane.html'))) {
    throw new Error(`No built task pane in ${distDir}: run npx webpack --mode development first`);
  }
  server = await startKoersServer({ distDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Pane {
  context: BrowserContext;
  page: Page;
  workbook: FakeWorkbook;
  errors: string[];
}

async function openPane(displayLanguage = 'nl-NL'): Promise<Pane> {
  // axe is injected as a script tag, which the page's CSP would refuse.
  const context = await browser.newContext({ viewport: PANE, locale: displayLanguage, bypassCSP: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  const page = await context.newPage();
  const workbook = new FakeWorkbook();
  const bridge = new ExcelBridge(workbook);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Chromium logs every 4xx fetch; those are checked by URL below instead. The CDN office.js of
    // the <head> tag is blocked here on purpose (the stub stands in for Office).
    if (
      message.type() === 'error' &&
      !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) &&
      !/ERR_BLOCKED_BY_CLIENT/.test(message.text())
    ) {
      errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    // The only expected 4xx: asking for the round's MT session before one exists (404).
    if (
      response.status() >= 400 &&
      !(response.status() === 404 && /\/api\/rounds\/[^/]+\/scoring$/.test(new URL(response.url()).pathname))
    ) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort('blockedbyclient'));
  await bridge.attach(page);
  await page.addInitScript(installOfficeStub, { displayLanguage, partitionKey: 'kies-test', excelApi: '1.9' });
  await page.goto(`${server.baseUrl}/addin/taskpane.html`);
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  return { context, page, workbook, errors };
}

async function connectAndChoose(page: Page, round: RegExp): Promise<void> {
  await page.getByLabel('API-sleutel').fill(server.apiKey);
  await page.getByLabel('API-sleutel').press('Enter');
  await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
  await page.getByRole('radio', { name: round }).check();
}

/** What the adviser types in Excel: straight into the fake workbook, as a person would. */
function type(workbook: FakeWorkbook, leverId: string, values: Record<string, string | number>): void {
  const table = workbook.requireTable(workbook.koersTable('Levers'));
  const { header, rows } = workbook.tableValues(workbook.koersTable('Levers'));
  const index = rows.findIndex((row) => row[0] === leverId);
  for (const [column, value] of Object.entries(values))
    workbook.type(table.sheet, table.rect.row + 1 + index, header.indexOf(column), value);
}

function sheetRow(workbook: FakeWorkbook, leverId: string) {
  const { header, rows } = workbook.tableValues(workbook.koersTable('Levers'));
  const row = rows.find((r) => r[0] === leverId)!;
  return (column: string) => row[header.indexOf(column)];
}

describeWithChromium('Kies section of the task pane in Chromium', () => {
  test('sheet → chart from the sheet → AMO → MT session with links → MT scores → own scores, accessible throughout', async () => {
    const { context, page, workbook, errors } = await openPane();
    try {
      await connectAndChoose(page, /Nulmeting/);
      const kiesStatus = page.locator('#kies-status');
      const amo = page.locator('#amo-status');
      await page.getByRole('heading', { name: 'Kies: maatregelen afwegen' }).waitFor();

      // The sheet.
      await page.getByRole('button', { name: 'Kies-blad maken/bijwerken' }).click();
      await kiesStatus.filter({ hasText: 'Klaar' }).waitFor();
      await expect(kiesStatus.textContent()).resolves.toMatch(
        /^Klaar: het blad "Kies" staat er met \d+ maatregelen, waarvan \d+ voorgesteld/,
      );
      expect(workbook.activeSheet).toBe('Kies');
      const sheet = workbook.requireSheet('Kies');
      const { rows } = workbook.tableValues(workbook.koersTable('Levers'));
      expect(sheet.dataValidations).toHaveLength(3);
      expect(workbook.formulaCells()).toHaveLength(2 * rows.length);
      expect(sheet.charts.map((c) => [c.name, c.type])).toEqual([['Koers.LeverMatrix', 'XYScatter']]);
      expect(sheet.charts[0]!.series!.map((s) => s.name)).toEqual([
        'Grens haalbaarheid',
        'Grens impact',
        'Adviseur',
        'MT (gemiddelde)',
      ]);
      await expect(amo.getAttribute('role')).resolves.toBe('status');
      await expect(amo.textContent()).resolves.toMatch(/^Er is nog geen maatregel gekozen/);
      // No scores yet: no chart in the pane.
      await expect(page.locator('#matrix-figure').isHidden()).resolves.toBe(true);

      // The adviser scores and chooses in Excel; the pane's chart is read from the sheet.
      const suggested = rows.filter((row) => row[6] !== '').map((row) => String(row[0]));
      const [a, b, c] = suggested as [string, string, string];
      type(workbook, a, { 'Impact (1–5)': 5, 'Haalbaarheid (1–5)': 4, Gekozen: 'Ja' });
      type(workbook, b, { 'Impact (1–5)': 2, 'Haalbaarheid (1–5)': 5, Gekozen: 'Ja' });
      type(workbook, c, { 'Impact (1–5)': 5, 'Haalbaarheid (1–5)': 4 });
      await page.getByRole('button', { name: 'Grafiek bijwerken' }).click();
      await kiesStatus.filter({ hasText: 'De grafiek toont 3 gescoorde maatregelen van het blad "Kies".' }).waitFor();
      const canvasWidth = await page.locator('#matrix-chart').evaluate((canvas: HTMLCanvasElement) => canvas.width);
      expect(canvasWidth).toBeGreaterThan(0);
      await expect(page.locator('#matrix-table th[scope="row"]').count()).resolves.toBe(3);
      await expect(page.locator('#matrix-table tr.chosen').count()).resolves.toBe(2);
      // The list fits the narrow pane: no sideways scrolling.
      await expect(page.locator('.table-scroll').evaluate((box) => box.scrollWidth <= box.clientWidth)).resolves.toBe(
        true,
      );
      await expect(page.locator('#matrix-table tr').nth(1).locator('.quadrant').textContent()).resolves.toBe(
        'Kwadrant: Nu doen',
      );
      await expect(amo.textContent()).resolves.not.toMatch(/nog geen maatregel gekozen/);
      const amoLine = workbook.value(sheet, workbook.requireTable(workbook.koersTable('Levers')).rect.row - 3, 1);
      await expect(amo.textContent()).resolves.toBe(String(amoLine).replace(/^AMO-check: /, ''));

      // Before any session, pulling says there is none.
      await page.getByRole('button', { name: 'MT-scores ophalen' }).click();
      await page
        .locator('#kies-message')
        .filter({ hasText: 'Voor deze ronde is nog geen MT-sessie geopend. Klik eerst op "MT-sessie openen".' })
        .waitFor();
      await expect(page.locator('#kies-message').getAttribute('role')).resolves.toBe('alert');

      // The MT session, for the two chosen levers, with two personal links.
      await page.getByLabel('Aantal MT-leden (persoonlijke links)').fill('2');
      await page.getByRole('button', { name: 'MT-sessie openen' }).click();
      await kiesStatus
        .filter({ hasText: 'De MT-sessie is geopend voor 2 maatregelen (de gekozen maatregelen)' })
        .waitFor();
      const links = page.getByRole('textbox', { name: /^Link \d$/ });
      await expect(links.count()).resolves.toBe(2);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('mt-links-heading');
      const first = await links.first().inputValue();
      expect(first).toMatch(new RegExp(`^${server.baseUrl}/s/[A-Za-z0-9_-]{24}$`));
      await page.getByRole('button', { name: 'Kopieer link 1' }).click();
      await kiesStatus.filter({ hasText: 'Link 1 is gekopieerd.' }).waitFor();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(first);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The MT members score through their links.
      const tokens = await Promise.all([0, 1].map(async (i) => (await links.nth(i).inputValue()).split('/s/')[1]!));
      const memberScores = [
        [
          { leverId: a, impact: 4, feasibility: 4 },
          { leverId: b, impact: 1, feasibility: 2 },
        ],
        [
          { leverId: a, impact: 5, feasibility: 3 },
          { leverId: b, impact: 5, feasibility: 2 },
        ],
      ];
      for (const [i, token] of tokens.entries()) {
        const response = await fetch(`${server.baseUrl}/api/scoring/${token}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ scores: memberScores[i] }),
        });
        expect(response.status).toBe(201);
      }

      await page.getByRole('button', { name: 'MT-scores ophalen' }).click();
      await kiesStatus
        .filter({ hasText: 'MT-scores staan op het blad: 2 van 2 MT-leden hebben gescoord. Sessie: open.' })
        .waitFor();
      expect([
        sheetRow(workbook, a)('MT impact'),
        sheetRow(workbook, a)('MT haalbaarheid'),
        sheetRow(workbook, b)('Onenigheid'),
      ]).toEqual([4.5, 3.5, 'Ja']);

      await page.getByRole('button', { name: 'Mijn scores meetellen' }).click();
      await kiesStatus
        .filter({ hasText: 'Uw scores voor 2 maatregelen tellen mee als één extra beoordelaar.' })
        .waitFor();
      expect(sheetRow(workbook, a)('MT-beoordelaars')).toBe(3);

      // A new session would end the running one: the pane warns, and the button asks for a second click.
      await page.getByRole('button', { name: 'MT-sessie openen' }).click();
      await page.locator('#kies-message').filter({ hasText: 'Er loopt al een MT-sessie' }).waitFor();
      await page.getByRole('button', { name: 'Toch een nieuwe MT-sessie openen' }).waitFor();

      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('offline, the matrix says it could not be loaded, after what was done; online again it is drawn', async () => {
    const { context, page, workbook } = await openPane();
    // chart.js comes as chunks fetched on demand (addin/<name>.<hash>.js): here the connection is gone.
    let offline = true;
    await page.route(/\/addin\/(?!taskpane\.)[^/]+\.js$/, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    try {
      await connectAndChoose(page, /Nulmeting/);
      const kiesStatus = page.locator('#kies-status');
      await page.getByRole('button', { name: 'Kies-blad maken/bijwerken' }).click();
      // No scores yet, so no chart to draw: the sheet is done without any chunk.
      await kiesStatus.filter({ hasText: 'Klaar' }).waitFor();
      const { rows } = workbook.tableValues(workbook.koersTable('Levers'));
      const [a, b] = rows.filter((row) => row[6] !== '').map((row) => String(row[0])) as [string, string];
      type(workbook, a, { 'Impact (1–5)': 5, 'Haalbaarheid (1–5)': 4, Gekozen: 'Ja' });
      type(workbook, b, { 'Impact (1–5)': 2, 'Haalbaarheid (1–5)': 5 });

      const alert = page.locator('#kies-message');
      const notLoaded =
        'De grafieken konden niet van de Koers-server worden geladen; waarschijnlijk is er geen verbinding. Controleer de verbinding en probeer het opnieuw. Lukt het dan nog niet, sluit het taakvenster en open Koers opnieuw.';
      // Updating the sheet works; the message says so before it says why the matrix is missing.
      await page.getByRole('button', { name: 'Kies-blad maken/bijwerken' }).click();
      await alert.filter({ hasText: 'grafieken' }).waitFor();
      await expect(alert.textContent()).resolves.toMatch(/^Klaar: het blad "Kies" staat er met \d+ maatregelen/);
      await expect(alert.textContent()).resolves.toMatch(new RegExp(` ${notLoaded.replace(/[.()]/g, '\\$&')}$`));

      await page.getByRole('button', { name: 'Grafiek bijwerken' }).click();
      await alert.filter({ hasText: 'grafieken' }).waitFor();
      await expect(alert.getAttribute('role')).resolves.toBe('alert');
      await expect(alert.textContent()).resolves.toBe(notLoaded);
      // The scored levers are listed under the (empty) chart all the same.
      await expect(page.locator('#matrix-table th[scope="row"]').count()).resolves.toBe(2);

      offline = false;
      await page.getByRole('button', { name: 'Grafiek bijwerken' }).click();
      await kiesStatus.filter({ hasText: 'De grafiek toont 2 gescoorde maatregelen van het blad "Kies".' }).waitFor();
      await page.waitForFunction(() => {
        const canvas = document.getElementById('matrix-chart') as HTMLCanvasElement;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        return pixels.some((value, i) => i % 4 === 3 && value > 0);
      });
      await expect(alert.isHidden()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  test('English Office: an English Kies section and a "Choose" sheet; another round resets the section', async () => {
    const { context, page, workbook, errors } = await openPane('en-US');
    try {
      await page.getByLabel('API key').fill(server.apiKey);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('radio', { name: /Nulmeting/ }).check();
      await page.getByRole('button', { name: 'Create/update Choose sheet' }).click();
      await page.locator('#kies-status').filter({ hasText: 'Done' }).waitFor();
      expect(workbook.sheets.map((s) => s.name)).toEqual(['Choose']);
      expect(workbook.tableValues(workbook.koersTable('Levers')).header).toContain('Feasibility (1–5)');
      await expect(page.locator('#amo-status').textContent()).resolves.toMatch(/^No lever has been chosen yet/);

      await page.getByRole('radio', { name: /Nog leeg/ }).check();
      await expect(page.locator('#amo-status').isHidden()).resolves.toBe(true);
      await expect(page.locator('#kies-status').isHidden()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Create/update Choose sheet' }).click();
      await page
        .locator('#kies-status')
        .filter({ hasText: "This round's results give no suggestions (yet)" })
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The built task pane (dist/addin/taskpane.html) in headless Chromium against the real server:
 * connect → choose a round → pull, with Office stubbed (host Excel, language, requirement sets) and
 * Excel.run bridged to the fake workbook of tests/addin/fakeExcel.ts. Also: the office.js fallback
 * when the CDN is blocked, messages for a wrong key and an old Excel, and accessibility (axe-core).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FakeWorkbook } from '../addin/fakeExcel';
import { startKoersServer, type RunningServer } from '../addin/serverFixture';
import { describeWithChromium, launchChromium } from './chromium';
import { seriousA11yViolations } from './pageChecks';
import { ExcelBridge, installOfficeStub, type OfficeStubOptions } from '../addin/excelBridge';

jest.setTimeout(90_000);

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
  bridge: ExcelBridge;
  errors: string[];
  requests: string[];
}

/** A task pane in Excel (stubbed), with the CDN unreachable as on many school networks. */
async function openPane(
  stub: Partial<OfficeStubOptions> | null,
  /** cdnScript: what the CDN answers for office.js; without it the CDN is blocked. */
  options: { locale?: string; bypassCSP?: boolean; context?: BrowserContext; cdnScript?: string } = {},
): Promise<Pane> {
  const context =
    options.context ??
    (await browser.newContext({
      viewport: PANE,
      locale: options.locale ?? 'nl-NL',
      bypassCSP: options.bypassCSP ?? false,
    }));
  const page = await context.newPage();
  const workbook = new FakeWorkbook();
  const bridge = new ExcelBridge(workbook);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  const cdnScript = options.cdnScript;
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    cdnScript === undefined
      ? route.abort('blockedbyclient')
      : route.fulfill({ contentType: 'text/javascript', body: cdnScript }),
  );
  if (stub) {
    await bridge.attach(page);
    await page.addInitScript(installOfficeStub, {
      displayLanguage: 'nl-NL',
      partitionKey: 'browser-test',
      excelApi: '1.9',
      ...stub,
    });
  }
  await page.goto(`${server.baseUrl}/addin/taskpane.html`);
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  return { context, page, workbook, bridge, errors, requests };
}

async function connect(page: Page, key: string): Promise<void> {
  await page.getByLabel('API-sleutel').fill(key);
  await page.getByLabel('API-sleutel').press('Enter');
}

describeWithChromium('task pane in Chromium', () => {
  test('connect → choose a round → pull writes the sheets through Excel.run, with progress and charts', async () => {
    const pane = await openPane({});
    const { page, workbook } = pane;
    try {
      await page.getByRole('heading', { name: 'Verbinden met de Koers-server' }).waitFor();
      // The server address defaults to where the task pane came from.
      await expect(page.getByLabel('Adres van de server').inputValue()).resolves.toBe(server.baseUrl);
      await connect(page, server.apiKey);

      await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
      const radios = page.getByRole('radio');
      await expect(radios.count()).resolves.toBe(3);
      await expect(page.locator('.round-name').allTextContents()).resolves.toEqual([
        'Nulmeting strategisch HRM',
        'Nog leeg',
        'Te kleine ronde',
      ]);
      await expect(page.locator('.round-meta').first().textContent()).resolves.toMatch(/24 antwoorden · gesloten$/);
      // Keyboard: focus the first radio and choose it with Space.
      await radios.first().focus();
      await page.keyboard.press('Space');
      await expect(radios.first().isChecked()).resolves.toBe(true);

      await page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      const status = page.getByRole('status');
      await status.filter({ hasText: 'Klaar' }).waitFor();
      await expect(status.textContent()).resolves.toBe(
        'Klaar: de bladen "Resultaten", "Antwoorden", "Samenvatting" zijn bijgewerkt.',
      );
      await expect(page.locator('#progress-bar').evaluate((bar: HTMLProgressElement) => bar.value)).resolves.toBe(100);

      expect(workbook.sheets.map((s) => s.name)).toEqual(['Resultaten', 'Antwoorden', 'Samenvatting']);
      // Every table carries the round: a second round pulled into the same workbook gets its own.
      for (const base of ['internal', 'Responses', 'Summary.Sections', 'Summary.TopGaps']) {
        expect(workbook.koersTable(base)).toMatch(/^Koers[._]round_/);
      }
      // leraren 8, OOP 6, teamleiders 5, and directie 2 + P&O 3 as "Overige geledingen".
      expect(workbook.tableValues(workbook.koersTable('Responses')).rows).toHaveLength(24);
      expect(workbook.requireSheet('Samenvatting').charts.map((c) => c.name)).toEqual(['Koers.TopGaps']);
      expect(workbook.formulaCells()).toEqual([]);
      expect(workbook.activeSheet).toBe('Resultaten');

      // Charts in the pane, each with a table of the same figures for screen readers.
      await page.getByRole('heading', { name: 'Overzicht' }).waitFor();
      const canvasWidth = await page.locator('#gap-chart').evaluate((canvas: HTMLCanvasElement) => canvas.width);
      expect(canvasWidth).toBeGreaterThan(0);
      await expect(page.locator('#gap-chart-table tr').count()).resolves.toBe(1 + 5);
      await expect(page.locator('#group-chart-table th[scope="row"]').allTextContents()).resolves.toEqual([
        'Leraren',
        'Onderwijsondersteunend personeel (OOP)',
        'Teamleiders',
        'Overige geledingen',
      ]);
      // A task pane is narrow: nothing may stick out sideways.
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      // The blocked CDN request of the <head> tag is the only console error.
      expect(pane.errors.filter((e) => !/ERR_BLOCKED_BY_CLIENT/.test(e))).toEqual([]);
      // office.js is asked from the CDN by the <head> tag (Microsoft's guidance; blocked here); Office
      // was there (the stub) and ready at once, so the local copy was not loaded.
      expect(pane.requests).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(pane.requests.some((url) => url.includes('/addin/office-js/'))).toBe(false);
    } finally {
      await pane.context.close();
    }
  });

  test('a wrong key gets an alert and the focus goes back to the key; a remembered key reconnects on reload', async () => {
    const pane = await openPane({});
    const { page } = pane;
    try {
      await connect(page, 'koers_not_a_key');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toBe(
        'De API-sleutel klopt niet. Vraag de beheerder om een geldige sleutel.',
      );
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('api-key');

      await connect(page, server.apiKey);
      await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
      const stored = await page.evaluate(() => Object.keys(localStorage));
      expect(stored).toEqual(['browser-test:koers.connection']);

      await page.reload();
      await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
      await page.getByRole('button', { name: 'Andere server of sleutel' }).click();
      await page.getByRole('heading', { name: 'Verbinden met de Koers-server' }).waitFor();
      await expect(page.evaluate(() => Object.keys(localStorage))).resolves.toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  test('round without responses, and an Excel that is too old, get clear messages and no writes', async () => {
    const pane = await openPane({ excelApi: '1.8' });
    const { page, workbook } = pane;
    try {
      await connect(page, server.apiKey);
      await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
      await expect(page.getByRole('status').textContent()).resolves.toMatch(
        /te oud voor Koers \(nodig: ExcelApi 1\.9\)/,
      );
      await page.getByRole('radio', { name: /Nulmeting/ }).check();
      await page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/te oud voor Koers/);
      expect(workbook.sheets).toHaveLength(0);
    } finally {
      await pane.context.close();
    }
    const modern = await openPane({});
    try {
      await connect(modern.page, server.apiKey);
      await modern.page.getByRole('radio', { name: /Nog leeg/ }).check();
      await modern.page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      // "No responses at all" is a count of small groups too: the pane says only that none is large enough.
      await expect(modern.page.getByRole('alert').textContent()).resolves.toBe(
        'Alle groepen hebben minder dan 5 respondenten. Om de anonimiteit te beschermen worden er nog geen cijfers getoond.',
      );
      await modern.page.getByRole('radio', { name: /Te kleine ronde/ }).check();
      await modern.page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      await modern.page.getByRole('alert').filter({ hasText: 'anonimiteit' }).waitFor();
      expect(modern.workbook.sheets).toHaveLength(0);
    } finally {
      await modern.context.close();
    }
  });

  test('English Office gets an English pane and English sheets', async () => {
    const pane = await openPane({ displayLanguage: 'en-US' }, { locale: 'en-US' });
    const { page, workbook } = pane;
    try {
      await page.getByLabel('API key').fill(server.apiKey);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('radio', { name: /Nulmeting/ }).check();
      await page.getByRole('button', { name: 'Get results' }).click();
      await page.getByRole('status').filter({ hasText: 'Done' }).waitFor();
      expect(workbook.sheets.map((s) => s.name)).toEqual(['Results', 'Responses', 'Summary']);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    } finally {
      await pane.context.close();
    }
  });

  test('with the CDN blocked and no Office around, the local office.js is loaded under the page CSP', async () => {
    const pane = await openPane(null, { locale: 'nl-NL' });
    const { page } = pane;
    try {
      await page.getByRole('heading', { name: 'Verbinden met de Koers-server' }).waitFor();
      expect(pane.requests).toEqual(
        expect.arrayContaining([expect.stringMatching(/^https:\/\/appsforoffice\.microsoft\.com\//)]),
      );
      expect(pane.requests).toContain(`${server.baseUrl}/addin/office-js/office.js`);
      await expect(page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).resolves.toBe(
        'object',
      );
      // Outside Excel the pane says where it belongs.
      await expect(page.getByRole('status').textContent()).resolves.toBe(
        'Open Koers vanuit Excel om resultaten in een werkmap te zetten.',
      );
      // office.js itself, outside Office, tries to frame its telemetry service: refused by the CSP, harmless.
      const cspErrors = pane.errors.filter(
        (e) => /Content Security Policy/i.test(e) && !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e),
      );
      expect(cspErrors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  test('when the CDN office.js loads but never gets ready, the local copy is tried and the pane says so', async () => {
    // A partial block: office.js itself arrives, the files it needs do not, so onReady never resolves.
    const pane = await openPane(null, {
      cdnScript: 'window.Office = { onReady: function () { return new Promise(function () {}); } };',
    });
    const { page, context } = pane;
    try {
      await page.getByRole('heading', { name: 'Verbinden met de Koers-server' }).waitFor();
      expect(pane.requests).toContain(`${server.baseUrl}/addin/office-js/office.js`);
      // Only the local office.js tag is left in the page (office.js finds its files from its own tag).
      await expect(
        page.evaluate(() =>
          [...document.querySelectorAll('script[src*="office.js"]')].map((s) => s.getAttribute('src')),
        ),
      ).resolves.toEqual(['addin/office-js/office.js']);
      // Outside Office the local copy starts (not in Excel): the pane says what happened, honestly.
      await expect(page.getByRole('status').textContent()).resolves.toBe(
        'Office.js van Microsoft werd geladen maar startte niet op tijd (het schoolnetwerk blokkeert waarschijnlijk een deel van Microsofts adressen). Koers gebruikt nu zijn eigen kopie van office.js. Open Koers vanuit Excel om resultaten in een werkmap te zetten.',
      );
    } finally {
      await context.close();
    }
  });

  test('chart.js is fetched only when the charts are shown; offline the pane says so and a second pull draws them', async () => {
    const pane = await openPane({});
    const { page } = pane;
    // The pane's own scripts besides its bundle: the chunks fetched on demand (addin/<name>.<hash>.js).
    const chunk = /\/addin\/(?!taskpane\.)[^/]+\.js$/;
    let offline = true;
    const chunks: Array<{ url: string; encoding: string | null; cache: string | null }> = [];
    page.on('response', (response) => {
      if (chunk.test(response.url()))
        chunks.push({
          url: response.url(),
          encoding: response.headers()['content-encoding'] ?? null,
          cache: response.headers()['cache-control'] ?? null,
        });
    });
    await page.route(chunk, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    /** Whether anything was painted on the gap chart's canvas (runs in the page). */
    const gapChartPainted = () => {
      const canvas = document.getElementById('gap-chart') as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return pixels.some((value, i) => i % 4 === 3 && value > 0);
    };
    try {
      await connect(page, server.apiKey);
      await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
      // The first screens need no chunk: only the bundle was fetched.
      expect(pane.requests.filter((url) => chunk.test(url))).toEqual([]);

      await page.getByRole('radio', { name: /Nulmeting/ }).check();
      await page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toBe(
        'Klaar: de bladen "Resultaten", "Antwoorden", "Samenvatting" zijn bijgewerkt. De grafieken konden niet van de Koers-server worden geladen; waarschijnlijk is er geen verbinding. Controleer de verbinding en probeer het opnieuw. Lukt het dan nog niet, sluit het taakvenster en open Koers opnieuw.',
      );
      expect(pane.workbook.sheets.map((s) => s.name)).toEqual(['Resultaten', 'Antwoorden', 'Samenvatting']);
      // The figures are there as tables; the canvas stays empty.
      await expect(page.locator('#gap-chart-table tr').count()).resolves.toBe(1 + 5);
      await expect(page.evaluate(gapChartPainted)).resolves.toBe(false);
      expect(pane.requests.filter((url) => chunk.test(url)).length).toBeGreaterThan(0);

      // Back online: pulling again fetches the chunk again and draws.
      offline = false;
      await page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      await page.getByRole('status').filter({ hasText: 'Klaar' }).waitFor();
      await page.waitForFunction(gapChartPainted);
      await expect(page.getByRole('alert').isHidden()).resolves.toBe(true);
      // Served like the bundle: hashed names kept for a year, brotli where the build wrote it (over 1 kB).
      expect(chunks.length).toBeGreaterThan(0);
      for (const c of chunks) {
        expect(c.url).toMatch(/\/addin\/[\w-]+\.[0-9a-f]{16}\.js$/);
        expect(c.cache).toMatch(/max-age=31536000, immutable/);
      }
      expect(chunks.some((c) => c.encoding === 'br')).toBe(true);
      // Under the page's CSP (script-src 'self'): nothing refused.
      expect(pane.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  test('no serious accessibility problems in the connect and rounds views', async () => {
    const pane = await openPane({}, { bypassCSP: true });
    const { page } = pane;
    try {
      expect(await seriousA11yViolations(page)).toEqual([]);
      await connect(page, server.apiKey);
      await page.getByRole('heading', { name: 'Kies een ronde' }).waitFor();
      await page.getByRole('radio', { name: /Nulmeting/ }).check();
      await page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      await page.getByRole('status').filter({ hasText: 'Klaar' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});

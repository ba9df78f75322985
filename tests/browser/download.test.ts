/**
 * The /download page in headless Chromium against the real server: key in, rounds listed, the
 * workbook saved as a file; the key travels in the Authorization header only, never in a URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { startKoersServer, type RunningServer } from '../addin/serverFixture';
import { describeWithChromium, launchChromium } from './chromium';
import { seriousA11yViolations } from './pageChecks';

jest.setTimeout(90_000);

const distDir = path.resolve(process.env.KOERS_DIST_DIR ?? path.join(__dirname, '../../dist'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(distDir, 'download', 'index.html'))) {
    throw new Error(`No built download page in ${distDir}: run npx webpack --mode development first`);
  }
  server = await startKoersServer({ distDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeWithChromium('workbook download page', () => {
  // bypassCSP only lets axe-core be injected; the page itself needs no inline script.
  test('key → rounds → download saves the xlsx; the key is in no URL', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', acceptDownloads: true, bypassCSP: true });
    const page = await context.newPage();
    const urls: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${server.baseUrl}/download`);
      await page.getByLabel('API-sleutel').fill('koers_wrong');
      await page.getByRole('button', { name: 'Rondes tonen' }).click();
      await page.getByRole('alert').filter({ hasText: 'onbekend' }).waitFor();

      await page.getByLabel('API-sleutel').fill(server.apiKey);
      await page.getByRole('button', { name: 'Rondes tonen' }).click();
      await page.getByRole('radio', { name: /Nulmeting strategisch HRM/ }).check();
      expect(await seriousA11yViolations(page)).toEqual([]);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Downloaden' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`koers-${server.rounds.withResults}.xlsx`);
      const file = await download.path();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Resultaten', 'Antwoorden', 'Samenvatting', 'Kies']);
      await page.getByRole('status').filter({ hasText: 'Klaar' }).waitFor();
      expect(urls.some((url) => url.includes(server.apiKey))).toBe(false);
      expect(urls.some((url) => url.includes('/workbook.xlsx'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

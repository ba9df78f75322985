/**
 * Issue 11's whole flow in the built task pane, in headless Chromium, against the real server, with
 * Excel.run bridged to the fake workbook: new round (theme, period, renamed and own groups, threshold)
 * → Uitnodigingen sheet, CSV and printable cards → answers through the /r page and the form →
 * response view in the pane and on a sheet → end date moved → close with its confirmation →
 * results pulled. Also: no code ever appears in a request URL or the console, and axe finds
 * nothing serious in any state.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FakeWorkbook } from '../addin/fakeExcel';
import { ExcelBridge, installOfficeStub } from '../addin/excelBridge';
import { startKoersServer, type RunningServer } from '../addin/serverFixture';
import { describeWithChromium, launchChromium } from './chromium';
import { seriousA11yViolations } from './pageChecks';

jest.setTimeout(240_000);

const repoRoot = path.resolve(__dirname, '../..');
const distDir = path.resolve(process.env.KOERS_DIST_DIR ?? path.join(repoRoot, 'dist'));
const PANE = { width: 350, height: 1000 };

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

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file!, 'utf8') };
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect({ where, serious: await seriousA11yViolations(page) }).toEqual({ where, serious: [] });
}

describeWithChromium('a whole round from the task pane', () => {
  test('new round → invitations sheet → answers through the form → response → close → results pulled', async () => {
    const context = await browser.newContext({
      viewport: PANE,
      locale: 'nl-NL',
      bypassCSP: true,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const workbook = new FakeWorkbook();
    const bridge = new ExcelBridge(workbook);
    const urls: string[] = [];
    const consoleLines: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort('blockedbyclient'));
    await bridge.attach(page);
    await page.addInitScript(installOfficeStub, {
      displayLanguage: 'nl-NL',
      partitionKey: 'rounds-test',
      excelApi: '1.9',
    });
    try {
      await page.goto(`${server.baseUrl}/addin/taskpane.html`);
      await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
      await page.getByLabel('API-sleutel').fill(server.apiKey);
      await page.getByLabel('API-sleutel').press('Enter');
      await page.getByRole('heading', { name: 'Nieuwe ronde' }).waitFor();

      // 1. New round: defaults are there; choose a theme, move the start, rename OOP, add a group.
      const status = page.locator('#rounds-status');
      await page.locator('#nr-theme option').first().waitFor({ state: 'attached' });
      await expect(page.getByLabel('Vragenlijst', { exact: true }).inputValue()).resolves.toBe('shrm');
      await expect(page.getByLabel('Anonimiteitsdrempel (kleinste groep met resultaten)').inputValue()).resolves.toBe(
        '5',
      );
      await expect(page.locator('#nr-groups input[type=checkbox]:checked').count()).resolves.toBe(5);
      await page.getByLabel('Thema').selectOption({ label: 'Begeleiding startende leraren' });
      await expect(page.getByLabel('Naam van de ronde').inputValue()).resolves.toMatch(
        /^Begeleiding startende leraren \d{4}$/,
      );
      await page.getByLabel('Naam van de ronde').fill('Startende leraren 2026');
      await page.getByLabel('Open vanaf').fill('2026-11-20');
      await page.getByLabel('Open tot en met').fill('2026-12-10');
      await page.getByLabel('Naam van groep 4').fill('Ondersteuning');
      await page.getByLabel('Eigen groep toevoegen').fill('Conciërges');
      await page.getByRole('button', { name: 'Groep toevoegen' }).click();
      await page.getByLabel('Anonimiteitsdrempel (kleinste groep met resultaten)').fill('2');
      await expectAccessible(page, 'new round form');
      await page.getByRole('button', { name: 'Ronde maken' }).click();
      await status.filter({ hasText: 'is gemaakt' }).waitFor();
      await expect(page.getByRole('radio', { name: /Startende leraren 2026/ }).isChecked()).resolves.toBe(true);
      await page.getByRole('heading', { name: 'Ronde uitvoeren: Startende leraren 2026' }).waitFor();

      // 2. Invitations: three for Leraren, one for the own group, into the Uitnodigingen sheet.
      await page.getByLabel('Aantal codes voor Leraren').fill('3');
      await page.getByLabel('Aantal codes voor Conciërges').fill('1');
      await page.getByRole('button', { name: 'Codes maken en in blad zetten' }).click();
      await status.filter({ hasText: 'enige plek' }).waitFor();
      const invitations = workbook.tableValues('Koers.Invitations');
      expect(invitations.header).toEqual(['Groep', 'Code', 'Link']);
      expect(invitations.rows.map((r) => r[0])).toEqual(['Leraren', 'Leraren', 'Leraren', 'Conciërges']);
      const codes = invitations.rows.map((r) => String(r[1]));
      for (const row of invitations.rows) expect(row[2]).toBe(`${server.baseUrl}/r/${String(row[1])}`);
      const sheet = workbook.requireSheet('Uitnodigingen');
      expect(String(workbook.value(sheet, 0, 0))).toMatch(/enige plek waar deze codes staan/);

      const csv = await downloaded(page, () => page.getByRole('button', { name: 'CSV downloaden' }).click());
      expect(csv.name).toBe('uitnodigingen-Startende-leraren-2026.csv');
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      expect(csv.text.slice(1).split(/\r?\n/)[4]).toBe(`Conciërges;${codes[3]};${server.baseUrl}/r/${codes[3]}`);
      // The cards' QR codes come as a chunk fetched on demand: with the connection gone, the pane says so.
      const chunks = /\/addin\/(?!taskpane\.)[^/]+\.js$/;
      expect(urls.filter((url) => chunks.test(url))).toEqual([]);
      await page.route(chunks, (route) => route.abort('internetdisconnected'));
      await page.getByRole('button', { name: 'Kaarten om te printen' }).click();
      await page.locator('#rounds-message').filter({ hasText: 'uitnodigingskaarten' }).waitFor();
      await expect(page.locator('#rounds-message').textContent()).resolves.toBe(
        'De uitnodigingskaarten konden niet worden gemaakt: dat deel van Koers kon niet van de server worden geladen; waarschijnlijk is er geen verbinding. Controleer de verbinding en probeer het opnieuw. Lukt het dan nog niet, sluit het taakvenster en open Koers opnieuw.',
      );
      await page.unroute(chunks);
      const cards = await downloaded(page, () => page.getByRole('button', { name: 'Kaarten om te printen' }).click());
      expect(cards.name).toBe('uitnodigingskaarten-Startende-leraren-2026.html');
      expect(cards.text.match(/<div class="page">/g)).toHaveLength(2);
      expect(cards.text.match(/<svg/g)).toHaveLength(4);
      expect(cards.text).toContain(`${server.baseUrl}/r</strong>`);
      await expectAccessible(page, 'after invitations');

      // 3. Answers: one colleague types her code at /r and fills in the form; two more answer by link.
      const phone = await browser.newPage({ viewport: { width: 360, height: 800 }, locale: 'nl-NL' });
      phone.on('request', (request) => urls.push(request.url()));
      await phone.goto(`${server.baseUrl}/r`);
      await phone.getByLabel('Uw code').fill(`${codes[0]!.slice(0, 4).toLowerCase()} ${codes[0]!.slice(4)}`);
      await phone.getByRole('button', { name: 'Naar de vragenlijst' }).click();
      await phone.waitForURL(`**/r/${codes[0]}`);
      await phone.getByRole('button', { name: 'Beginnen' }).waitFor();
      await expect(phone.locator('[data-role="open-until"]').textContent()).resolves.toBe(
        'U kunt invullen tot en met donderdag 10 december 2026.',
      );
      await expect(phone.locator('h1').textContent()).resolves.toContain('Begeleiding startende leraren');
      await phone.getByRole('button', { name: 'Beginnen' }).click();
      for (;;) {
        const names = await phone.$$eval('input[type=radio][value="4"]', (inputs) =>
          inputs.map((input) => (input as HTMLInputElement).name),
        );
        for (const name of names) await phone.check(`input[name="${name}"][value="4"]`);
        const finish = phone.getByRole('button', { name: 'Naar afronden' });
        if (await finish.count()) {
          await finish.click();
          break;
        }
        await phone.getByRole('button', { name: 'Volgende' }).click();
      }
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await phone.getByRole('heading', { name: 'Bedankt voor het invullen!' }).waitFor();
      await phone.close();
      const form = (await (await fetch(`${server.baseUrl}/api/form/${codes[1]}`)).json()) as {
        survey: { sections: Array<{ statements: Array<{ id: string }> }> };
      };
      const ids = form.survey.sections.flatMap((s) => s.statements.map((st) => st.id));
      for (const code of codes.slice(1, 3)) {
        const res = await fetch(`${server.baseUrl}/api/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code, answers: ids.map((statementId) => ({ statementId, current: 2, desired: 5 })) }),
        });
        expect(res.status).toBe(201);
      }

      // 4. Response: per group, in the pane and on a sheet; the own group is "fewer than 2".
      await page.getByRole('button', { name: 'Respons vernieuwen' }).click();
      await status.filter({ hasText: 'Bijgewerkt' }).waitFor();
      const row = (name: string) => page.locator('#response-table tr', { has: page.locator(`th:text-is("${name}")`) });
      await expect(row('Leraren').locator('td').allTextContents()).resolves.toEqual(['3', '3', '100%']);
      await expect(row('Conciërges').locator('td').allTextContents()).resolves.toEqual(['1', 'minder dan 2', '–']);
      const response = workbook.tableValues('Koers.Participation');
      expect(response.header).toEqual(['Groep', 'Uitgenodigd', 'Ingevuld', 'Respons']);
      expect(response.rows.find((r) => r[0] === 'Ondersteuning')).toEqual(['Ondersteuning', 0, 'minder dan 2', '–']);
      expect(response.rows.at(-1)).toEqual(['Totaal', 4, '3–4', '75–100%']);
      await expectAccessible(page, 'response view');

      // 5. A later end date, then close after the confirmation says what closing means.
      await page.getByLabel('Nieuwe einddatum').fill('2026-12-18');
      await page.getByRole('button', { name: 'Einddatum wijzigen' }).click();
      await status.filter({ hasText: 'open tot en met 18 december 2026' }).waitFor();
      await page.getByRole('button', { name: 'Ronde sluiten…' }).click();
      await expect(page.locator('#close-confirm-text').textContent()).resolves.toMatch(
        /geen antwoorden meer bij, ongebruikte codes werken niet meer en de resultaten worden definitief/,
      );
      await expectAccessible(page, 'close confirmation');
      await page.getByRole('button', { name: 'Ja, ronde sluiten' }).click();
      await status.filter({ hasText: 'De ronde is gesloten' }).waitFor();
      const late = await fetch(`${server.baseUrl}/api/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: codes[3], answers: [{ statementId: ids[0], current: 1, desired: 2 }] }),
      });
      expect(late.status).toBe(409);

      // 6. The final results into the workbook.
      await page.getByRole('button', { name: 'Resultaten ophalen' }).click();
      await page.locator('#status').filter({ hasText: 'Klaar' }).waitFor();
      for (const name of ['Uitnodigingen', 'Respons', 'Resultaten']) expect(workbook.sheet(name)).toBeDefined();

      // Codes go into the workbook, the CSV and the cards: never into a request URL other than the
      // respondent's own link, and never into the console.
      const adminUrls = urls.filter((url) => !url.includes('/r/') && !url.includes('/api/form/'));
      for (const code of codes) {
        expect(adminUrls.filter((url) => url.includes(code))).toEqual([]);
        expect(consoleLines.filter((line) => line.includes(code))).toEqual([]);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('own survey: template in the Vragenlijst sheet → problems on their rows → fixed → published → offered for a new round', async () => {
    const context = await browser.newContext({ viewport: PANE, locale: 'nl-NL', bypassCSP: true });
    const page = await context.newPage();
    const workbook = new FakeWorkbook();
    const bridge = new ExcelBridge(workbook);
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort('blockedbyclient'));
    await bridge.attach(page);
    await page.addInitScript(installOfficeStub, {
      displayLanguage: 'nl-NL',
      partitionKey: 'survey-test',
      excelApi: '1.9',
    });
    try {
      await page.goto(`${server.baseUrl}/addin/taskpane.html`);
      await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
      await page.getByLabel('API-sleutel').fill(server.apiKey);
      await page.getByLabel('API-sleutel').press('Enter');
      await page.getByRole('heading', { name: 'Eigen vragenlijst' }).waitFor();
      const status = page.locator('#rounds-status');
      const alert = page.locator('#rounds-message');
      await page.getByRole('button', { name: 'Sjabloon maken' }).click();
      await status.filter({ hasText: 'staat klaar' }).waitFor();
      const sheet = workbook.requireSheet('Vragenlijst');
      const header = workbook.tableValues('Koers.Questionnaire').header;
      expect(header).toEqual([
        'Onderdeel',
        'Onderdeel (Engels)',
        'Id',
        'Stelling',
        'Stelling (Engels)',
        'Tabel 3/4-blok',
        'Maatregelen',
        'Lijkt op',
        'Controle',
      ]);
      const table = workbook.requireTable('Koers.Questionnaire');
      const first = table.rect.row + 1;
      workbook.type(sheet, first, 6, 'geen-maatregel');
      await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
      await alert.filter({ hasText: 'punten om te verbeteren' }).waitFor();
      expect(workbook.value(sheet, first, 8)).toBe(
        'De maatregel "geen-maatregel" bestaat niet; kies een id uit de lijst rechts.',
      );
      const leverId = String(workbook.tableValues('Koers.Questionnaire.Levers').rows[0]![0]);
      workbook.type(sheet, first, 6, leverId);
      await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
      await status.filter({ hasText: 'Gepubliceerd' }).waitFor();
      expect(workbook.value(sheet, first, 8)).toBe('in orde');
      const published = String(workbook.value(sheet, 8, 1));
      expect(published).toMatch(/^survey-/);
      await expect(
        page.getByLabel('Vragenlijst', { exact: true }).locator('option').allTextContents(),
      ).resolves.toContain('Eigen vragenlijst: Werkdruk en professionele ruimte');
      const stored = await server.store.surveys.getSurvey(
        (await server.store.organisations.organisationForKey(server.apiKey))!.id,
        published,
      );
      expect(stored?.sections[0]?.statements[0]?.levers).toEqual([leverId]);
      expect(stored?.title).toEqual({ nl: 'Werkdruk en professionele ruimte', en: 'Werkdruk en professionele ruimte' });
      await expectAccessible(page, 'after publishing');
    } finally {
      await context.close();
    }
  });
});

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { LEVER_LIBRARY } from '../../core/levers/library';
import { MAX_REMARK_LENGTH, SCORE_MAX, SCORE_MIN, type ScoreInput } from '../../core/levers/scoring';
import { createApp } from '../../server/app';
import { MAX_REMARK_LENGTH as PAGE_REMARK_LIMIT, SCORE_POINTS } from '../../server/public/scoring/scoringDraft';
import { openStore } from '../../server/store/index';
import type { KoersStores } from '../../server/store/types';
import { describeWithChromium, launchChromium } from './chromium';
import { expectNoSeriousA11yProblems, expectNoSideways } from './pageChecks';

jest.setTimeout(90_000);

const repoRoot = path.resolve(__dirname, '../..');
/** The built bundle; KOERS_DIST_DIR lets a developer point at a build made elsewhere. */
const distDir = path.resolve(process.env.KOERS_DIST_DIR ?? path.join(repoRoot, 'dist'));
const scoringPage = path.join(distDir, 'scoring', 'index.html');

const PHONE = { width: 360, height: 740 };

interface Fixture {
  store: KoersStores;
  dataDir: string;
  server: Server;
  baseUrl: string;
  organisationId: string;
  roundId: string;
  leverIds: string[];
  tokens: string[];
  closedToken: string;
}

let fixture: Fixture;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-scoring-test-'));
  const store = await openStore({ dataDir });
  const organisation = await store.organisations.findOrCreateOrganisation('Testcollege');
  const round = await store.rounds.createRound(organisation.id, {
    surveyId: 'shrm',
    name: 'Voorjaar 2026',
    groups: ['leraren'],
    anonymityThreshold: 5,
    actionGap: 1,
  });
  const own = await store.levers.createLever(organisation.id, {
    title: { nl: 'Een vaste inwerkdag voor nieuwe collega’s', en: 'A fixed induction day for new colleagues' },
    description: {
      nl: 'In de eerste week krijgt elke nieuwe collega een dag om de school, het team en de systemen te leren kennen.',
      en: 'In their first week every new colleague gets a day to get to know the school, the team and the systems.',
    },
    cluster: 'werving-selectie',
    themes: ['startende-leraren'],
    amo: ['ability', 'opportunity'],
  });
  const leverIds = ['intervisie', 'gesprekkencyclus', own.id, 'tijd-voor-professionalisering'];
  const { tokens } = await store.scoring.openScoringSession(round.organisationId, round.id, leverIds, 8);

  const closedRound = await store.rounds.createRound(organisation.id, {
    surveyId: 'shrm',
    name: 'Najaar 2025',
    groups: ['leraren'],
    anonymityThreshold: 5,
    actionGap: 1,
  });
  const closed = await store.scoring.openScoringSession(closedRound.organisationId, closedRound.id, ['intervisie'], 1);
  await store.scoring.closeScoringSession(organisation.id, closedRound.id);

  const app = createApp({ store, config: { distDir, ratePerIp: 100_000, ratePerCode: 1_000 } });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  fixture = {
    store,
    dataDir,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    organisationId: organisation.id,
    roundId: round.id,
    leverIds,
    tokens,
    closedToken: closed.tokens[0]!,
  };
});

afterAll(async () => {
  if (!fixture) return;
  await new Promise<void>((resolve) => fixture.server.close(() => resolve()));
  await fixture.store.close();
  fs.rmSync(fixture.dataDir, { recursive: true, force: true });
});

/** Hands out each personal link once, so tests never depend on each other's scores. */
let nextToken = 0;
const freshToken = (): string => {
  const token = fixture.tokens[nextToken++];
  if (!token) throw new Error('out of scoring links: open the session with more raters');
  return token;
};

const titleNl = (leverId: string): string =>
  LEVER_LIBRARY.find((l) => l.id === leverId)?.title.nl ?? 'Een vaste inwerkdag voor nieuwe collega’s';

/** Different scores per lever and dimension, covering the whole scale. */
const planned = (index: number): { impact: number; feasibility: number } => ({
  impact: ((index * 2) % 5) + 1,
  feasibility: ((index + 3) % 5) + 1,
});

const radio = (leverId: string, dimension: 'impact' | 'feasibility', value: number): string =>
  `input[name="score--${leverId}--${dimension}"][value="${value}"]`;

const viewHeading = (page: Page) => page.locator('[data-focus="view"]');

const focusedName = (page: Page): Promise<string | null> =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('name') ?? null);

/** axe-core in the page; only serious and critical findings fail, with their details in the message. */
/** Picks a score with the keyboard in a radio group that has focus: Space takes 1, each → one more. */
async function chooseWithKeys(page: Page, value: number): Promise<void> {
  await page.keyboard.press('Space');
  for (let i = 1; i < value; i += 1) await page.keyboard.press('ArrowRight');
}

const draftKeys = (page: Page): Promise<string[]> =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('koers.scoring.')));

describe('scoring page limits', () => {
  it('match the server limits', () => {
    expect([...SCORE_POINTS]).toEqual(Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i));
    expect(PAGE_REMARK_LIMIT).toBe(MAX_REMARK_LENGTH);
  });

  it('is served for /s/:token uncached and without referrer, and a trailing slash is redirected', async () => {
    expect(fs.existsSync(scoringPage)).toBe(true);
    const response = await fetch(`${fixture.baseUrl}/s/${fixture.tokens[fixture.tokens.length - 1]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const redirect = await fetch(`${fixture.baseUrl}/s/ANYTOKEN1234567890/`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
  });
});

describeWithChromium('MT scoring page in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const html = fs.existsSync(scoringPage) ? fs.readFileSync(scoringPage, 'utf8') : undefined;
    if (html === undefined)
      throw new Error(`${scoringPage} is missing: build the bundle first (npx webpack --mode development)`);
    if (html.includes('Html Webpack Plugin:'))
      throw new Error(`${scoringPage} is html-webpack-plugin's error page: the webpack build failed`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A phone: 360 × 740, Dutch unless told otherwise. bypassCSP lets axe-core be injected. */
  async function phone(locale = 'nl-NL'): Promise<{ page: Page; finish: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: PHONE, locale, bypassCSP: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return {
      page,
      finish: async () => {
        await context.close();
        expect(errors).toEqual([]);
      },
    };
  }

  it('is scored with the keyboard alone on a phone, sent, and can be changed while the session is open', async () => {
    const token = freshToken();
    const { leverIds } = fixture;
    const { page, finish } = await phone();
    await page.goto(`${fixture.baseUrl}/s/${token}`);
    expect(await viewHeading(page).textContent()).toBe('Maatregelen scoren');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.title()).toBe('Maatregelen scoren – Koers');
    expect(await page.locator('.meta dd').textContent()).toBe('Voorjaar 2026');
    expect(await page.locator('.lever-title').allTextContents()).toEqual(
      leverIds.map((id, i) => `${i + 1}. ${titleNl(id)}`),
    );
    expect(await page.locator('.lever-tags').first().textContent()).toBe(
      'Onderwerp:Opleiding en begeleidingWerkt aan:Kunnen, Willen',
    );
    expect(await page.locator('.progress-count').textContent()).toBe('0 van 4 maatregelen gescoord');
    await expectNoSideways(page, PHONE.width);
    await expectNoSeriousA11yProblems(page, 'empty scoring page');
    await page.screenshot({ path: path.join(os.tmpdir(), 'koers-scoring-start-360.png') });
    await page.screenshot({ path: path.join(os.tmpdir(), 'koers-scoring-full-360.png'), fullPage: true });

    // Tab order: NL, EN, then the first lever's impact group.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    for (const [index, leverId] of leverIds.entries()) {
      const { impact, feasibility } = planned(index);
      expect(await focusedName(page)).toBe(`score--${leverId}--impact`);
      await chooseWithKeys(page, impact);
      if (index === 0) {
        // Keyboard focus is visible on the whole tile.
        const outline = await page.evaluate(
          () => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle,
        );
        expect(outline).toBe('solid');
      }
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe(`score--${leverId}--feasibility`);
      await chooseWithKeys(page, feasibility);
      await page.keyboard.press('Tab');
      // The remark sits folded behind its summary; open it for the first lever and write one.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
      if (index === 0) {
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
        await page.keyboard.type('Sluit aan bij wat secties al doen.');
      }
      await page.keyboard.press('Tab');
      expect(await page.locator('.progress-count').textContent()).toBe(`${index + 1} van 4 maatregelen gescoord`);
    }
    for (const [index, leverId] of leverIds.entries()) {
      expect(await page.isChecked(radio(leverId, 'impact', planned(index).impact))).toBe(true);
      expect(await page.isChecked(radio(leverId, 'feasibility', planned(index).feasibility))).toBe(true);
    }
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `koers.scoring.${token}`))!);
    expect(saved.scores.intervisie).toEqual({ ...planned(0), remark: 'Sluit aan bij wat secties al doen.' });
    await page.locator('.lever').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(os.tmpdir(), 'koers-scoring-scored-360.png') });
    await expectNoSideways(page, PHONE.width);

    // After the last lever's remark toggle comes the send button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-role'))).toBe('submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.done');
    expect(await viewHeading(page).textContent()).toBe('Bedankt, uw scores zijn ontvangen!');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bedankt, uw scores zijn ontvangen!');
    expect(await page.locator('.done').textContent()).toContain(
      'Zolang de scoringsronde open is, kunt u uw scores nog wijzigen',
    );
    expect(await draftKeys(page)).toEqual([]);
    await expectNoSideways(page, PHONE.width);
    await expectNoSeriousA11yProblems(page, 'thank-you page');
    await page.screenshot({ path: path.join(os.tmpdir(), 'koers-scoring-thanks-360.png') });

    const expected: ScoreInput[] = leverIds.map((leverId, index) => ({
      leverId,
      ...planned(index),
      ...(index === 0 ? { remark: 'Sluit aan bij wat secties al doen.' } : {}),
    }));
    expect((await fixture.store.scoring.lookupScoringToken(token))?.scores).toEqual(expected);

    // Changing scores replaces them: the member still counts once.
    await page.getByRole('button', { name: 'Scores wijzigen' }).click();
    expect(await page.locator('[data-role="earlier"]').count()).toBe(1);
    expect(await page.isChecked(radio('gesprekkencyclus', 'impact', planned(1).impact))).toBe(true);
    await page.check(radio('gesprekkencyclus', 'impact', 5));
    await page.getByRole('button', { name: 'Scores versturen' }).click();
    await page.waitForSelector('.done');
    expect((await fixture.store.scoring.lookupScoringToken(token))?.scores?.[1]).toEqual({
      leverId: 'gesprekkencyclus',
      impact: 5,
      feasibility: planned(1).feasibility,
    });
    const session = (await fixture.store.scoring.getScoringSession(fixture.organisationId, fixture.roundId))!;
    expect(Object.keys(session.scores)).toHaveLength(1);

    // Coming back later shows the sent scores, ready to change.
    await page.goto(`${fixture.baseUrl}/s/${token}`);
    expect(await page.locator('[data-role="earlier"]').textContent()).toContain('U hebt al scores verstuurd');
    expect(await page.isChecked(radio('gesprekkencyclus', 'impact', 5))).toBe(true);
    expect(await page.locator('.progress-count').textContent()).toBe('4 van 4 maatregelen gescoord');
    await finish();
  });

  it('refuses to send with a score missing, says which, and keeps unsent scores over a reload', async () => {
    const token = freshToken();
    const { leverIds } = fixture;
    const { page, finish } = await phone();
    await page.goto(`${fixture.baseUrl}/s/${token}`);
    await viewHeading(page).waitFor();
    for (const [index, leverId] of leverIds.entries()) {
      await page.check(radio(leverId, 'impact', planned(index).impact));
      if (index !== 2) await page.check(radio(leverId, 'feasibility', planned(index).feasibility));
    }
    await page.reload();
    await page.waitForSelector('.lever');
    expect(await page.isChecked(radio(leverIds[3]!, 'impact', planned(3).impact))).toBe(true);
    expect(await page.locator('.progress-count').textContent()).toBe('3 van 4 maatregelen gescoord');
    await page.locator('#status', { hasText: 'teruggezet' }).waitFor({ state: 'attached' });

    await page.getByRole('button', { name: 'Scores versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er ontbreekt nog 1 score' }).waitFor();
    expect(await focusedName(page)).toBe(`score--${leverIds[2]}--feasibility`);
    expect(await page.getByRole('group', { name: /Slagingskans.*Kies een score van 1 tot en met 5/ }).count()).toBe(1);
    expect((await fixture.store.scoring.lookupScoringToken(token))?.scores).toBeUndefined();
    await expectNoSeriousA11yProblems(page, 'missing score');

    await page.check(radio(leverIds[2]!, 'feasibility', 2));
    expect(await page.locator('[data-role="missing"]').textContent()).toBe('');
    await page.getByRole('button', { name: 'Scores versturen' }).click();
    await page.waitForSelector('.done');
    expect((await fixture.store.scoring.lookupScoringToken(token))?.scores).toHaveLength(4);
    await finish();
  });

  it('keeps the scores when sending fails, says why, and sends them on retry', async () => {
    const token = freshToken();
    const { leverIds } = fixture;
    const { page, finish } = await phone();
    await page.goto(`${fixture.baseUrl}/s/${token}`);
    await viewHeading(page).waitFor();
    for (const [index, leverId] of leverIds.entries()) {
      await page.check(radio(leverId, 'impact', planned(index).impact));
      await page.check(radio(leverId, 'feasibility', planned(index).feasibility));
    }
    await page.route('**/api/scoring/**', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('button', { name: 'Scores versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'geen verbinding' }).waitFor();
    expect(await draftKeys(page)).toEqual([`koers.scoring.${token}`]);
    expect((await fixture.store.scoring.lookupScoringToken(token))?.scores).toBeUndefined();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Opnieuw proberen');

    await page.unroute('**/api/scoring/**');
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.waitForSelector('.done');
    expect((await fixture.store.scoring.lookupScoringToken(token))?.scores).toHaveLength(4);
    await finish();
  });

  it('speaks English to an English browser and switches language on request', async () => {
    const { page, finish } = await phone('en-US');
    await page.goto(`${fixture.baseUrl}/s/${fixture.tokens[fixture.tokens.length - 1]}`);
    expect(await viewHeading(page).textContent()).toBe('Score policy levers');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const intervisie = LEVER_LIBRARY.find((l) => l.id === 'intervisie')!;
    expect(await page.locator('.lever-title').first().textContent()).toBe(`1. ${intervisie.title.en}`);
    expect(await page.getByRole('group', { name: /Expected impact/ }).count()).toBe(4);
    expect(await page.locator('.progress-count').textContent()).toBe('0 of 4 levers scored');
    await expectNoSideways(page, PHONE.width);
    await expectNoSeriousA11yProblems(page, 'English page');

    const dutch = page.getByRole('button', { name: /NL/ });
    await dutch.click();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await viewHeading(page).textContent()).toBe('Maatregelen scoren');
    expect(await page.locator('.lever-title').first().textContent()).toBe(`1. ${intervisie.title.nl}`);
    await finish();
  });

  it('says so for an unknown or malformed link', async () => {
    const { page, finish } = await phone();
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'kort']) {
      await page.goto(`${fixture.baseUrl}/s/${token}`);
      expect(await viewHeading(page).textContent()).toBe('Deze link werkt niet');
      expect(await page.locator('.message').textContent()).toContain('volledige link');
    }
    await expectNoSeriousA11yProblems(page, 'unknown link');
    await finish();
  });

  it('does not render a reply that breaks the contract, and says so', async () => {
    const { page, finish } = await phone();
    const levers = [{ id: 'x', title: 'only Dutch', description: { nl: 'a', en: 'b' } }];
    await page.route('**/api/scoring/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ levers }) }),
    );
    await page.goto(`${fixture.baseUrl}/s/${fixture.tokens[0]}`);
    expect(await viewHeading(page).textContent()).toBe('De maatregelen konden niet worden geladen');
    expect(await page.locator('.message').textContent()).toContain('onverwacht antwoord');
    await finish();
  });

  it('says so when the session is closed, also when it closes while scoring', async () => {
    const { page, finish } = await phone();
    await page.goto(`${fixture.baseUrl}/s/${fixture.closedToken}`);
    expect(await viewHeading(page).textContent()).toBe('De scoringsronde is gesloten');
    expect(await page.locator('.message').textContent()).toContain('Najaar 2025');
    await expectNoSideways(page, PHONE.width);

    // The session closes between loading the page and sending.
    const token = freshToken();
    await page.goto(`${fixture.baseUrl}/s/${token}`);
    await viewHeading(page).waitFor();
    for (const [index, leverId] of fixture.leverIds.entries()) {
      await page.check(radio(leverId, 'impact', planned(index).impact));
      await page.check(radio(leverId, 'feasibility', planned(index).feasibility));
    }
    await page.route('**/api/scoring/**', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'scoringClosed', message: 'Deze scoringsronde is gesloten.' } }),
          })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Scores versturen' }).click();
    await page.waitForSelector('.message');
    expect(await viewHeading(page).textContent()).toBe('De scoringsronde is gesloten');
    expect(await draftKeys(page)).toEqual([]);
    await finish();
  });
});

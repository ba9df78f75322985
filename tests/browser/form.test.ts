import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MAX_COMMENT_LENGTH, type StoredResponse } from '../../core/response';
import type { Round } from '../../core/round';
import type { Survey } from '../../core/survey';
import { createApp } from '../../server/app';
import { MAX_COMMENT_LENGTH as FORM_COMMENT_LIMIT } from '../../server/public/form/formSurvey';
import { openStore } from '../../server/store/index';
import type { KoersStores } from '../../server/store/types';
import { describeWithChromium, launchChromium } from './chromium';
import { expectNoSeriousA11yProblems, expectNoSideways } from './pageChecks';

jest.setTimeout(90_000);

const repoRoot = path.resolve(__dirname, '../..');
/** The built bundle; KOERS_DIST_DIR lets a developer point at a build made elsewhere. */
const distDir = path.resolve(process.env.KOERS_DIST_DIR ?? path.join(repoRoot, 'dist'));
const formPage = path.join(distDir, 'form', 'index.html');

const PHONE = { width: 360, height: 740 };
const THEME_SECTION_COUNT = 5;

interface Fixture {
  store: KoersStores;
  dataDir: string;
  server: Server;
  baseUrl: string;
  survey: Survey;
  round: Round;
  codes: string[];
  closedCode: string;
}

let fixture: Fixture;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-form-test-'));
  const store = await openStore({ dataDir });
  const organisation = await store.organisations.findOrCreateOrganisation('Testcollege');
  const survey = await store.surveys.getSurvey(organisation.id, 'shrm');
  if (!survey) throw new Error('the built-in survey "shrm" is missing');
  const groups = survey.groups.map((g) => g.id);
  const round = await store.rounds.createRound(organisation.id, {
    surveyId: 'shrm',
    name: 'Voorjaar 2026',
    groups,
    anonymityThreshold: 5,
    actionGap: 1,
  });
  const codes = await store.rounds.createInvitations(round.organisationId, round.id, 'leraren', 8);
  const closedRound = await store.rounds.createRound(organisation.id, {
    surveyId: 'shrm',
    name: 'Najaar 2025',
    groups,
    anonymityThreshold: 5,
    actionGap: 1,
  });
  const [closedCode] = await store.rounds.createInvitations(closedRound.organisationId, closedRound.id, 'oop', 1);
  await store.rounds.closeRound(organisation.id, closedRound.id);

  const app = createApp({ store, config: { distDir, ratePerIp: 100_000, ratePerCode: 1_000 } });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  fixture = { store, dataDir, server, baseUrl: `http://127.0.0.1:${port}`, survey, round, codes, closedCode };
});

afterAll(async () => {
  if (!fixture) return;
  await new Promise<void>((resolve) => fixture.server.close(() => resolve()));
  await fixture.store.close();
  fs.rmSync(fixture.dataDir, { recursive: true, force: true });
});

/** Hands out each invitation code once, so tests never depend on each other's submissions. */
let nextCode = 0;
const freshCode = (): string => {
  const code = fixture.codes[nextCode++];
  if (!code) throw new Error('out of invitation codes: create more in beforeAll');
  return code;
};

describe('form API', () => {
  it('serves what the form needs for a code, without survey internals', async () => {
    const code = fixture.codes[fixture.codes.length - 1];
    const response = await fetch(`${fixture.baseUrl}/api/form/${code}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await response.json();
    expect(body.round).toEqual({ name: 'Voorjaar 2026', status: 'open', phase: 'open', anonymityThreshold: 5 });
    expect(body.group).toEqual({ id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } });
    expect(body.used).toBe(false);
    expect(body.survey.title).toEqual(fixture.survey.title);
    expect(body.survey.scale).toEqual(fixture.survey.scale);
    expect(body.survey.sections).toHaveLength(fixture.survey.sections.length);
    expect(body.survey.sections[0].statements[0]).toEqual({
      id: fixture.survey.sections[0].statements[0].id,
      text: fixture.survey.sections[0].statements[0].text,
    });
    expect(body.survey).not.toHaveProperty('groups');
    expect(body.survey).not.toHaveProperty('organisationId');
  });

  it('answers 404 unknownCode for a well-formed code nobody was given', async () => {
    const response = await fetch(`${fixture.baseUrl}/api/form/ABCDEFGHJK?lang=en`);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toEqual({
      code: 'unknownCode',
      message: 'This code is unknown. Please check the link in your invitation.',
    });
  });

  it.each([['abc'], ['x'.repeat(65)], ['ABC%20DEF!'], ['ABCD.EFGH']])(
    'answers 400 badRequest for the code %s',
    async (code) => {
      const response = await fetch(`${fixture.baseUrl}/api/form/${code}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('badRequest');
    },
  );

  it('reports a closed round with status closed, not an error', async () => {
    const response = await fetch(`${fixture.baseUrl}/api/form/${fixture.closedCode}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.round.status).toBe('closed');
    expect(body.group.id).toBe('oop');
  });

  it('sends the page for /r/:code uncached and without referrer, and redirects a trailing slash', async () => {
    expect(fs.existsSync(formPage)).toBe(true);
    const response = await fetch(`${fixture.baseUrl}/r/ANYCODE123`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const redirect = await fetch(`${fixture.baseUrl}/r/ANYCODE123/`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(new URL(redirect.headers.get('location')!, `${fixture.baseUrl}/r/ANYCODE123/`).pathname).toBe(
      '/r/ANYCODE123',
    );
  });

  it('keeps the form comment limit equal to the server limit', () => {
    expect(FORM_COMMENT_LIMIT).toBe(MAX_COMMENT_LENGTH);
  });
});

type Planned = [number | null, number | null];

/** A fixed mix of scale points and "don't know" answers, different for current and desired. */
function plannedAnswers(survey: Survey): Map<string, Planned> {
  const plan = new Map<string, Planned>();
  let i = 0;
  for (const section of survey.sections) {
    for (const statement of section.statements) {
      const current = i % 4 === 3 ? null : (i % 5) + 1;
      const desired = i % 6 === 5 ? null : ((i + 2) % 5) + 1;
      plan.set(statement.id, [current, desired]);
      i += 1;
    }
  }
  return plan;
}

const radio = (statementId: string, kind: 'current' | 'desired', value: number | null): string =>
  `input[name="rating--${statementId}--${kind}"][value="${value === null ? 'dk' : value}"]`;

async function rate(page: Page, statementId: string, [current, desired]: Planned): Promise<void> {
  await page.check(radio(statementId, 'current', current));
  await page.check(radio(statementId, 'desired', desired));
}

async function expectRated(page: Page, statementId: string, [current, desired]: Planned): Promise<void> {
  expect(await page.isChecked(radio(statementId, 'current', current))).toBe(true);
  expect(await page.isChecked(radio(statementId, 'desired', desired))).toBe(true);
}

const viewHeading = (page: Page) => page.locator('[data-focus="view"]');

async function stepText(page: Page): Promise<string> {
  return (await page.locator('.progress-step').textContent()) ?? '';
}

/** axe-core in the page; only serious and critical findings fail, with their details in the message. */
function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('koers.form.')));
}

async function storedResponses(roundId: string): Promise<StoredResponse[]> {
  const all: StoredResponse[] = [];
  for await (const response of fixture.store.responses.readResponses(roundId)) all.push(response);
  return all;
}

describeWithChromium('respondent form in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const html = fs.existsSync(formPage) ? fs.readFileSync(formPage, 'utf8') : undefined;
    if (html === undefined) throw new Error(`${formPage} is missing: build the bundle first (npm run build)`);
    if (html.includes('Html Webpack Plugin:')) {
      throw new Error(`${formPage} is html-webpack-plugin's error page: the webpack build failed`);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A phone: 360 px wide, Dutch unless told otherwise. bypassCSP lets axe-core be injected. */
  async function phone(locale = 'nl-NL'): Promise<{ page: Page; done: () => Promise<void> }> {
    const context: BrowserContext = await browser.newContext({
      viewport: PHONE,
      locale,
      bypassCSP: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return {
      page,
      done: async () => {
        await context.close();
        expect(errors).toEqual([]);
      },
    };
  }

  it('is filled in on a phone, keeps answers over a reload, and stores exactly one response', async () => {
    const { survey, round } = fixture;
    const code = freshCode();
    const plan = plannedAnswers(survey);
    const before = await fixture.store.responses.responseCount(round.id);
    const { page, done } = await phone();

    await page.goto(`${fixture.baseUrl}/r/${code}`);
    await expect(viewHeading(page).textContent()).resolves.toBe(survey.title.nl);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.locator('.notice').textContent()).toContain('anoniem');
    expect(await page.locator('.notice').textContent()).toContain('minder dan 5');
    await expectNoSideways(page, PHONE.width);
    await expectNoSeriousA11yProblems(page, 'start page');

    await page.getByRole('button', { name: 'Beginnen' }).click();
    expect(await stepText(page)).toBe(`Onderdeel 1 van ${THEME_SECTION_COUNT}`);
    await page
      .locator('#status', { hasText: `Onderdeel 1 van ${THEME_SECTION_COUNT}: ${survey.sections[0].title.nl}` })
      .waitFor({ state: 'attached' });
    // Focus moves to the section heading so screen readers start reading there.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

    for (const [index, section] of survey.sections.entries()) {
      expect(await stepText(page)).toBe(`Onderdeel ${index + 1} van ${survey.sections.length}`);
      const statements = section.statements;

      if (index === 1) {
        // The browser's back button goes to the previous part, not away from the form.
        await page.goBack();
        await page.locator('.progress-step', { hasText: `Onderdeel 1 van ${survey.sections.length}` }).waitFor();
        await expectRated(page, survey.sections[0].statements[0].id, plan.get(survey.sections[0].statements[0].id)!);
        await page.goForward();
        await page.locator('.progress-step', { hasText: `Onderdeel 2 van ${survey.sections.length}` }).waitFor();
        // Reload halfway through the second section: everything given so far must come back.
        const half = Math.ceil(statements.length / 2);
        for (const s of statements.slice(0, half)) await rate(page, s.id, plan.get(s.id)!);
        await page.reload();
        await page.waitForSelector('.statement');
        expect(await stepText(page)).toBe(`Onderdeel 2 van ${survey.sections.length}`);
        for (const s of statements.slice(0, half)) await expectRated(page, s.id, plan.get(s.id)!);
        const answered = survey.sections[0].statements.length + half;
        expect(await page.locator('.progress-count').textContent()).toBe(
          `${answered} van ${plan.size} stellingen ingevuld`,
        );
        for (const s of statements.slice(half)) await rate(page, s.id, plan.get(s.id)!);
      } else if (index === 2) {
        // Going on with one rating open is refused, with a message and focus on the open question.
        const [last, ...rest] = [...statements].reverse();
        for (const s of rest) await rate(page, s.id, plan.get(s.id)!);
        await page.check(radio(last.id, 'current', plan.get(last.id)![0]));
        await page.getByRole('button', { name: 'Volgende' }).click();
        expect(await stepText(page)).toBe(`Onderdeel 3 van ${survey.sections.length}`);
        expect(await page.getByRole('alert').filter({ hasText: 'nog 1 vraag' }).count()).toBe(1);
        expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
          `rating--${last.id}--desired`,
        );
        const desiredGroup = page.getByRole('group', { name: /Gewenste situatie.*Kies een antwoord/ });
        expect(await desiredGroup.count()).toBe(1);
        await page.check(radio(last.id, 'desired', plan.get(last.id)![1]));
        expect(await page.locator('[data-role="missing"]').textContent()).toBe('');
        expect(await desiredGroup.count()).toBe(0);
      } else {
        for (const s of statements) await rate(page, s.id, plan.get(s.id)!);
      }

      if (index === 0) {
        await expectNoSideways(page, PHONE.width);
        await expectNoSeriousA11yProblems(page, 'a filled section');
      }
      await page
        .getByRole('button', { name: index === survey.sections.length - 1 ? 'Naar afronden' : 'Volgende' })
        .click();
    }

    expect(await viewHeading(page).textContent()).toBe('Afronden');
    const comment = page.getByRole('textbox', { name: 'Opmerkingen (niet verplicht)' });
    expect(await comment.getAttribute('maxlength')).toBe(String(MAX_COMMENT_LENGTH));
    await comment.fill('Meer tijd voor intervisie, graag.');
    expect(await page.locator('#comment-count').textContent()).toBe(`33 van ${MAX_COMMENT_LENGTH} tekens gebruikt`);
    await expectNoSideways(page, PHONE.width);
    expect(await draftKeys(page)).toHaveLength(1);

    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.waitForSelector('.done');
    expect(await viewHeading(page).textContent()).toBe('Bedankt voor het invullen!');
    expect(await draftKeys(page)).toEqual([]);
    await expectNoSideways(page, PHONE.width);
    await expectNoSeriousA11yProblems(page, 'thank-you page');

    expect(await fixture.store.responses.responseCount(round.id)).toBe(before + 1);
    const stored = (await storedResponses(round.id)).at(-1)!;
    expect(stored.group).toBe('leraren');
    expect(stored.comment).toBe('Meer tijd voor intervisie, graag.');
    expect(stored.answers).toEqual(Object.fromEntries(plan));
    expect(Object.values(stored.answers).some(([current]) => current === null)).toBe(true);

    // The same link again: the code is used, and the page says so instead of showing the form.
    await page.goto(`${fixture.baseUrl}/r/${code}`);
    expect(await viewHeading(page).textContent()).toBe('Deze vragenlijst is al ingevuld');
    expect(await page.locator('.statement').count()).toBe(0);
    expect(await fixture.store.responses.responseCount(round.id)).toBe(before + 1);
    await done();
  });

  it('says so for an unknown code and for a malformed one', async () => {
    const { page, done } = await phone();
    for (const code of ['ZZZZZZZZZZ', 'ab']) {
      await page.goto(`${fixture.baseUrl}/r/${code}`);
      expect(await viewHeading(page).textContent()).toBe('Deze link werkt niet');
      expect(await page.locator('.message').textContent()).toContain('volledige link');
    }
    await expectNoSeriousA11yProblems(page, 'unknown code');
    await done();
  });

  it('says so when the round is closed', async () => {
    const { page, done } = await phone();
    await page.goto(`${fixture.baseUrl}/r/${fixture.closedCode}`);
    expect(await viewHeading(page).textContent()).toBe('Deze ronde is gesloten');
    expect(await page.locator('.message').textContent()).toContain('Najaar 2025');
    await done();
  });

  it('does not render a reply that breaks the contract, and says so', async () => {
    const { page, done } = await phone();
    // What a school network's login page or a stale proxy might hand over: JSON, status 200, wrong shape.
    await page.route('**/api/form/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ round: { name: 'x' } }) }),
    );
    await page.goto(`${fixture.baseUrl}/r/${freshCode()}`);
    expect(await viewHeading(page).textContent()).toBe('De vragenlijst kon niet worden geladen');
    expect(await page.locator('.message').textContent()).toContain('onverwacht antwoord');
    await done();
  });

  it('speaks English to an English browser and switches language on request', async () => {
    const { survey } = fixture;
    const { page, done } = await phone('en-US');
    await page.goto(`${fixture.baseUrl}/r/${fixture.codes[fixture.codes.length - 1]}`);
    expect(await viewHeading(page).textContent()).toBe(survey.title.en);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe(`${survey.title.en} – Koers`);
    await page.getByRole('button', { name: 'Start' }).click();
    expect(await stepText(page)).toBe(`Part 1 of ${survey.sections.length}`);
    expect(await page.locator('.statement-text').first().textContent()).toContain(
      survey.sections[0].statements[0].text.en,
    );

    const dutch = page.getByRole('button', { name: /NL/ });
    await dutch.click();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await dutch.getAttribute('aria-pressed')).toBe('true');
    expect(await stepText(page)).toBe(`Onderdeel 1 van ${survey.sections.length}`);
    expect(await page.locator('.statement-text').first().textContent()).toContain(
      survey.sections[0].statements[0].text.nl,
    );
    // The switch keeps focus, so a keyboard user does not lose their place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-language'))).toBe('nl');
    await done();
  });

  it('works by keyboard alone, with a visible focus', async () => {
    const { page, done } = await phone();
    const code = freshCode();
    await page.goto(`${fixture.baseUrl}/r/${code}`);
    await viewHeading(page).waitFor();
    // Tab order: NL, EN, then the start button.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Beginnen');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.statement');
    await page.keyboard.press('Tab');
    const first = fixture.survey.sections[0].statements[0].id;
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      `rating--${first}--current`,
    );
    const outline = await page.evaluate(() => {
      const tile = document.activeElement?.closest('label');
      return tile ? getComputedStyle(tile).outlineStyle : 'none';
    });
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked(radio(first, 'current', 2))).toBe(true);
    const saved = await page.evaluate(() => Object.values(localStorage).find((v) => v.includes('"answers"')) ?? '');
    expect(JSON.parse(saved).answers[first]).toEqual({ current: 2 });
    await done();
  });

  /** Puts a complete draft at the finish step in localStorage, as if the respondent had filled it in. */
  async function finishedDraft(page: Page, code: string, submissionId: string): Promise<void> {
    const answers = Object.fromEntries(
      [...plannedAnswers(fixture.survey)].map(([id, [current, desired]]) => [id, { current, desired }]),
    );
    const draft = {
      v: 1,
      answers,
      comment: '',
      step: fixture.survey.sections.length + 1,
      submissionId,
      pending: false,
    };
    await page.goto(`${fixture.baseUrl}/r/${code}`);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [`koers.form.${code}`, JSON.stringify(draft)],
    );
    await page.reload();
    await page.waitForSelector('textarea');
  }

  it('keeps the answers when sending fails, shows why, and sends them on retry', async () => {
    const { round } = fixture;
    const code = freshCode();
    const before = await fixture.store.responses.responseCount(round.id);
    const { page, done } = await phone();
    await finishedDraft(page, code, 'retry-test-0001');

    const serverMessage = 'Te veel verzoeken in korte tijd. Probeer het over een minuut opnieuw.';
    await page.route('**/api/responses**', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'tooManyRequests', message: serverMessage } }),
      }),
    );
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('alert').filter({ hasText: serverMessage }).waitFor();

    await page.unroute('**/api/responses**');
    await page.route('**/api/responses**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByRole('alert').filter({ hasText: 'geen verbinding' }).waitFor();
    expect(await draftKeys(page)).toEqual([`koers.form.${code}`]);
    expect(await fixture.store.responses.responseCount(round.id)).toBe(before);

    await page.unroute('**/api/responses**');
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.waitForSelector('.done');
    expect(await fixture.store.responses.responseCount(round.id)).toBe(before + 1);
    expect(await draftKeys(page)).toEqual([]);
    await done();
  });

  it('recognises its own submission after the reply was lost', async () => {
    const { round } = fixture;
    const code = freshCode();
    const before = await fixture.store.responses.responseCount(round.id);
    const { page, done } = await phone();
    await finishedDraft(page, code, 'lost-reply-0001');

    // The server stores the response, but the browser never hears back.
    let delivered = 0;
    await page.route('**/api/responses**', async (route) => {
      const response = await route.fetch();
      if (response.status() === 201) delivered += 1;
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'geen verbinding' }).waitFor();
    expect(delivered).toBe(1);
    expect(await fixture.store.responses.responseCount(round.id)).toBe(before + 1);
    await page.unroute('**/api/responses**');

    // After a reload the code reads as used; the page resends its submission and hears 'repeated'.
    await page.reload();
    await page.waitForSelector('.done');
    expect(await viewHeading(page).textContent()).toBe('Bedankt voor het invullen!');
    expect(await fixture.store.responses.responseCount(round.id)).toBe(before + 1);
    expect(await draftKeys(page)).toEqual([]);
    await done();
  });
});

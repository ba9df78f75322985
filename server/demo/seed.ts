import type { Answer } from '../../core/response';
import type { Round } from '../../core/round';
import { listStatements, type Survey } from '../../core/survey';
import { seededRandom } from '../../core/seededRandom';
import type { KoersStores } from '../store/contract';

export const DEMO_ORGANISATION = 'Demo: Koers College';
const DEMO_SURVEY = 'shrm';
const DEMO_ROUND = 'Nulmeting strategisch HRM, najaar 2026';

/** 60 responses; P&O stays below the threshold of 5 so suppression is visible at once. */
const demoGroups: Array<{ group: string; responses: number; currentBias: number; gapBias: number }> = [
  { group: 'directie', responses: 7, currentBias: 0.6, gapBias: 0.7 },
  { group: 'teamleiders', responses: 9, currentBias: 0.2, gapBias: 1.0 },
  { group: 'leraren', responses: 30, currentBias: -0.4, gapBias: 1.4 },
  { group: 'oop', responses: 11, currentBias: -0.2, gapBias: 1.1 },
  { group: 'po-hr', responses: 3, currentBias: 0.3, gapBias: 0.9 },
];

const demoComments = [
  'Meer tijd voor collegiale consultatie zou helpen.',
  'Startende collega’s krijgen goede begeleiding, maar daarna houdt het op.',
  'Het is niet duidelijk welke scholingsmiddelen er zijn.',
  '- minder vergaderen, meer samen lesvoorbereiden',
  'We delen weinig kennis met andere scholen in de regio.',
  'Graag een gesprekscyclus die echt over ontwikkeling gaat.',
  '=waarom vraagt niemand het OOP?',
];

export interface DemoInfo {
  organisationName: string;
  apiKey: string;
  roundId: string;
  freeCode: string;
  freeCodes: number;
}

/**
 * Seeds the demo organisation once (a round of the SHRM instrument with 60 synthetic responses,
 * submitted through the same path as real ones) and on every start hands out a fresh API key and
 * a fresh unused code, because only hashes of earlier ones are stored.
 */
export async function seedDemo(store: KoersStores, today = dutchToday()): Promise<DemoInfo> {
  const organisation = await store.organisations.findOrCreateOrganisation(DEMO_ORGANISATION);
  const apiKey = await store.organisations.createApiKey(organisation.id);
  let round = (await store.rounds.listRounds(organisation.id)).find((r) => r.name === DEMO_ROUND);
  if (!round) {
    const survey = await store.surveys.getSurvey(organisation.id, DEMO_SURVEY);
    if (!survey) throw new Error(`The built-in survey "${DEMO_SURVEY}" is missing`);
    round = await store.rounds.createRound(organisation.id, {
      surveyId: survey.id,
      name: DEMO_ROUND,
      groups: demoGroups.map((g) => g.group),
      // Open now, whenever the demo starts: the period is enforced (a past end closes the round).
      period: { start: addDays(today, -17), end: addDays(today, 29) },
      anonymityThreshold: 5,
      actionGap: 1,
    });
    await submitDemoResponses(store, round, survey, today);
  }
  // A demo kept past its end date has closed by itself; its codes cannot be used any more anyway.
  const spare =
    round.status === 'open' ? await store.rounds.createInvitations(organisation.id, round.id, 'leraren', 5) : [];
  return {
    organisationName: organisation.name,
    apiKey,
    roundId: round.id,
    freeCode: spare[0] ?? '',
    freeCodes: spare.length,
  };
}

async function submitDemoResponses(store: KoersStores, round: Round, survey: Survey, today: string): Promise<void> {
  const random = seededRandom(20261124);
  const statements = listStatements(survey);
  const sectionBase = new Map(survey.sections.map((section, i) => [section.id, 2.4 + (i % 3) * 0.4]));
  let commentIndex = 0;
  for (const plan of demoGroups) {
    const codes = await store.rounds.createInvitations(round.organisationId, round.id, plan.group, plan.responses);
    for (const code of codes) {
      const answers = statements.map((statement) =>
        demoAnswer(
          statement.id,
          (sectionBase.get(statement.sectionId) ?? 3) + plan.currentBias,
          plan.gapBias,
          random,
          survey.scale,
        ),
      );
      const comment = random() < 0.3 ? demoComments[commentIndex++ % demoComments.length] : undefined;
      await store.responses.submitResponse({ code, answers, ...(comment ? { comment } : {}) }, today);
    }
  }
}

function demoAnswer(
  statementId: string,
  base: number,
  gap: number,
  random: () => number,
  scale: { min: number; max: number },
): Answer {
  const clamp = (v: number) => Math.min(scale.max, Math.max(scale.min, Math.round(v)));
  if (random() < 0.05) return { statementId, current: null, desired: null };
  const current = clamp(base + (random() - 0.5) * 2);
  const desired = clamp(Math.max(current, base + gap + (random() - 0.5) * 1.5));
  return { statementId, current, desired };
}

function dutchToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

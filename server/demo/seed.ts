import { readFile, writeFile } from 'node:fs/promises';
import type { Answer } from '../../core/response';
import type { Round } from '../../core/round';
import { listStatements, type Survey } from '../../core/survey';
import { seededRandom } from '../../core/seededRandom';
import type { KoersStores } from '../store/contract';

export const DEMO_ORGANISATION = 'Demo: Koers College';
const DEMO_SURVEY = 'shrm';
/** The day the closed round's responses were given (inside its period). */
const CLOSED_ROUND_DAY = '2026-10-01';
const DEMO_ROUND = 'Nulmeting strategisch HRM, najaar 2026';
const DEMO_OPEN_ROUND = 'Vervolgmeting strategisch HRM, voorjaar 2027';

type DemoGroup = { group: string; responses: number; currentBias: number; gapBias: number };

/**
 * The closed round: 51 responses. Directie (3) and teamleiders (4) are each below the threshold of 5
 * and shown together as "leidinggevenden" (7); P&O (3) stays below it on its own, so its count is
 * "fewer than 5" and the total a range.
 */
const demoGroups: DemoGroup[] = [
  { group: 'directie', responses: 3, currentBias: 0.6, gapBias: 0.7 },
  { group: 'teamleiders', responses: 4, currentBias: 0.2, gapBias: 1.0 },
  { group: 'leraren', responses: 30, currentBias: -0.4, gapBias: 1.4 },
  { group: 'oop', responses: 11, currentBias: -0.2, gapBias: 1.1 },
  { group: 'po-hr', responses: 3, currentBias: 0.3, gapBias: 0.9 },
];

/** The open round in fieldwork: participation only until it closes. */
const demoOpenGroups: DemoGroup[] = [
  { group: 'directie', responses: 1, currentBias: 0.6, gapBias: 0.6 },
  { group: 'teamleiders', responses: 2, currentBias: 0.3, gapBias: 0.8 },
  { group: 'leraren', responses: 12, currentBias: -0.2, gapBias: 1.1 },
  { group: 'oop', responses: 4, currentBias: -0.1, gapBias: 0.9 },
  { group: 'po-hr', responses: 0, currentBias: 0.3, gapBias: 0.9 },
];

const leidinggevenden = { id: 'leidinggevenden', name: 'Leidinggevenden', groups: ['directie', 'teamleiders'] };

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
  /** Whether the key was made on this start (false: the one from an earlier start, still valid). */
  newKey: boolean;
  /** The closed round, with results. */
  roundId: string;
  /** The open round in fieldwork, where the free code belongs. */
  openRoundId: string;
  freeCode: string;
}

/** What the demo keeps between starts, in `demo.json` of the data folder (a demo convenience). */
interface DemoMemory {
  apiKey?: string;
  freeCode?: string;
}

async function readMemory(file: string | undefined): Promise<DemoMemory> {
  if (!file) return {};
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as DemoMemory;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

/**
 * Seeds the demo organisation once (a closed round of the SHRM instrument with 51 synthetic
 * responses and results, and an open round in fieldwork with 19, submitted through the same path as
 * real ones). The demo key and one unused code of the open round are remembered in `memoryFile`, so
 * every start prints the same ones: a new key only when the old one was revoked, a new code only when
 * the old one was used. The store itself keeps only hashes.
 */
export async function seedDemo(store: KoersStores, memoryFile?: string, today = dutchToday()): Promise<DemoInfo> {
  const organisation = await store.organisations.findOrCreateOrganisation(DEMO_ORGANISATION);
  const memory = await readMemory(memoryFile);
  const known = memory.apiKey ? await store.organisations.organisationForKey(memory.apiKey) : undefined;
  const newKey = known?.id !== organisation.id;
  const apiKey = newKey ? await store.organisations.createApiKey(organisation.id, { label: 'demo' }) : memory.apiKey!;
  const survey = await store.surveys.getSurvey(organisation.id, DEMO_SURVEY);
  if (!survey) throw new Error(`The built-in survey "${DEMO_SURVEY}" is missing`);
  const rounds = await store.rounds.listRounds(organisation.id);
  let round = rounds.find((r) => r.name === DEMO_ROUND);
  if (!round) {
    const created = await store.rounds.createRound(organisation.id, {
      surveyId: survey.id,
      name: DEMO_ROUND,
      groups: demoGroups.map((g) => g.group),
      period: { start: '2026-09-14', end: '2026-10-30' },
      anonymityThreshold: 5,
      actionGap: 1,
      rollUps: [leidinggevenden],
      release: 'atClose',
    });
    await submitDemoResponses(store, created, survey, CLOSED_ROUND_DAY, demoGroups, 20261124);
    round = (await store.rounds.closeRound(organisation.id, created.id)) ?? created;
  }
  let open = rounds.find((r) => r.name === DEMO_OPEN_ROUND);
  if (!open) {
    open = await store.rounds.createRound(organisation.id, {
      surveyId: survey.id,
      name: DEMO_OPEN_ROUND,
      groups: demoOpenGroups.map((g) => g.group),
      // Open now, whenever the demo starts: the period is enforced (a past end closes the round).
      period: { start: addDays(today, -17), end: addDays(today, 29) },
      anonymityThreshold: 5,
      actionGap: 1,
      rollUps: [leidinggevenden],
      release: 'atClose',
    });
    await submitDemoResponses(store, open, survey, today, demoOpenGroups, 20270301);
  }
  const remembered = memory.freeCode ? await store.rounds.lookupCode(memory.freeCode) : undefined;
  const reusable = remembered && !remembered.used && remembered.round.id === open.id && open.status === 'open';
  // A demo kept past its end date has closed by itself; its codes cannot be used any more anyway.
  const freeCode = reusable
    ? memory.freeCode!
    : open.status === 'open'
      ? (await store.rounds.createInvitations(organisation.id, open.id, 'leraren', 1))[0]!
      : '';
  if (memoryFile && (newKey || freeCode !== memory.freeCode)) {
    await writeFile(memoryFile, JSON.stringify({ apiKey, freeCode } satisfies DemoMemory) + '\n', { mode: 0o600 });
  }
  return { organisationName: organisation.name, apiKey, newKey, roundId: round.id, openRoundId: open.id, freeCode };
}

async function submitDemoResponses(
  store: KoersStores,
  round: Round,
  survey: Survey,
  today: string,
  groups: DemoGroup[],
  seed: number,
): Promise<void> {
  const random = seededRandom(seed);
  const statements = listStatements(survey);
  const sectionBase = new Map(survey.sections.map((section, i) => [section.id, 2.4 + (i % 3) * 0.4]));
  let commentIndex = 0;
  for (const plan of groups) {
    if (plan.responses === 0) continue;
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

/**
 * Realistic round data for the add-in tests, computed by the core's own aggregation from synthetic
 * responses (not hand-written results), and response rows shaped like GET /api/rounds/:id/responses.
 */
import { seededRandom } from '../../core/seededRandom';
import { addToTally, buildResults, createTally } from '../../core/aggregation';
import { builtInSurveys } from '../../core/instruments';
import type { StoredResponse } from '../../core/response';
import type { RoundResults } from '../../core/results';
import { roundSchema, type Round } from '../../core/round';
import { listStatements, surveySchema, type Survey } from '../../core/survey';
import type { RoundResponses } from '../../addin/api/contracts';

export interface GroupPlan {
  group: string;
  responses: number;
  currentBias: number;
  gapBias: number;
}

export const DEFAULT_PLAN: GroupPlan[] = [
  { group: 'directie', responses: 7, currentBias: 0.6, gapBias: 0.7 },
  { group: 'teamleiders', responses: 9, currentBias: 0.2, gapBias: 1.0 },
  { group: 'leraren', responses: 30, currentBias: -0.4, gapBias: 1.4 },
  { group: 'oop', responses: 11, currentBias: -0.2, gapBias: 1.1 },
  // Below the threshold of 5: suppressed everywhere.
  { group: 'po-hr', responses: 3, currentBias: 0.3, gapBias: 0.9 },
];

/** Comments that would be formulas, dates or mentions if written into a cell as they are. */
export const TRICKY_COMMENTS = [
  '=HYPERLINK("http://evil.example","klik")',
  '+31 6 12345678',
  '-minder vergaderen',
  '@iedereen graag reageren',
  '1-2',
  'Gewoon een opmerking.',
];

export function shrm(): Survey {
  const survey = builtInSurveys().find((s) => s.id === 'shrm');
  if (!survey) throw new Error('built-in SHRM survey missing');
  return survey;
}

/** A small survey whose statement texts and group names look like formulas. */
export function trickySurvey(): Survey {
  return surveySchema.parse({
    id: 'tricky',
    organisationId: 'org-1',
    builtIn: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    title: { nl: '=Peiling', en: '=Survey' },
    scale: { min: 1, max: 5 },
    sections: [
      {
        id: 'blok-een',
        title: { nl: '-Blok een', en: '-Block one' },
        statements: [
          { id: 'formule', text: { nl: '=1+1 is een stelling', en: '=1+1 is a statement' } },
          { id: 'plus', text: { nl: '+ tijd voor overleg', en: '+ time for consultation' } },
        ],
      },
    ],
    groups: [
      { id: 'leraren', name: { nl: '@Leraren', en: '@Teachers' } },
      { id: 'oop', name: { nl: 'OOP', en: 'Support staff' } },
    ],
  });
}

export function makeRound(survey: Survey, groups: string[], overrides: Partial<Round> = {}): Round {
  return roundSchema.parse({
    id: 'round-1',
    organisationId: 'org-1',
    surveyId: survey.id,
    name: 'Nulmeting najaar 2026',
    groups,
    anonymityThreshold: 5,
    actionGap: 1,
    // Closed: results are released at closing.
    status: 'closed',
    createdAt: '2026-09-01T00:00:00.000Z',
    ...overrides,
  });
}

export interface Fixture {
  survey: Survey;
  round: Round;
  stored: StoredResponse[];
  results: RoundResults;
  responses: RoundResponses;
}

export function buildFixture(
  options: {
    survey?: Survey;
    plan?: GroupPlan[];
    comments?: readonly string[];
    commentEvery?: number;
    seed?: number;
    /** Another round (id and name) of the same organisation: several rounds in one workbook. */
    round?: { id: string; name: string };
  } = {},
): Fixture {
  const survey = options.survey ?? shrm();
  const plan = options.plan ?? DEFAULT_PLAN;
  const comments = options.comments ?? TRICKY_COMMENTS;
  const commentEvery = options.commentEvery ?? 3;
  const random = seededRandom(options.seed ?? 20261124);
  const round = makeRound(
    survey,
    plan.map((p) => p.group),
    options.round ?? {},
  );
  const statements = listStatements(survey);
  const { min, max } = survey.scale;
  const clamp = (x: number) => Math.max(min, Math.min(max, Math.round(x)));
  const stored: StoredResponse[] = [];
  let n = 0;
  for (const p of plan) {
    for (let i = 0; i < p.responses; i += 1) {
      const answers: StoredResponse['answers'] = {};
      statements.forEach((statement, index) => {
        if (random() < 0.05) {
          answers[statement.id] = [null, null];
          return;
        }
        const base = 2.6 + (index % 5) * 0.2 + p.currentBias + (random() - 0.5) * 1.6;
        const current = clamp(base);
        const desired = clamp(base + p.gapBias * (0.5 + (index % 4) * 0.3) + (random() - 0.5));
        answers[statement.id] = [current, desired];
      });
      const comment = n % commentEvery === 0 ? comments[(n / commentEvery) % comments.length] : undefined;
      stored.push({ roundId: round.id, group: p.group, day: '2026-10-01', answers, ...(comment ? { comment } : {}) });
      n += 1;
    }
  }
  const tally = createTally(survey, round.groups);
  for (const response of stored) addToTally(tally, response);
  const results = buildResults({ tally, survey, round });
  const shown = new Set(results.groups.filter((g) => g.status === 'shown').map((g) => g.id));
  const responses: RoundResponses = {
    roundId: round.id,
    statementIds: statements.map((s) => s.id),
    groups: [...shown],
    rows: stored
      .filter((r) => shown.has(r.group))
      .map((r) => ({ group: r.group, answers: r.answers, ...(r.comment ? { comment: r.comment } : {}) })),
  };
  return { survey, round, stored, results, responses };
}

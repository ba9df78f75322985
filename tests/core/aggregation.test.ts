import { addToTally, buildComments, buildResults, createTally, type RoundTally } from '../../core/aggregation';
import { roundResultsSchema, type Cell, type RoundResults, type ShownCell } from '../../core/results';
import { roundSchema, type Round } from '../../core/round';
import type { StoredResponse } from '../../core/response';
import { surveySchema, type Survey } from '../../core/survey';

const text = (value: string) => ({ nl: value, en: value });

/** Two sections: s1 = statements a and b, s2 = statement c; scale 1–5. */
const survey: Survey = surveySchema.parse({
  id: 'test-survey',
  organisationId: null,
  builtIn: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  title: { nl: 'Testpeiling', en: 'Test survey' },
  sections: [
    {
      id: 's1',
      title: text('Sectie 1'),
      statements: [
        { id: 'a', text: text('Stelling a') },
        { id: 'b', text: text('Stelling b') },
      ],
    },
    { id: 's2', title: text('Sectie 2'), statements: [{ id: 'c', text: text('Stelling c') }] },
  ],
  groups: [
    { id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } },
    { id: 'oop', name: { nl: 'OOP', en: 'Support staff' } },
  ],
});

function makeRound(overrides: Partial<Round> = {}): Round {
  return roundSchema.parse({
    id: 'round-1',
    organisationId: 'org-1',
    surveyId: survey.id,
    name: 'Voorjaar',
    groups: ['leraren'],
    anonymityThreshold: 2,
    actionGap: 1,
    status: 'closed',
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  });
}

type Pair = [number | null, number | null];

function response(group: string, answers: Record<string, Pair>, comment?: string): StoredResponse {
  return { roundId: 'round-1', group, day: '2025-03-01', answers, ...(comment === undefined ? {} : { comment }) };
}

function shown(cell: Cell): ShownCell {
  if (cell.status !== 'shown') throw new Error('expected a shown cell');
  return cell;
}

function resultsOf(round: Round, responses: StoredResponse[]): { tally: RoundTally; results: RoundResults } {
  const tally = createTally(survey, round.groups);
  for (const r of responses) addToTally(tally, r);
  return { tally, results: buildResults({ tally, survey, round }) };
}

/*
 * Hand data set: five teachers, one group, threshold 2 (so every cell below is shown).
 *
 *        a        b          c             comment
 *  r1  [2,4]    [3,3]      [1,null]
 *  r2  [3,5]    [4,5]      [2,4]
 *  r3  [2,3]    [null,4]   [3,5]
 *  r4  [1,4]    [2,2]      [2,3]
 *  r5  [2,4]    [5,5]      [null,null]   "Meer overleg"
 */
const fiveTeachers: StoredResponse[] = [
  response('leraren', { a: [2, 4], b: [3, 3], c: [1, null] }),
  response('leraren', { a: [3, 5], b: [4, 5], c: [2, 4] }),
  response('leraren', { a: [2, 3], b: [null, 4], c: [3, 5] }),
  response('leraren', { a: [1, 4], b: [2, 2], c: [2, 3] }),
  response('leraren', { a: [2, 4], b: [5, 5], c: [null, null] }, 'Meer overleg'),
];

describe('buildResults: cell statistics by hand', () => {
  const { results } = resultsOf(makeRound(), fiveTeachers);
  const statement = (id: string) => results.statements.find((s) => s.statementId === id)!;
  const section = (id: string) => results.sections.find((s) => s.sectionId === id)!;

  it('satisfies the published schema', () => {
    expect(() => roundResultsSchema.parse(results)).not.toThrow();
    expect(results.responses.total).toEqual({ exact: true, value: 5 });
    expect(results.groups).toEqual([
      {
        id: 'leraren',
        name: { nl: 'Leraren', en: 'Teachers' },
        kind: 'group',
        status: 'shown',
        responses: 5,
        comments: 1,
        commentsShown: true,
      },
    ]);
    expect(results.scale).toEqual({ min: 1, max: 5 });
    expect(results.surveyTitle).toEqual({ nl: 'Testpeiling', en: 'Test survey' });
  });

  it('statement a: every answer paired', () => {
    // current 2,3,2,1,2: Σ 10, mean 2; Σx² 22; var (5·22 − 100)/20 = 0.5; sd 0.707107
    // desired 4,5,3,4,4: Σ 20, mean 4; Σx² 82; var (5·82 − 400)/20 = 0.5; sd 0.707107
    // gaps 2,2,1,3,2: Σ 10, mean 2; Σd² 22; sd 0.707107
    // CI: 2 ± t(4) 2.776445 · 0.707107/√5 = 2 ± 0.877989 → [1.122011, 2.877989]
    const cell = shown(statement('a').byGroup.leraren);
    expect(cell.n).toBe(5);
    expect(cell.meanCurrent).toBe(2);
    expect(cell.meanDesired).toBe(4);
    expect(cell.gap).toBe(2);
    expect(cell.sdCurrent).toBeCloseTo(0.707107, 6);
    expect(cell.sdDesired).toBeCloseTo(0.707107, 6);
    expect(cell.sdGap).toBeCloseTo(0.707107, 6);
    expect(cell.ciLow).toBeCloseTo(1.122011, 6);
    expect(cell.ciHigh).toBeCloseTo(2.877989, 6);
    expect(cell.actionNeeded).toBe(true);
    // current: one 1, three 2s, one 3; desired: one 3, three 4s, one 5
    expect(cell.current).toEqual({ counts: [1, 3, 1, 0, 0], dontKnow: 0 });
    expect(cell.desired).toEqual({ counts: [0, 0, 1, 3, 1], dontKnow: 0 });
  });

  it('statement b: the unpaired answer counts in the distribution only', () => {
    // paired: r1 (3,3), r2 (4,5), r4 (2,2), r5 (5,5) → n 4; r3 (null,4) is not paired.
    // current 3,4,2,5: Σ 14, mean 3.5; Σx² 54; var (4·54 − 196)/12 = 20/12; sd 1.290994
    // desired 3,5,2,5: Σ 15, mean 3.75; Σx² 63; var (252 − 225)/12 = 2.25; sd 1.5
    // gaps 0,1,0,0: Σ 1, mean 0.25; Σd² 1; var (4 − 1)/12 = 0.25; sd 0.5
    // CI: 0.25 ± t(3) 3.182446 · 0.5/2 = 0.25 ± 0.795612 → [−0.545612, 1.045612]
    const cell = shown(statement('b').byGroup.leraren);
    expect(cell.n).toBe(4);
    expect(cell.meanCurrent).toBe(3.5);
    expect(cell.meanDesired).toBe(3.75);
    expect(cell.gap).toBe(0.25);
    expect(cell.sdCurrent).toBeCloseTo(1.290994, 6);
    expect(cell.sdDesired).toBeCloseTo(1.5, 12);
    expect(cell.sdGap).toBeCloseTo(0.5, 12);
    expect(cell.ciLow).toBeCloseTo(-0.545612, 6);
    expect(cell.ciHigh).toBeCloseTo(1.045612, 6);
    expect(cell.actionNeeded).toBe(false);
    // all current answers: 3,4,null,2,5; all desired answers: 3,5,4,2,5
    expect(cell.current).toEqual({ counts: [0, 1, 1, 1, 1], dontKnow: 1 });
    expect(cell.desired).toEqual({ counts: [0, 1, 1, 1, 2], dontKnow: 0 });
  });

  it('statement c: "don\'t know" on either side leaves the pair out', () => {
    // paired: r2 (2,4), r3 (3,5), r4 (2,3) → n 3
    // current 2,3,2: Σ 7, mean 7/3; Σx² 17; var (51 − 49)/6 = 1/3; sd 0.577350
    // desired 4,5,3: Σ 12, mean 4; Σx² 50; var (150 − 144)/6 = 1; sd 1
    // gaps 2,2,1: Σ 5, mean 5/3; Σd² 9; var (27 − 25)/6 = 1/3; sd 0.577350
    // CI: 5/3 ± t(2) 4.302653 · 0.577350/√3 = 5/3 ± 1.434218 → [0.232449, 3.100884]
    const cell = shown(statement('c').byGroup.leraren);
    expect(cell.n).toBe(3);
    expect(cell.meanCurrent).toBeCloseTo(7 / 3, 12);
    expect(cell.meanDesired).toBe(4);
    expect(cell.gap).toBeCloseTo(5 / 3, 12);
    expect(cell.gap!).toBeCloseTo(cell.meanDesired! - cell.meanCurrent!, 12);
    expect(cell.sdCurrent).toBeCloseTo(0.57735, 5);
    expect(cell.sdDesired).toBeCloseTo(1, 12);
    expect(cell.sdGap).toBeCloseTo(0.57735, 5);
    expect(cell.ciLow).toBeCloseTo(0.232449, 6);
    expect(cell.ciHigh).toBeCloseTo(3.100884, 6);
    expect(cell.actionNeeded).toBe(true);
    // current answers 1,2,3,2,null; desired answers null,4,5,3,null
    expect(cell.current).toEqual({ counts: [1, 2, 1, 0, 0], dontKnow: 1 });
    expect(cell.desired).toEqual({ counts: [0, 0, 1, 1, 1], dontKnow: 2 });
  });

  it('section s1 pools the paired answers of a and b', () => {
    // n 5 + 4 = 9 pairs
    // current Σ 10 + 14 = 24, mean 8/3; Σx² 22 + 54 = 76; var (9·76 − 576)/72 = 1.5; sd 1.224745
    // desired Σ 20 + 15 = 35, mean 35/9; Σx² 82 + 63 = 145; var (1305 − 1225)/72 = 10/9; sd 1.054093
    // gaps Σ 10 + 1 = 11, mean 11/9 ≈ 1.222222; Σd² 22 + 1 = 23; var (207 − 121)/72 = 86/72; sd 1.092906
    // CI: 11/9 ± t(8) 2.306004 · 1.092906/3 = 11/9 ± 0.840082 → [0.382140, 2.062304]
    const cell = shown(section('s1').byGroup.leraren);
    expect(cell.n).toBe(9);
    expect(cell.meanCurrent).toBeCloseTo(8 / 3, 12);
    expect(cell.meanDesired).toBeCloseTo(35 / 9, 12);
    expect(cell.gap).toBeCloseTo(11 / 9, 12);
    expect(cell.sdCurrent).toBeCloseTo(1.224745, 6);
    expect(cell.sdDesired).toBeCloseTo(1.054093, 6);
    expect(cell.sdGap).toBeCloseTo(1.092906, 6);
    expect(cell.ciLow).toBeCloseTo(0.38214, 5);
    expect(cell.ciHigh).toBeCloseTo(2.062304, 6);
    expect(cell.actionNeeded).toBe(true);
    expect(cell.current).toEqual({ counts: [1, 4, 2, 1, 1], dontKnow: 1 });
    expect(cell.desired).toEqual({ counts: [0, 1, 2, 4, 3], dontKnow: 0 });
  });

  it('section s2 is statement c alone', () => {
    expect(section('s2').byGroup.leraren).toEqual(statement('c').byGroup.leraren);
  });

  it("overall of a single shown group is that group's cell", () => {
    for (const row of [...results.statements, ...results.sections]) {
      expect(row.overall).toEqual(row.byGroup.leraren);
    }
  });

  it('keeps statements and sections in survey order with their texts', () => {
    expect(results.statements.map((s) => [s.statementId, s.sectionId])).toEqual([
      ['a', 's1'],
      ['b', 's1'],
      ['c', 's2'],
    ]);
    expect(results.sections.map((s) => s.sectionId)).toEqual(['s1', 's2']);
    expect(results.statements[1].text).toEqual(text('Stelling b'));
    expect(results.sections[1].title).toEqual(text('Sectie 2'));
  });

  it('publishes the comment of a shown group next to the results, and counts it in the group', () => {
    const { tally } = resultsOf(makeRound(), fiveTeachers);
    expect(buildComments({ tally, round: makeRound() })).toEqual([{ group: 'leraren', text: 'Meer overleg' }]);
    expect(results.groups[0]).toMatchObject({ id: 'leraren', status: 'shown', comments: 1 });
  });
});

describe('buildResults: actionNeeded', () => {
  it('is true at exactly the action gap and false just below it', () => {
    // gap of a = 2 exactly, gap of c = 5/3
    const { results } = resultsOf(makeRound({ actionGap: 2 }), fiveTeachers);
    expect(shown(results.statements[0].overall).actionNeeded).toBe(true);
    expect(shown(results.statements[2].overall).actionNeeded).toBe(false);
  });

  it('is false for a negative gap even with action gap 0', () => {
    // two teachers, current above desired: gaps −2 and −1
    const { results } = resultsOf(makeRound({ actionGap: 0 }), [
      response('leraren', { a: [5, 3] }),
      response('leraren', { a: [4, 3] }),
    ]);
    const cell = shown(results.statements[0].overall);
    expect(cell.gap).toBe(-1.5);
    expect(cell.actionNeeded).toBe(false);
  });
});

describe('buildResults: small n', () => {
  it('with threshold 1 and one pair, gives means but no sd and no CI', () => {
    const { results } = resultsOf(makeRound({ anonymityThreshold: 1 }), [response('leraren', { a: [2, 5] })]);
    const cell = shown(results.statements[0].overall);
    expect(cell).toMatchObject({
      n: 1,
      meanCurrent: 2,
      meanDesired: 5,
      gap: 3,
      sdCurrent: null,
      sdDesired: null,
      sdGap: null,
      ciLow: null,
      ciHigh: null,
    });
  });

  it('with no paired answers the cells are suppressed, also when threshold allows one', () => {
    const { results } = resultsOf(makeRound({ anonymityThreshold: 1 }), [response('leraren', { a: [null, 5] })]);
    expect(results.statements[0].overall).toMatchObject({ status: 'suppressed' });
    expect(results.statements[1].overall).toMatchObject({ status: 'suppressed' });
  });
});

describe('addToTally', () => {
  it('counts statistics incrementally, so results built at any moment match a fresh tally', () => {
    const round = makeRound();
    const tally = createTally(survey, round.groups);
    fiveTeachers.forEach((r, index) => {
      addToTally(tally, r);
      const fresh = resultsOf(round, fiveTeachers.slice(0, index + 1)).results;
      expect(buildResults({ tally, survey, round })).toEqual(fresh);
    });
  });

  it('ignores answers to unknown statements without failing', () => {
    const round = makeRound();
    const { tally, results } = resultsOf(round, [
      ...fiveTeachers,
      // JSON.parse makes "__proto__" an own key, as a hostile stored record would.
      response('leraren', JSON.parse('{"zz":[1,5],"constructor":[1,2],"__proto__":[1,2],"toString":[3,3]}')),
    ]);
    expect(results.responses.total).toEqual({ exact: true, value: 6 });
    expect(tally.responsesByGroup.leraren).toBe(6);
    const without = resultsOf(round, fiveTeachers).results;
    expect(results.statements).toEqual(without.statements);
    expect(results.sections).toEqual(without.sections);
  });

  it('ignores ratings off the scale, and does not pair them', () => {
    const round = makeRound();
    const { results } = resultsOf(round, [...fiveTeachers, response('leraren', { a: [0, 5], b: [2.5, 3] })]);
    const a = shown(results.statements[0].overall);
    expect(a.n).toBe(5);
    // The valid desired rating 5 is still an answer on that dimension.
    expect(a.desired.counts).toEqual([0, 0, 1, 3, 2]);
    expect(a.current.counts).toEqual([1, 3, 1, 0, 0]);
  });

  it('counts a response of a group outside the tally only in the total', () => {
    const round = makeRound();
    const { tally } = resultsOf(round, [...fiveTeachers, response('oop', { a: [1, 1] }, 'oop zegt iets')]);
    expect(tally.totalResponses).toBe(6);
    expect(tally.responsesByGroup).toEqual({ leraren: 5 });
    expect(tally.comments).toHaveLength(1);
  });

  it('skips blank comments', () => {
    const { tally } = resultsOf(makeRound(), [
      response('leraren', { a: [1, 2] }, '   '),
      response('leraren', { a: [1, 2] }, ''),
    ]);
    expect(tally.comments).toEqual([]);
  });

  it('does not count a statement the respondent left out', () => {
    const { results } = resultsOf(makeRound(), [
      response('leraren', { a: [1, 2] }),
      response('leraren', { a: [3, 4] }),
    ]);
    expect(results.statements[1].overall).toMatchObject({ status: 'suppressed' });
    const a = shown(results.statements[0].overall);
    expect(a.current).toEqual({ counts: [1, 0, 1, 0, 0], dontKnow: 0 });
  });

  it('uses the survey scale for distributions (0–10 here)', () => {
    const wide = surveySchema.parse({ ...survey, scale: { min: 0, max: 10 } });
    const round = makeRound();
    const tally = createTally(wide, round.groups);
    addToTally(tally, response('leraren', { a: [0, 10] }));
    addToTally(tally, response('leraren', { a: [10, 10] }));
    const results = buildResults({ tally, survey: wide, round });
    const a = shown(results.statements[0].overall);
    expect(a.current.counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(a.gap).toBe(5);
    expect(results.scale).toEqual({ min: 0, max: 10 });
  });
});

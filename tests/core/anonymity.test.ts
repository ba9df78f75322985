import { addToTally, buildComments, buildResults, createTally } from '../../core/aggregation';
import {
  isPublishable,
  planReporting,
  publishableComments,
  type PublishedComment,
  type ReportingPlan,
  type ReportingUnit,
} from '../../core/anonymity';
import { coverageLabel, hiddenReasonLabel } from '../../core/anonymityText';
import { coarseCount, coarseTotal, formatCoarseCount } from '../../core/coarseCount';
import { anonymitySettingsProblem, type RollUp } from '../../core/roundAnonymity';
import { roundResultsSchema, type Cell, type RoundResults, type ShownCell } from '../../core/results';
import { roundSchema, type Round } from '../../core/round';
import type { StoredResponse } from '../../core/response';
import { surveySchema, type Survey } from '../../core/survey';

const text = (value: string) => ({ nl: value, en: value });
const GROUPS = ['leraren', 'directie', 'oop', 'pno'];

/** Sections s1 = {a, b} and s2 = {c}; scale 1–5; four groups. */
const survey: Survey = surveySchema.parse({
  id: 'anon-survey',
  organisationId: 'org-1',
  builtIn: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  title: text('Anonimiteit'),
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
  groups: GROUPS.map((id) => ({ id, name: text(id.toUpperCase()) })),
});

function makeRound(overrides: Partial<Round> = {}): Round {
  return roundSchema.parse({
    id: 'round-1',
    organisationId: 'org-1',
    surveyId: survey.id,
    name: 'Ronde',
    groups: GROUPS,
    anonymityThreshold: 5,
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

/** `count` identical responses of a group, answering a, b and c with the same pair. */
function many(group: string, count: number, pair: Pair = [3, 4]): StoredResponse[] {
  return Array.from({ length: count }, () => response(group, { a: pair, b: pair, c: pair }));
}

/** The results as served, with the comments served next to them (GET …/comments). */
function results(round: Round, responses: StoredResponse[]): RoundResults & { comments: PublishedComment[] } {
  const tally = createTally(survey, round.groups, round);
  for (const r of responses) addToTally(tally, r);
  const built = buildResults({ tally, survey, round });
  roundResultsSchema.parse(built);
  return { ...built, comments: buildComments({ tally, round }) };
}

function shown(cell: Cell): ShownCell {
  if (cell.status !== 'shown') throw new Error(`expected a shown cell, got ${JSON.stringify(cell)}`);
  return cell;
}

const shownIds = (r: RoundResults) => r.groups.filter((g) => g.status === 'shown').map((g) => g.id);

describe('isPublishable (rule 3)', () => {
  it('needs at least the threshold', () => {
    expect(isPublishable(4, 5)).toBe(false);
    expect(isPublishable(5, 5)).toBe(true);
    expect(isPublishable(0, 2)).toBe(false);
  });
});

describe('planReporting (rule 1)', () => {
  const plan = (
    counts: Record<string, number>,
    options: { threshold?: number; rollUps?: RollUp[]; combine?: boolean; held?: ReportingUnit[] } = {},
  ) =>
    planReporting({
      groupOrder: Object.keys(counts),
      responsesByGroup: counts,
      threshold: options.threshold ?? 5,
      rollUps: options.rollUps ?? [],
      combineSmallGroups: options.combine ?? true,
      ...(options.held ? { held: options.held } : {}),
    });
  const unitIds = (p: ReturnType<typeof plan>) => p.units.map((u) => `${u.id}=${u.members.join('+')}`);

  it('shows every group at or above the threshold, whatever the small groups hold (no complementary suppression)', () => {
    // Before: mentors (exactly 5) were hidden because the directors had only 2.
    const p = plan({ leraren: 8, mentoren: 5, directie: 2 }, { combine: false });
    expect(unitIds(p)).toEqual(['leraren=leraren', 'mentoren=mentoren']);
    expect(p.groups.directie).toEqual({ reason: 'belowThreshold' });
  });

  it('combines the groups below the threshold into "overige geledingen" when they reach it together', () => {
    const p = plan({ leraren: 8, oop: 3, pno: 2 });
    expect(unitIds(p)).toEqual(['leraren=leraren', 'overige-geledingen=oop+pno']);
    expect(p.groups.oop).toEqual({ unit: 'overige-geledingen', reason: 'combined' });
    expect(plan({ leraren: 8, oop: 3, pno: 1 }).rollUps[0]).toMatchObject({ shown: false, reason: 'belowThreshold' });
  });

  it('builds an adviser roll-up only from groups that are not shown themselves', () => {
    const leiding: RollUp = { id: 'leiding', name: text('Leiding'), groups: ['directie', 'teamleiders'] };
    expect(unitIds(plan({ directie: 2, teamleiders: 3, leraren: 9 }, { rollUps: [leiding] }))).toEqual([
      'leraren=leraren',
      'leiding=directie+teamleiders',
    ]);
    // directie shown on its own: the roll-up would be teamleiders alone (3) and is not reported.
    const p = plan({ directie: 6, teamleiders: 3, leraren: 9 }, { rollUps: [leiding], combine: false });
    expect(unitIds(p)).toEqual(['directie=directie', 'leraren=leraren']);
    expect(p.rollUps[0]).toMatchObject({
      id: 'leiding',
      members: ['teamleiders'],
      shown: false,
      reason: 'belowThreshold',
    });
    const q = plan({ directie: 6, teamleiders: 7 }, { rollUps: [leiding] });
    expect(q.rollUps[0]).toMatchObject({ shown: false, reason: 'nothingToCombine' });
  });

  it('keeps held units with their members (interim releases)', () => {
    const held: ReportingUnit[] = [{ id: 'overige-geledingen', kind: 'rollUp', members: ['oop', 'pno'] }];
    const p = plan({ leraren: 8, oop: 9, pno: 2 }, { held });
    expect(unitIds(p)).toEqual(['leraren=leraren', 'overige-geledingen=oop+pno']);
    expect(p.groups.oop).toEqual({ unit: 'overige-geledingen', reason: 'heldInRollUp' });
  });
});

describe('anonymitySettingsProblem', () => {
  const base = { groups: ['a', 'b', 'c'], anonymityThreshold: 5 };
  it('refuses overlapping roll-ups, foreign groups, taken ids and a comment threshold below the threshold', () => {
    const r = (id: string, groups: string[]) => ({ id, name: 'R', groups });
    expect(anonymitySettingsProblem({ ...base, rollUps: [r('x', ['a', 'b']), r('y', ['b', 'c'])] })).toMatchObject({
      code: 'rollUpOverlap',
      params: { group: 'b' },
    });
    expect(anonymitySettingsProblem({ ...base, rollUps: [r('x', ['a', 'z'])] })?.code).toBe('rollUpUnknownGroup');
    expect(anonymitySettingsProblem({ ...base, rollUps: [r('a', ['b', 'c'])] })?.code).toBe('rollUpIdTaken');
    expect(anonymitySettingsProblem({ ...base, commentThreshold: 4 })?.code).toBe('commentThresholdBelowThreshold');
    expect(anonymitySettingsProblem({ ...base, commentThreshold: 8, rollUps: [r('x', ['a', 'b'])] })).toBeUndefined();
  });
});

describe('coarse counts (rule 2)', () => {
  it('publishes a count below the threshold only as "fewer than", and a total that would expose it as a range', () => {
    expect(coarseCount(4, 5)).toEqual({ exact: false, atLeast: 0, below: 5 });
    expect(coarseCount(0, 5)).toEqual({ exact: false, atLeast: 0, below: 5 });
    expect(coarseCount(5, 5)).toEqual({ exact: true, value: 5 });
    expect(coarseTotal({ published: 19, rest: 2, threshold: 5, anyHidden: true })).toEqual({
      exact: false,
      atLeast: 19,
      below: 24,
    });
    // A rest of 0 must not show either while a group is hidden: "nobody of them answered" is a count.
    expect(coarseTotal({ published: 19, rest: 0, threshold: 5, anyHidden: true }).exact).toBe(false);
    expect(coarseTotal({ published: 19, rest: 0, threshold: 5, anyHidden: false })).toEqual({ exact: true, value: 19 });
    expect(coarseTotal({ published: 19, rest: 6, threshold: 5, anyHidden: true })).toEqual({ exact: true, value: 25 });
    expect(formatCoarseCount({ exact: false, atLeast: 0, below: 5 }, 'nl')).toBe('minder dan 5');
    expect(formatCoarseCount({ exact: false, atLeast: 19, below: 24 }, 'en')).toBe('19–23');
  });
});

describe('publishableComments (rule 5)', () => {
  const planOf = (ids: string[]): ReportingPlan => ({
    units: ids.map((id) => ({ id, kind: 'group', members: [id] })),
    groups: {},
    rollUps: [],
  });
  const counts = { leraren: 9, directie: 9, oop: 9, pno: 9, a: 9, b: 9 };

  it('keeps comments of shown groups only, sorted by group order then text, blanks dropped', () => {
    const comments = [
      { group: 'oop', text: 'zzz' },
      { group: 'directie', text: 'beter' },
      { group: 'leraren', text: 'werkdruk' },
      { group: 'pno', text: 'geheim' },
      { group: 'directie', text: 'Anders' },
      { group: 'leraren', text: ' ' },
      { group: 'leraren', text: 'aandacht' },
    ];
    expect(publishableComments(comments, planOf(['leraren', 'directie', 'oop']), counts, 5)).toEqual([
      { group: 'leraren', text: 'aandacht' },
      { group: 'leraren', text: 'werkdruk' },
      // code-unit order: capitals before lower case, independent of the server's locale
      { group: 'directie', text: 'Anders' },
      { group: 'directie', text: 'beter' },
      { group: 'oop', text: 'zzz' },
    ]);
  });

  it('does not depend on the order the comments came in', () => {
    const comments = [
      { group: 'a', text: 'twee' },
      { group: 'b', text: 'drie' },
      { group: 'a', text: 'een' },
    ];
    const forward = publishableComments(comments, planOf(['a', 'b']), counts, 5);
    expect(publishableComments([...comments].reverse(), planOf(['a', 'b']), counts, 5)).toEqual(forward);
  });

  it('labels a combined group comment with its roll-up and applies the comment threshold', () => {
    const plan: ReportingPlan = {
      units: [
        { id: 'leraren', kind: 'group', members: ['leraren'] },
        { id: 'leiding', kind: 'rollUp', members: ['directie', 'oop'] },
      ],
      groups: {},
      rollUps: [],
    };
    const comments = [
      { group: 'directie', text: 'van de directie' },
      { group: 'leraren', text: 'van leraren' },
    ];
    const sizes = { leraren: 9, directie: 2, oop: 4 };
    expect(publishableComments(comments, plan, sizes, 5)).toEqual([
      { group: 'leraren', text: 'van leraren' },
      { group: 'leiding', text: 'van de directie' },
    ]);
    // Comment threshold 7: the roll-up (6) keeps its figures but not its comments.
    expect(publishableComments(comments, plan, sizes, 7)).toEqual([{ group: 'leraren', text: 'van leraren' }]);
  });
});

describe('buildResults: a small group (rules 1 and 2)', () => {
  // Threshold 3, no default roll-up. leraren 4 and directie 3 are shown; oop 2 and pno 1 are not.
  //   leraren a: (2,4) (2,4) (3,4) (3,4)   directie a: (4,5) ×3
  //   oop a: (1,5) ×2 (with a comment)      pno a: (1,1)
  // Overall a over shown groups only: n 7, current Σ 10 + 12 = 22 → 22/7, desired Σ 16 + 15 = 31 →
  // 31/7, gap 9/7. Including oop and pno would give n 10.
  const round = makeRound({ anonymityThreshold: 3, combineSmallGroups: false });
  const data = [
    response('leraren', { a: [2, 4] }, 'leraren 1'),
    response('leraren', { a: [2, 4] }),
    response('leraren', { a: [3, 4] }),
    response('leraren', { a: [3, 4] }),
    response('directie', { a: [4, 5] }),
    response('directie', { a: [4, 5] }),
    response('directie', { a: [4, 5] }, 'directie 1'),
    response('oop', { a: [1, 5] }, 'oop: alleen wij weten dit'),
    response('oop', { a: [1, 5] }),
    response('pno', { a: [1, 1] }, 'pno'),
  ];
  const r = results(round, data);
  const fewerThan3 = { exact: false, atLeast: 0, below: 3 };

  it('shows the small groups with a coarse count and a reason, and coarsens the total', () => {
    const column = { kind: 'group', status: 'shown', commentsShown: true };
    expect(r.groups).toEqual([
      { id: 'leraren', name: text('LERAREN'), ...column, responses: 4, comments: 1 },
      { id: 'directie', name: text('DIRECTIE'), ...column, responses: 3, comments: 1 },
      {
        id: 'oop',
        name: text('OOP'),
        kind: 'group',
        status: 'suppressed',
        reason: expect.objectContaining({ code: 'belowThreshold' }),
        responses: fewerThan3,
      },
      {
        id: 'pno',
        name: text('PNO'),
        kind: 'group',
        status: 'suppressed',
        reason: expect.objectContaining({ code: 'belowThreshold' }),
        responses: fewerThan3,
      },
    ]);
    // 10 − 7 = 3 would be exact (rest ≥ threshold) — a combined figure of oop and pno, not one group.
    expect(r.responses).toEqual({ total: { exact: true, value: 10 }, shown: 7, notShown: { exact: true, value: 3 } });
    expect(coverageLabel(r, 'nl')).toBe('7 van 10 antwoorden; 3 in groepen die te klein zijn om te tonen');
    expect(hiddenReasonLabel(r.groups[2], r, 'nl')).toBe('te weinig antwoorden (minder dan 3, drempel 3)');
  });

  it('gives hidden groups cells without any number', () => {
    for (const row of [...r.statements, ...r.sections]) {
      expect(row.byGroup.oop).toEqual({ status: 'suppressed', reason: 'unitNotShown' });
      expect(row.byGroup.pno).toEqual({ status: 'suppressed', reason: 'unitNotShown' });
    }
  });

  it('leaves hidden groups out of the overall', () => {
    const a = shown(r.statements[0].overall);
    expect(a.n).toBe(7);
    expect(a.meanCurrent).toBeCloseTo(22 / 7, 12);
    expect(a.meanDesired).toBeCloseTo(31 / 7, 12);
    expect(a.gap).toBeCloseTo(9 / 7, 12);
    expect(a.current).toEqual({ counts: [0, 2, 2, 3, 0], dontKnow: 0 });
    expect(a.desired).toEqual({ counts: [0, 0, 0, 4, 3], dontKnow: 0 });
  });

  it('publishes comments of shown groups only', () => {
    expect(r.comments).toEqual([
      { group: 'leraren', text: 'leraren 1' },
      { group: 'directie', text: 'directie 1' },
    ]);
  });

  it('with the default roll-up, oop and pno are shown together', () => {
    const combined = results(makeRound({ anonymityThreshold: 3 }), data);
    expect(shownIds(combined)).toEqual(['leraren', 'directie', 'overige-geledingen']);
    const overige = combined.groups.find((g) => g.id === 'overige-geledingen')!;
    expect(overige).toMatchObject({ kind: 'rollUp', members: ['oop', 'pno'], responses: 3, source: 'default' });
    expect(combined.groups.find((g) => g.id === 'oop')).toMatchObject({
      reason: expect.objectContaining({ code: 'combined' }),
      rollUp: 'overige-geledingen',
    });
    expect(shown(combined.statements[0].byGroup['overige-geledingen']).n).toBe(3);
    expect(combined.responses).toEqual({
      total: { exact: true, value: 10 },
      shown: 10,
      notShown: { exact: true, value: 0 },
    });
    expect(combined.comments.map((c) => c.group)).toEqual([
      'leraren',
      'directie',
      'overige-geledingen',
      'overige-geledingen',
    ]);
  });
});

describe('buildResults: a total that would expose a small group', () => {
  it('is a range, and the group count "fewer than 5"', () => {
    // Threshold 5: leraren 6, directie 5, oop 2. Before, directie was suppressed to hide oop's count;
    // now directie is shown and the total is 11–15.
    const r = results(makeRound({ groups: ['leraren', 'directie', 'oop'] }), [
      ...many('leraren', 6),
      ...many('directie', 5, [1, 5]),
      ...many('oop', 2),
    ]);
    expect(shownIds(r)).toEqual(['leraren', 'directie']);
    expect(r.responses.total).toEqual({ exact: false, atLeast: 11, below: 16 });
    expect(coverageLabel(r, 'en')).toBe('11 responses shown; besides these fewer than 5 in groups too small to show');
    expect(JSON.stringify(r)).not.toMatch(/"value":13|"value":2\b/);
  });
});

describe('buildResults: cell suppression within a shown group (rule 3)', () => {
  // Threshold 3.
  //   leraren (4): a paired by all 4: (2,4) (2,4) (3,5) (1,3); b paired by 2 only (two "don't know");
  //                c "don't know" for everyone.
  //   directie (3): a (4,4) ×3; b (2,5) ×3; c (3,3) twice and (3, "don't know") once, so 2 pairs.
  const round = makeRound({ anonymityThreshold: 3, groups: ['leraren', 'directie'] });
  const data = [
    response('leraren', { a: [2, 4], b: [1, 5], c: [null, null] }),
    response('leraren', { a: [2, 4], b: [1, 5], c: [null, null] }),
    response('leraren', { a: [3, 5], b: [null, 2], c: [null, null] }),
    response('leraren', { a: [1, 3], b: [4, null], c: [null, null] }),
    response('directie', { a: [4, 4], b: [2, 5], c: [3, 3] }),
    response('directie', { a: [4, 4], b: [2, 5], c: [3, 3] }),
    response('directie', { a: [4, 4], b: [2, 5], c: [3, null] }),
  ];
  const r = results(round, data);
  const [a, b, c] = r.statements;
  const [s1, s2] = r.sections;

  it('suppresses a statement cell with paired n below the threshold', () => {
    expect(shownIds(r)).toEqual(['leraren', 'directie']);
    expect(shown(a.byGroup.leraren).n).toBe(4);
    expect(b.byGroup.leraren).toEqual({ status: 'suppressed', reason: 'fewAnswers' });
    expect(c.byGroup.leraren).toEqual({ status: 'suppressed', reason: 'fewAnswers' });
    expect(c.byGroup.directie).toEqual({ status: 'suppressed', reason: 'fewAnswers' });
  });

  it('builds a group section from its shown statements only', () => {
    // leraren s1 = leraren a alone: if b's 2 pairs were in, s1 − a would reveal them.
    expect(s1.byGroup.leraren).toEqual(a.byGroup.leraren);
    // directie s1 = a + b: n 6, current Σ 12 + 6 = 18 → 3, desired Σ 12 + 15 = 27 → 4.5, gap 1.5
    expect(shown(s1.byGroup.directie)).toMatchObject({ n: 6, meanCurrent: 3, meanDesired: 4.5, gap: 1.5 });
  });

  it('builds the overall of a statement from shown cells only', () => {
    // b overall = directie b alone (leraren b is suppressed).
    expect(b.overall).toEqual(b.byGroup.directie);
    // a overall: n 7, current Σ 8 + 12 = 20, desired Σ 16 + 12 = 28, gap 8/7
    expect(shown(a.overall)).toMatchObject({ n: 7 });
    expect(shown(a.overall).meanCurrent).toBeCloseTo(20 / 7, 12);
    expect(shown(a.overall).gap).toBeCloseTo(8 / 7, 12);
  });

  it('suppresses an overall and a section without shown cells', () => {
    expect(c.overall).toEqual({ status: 'suppressed', reason: 'fewAnswers' });
    expect(s2.overall).toEqual({ status: 'suppressed', reason: 'fewAnswers' });
    expect(s2.byGroup.leraren).toEqual({ status: 'suppressed', reason: 'fewAnswers' });
    expect(s2.byGroup.directie).toEqual({ status: 'suppressed', reason: 'fewAnswers' });
  });

  it('builds the overall of a section from the shown group sections', () => {
    // leraren a (4) + directie a (3) + directie b (3) = 10 pairs
    // current Σ 8 + 12 + 6 = 26, desired Σ 16 + 12 + 15 = 43
    const overall = shown(s1.overall);
    expect(overall.n).toBe(10);
    expect(overall.meanCurrent).toBeCloseTo(2.6, 12);
    expect(overall.meanDesired).toBeCloseTo(4.3, 12);
  });
});

describe('buildResults: comment order (rule 5)', () => {
  it('sorts by group order then text, whatever the submission order', () => {
    const base = [
      response('directie', { a: [3, 4] }, 'Z laatste'),
      response('leraren', { a: [3, 4] }, 'b tweede'),
      response('leraren', { a: [3, 4] }, 'a eerste'),
      response('directie', { a: [3, 4] }, 'A eerste'),
    ];
    const filler = [...many('leraren', 4), ...many('directie', 4)];
    const round = makeRound({ groups: ['leraren', 'directie'] });
    const forward = results(round, [...base, ...filler]).comments;
    expect(forward).toEqual([
      { group: 'leraren', text: 'a eerste' },
      { group: 'leraren', text: 'b tweede' },
      { group: 'directie', text: 'A eerste' },
      { group: 'directie', text: 'Z laatste' },
    ]);
    expect(results(round, [...filler, ...base].reverse()).comments).toEqual(forward);
  });
});

describe('differencing attacks', () => {
  it('adding responses to a hidden group changes no published figure', () => {
    // Threshold 5, no default roll-up: leraren 8, directie 6 shown; oop 2 and pno 0 hidden.
    const round = makeRound({ combineSmallGroups: false });
    const data = [...generate(lcg(7), 'leraren', 8), ...generate(lcg(8), 'directie', 6), ...generate(lcg(9), 'oop', 2)];
    const before = results(round, data);
    const extra = [
      response('oop', { a: [1, 5], b: [5, 1], c: [1, 5] }, '=geheim'),
      response('pno', { a: [5, 5], b: [null, 1], c: [2, 2] }, 'pno spreekt'),
    ];
    const after = results(round, [...data, ...extra]);
    expect(shownIds(before)).toEqual(['leraren', 'directie']);
    expect(after).toEqual(before);
  });

  it.each(Array.from({ length: 60 }, (_, i) => i + 1))(
    'random round %i: between groups and roll-ups, every published figure rests on at least the threshold',
    (seed) => {
      const random = lcg(seed * 7919);
      const threshold = 3 + Math.floor(random() * 4);
      const rollUps: RollUp[] =
        random() < 0.5 ? [{ id: 'leiding', name: text('Leiding'), groups: ['directie', 'pno'] }] : [];
      const round = makeRound({
        anonymityThreshold: threshold,
        commentThreshold: threshold + Math.floor(random() * 3),
        combineSmallGroups: random() < 0.7,
        rollUps,
      });
      const data = GROUPS.flatMap((group) => generate(random, group, Math.floor(random() * 14)));
      const r = results(round, data);
      const columns = shownColumns(r);
      const sizeOf = (members: string[]) => data.filter((d) => members.includes(d.group)).length;

      // Columns: each at least the threshold, disjoint, roll-ups only of groups not shown on their own.
      const seen = new Set<string>();
      for (const column of columns) {
        expect(sizeOf(column.members)).toBeGreaterThanOrEqual(threshold);
        for (const member of column.members) {
          expect(seen.has(member)).toBe(false);
          seen.add(member);
        }
        if (column.members.length > 1 || column.id !== column.members[0])
          for (const member of column.members) expect(shownIds(r)).not.toContain(member);
      }
      // Counts: hidden groups only "fewer than the threshold"; "total − shown" isolates nobody.
      for (const group of r.groups) {
        if (group.status === 'shown') expect(group.responses).toBe(sizeOf(group.members ?? [group.id]));
        else if (group.kind === 'group')
          expect(group.responses).toEqual({ exact: false, atLeast: 0, below: threshold });
      }
      const shownTotal = columns.reduce((sum, c) => sum + sizeOf(c.members), 0);
      expect(r.responses.shown).toBe(shownTotal);
      if (r.responses.total.exact) {
        const rest = r.responses.total.value - shownTotal;
        expect(rest === 0 ? seen.size === GROUPS.length : rest >= threshold).toBe(true);
      } else {
        expect(r.responses.total).toEqual({ exact: false, atLeast: shownTotal, below: shownTotal + threshold });
      }

      // Figures: exactly what the raw answers of the shown columns give, nothing else.
      const expected = naiveResults(data, columns, threshold);
      const hidden = [...GROUPS, ...r.groups.map((g) => g.id)].filter((id) => !columns.some((c) => c.id === id));
      for (const row of r.statements) {
        for (const column of columns)
          expectCellMatches(row.byGroup[column.id], expected.cell(column, [row.statementId]));
        for (const id of hidden) expect(row.byGroup[id]).toEqual({ status: 'suppressed', reason: 'unitNotShown' });
        expectCellMatches(row.overall, expected.overall([row.statementId]));
        expectPoolOf(
          row.overall,
          columns.map((c) => row.byGroup[c.id]),
        );
      }
      for (const section of r.sections) {
        const ids = survey.sections.find((s) => s.id === section.sectionId)!.statements.map((s) => s.id);
        for (const column of columns) {
          expectCellMatches(section.byGroup[column.id], expected.cell(column, ids));
          expectPoolOf(
            section.byGroup[column.id],
            r.statements.filter((s) => s.sectionId === section.sectionId).map((s) => s.byGroup[column.id]),
          );
        }
        expectCellMatches(section.overall, expected.overall(ids));
      }
      for (const cell of publishedCells(r).values()) expect(cell.n).toBeGreaterThanOrEqual(threshold);

      // Comments: only of columns at the comment threshold, labelled with the column.
      const commentThreshold = round.commentThreshold!;
      for (const comment of r.comments) {
        const column = columns.find((c) => c.id === comment.group)!;
        expect(sizeOf(column.members)).toBeGreaterThanOrEqual(commentThreshold);
      }
    },
  );

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'random round %i over time: two reads around one submission never reveal it',
    (seed) => {
      const random = lcg(seed * 104729);
      const threshold = 3 + Math.floor(random() * 3);
      const interim = random() < 0.75;
      const round = makeRound({
        status: 'open',
        anonymityThreshold: threshold,
        commentThreshold: threshold + Math.floor(random() * 2),
        release: interim ? 'interim' : 'atClose',
        rollUps: random() < 0.5 ? [{ id: 'leiding', name: text('Leiding'), groups: ['directie', 'pno'] }] : [],
      });
      const weights = GROUPS.map(() => random());
      const pick = () => {
        let x = random() * weights.reduce((a, b) => a + b, 0);
        for (let i = 0; i < GROUPS.length; i += 1) if ((x -= weights[i]) <= 0) return GROUPS[i];
        return GROUPS[0];
      };
      const tally = createTally(survey, round.groups, round);
      const read = (status: Round['status']) => {
        const current = { ...round, status };
        const built = buildResults({ tally, survey, round: current });
        return { ...built, comments: buildComments({ tally, round: current }) };
      };
      let previous = read('open');
      let releases = 0;
      for (let step = 0; step < 45; step += 1) {
        addToTally(tally, generate(random, pick(), 1)[0]);
        const now = read('open');
        if (!interim) {
          expect(now.release.state).toBe('notReleased');
          expect(now.statements).toEqual([]);
          expect(now.comments).toEqual([]);
          expect(JSON.stringify(now)).not.toMatch(/meanCurrent|"gap"/);
        } else {
          expectSafeStep(previous, now, threshold, round.commentThreshold!);
          if (now.responses.shown !== previous.responses.shown) releases += 1;
        }
        previous = now;
      }
      const final = read('closed');
      expect(final.release.state).toBe('final');
      if (interim) expectSafeStep(previous, final, threshold, round.commentThreshold!);
      roundResultsSchema.parse(final);
      timeCoverage.releases += releases;
      if (interim) timeCoverage.interimRounds += 1;
      if (final.release.withheldAfterLastRelease) timeCoverage.withheld += 1;
    },
  );

  it('the attacks over time met interim releases, and final results that left responses out', () => {
    expect(timeCoverage.interimRounds).toBeGreaterThan(20);
    expect(timeCoverage.releases).toBeGreaterThan(timeCoverage.interimRounds);
    expect(timeCoverage.withheld).toBeGreaterThan(0);
  });
});

const timeCoverage = { releases: 0, interimRounds: 0, withheld: 0 };

/** Shown columns with their members (a shown group is its own only member). */
function shownColumns(r: RoundResults): Array<{ id: string; members: string[] }> {
  return r.groups.flatMap((g) => (g.status === 'shown' ? [{ id: g.id, members: g.members ?? [g.id] }] : []));
}

/** Every shown cell of a release, keyed by row and column. */
function publishedCells(r: RoundResults): Map<string, ShownCell> {
  const cells = new Map<string, ShownCell>();
  const rows = [
    ...r.statements.map((s) => [`st:${s.statementId}`, s] as const),
    ...r.sections.map((s) => [`se:${s.sectionId}`, s] as const),
  ];
  for (const [key, row] of rows) {
    if (row.overall.status === 'shown') cells.set(`${key}:overall`, row.overall);
    for (const [column, cell] of Object.entries(row.byGroup))
      if (cell.status === 'shown') cells.set(`${key}:${column}`, cell);
  }
  return cells;
}

function answersOf(cell: ShownCell, dimension: 'current' | 'desired'): number {
  return cell[dimension].counts.reduce((a, b) => a + b, 0) + cell[dimension].dontKnow;
}

/**
 * What an attacker learns from two releases: per cell published in both, the difference must rest on
 * 0 or at least `threshold` answers; per column published in both, 0 or at least `threshold` more
 * responses (the comment threshold when its comments changed); a column keeps its members.
 */
function expectSafeStep(
  before: RoundResults & { comments: PublishedComment[] },
  after: RoundResults & { comments: PublishedComment[] },
  threshold: number,
  commentThreshold: number,
): void {
  const problems: string[] = [];
  const step = (what: string, delta: number, minimum: number) => {
    if (delta !== 0 && delta < minimum) problems.push(`${what} changed by ${delta}`);
  };
  const old = publishedCells(before);
  for (const [key, cell] of publishedCells(after)) {
    const previous = old.get(key);
    if (cell.n < threshold) problems.push(`${key} rests on ${cell.n}`);
    if (!previous) continue;
    step(`${key} n`, cell.n - previous.n, threshold);
    step(`${key} current`, answersOf(cell, 'current') - answersOf(previous, 'current'), threshold);
    step(`${key} desired`, answersOf(cell, 'desired') - answersOf(previous, 'desired'), threshold);
    const same = cell.n === previous.n && answersOf(cell, 'current') === answersOf(previous, 'current');
    if (same && JSON.stringify(cell) !== JSON.stringify(previous)) problems.push(`${key} changed without new answers`);
  }
  const columnsBefore = new Map(before.groups.filter((g) => g.status === 'shown').map((g) => [g.id, g]));
  for (const column of after.groups) {
    const previous = columnsBefore.get(column.id);
    if (column.status !== 'shown' || previous?.status !== 'shown') continue;
    if (JSON.stringify(column.members) !== JSON.stringify(previous.members)) problems.push(`${column.id} members`);
    const commentsChanged =
      JSON.stringify(after.comments.filter((c) => c.group === column.id)) !==
      JSON.stringify(before.comments.filter((c) => c.group === column.id));
    step(
      `${column.id} responses`,
      column.responses - previous.responses,
      commentsChanged ? commentThreshold : threshold,
    );
  }
  if (problems.length > 0) expect(problems).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Helpers for the differencing tests

/** Deterministic pseudo-random numbers in [0, 1) (a 32-bit LCG), so failures reproduce. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random responses: each dimension "don't know" 20% of the time, each statement skipped 10%. */
function generate(random: () => number, group: string, count: number): StoredResponse[] {
  const rating = (): number | null => (random() < 0.2 ? null : 1 + Math.floor(random() * 5));
  return Array.from({ length: count }, () => {
    const answers: Record<string, Pair> = {};
    for (const id of ['a', 'b', 'c']) if (random() >= 0.1) answers[id] = [rating(), rating()];
    const comment = random() < 0.4 ? `opmerking ${Math.floor(random() * 1000)}` : undefined;
    return response(group, answers, comment);
  });
}

interface NaiveCell {
  pairs: Array<[number, number]>;
  current: Array<number | null>;
  desired: Array<number | null>;
}

/**
 * The expected figures straight from the answers, independent of the tally: only shown columns (a
 * group, or a roll-up pooling its members), only statement cells of a column with at least
 * `threshold` pairs, pooled by concatenation.
 */
function naiveResults(data: StoredResponse[], columns: Array<{ id: string; members: string[] }>, threshold: number) {
  const cellOf = (column: { members: string[] }, id: string): NaiveCell | undefined => {
    const answers = data.filter((d) => column.members.includes(d.group) && id in d.answers).map((d) => d.answers[id]);
    const pairs = answers.filter((p): p is [number, number] => p[0] !== null && p[1] !== null);
    if (pairs.length < threshold) return undefined;
    return { pairs, current: answers.map((p) => p[0]), desired: answers.map((p) => p[1]) };
  };
  const concat = (cells: Array<NaiveCell | undefined>): NaiveCell => {
    const present = cells.filter((c): c is NaiveCell => c !== undefined);
    return {
      pairs: present.flatMap((c) => c.pairs),
      current: present.flatMap((c) => c.current),
      desired: present.flatMap((c) => c.desired),
    };
  };
  return {
    cell: (column: { members: string[] }, ids: string[]) => concat(ids.map((id) => cellOf(column, id))),
    overall: (ids: string[]) => concat(columns.flatMap((c) => ids.map((id) => cellOf(c, id)))),
  };
}

function naiveMean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function naiveSd(values: number[]): number {
  const m = naiveMean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

function naiveCounts(values: Array<number | null>) {
  const counts = [0, 0, 0, 0, 0];
  for (const v of values) if (v !== null) counts[v - 1] += 1;
  return { counts, dontKnow: values.filter((v) => v === null).length };
}

function expectCellMatches(cell: Cell, expected: NaiveCell): void {
  if (expected.pairs.length === 0) {
    expect(cell).toMatchObject({ status: 'suppressed' });
    return;
  }
  const served = shown(cell);
  const current = expected.pairs.map((p) => p[0]);
  const desired = expected.pairs.map((p) => p[1]);
  const gaps = expected.pairs.map((p) => p[1] - p[0]);
  expect(served.n).toBe(expected.pairs.length);
  expect(served.meanCurrent).toBeCloseTo(naiveMean(current), 10);
  expect(served.meanDesired).toBeCloseTo(naiveMean(desired), 10);
  expect(served.gap).toBeCloseTo(naiveMean(gaps), 10);
  expect(served.sdCurrent).toBeCloseTo(naiveSd(current), 10);
  expect(served.sdDesired).toBeCloseTo(naiveSd(desired), 10);
  expect(served.sdGap).toBeCloseTo(naiveSd(gaps), 10);
  expect(served.current).toEqual(naiveCounts(expected.current));
  expect(served.desired).toEqual(naiveCounts(expected.desired));
}

/**
 * The pooled cell must be exactly what the served part cells add up to: n and counts add exactly;
 * means and sds are rebuilt from each part's n, mean and sd (Σx = n·mean, Σx² = (n−1)sd² + n·mean²).
 */
function expectPoolOf(pooled: Cell, parts: Cell[]): void {
  const shownParts = parts.filter((p): p is ShownCell => p.status === 'shown');
  if (shownParts.length === 0) {
    expect(pooled).toMatchObject({ status: 'suppressed' });
    return;
  }
  const cell = shown(pooled);
  const n = shownParts.reduce((sum, p) => sum + p.n, 0);
  expect(cell.n).toBe(n);
  const rebuild = (mean: (p: ShownCell) => number, sd: (p: ShownCell) => number) => {
    const sum = shownParts.reduce((s, p) => s + p.n * mean(p), 0);
    const sumSq = shownParts.reduce((s, p) => s + (p.n - 1) * sd(p) ** 2 + p.n * mean(p) ** 2, 0);
    return { mean: sum / n, sd: Math.sqrt(Math.max(0, (sumSq - (sum * sum) / n) / (n - 1))) };
  };
  const current = rebuild(
    (p) => p.meanCurrent!,
    (p) => p.sdCurrent!,
  );
  const desired = rebuild(
    (p) => p.meanDesired!,
    (p) => p.sdDesired!,
  );
  const gap = rebuild(
    (p) => p.gap!,
    (p) => p.sdGap!,
  );
  expect(cell.meanCurrent).toBeCloseTo(current.mean, 9);
  expect(cell.sdCurrent).toBeCloseTo(current.sd, 9);
  expect(cell.meanDesired).toBeCloseTo(desired.mean, 9);
  expect(cell.sdDesired).toBeCloseTo(desired.sd, 9);
  expect(cell.gap).toBeCloseTo(gap.mean, 9);
  expect(cell.sdGap).toBeCloseTo(gap.sd, 9);
  const addCounts = (pick: (p: ShownCell) => ShownCell['current']) => ({
    counts: [0, 1, 2, 3, 4].map((i) => shownParts.reduce((s, p) => s + pick(p).counts[i], 0)),
    dontKnow: shownParts.reduce((s, p) => s + pick(p).dontKnow, 0),
  });
  expect(cell.current).toEqual(addCounts((p) => p.current));
  expect(cell.desired).toEqual(addCounts((p) => p.desired));
}

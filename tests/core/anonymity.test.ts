import { addToTally, buildComments, buildResults, createTally } from '../../core/aggregation';
import { isPublishable, publishableComments, shownGroups, type PublishedComment } from '../../core/anonymity';
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
  const tally = createTally(survey, round.groups);
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

describe('shownGroups (rules 1 and 2)', () => {
  const decide = (responsesByGroup: Record<string, number>, totalResponses?: number, threshold = 5) =>
    shownGroups({
      groupOrder: Object.keys(responsesByGroup),
      responsesByGroup,
      totalResponses: totalResponses ?? Object.values(responsesByGroup).reduce((a, b) => a + b, 0),
      threshold,
    });

  it('shows every group at or above the threshold when nothing is hidden', () => {
    expect(decide({ a: 5, b: 12 })).toEqual(['a', 'b']);
  });

  it('suppresses a group below the threshold; an empty group hides nothing', () => {
    // c has 0 responses: total − shown = 0, so no complementary suppression is needed.
    expect(decide({ a: 10, b: 6, c: 0 })).toEqual(['a', 'b']);
  });

  it('leaves the others when the suppressed groups together reach the threshold', () => {
    // c 3 + d 2 = 5 hidden: the difference no longer isolates fewer than 5 people.
    expect(decide({ a: 7, b: 9, c: 3, d: 2 })).toEqual(['a', 'b']);
  });

  it('also suppresses the smallest shown group while 1..threshold−1 responses are hidden', () => {
    // c 3 hidden; smallest shown is b (6) → hidden 9.
    expect(decide({ a: 10, b: 6, c: 3 })).toEqual(['a']);
  });

  it('breaks a tie by group order (the first one goes)', () => {
    // c 1 hidden; a and b both 6 → a goes → hidden 7.
    expect(decide({ a: 6, b: 6, c: 1 })).toEqual(['b']);
  });

  it('may suppress the last shown group', () => {
    // b 2 hidden → a goes → hidden 9, nothing left to show.
    expect(decide({ a: 7, b: 2 })).toEqual([]);
  });

  it('counts responses of groups outside the order as hidden', () => {
    // 12 published in total, a holds 10: the other 2 would be exposed by the difference.
    expect(decide({ a: 10 }, 12)).toEqual([]);
    expect(decide({ a: 10, b: 8 }, 20)).toEqual(['a']);
  });

  it('treats a group missing from the counts as empty', () => {
    expect(
      shownGroups({ groupOrder: ['a', 'b'], responsesByGroup: { a: 5 }, totalResponses: 5, threshold: 5 }),
    ).toEqual(['a']);
  });

  it('never leaves 1..threshold−1 hidden responses while a group is shown', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = lcg(seed);
      const counts: Record<string, number> = {};
      for (const g of ['a', 'b', 'c', 'd', 'e']) counts[g] = Math.floor(random() * 12);
      const threshold = 2 + Math.floor(random() * 6);
      const total = Object.values(counts).reduce((x, y) => x + y, 0);
      const shownNow = decide(counts, total, threshold);
      const hidden = total - shownNow.reduce((sum, g) => sum + counts[g], 0);
      for (const g of shownNow) expect(counts[g]).toBeGreaterThanOrEqual(threshold);
      if (shownNow.length > 0) expect(hidden === 0 || hidden >= threshold).toBe(true);
    }
  });
});

describe('publishableComments (rule 5)', () => {
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
    expect(publishableComments(comments, ['leraren', 'directie', 'oop'])).toEqual([
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
    const forward = publishableComments(comments, ['a', 'b']);
    expect(publishableComments([...comments].reverse(), ['a', 'b'])).toEqual(forward);
  });
});

describe('buildResults: suppression of a small group (rule 1)', () => {
  // Threshold 3. leraren 4 and directie 3 are shown; oop 2 and pno 1 are suppressed; together they
  // hide 3 responses (= threshold), so no complementary suppression is needed.
  //   leraren a: (2,4) (2,4) (3,4) (3,4)   directie a: (4,5) ×3
  //   oop a: (1,5) ×2 (with a comment)      pno a: (1,1)
  // Overall a over shown groups only: n 7, current Σ 10 + 12 = 22 → 22/7, desired Σ 16 + 15 = 31 →
  // 31/7, gap 9/7. Including oop and pno would give n 10.
  const round = makeRound({ anonymityThreshold: 3 });
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

  it('marks the small groups suppressed, with no response count', () => {
    expect(r.groups).toEqual([
      { id: 'leraren', name: text('LERAREN'), status: 'shown', responses: 4, comments: 1 },
      { id: 'directie', name: text('DIRECTIE'), status: 'shown', responses: 3, comments: 1 },
      { id: 'oop', name: text('OOP'), status: 'suppressed' },
      { id: 'pno', name: text('PNO'), status: 'suppressed' },
    ]);
    expect(r.responseCount).toBe(10);
  });

  it('gives suppressed groups cells without any number', () => {
    for (const row of [...r.statements, ...r.sections]) {
      expect(row.byGroup.oop).toEqual({ status: 'suppressed' });
      expect(row.byGroup.pno).toEqual({ status: 'suppressed' });
    }
  });

  it('leaves suppressed groups out of the overall', () => {
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
});

describe('buildResults: complementary suppression (rule 2)', () => {
  it('suppresses the smallest shown group when the hidden rest is below the threshold', () => {
    // Threshold 5: leraren 6, directie 5, oop 2. Without rule 2, 13 − 6 − 5 = 2 would tell that
    // exactly two OOP members took part. directie (smallest) goes too: hidden 7.
    const r = results(makeRound({ groups: ['leraren', 'directie', 'oop'] }), [
      ...many('leraren', 6),
      ...many('directie', 5, [1, 5]),
      ...many('oop', 2),
    ]);
    expect(shownIds(r)).toEqual(['leraren']);
    expect(r.groups[1]).toEqual({ id: 'directie', name: text('DIRECTIE'), status: 'suppressed' });
    expect(r.statements[0].byGroup.directie).toEqual({ status: 'suppressed' });
    // The overall is leraren alone, so the suppressed directie answers (1,5) are not in it.
    expect(shown(r.statements[0].overall)).toMatchObject({ n: 6, meanCurrent: 3, meanDesired: 4 });
    expect(r.statements[0].overall).toEqual(r.statements[0].byGroup.leraren);
  });

  it('suppresses the first of equally small groups', () => {
    const r = results(makeRound({ groups: ['leraren', 'directie', 'oop'] }), [
      ...many('leraren', 5),
      ...many('directie', 5),
      ...many('oop', 1),
    ]);
    expect(shownIds(r)).toEqual(['directie']);
  });

  it('is not needed when the suppressed groups together reach the threshold', () => {
    const r = results(makeRound(), [
      ...many('leraren', 6),
      ...many('directie', 5),
      ...many('oop', 3),
      ...many('pno', 2),
    ]);
    expect(shownIds(r)).toEqual(['leraren', 'directie']);
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
    expect(b.byGroup.leraren).toEqual({ status: 'suppressed' });
    expect(c.byGroup.leraren).toEqual({ status: 'suppressed' });
    expect(c.byGroup.directie).toEqual({ status: 'suppressed' });
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
    expect(c.overall).toEqual({ status: 'suppressed' });
    expect(s2.overall).toEqual({ status: 'suppressed' });
    expect(s2.byGroup.leraren).toEqual({ status: 'suppressed' });
    expect(s2.byGroup.directie).toEqual({ status: 'suppressed' });
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
  it('adding responses to a suppressed group changes no served figure but the total', () => {
    // Threshold 5: leraren 8, directie 6 shown; oop 3 and pno 2 suppressed (hidden 5).
    const round = makeRound();
    const data = [
      ...generate(lcg(7), 'leraren', 8),
      ...generate(lcg(8), 'directie', 6),
      ...generate(lcg(9), 'oop', 3),
      ...generate(lcg(10), 'pno', 2),
    ];
    const before = results(round, data);
    const extra = [
      response('oop', { a: [1, 5], b: [5, 1], c: [1, 5] }, '=geheim'),
      response('pno', { a: [5, 5], b: [null, 1], c: [2, 2] }, 'pno spreekt'),
    ];
    const after = results(round, [...data, ...extra]);
    expect(shownIds(before)).toEqual(['leraren', 'directie']);
    expect(after.responseCount).toBe(before.responseCount + 2);
    expect({ ...after, responseCount: 0 }).toEqual({ ...before, responseCount: 0 });
  });

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'random round %i: every served figure comes from shown cells only',
    (seed) => {
      const random = lcg(seed * 7919);
      const threshold = 3 + Math.floor(random() * 4);
      const round = makeRound({ anonymityThreshold: threshold });
      const data = GROUPS.flatMap((group) => generate(random, group, Math.floor(random() * 14)));
      const r = results(round, data);
      const shownSet = shownIds(r);

      // 1. What the raw data of shown groups and shown cells gives, computed naively from the answers.
      const expected = naiveResults(data, shownSet, threshold);
      for (const row of r.statements) {
        for (const group of GROUPS)
          expectCellMatches(row.byGroup[group], expected.statementCell(group, row.statementId));
        expectCellMatches(row.overall, expected.overall([row.statementId]));
      }
      for (const section of r.sections) {
        const ids = survey.sections.find((s) => s.id === section.sectionId)!.statements.map((s) => s.id);
        for (const group of GROUPS) expectCellMatches(section.byGroup[group], expected.sectionCell(group, ids));
        expectCellMatches(section.overall, expected.overall(ids));
      }

      // 2. Every pooled figure equals the pool of the served cells it is made of, so subtracting served
      //    cells from it leaves exactly nothing of a suppressed group or cell.
      for (const row of r.statements)
        expectPoolOf(
          row.overall,
          GROUPS.map((g) => row.byGroup[g]),
        );
      for (const section of r.sections) {
        expectPoolOf(
          section.overall,
          GROUPS.map((g) => section.byGroup[g]),
        );
        for (const group of GROUPS) {
          const parts = r.statements.filter((s) => s.sectionId === section.sectionId).map((s) => s.byGroup[group]);
          expectPoolOf(section.byGroup[group], parts);
        }
      }

      // 3. Nothing below the threshold is served, and suppressed things carry no numbers.
      for (const row of [...r.statements, ...r.sections]) {
        for (const cell of [row.overall, ...Object.values(row.byGroup)]) {
          if (cell.status === 'shown') expect(cell.n).toBeGreaterThanOrEqual(threshold);
          else expect(cell).toEqual({ status: 'suppressed' });
        }
      }
      for (const group of r.groups) {
        if (group.status === 'suppressed') expect(Object.keys(group).sort()).toEqual(['id', 'name', 'status']);
        else expect(group.responses).toBeGreaterThanOrEqual(threshold);
      }
      const hidden = r.responseCount - r.groups.reduce((sum, g) => sum + (g.status === 'shown' ? g.responses : 0), 0);
      if (shownSet.length > 0) expect(hidden === 0 || hidden >= threshold).toBe(true);
      for (const comment of r.comments) expect(shownSet).toContain(comment.group);

      // 4. One more response of a suppressed group: while the shown groups stay the same, no served
      //    figure other than the total moves.
      const suppressed = GROUPS.find(
        (g) => !shownSet.includes(g) && data.filter((d) => d.group === g).length + 1 < threshold,
      );
      if (suppressed) {
        const after = results(round, [...data, ...generate(random, suppressed, 1)]);
        if (JSON.stringify(shownIds(after)) === JSON.stringify(shownSet)) {
          expect({ ...after, responseCount: 0 }).toEqual({ ...r, responseCount: 0 });
        }
      }
    },
  );
});

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
 * The expected figures straight from the answers, independent of the tally: only shown groups, only
 * statement cells of a shown group with at least `threshold` pairs, pooled by concatenation.
 */
function naiveResults(data: StoredResponse[], shownSet: string[], threshold: number) {
  const cellOf = (group: string, id: string): NaiveCell | undefined => {
    if (!shownSet.includes(group)) return undefined;
    const answers = data.filter((d) => d.group === group && id in d.answers).map((d) => d.answers[id]);
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
    statementCell: (group: string, id: string) => concat([cellOf(group, id)]),
    sectionCell: (group: string, ids: string[]) => concat(ids.map((id) => cellOf(group, id))),
    overall: (ids: string[]) => concat(GROUPS.flatMap((g) => ids.map((id) => cellOf(g, id)))),
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
    expect(cell).toEqual({ status: 'suppressed' });
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
    expect(pooled).toEqual({ status: 'suppressed' });
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

import { coarseCount, coarseTotal, formatCoarseCount } from '../../core/coarseCount';
import { roundPhase } from '../../core/period';
import { groupIdFromName, roundGroupName } from '../../core/roundGroups';
import { roundText, roundTextKeys } from '../../addin/text/rounds';

describe('coarse counts', () => {
  test('below the threshold only "fewer than N"; a total over coarse parts is the range it can be', () => {
    expect(coarseCount(4, 5)).toEqual({ exact: false, atLeast: 0, below: 5 });
    expect(coarseCount(0, 5)).toEqual({ exact: false, atLeast: 0, below: 5 });
    expect(coarseCount(5, 5)).toEqual({ exact: true, value: 5 });
    expect(coarseTotal({ published: 12, rest: 0, threshold: 5, anyHidden: false })).toEqual({ exact: true, value: 12 });
    expect(coarseTotal({ published: 7, rest: 3, threshold: 5, anyHidden: true })).toEqual({
      exact: false,
      atLeast: 7,
      below: 12,
    });
    expect(formatCoarseCount({ exact: false, atLeast: 0, below: 5 }, 'nl')).toBe('minder dan 5');
    expect(formatCoarseCount({ exact: false, atLeast: 7, below: 16 }, 'en')).toBe('7–15');
  });
});

describe('round phase', () => {
  const round = { status: 'open' as const, period: { start: '2026-03-02', end: '2026-03-20' } };
  test('not yet before the start, open on both end days, ended after, closed when closed', () => {
    expect(roundPhase(round, '2026-03-01')).toBe('notYet');
    expect(roundPhase(round, '2026-03-02')).toBe('open');
    expect(roundPhase(round, '2026-03-20')).toBe('open');
    expect(roundPhase(round, '2026-03-21')).toBe('ended');
    expect(roundPhase({ ...round, status: 'closed' }, '2026-03-10')).toBe('closed');
    expect(roundPhase({ status: 'open' }, '2030-01-01')).toBe('open');
  });
});

describe('round groups', () => {
  test('own names win over the survey, ids come from names', () => {
    const survey = { groups: [{ id: 'oop', name: { nl: 'OOP', en: 'Support staff' } }] };
    expect(roundGroupName({ groupNames: { oop: { nl: 'Ondersteuning', en: 'Support' } } }, survey, 'oop').nl).toBe(
      'Ondersteuning',
    );
    expect(roundGroupName({}, survey, 'oop').en).toBe('Support staff');
    expect(groupIdFromName('Conciërges & TOA’s')).toBe('concierges-toa-s');
    expect(groupIdFromName('!!!')).toBe('groep');
  });
});

describe('round pane texts', () => {
  test('have the same keys in Dutch and English, and fill placeholders', () => {
    expect(roundTextKeys('en')).toEqual(roundTextKeys('nl'));
    for (const key of roundTextKeys('nl')) expect(roundText('en', key).length).toBeGreaterThan(0);
    expect(roundText('nl', 'countLabel', { group: 'Leraren' })).toBe('Aantal codes voor Leraren');
  });
});

import { allCycleTexts, cycleTextsFor, schoolYearMonths, schoolYearOf } from '../../../core/sheets/cycleTexts';
import { OBSTACLE_EXAMPLES } from '../../../core/sheets/knelpuntenLayout';
import {
  approachFormula,
  approachOf,
  categoryFormula,
  categoryOf,
  STAKEHOLDER_EXAMPLES,
  stakeholderColumn,
} from '../../../core/sheets/stakeholderLayout';
import { columnLetter } from '../../../core/sheets/cells';
import { evaluateFormula } from '../levers/excelEval';
import { loadSeeds } from '../../support/seeds';

const nl = cycleTextsFor('nl');

describe('Figuur 6: trust × aligned interests', () => {
  it('follows the handreiking: trustworthy → friend, doubter, opponent; not → coalition partner, opponent, enemy', () => {
    // Aligned (4–5), unknown (3), not aligned (1–2).
    expect([5, 3, 1].map((aligned) => categoryOf(5, aligned))).toEqual(['friend', 'doubter', 'opponent']);
    expect([4, 3, 2].map((aligned) => categoryOf(2, aligned))).toEqual(['coalition', 'opponent', 'enemy']);
    expect(categoryOf(4, 4)).toBe('friend');
    expect(categoryOf(3, 4)).toBe('coalition');
  });

  it('the Excel formula gives the same category for every pair of scores, and nothing without both', () => {
    const trust = `${columnLetter(stakeholderColumn('trust'))}7`;
    const aligned = `${columnLetter(stakeholderColumn('aligned'))}7`;
    for (const texts of allCycleTexts()) {
      const formula = categoryFormula(7, texts);
      for (let t = 1; t <= 5; t += 1) {
        for (let a = 1; a <= 5; a += 1) {
          expect(evaluateFormula(formula, { [trust]: t, [aligned]: a })).toBe(texts.categories[categoryOf(t, a)]);
        }
      }
      expect(evaluateFormula(formula, { [trust]: 4, [aligned]: '' })).toBe('');
    }
  });
});

describe('Figuur 5: interest × influence', () => {
  it('four approaches, high from 4', () => {
    expect(approachOf(5, 5)).toBe('closely');
    expect(approachOf(2, 4)).toBe('satisfied');
    expect(approachOf(4, 3)).toBe('informed');
    expect(approachOf(3, 3)).toBe('watch');
  });

  it('the Excel formula agrees with approachOf on every pair', () => {
    const interest = `${columnLetter(stakeholderColumn('interest'))}9`;
    const influence = `${columnLetter(stakeholderColumn('influence'))}9`;
    const formula = approachFormula(9, nl);
    for (let i = 1; i <= 5; i += 1) {
      for (let f = 1; f <= 5; f += 1) {
        expect(evaluateFormula(formula, { [interest]: i, [influence]: f })).toBe(nl.approaches[approachOf(i, f)]);
      }
    }
    expect(evaluateFormula(formula, { [interest]: '', [influence]: 2 })).toBe('');
  });
});

describe('school year', () => {
  it('runs from August to July, as unique text labels', () => {
    expect(schoolYearMonths(2026, 'nl')).toEqual([
      'aug 2026',
      'sep 2026',
      'okt 2026',
      'nov 2026',
      'dec 2026',
      'jan 2027',
      'feb 2027',
      'mrt 2027',
      'apr 2027',
      'mei 2027',
      'jun 2027',
      'jul 2027',
    ]);
    expect(schoolYearOf(new Date(2026, 7, 1))).toBe(2026);
    expect(schoolYearOf(new Date(2027, 6, 31))).toBe(2026);
  });
});

/** Every Dutch text these sheets write, flattened. */
function dutchTexts(): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(nl);
  OBSTACLE_EXAMPLES.forEach((example) => out.push(example.text.nl));
  STAKEHOLDER_EXAMPLES.forEach((example) => out.push(example.name.nl));
  return out;
}

const seeds = loadSeeds('own-wording check of the cycle sheets');

(seeds ? describe : describe.skip)('own words', () => {
  it('no run of eight words of these Dutch texts occurs in the source documents', () => {
    expect(dutchTexts().flatMap((text) => seeds!.runsFoundIn(text, 8))).toEqual([]);
  });
});

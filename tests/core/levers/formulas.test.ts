import {
  QUADRANT_LABELS,
  QUADRANT_THRESHOLD,
  priority,
  priorityExcelFormula,
  quadrant,
  quadrantExcelFormula,
} from '../../../core/levers';
import { evaluateFormula, type CellValue } from './excelEval';

// Whole scores, means of a few raters, and values just either side of the threshold.
const values = [1, 1.5, 2, 2.5, 2.75, 2.99, 3, 3.01, 10 / 3, 3.25, 3.5, 4, 4.5, 5];

describe('quadrantExcelFormula', () => {
  it('has the exact English-syntax text, with the threshold constant and the given cells', () => {
    expect(quadrantExcelFormula('B2', 'C2', 'nl')).toBe(
      '=IF(COUNT(B2,C2)<2,"",IF(AND(B2>3,C2>3),"Nu doen",IF(B2>3,"Plannen",IF(C2>3,"Snel resultaat","Laten rusten"))))',
    );
    expect(quadrantExcelFormula('$D$7', '$E$7', 'en')).toBe(
      '=IF(COUNT($D$7,$E$7)<2,"",IF(AND($D$7>3,$E$7>3),"Do now",IF($D$7>3,"Plan for it",IF($E$7>3,"Quick win","Set aside"))))',
    );
    expect(quadrantExcelFormula('B2', 'C2', 'nl')).not.toContain(';');
    expect(quadrantExcelFormula('B2', 'C2', 'nl')).toContain(`>${QUADRANT_THRESHOLD},`);
  });

  it.each(['nl', 'en'] as const)('computes exactly what quadrant() computes (%s)', (lang) => {
    const formula = quadrantExcelFormula('B2', 'C2', lang);
    for (const impact of values) {
      for (const feasibility of values) {
        const excel = evaluateFormula(formula, { B2: impact, C2: feasibility });
        expect({ impact, feasibility, excel }).toEqual({
          impact,
          feasibility,
          excel: QUADRANT_LABELS[quadrant(impact, feasibility)][lang],
        });
      }
    }
  });

  it('shows nothing when a cell holds no number, as quadrant() gives null', () => {
    const formula = quadrantExcelFormula('B2', 'C2', 'nl');
    const cases: Array<[CellValue, CellValue]> = [
      [null, 4],
      [4, null],
      [null, null],
      ['4', 4],
    ];
    for (const [b, c] of cases) expect(evaluateFormula(formula, { B2: b, C2: c })).toBe('');
    expect(quadrant(null, 4)).toBeNull();
  });

  it('accepts references on another sheet', () => {
    const formula = quadrantExcelFormula("'Scores MT'!$D$4", "'Scores MT'!$E$4", 'nl');
    expect(formula.startsWith(`=IF(COUNT('Scores MT'!$D$4,'Scores MT'!$E$4)<2`)).toBe(true);
    expect(evaluateFormula(formula, { "'Scores MT'!D4": 4, "'Scores MT'!E4": 2 })).toBe('Plannen');
  });

  it('refuses anything that is not a single A1 cell, so nothing can be injected', () => {
    for (const bad of ['', 'B', '2', 'B0', 'B2:C3', 'b2', 'B2,C2', 'B2)', '=1+1', 'SUM(A1)', 'B2"', 'Sheet 1!B2']) {
      expect(() => quadrantExcelFormula(bad, 'C2', 'nl')).toThrow();
      expect(() => priorityExcelFormula('B2', bad)).toThrow();
    }
  });
});

describe('priorityExcelFormula', () => {
  it('has the exact text', () => {
    expect(priorityExcelFormula('B2', 'C2')).toBe('=IF(COUNT(B2,C2)<2,"",B2*C2)');
  });

  it('computes exactly what priority() computes', () => {
    const formula = priorityExcelFormula('F3', 'G3');
    for (const impact of values) {
      for (const feasibility of values) {
        expect(evaluateFormula(formula, { F3: impact, G3: feasibility })).toBe(priority(impact, feasibility));
      }
    }
    expect(evaluateFormula(formula, { F3: null, G3: 3 })).toBe('');
  });
});

describe('the test evaluator itself', () => {
  it('follows Excel on the cases the formulas rely on', () => {
    expect(evaluateFormula('=IF(1>2,"a","b")', {})).toBe('b');
    expect(evaluateFormula('=IF(AND(A1>3,A2>3),"both","not")', { A1: 4, A2: 3 })).toBe('not');
    expect(evaluateFormula('=COUNT(A1,A2,A3)', { A1: 1, A2: '2', A3: null })).toBe(1);
    expect(evaluateFormula('=A1>3', {})).toBe(false); // a blank cell counts as 0
    expect(evaluateFormula('=A1*A2', { A1: 2.5, A2: 4 })).toBe(10);
    expect(evaluateFormula('="say ""hi"""', {})).toBe('say "hi"');
    expect(() => evaluateFormula('=IF(1>2;"a";"b")', {})).toThrow();
  });
});

import { z } from 'zod';
import { slugSchema, type Language, type LocalizedText } from '../text';
import { sampleSd } from '../stats';
import { compareCodeUnits } from '../compare';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const MAX_REMARK_LENGTH = 500;

const rating = z
  .number()
  .int({ message: 'use a whole number from 1 to 5' })
  .min(SCORE_MIN, { message: 'use a whole number from 1 to 5' })
  .max(SCORE_MAX, { message: 'use a whole number from 1 to 5' });

/** One MT member's score of one lever: expected impact and chance of success (feasibility). */
export const scoreInputSchema = z
  .object({
    leverId: slugSchema,
    impact: rating,
    feasibility: rating,
    remark: z.string().trim().max(MAX_REMARK_LENGTH).optional(),
  })
  .strict();
export type ScoreInput = z.infer<typeof scoreInputSchema>;

/**
 * A mean above the scale midpoint counts as high; the midpoint itself counts as low. On a 1–5
 * scale 3 means "neither high nor low", and a lever should earn "do now" with a clear lean to
 * high, not by sitting on the fence. The Excel formulas use the same constant.
 */
export const QUADRANT_THRESHOLD = 3;

export const quadrantSchema = z.enum(['nu-doen', 'plannen', 'snel-resultaat', 'laten']);
export type Quadrant = z.infer<typeof quadrantSchema>;

export const QUADRANT_LABELS: Readonly<Record<Quadrant, LocalizedText>> = Object.freeze({
  'nu-doen': { nl: 'Nu doen', en: 'Do now' },
  plannen: { nl: 'Plannen', en: 'Plan for it' },
  'snel-resultaat': { nl: 'Snel resultaat', en: 'Quick win' },
  laten: { nl: 'Laten rusten', en: 'Set aside' },
});

/**
 * Where a lever lands on the impact × feasibility grid. Null when either score is missing, which
 * matches the empty text the Excel formula shows for an empty cell.
 */
export function quadrant(impact: number, feasibility: number): Quadrant;
export function quadrant(impact: number | null, feasibility: number | null): Quadrant | null;
export function quadrant(impact: number | null, feasibility: number | null): Quadrant | null {
  if (impact === null || feasibility === null) return null;
  assertFinite(impact, feasibility);
  const highImpact = impact > QUADRANT_THRESHOLD;
  const highFeasibility = feasibility > QUADRANT_THRESHOLD;
  if (highImpact && highFeasibility) return 'nu-doen';
  if (highImpact) return 'plannen';
  if (highFeasibility) return 'snel-resultaat';
  return 'laten';
}

/** impact × feasibility: 1..25 for single scores, a fraction in that range for means. */
export function priority(impact: number, feasibility: number): number;
export function priority(impact: number | null, feasibility: number | null): number | null;
export function priority(impact: number | null, feasibility: number | null): number | null {
  if (impact === null || feasibility === null) return null;
  assertFinite(impact, feasibility);
  return impact * feasibility;
}

function assertFinite(...values: number[]): void {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`scores must be finite numbers, got ${value}`);
  }
}

// A1 reference, optionally absolute and optionally on a named sheet: 'My sheet'!$B$2, Data!C7.
const CELL_REFERENCE = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}$/;

function checkCell(reference: string): string {
  if (!CELL_REFERENCE.test(reference)) throw new Error(`not a single-cell A1 reference: "${reference}"`);
  return reference;
}

function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The quadrant label as an Excel formula, in Excel's English function syntax with ',' separators
 * (what Office.js range.formulas expects in every Excel language). COUNT only counts numbers, so an
 * empty or text cell gives "", as quadrant() gives null.
 */
export function quadrantExcelFormula(impactCell: string, feasibilityCell: string, lang: Language): string {
  const i = checkCell(impactCell);
  const f = checkCell(feasibilityCell);
  const t = String(QUADRANT_THRESHOLD);
  const label = (q: Quadrant) => excelString(QUADRANT_LABELS[q][lang]);
  return (
    `=IF(COUNT(${i},${f})<2,"",` +
    `IF(AND(${i}>${t},${f}>${t}),${label('nu-doen')},` +
    `IF(${i}>${t},${label('plannen')},` +
    `IF(${f}>${t},${label('snel-resultaat')},${label('laten')}))))`
  );
}

/** impact × feasibility as an Excel formula; "" when either cell holds no number. */
export function priorityExcelFormula(impactCell: string, feasibilityCell: string): string {
  const i = checkCell(impactCell);
  const f = checkCell(feasibilityCell);
  return `=IF(COUNT(${i},${f})<2,"",${i}*${f})`;
}

/**
 * Raters disagree when, on impact or on feasibility, their scores span 3 or more points or their
 * sample sd reaches 1.2. On a 1–5 scale a span of 3 always puts one rater at 1–2 and another at
 * 4–5, on opposite sides of the midpoint: they would place the lever in different quadrants, so
 * the mean hides a real split. The sd rule catches a panel split into camps even when nobody sits
 * at the extremes. With whole scores on 1–5 and a range below 3, only a panel of two can reach
 * sd 1.2 (scores two points apart give sd 1.41; three or more raters within two points stay at or
 * below 1.15), so in practice the sd rule adds exactly that case: two MT members who are two points
 * apart are half the panel each, which is a split worth discussing before averaging it away.
 */
export const DISAGREEMENT_RANGE = 3;
export const DISAGREEMENT_SD = 1.2;
// sd is computed through a square root; a value that should equal the limit must still count.
const SD_TOLERANCE = 1e-9;

export const scoreDimensions = ['impact', 'feasibility'] as const;
export type ScoreDimension = (typeof scoreDimensions)[number];

export interface DimensionSummary {
  mean: number;
  median: number;
  /** Sample sd (n − 1); null for a single rater. */
  sd: number | null;
  min: number;
  max: number;
  range: number;
}

export interface LeverScoreSummary {
  leverId: string;
  raters: number;
  impact: DimensionSummary;
  feasibility: DimensionSummary;
  disagreement: boolean;
  /** The dimensions on which raters disagree, in the order impact, feasibility. */
  disagreementOn: ScoreDimension[];
  /** quadrant() of the two means. */
  quadrant: Quadrant;
  /** priority() of the two means. */
  priority: number;
}

/** Summarises all raters' scores per lever, in lever id order. */
export function aggregateRaters(scores: readonly ScoreInput[]): LeverScoreSummary[] {
  const byLever = new Map<string, ScoreInput[]>();
  for (const score of scores) {
    const list = byLever.get(score.leverId);
    if (list) list.push(score);
    else byLever.set(score.leverId, [score]);
  }

  const leverIds = [...byLever.keys()].sort(compareCodeUnits);
  return leverIds.map((leverId) => {
    const list = byLever.get(leverId)!;
    const impact = summarise(list.map((s) => s.impact));
    const feasibility = summarise(list.map((s) => s.feasibility));
    const disagreementOn = scoreDimensions.filter((d) => disagrees(d === 'impact' ? impact : feasibility));
    return {
      leverId,
      raters: list.length,
      impact,
      feasibility,
      disagreement: disagreementOn.length > 0,
      disagreementOn,
      quadrant: quadrant(impact.mean, feasibility.mean),
      priority: priority(impact.mean, feasibility.mean),
    };
  });
}

function summarise(values: number[]): DimensionSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  const sumOfSquares = sorted.reduce((acc, v) => acc + v * v, 0);
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const min = sorted[0];
  const max = sorted[n - 1];
  return { mean: sum / n, median, sd: sampleSd(sum, sumOfSquares, n), min, max, range: max - min };
}

function disagrees(summary: DimensionSummary): boolean {
  return summary.range >= DISAGREEMENT_RANGE || (summary.sd !== null && summary.sd >= DISAGREEMENT_SD - SD_TOLERANCE);
}

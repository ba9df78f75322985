/**
 * Small numeric helpers for results. Everything works from sufficient statistics (count, sum, sum of
 * squares) so a tally never has to keep individual answers.
 */

/** Arithmetic mean from a sum over n values; null when there is nothing to average. */
export function mean(sum: number, n: number): number | null {
  return n > 0 ? sum / n : null;
}

/**
 * Sample variance (n − 1 in the denominator) from n, Σx and Σx².
 * Written as (nΣx² − (Σx)²) / (n(n − 1)): with integer ratings every term is an exact integer, so the
 * usual cancellation error of the textbook formula does not arise for realistic tallies.
 */
export function sampleVariance(sum: number, sumOfSquares: number, n: number): number | null {
  if (n < 2) return null;
  const numerator = n * sumOfSquares - sum * sum;
  // Rounding on huge pooled tallies could push a zero spread a hair below zero.
  return Math.max(0, numerator) / (n * (n - 1));
}

/** Sample standard deviation from n, Σx and Σx²; null below two values. */
export function sampleSd(sum: number, sumOfSquares: number, n: number): number | null {
  const variance = sampleVariance(sum, sumOfSquares, n);
  return variance === null ? null : Math.sqrt(variance);
}

/** Two-sided 95% quantile of the standard normal distribution, Φ⁻¹(0.975). */
export const Z_975 = 1.959963984540054;

/** t(0.975; df) for df = 1..30 (index = df − 1), to nine decimals. */
const T_975_TABLE: readonly number[] = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163,
  2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204,
  2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516,
  2.048407142, 2.045229642, 2.042272456,
];

/**
 * The 0.975 quantile of Student's t distribution with df degrees of freedom (the multiplier of a
 * two-sided 95% confidence interval).
 *
 * df 1..30 (whole numbers) come from the table. Above 30 the Cornish-Fisher expansion of t in powers
 * of 1/df around the normal quantile (Abramowitz & Stegun 26.7.5, as used in Hill's algorithm 396)
 * is used; with four terms its error is below 1e-6 from df = 31 on, far below anything shown.
 */
export function tQuantile975(df: number): number {
  if (Number.isNaN(df) || df < 1) throw new RangeError(`degrees of freedom must be at least 1, got ${df}`);
  if (df === Infinity) return Z_975;
  if (df <= T_975_TABLE.length) {
    if (!Number.isInteger(df)) throw new RangeError(`degrees of freedom up to 30 must be whole, got ${df}`);
    return T_975_TABLE[df - 1];
  }
  return cornishFisherT(Z_975, df);
}

function cornishFisherT(z: number, df: number): number {
  const z2 = z * z;
  const z3 = z2 * z;
  const z5 = z3 * z2;
  const z7 = z5 * z2;
  const z9 = z7 * z2;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/**
 * 95% confidence interval of a mean from its sample sd and n, with the t distribution (n − 1
 * degrees of freedom); null below two values or without an sd.
 */
export function confidenceInterval95(
  meanValue: number | null,
  sd: number | null,
  n: number,
): { low: number; high: number } | null {
  if (meanValue === null || sd === null || n < 2) return null;
  const halfWidth = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { low: meanValue - halfWidth, high: meanValue + halfWidth };
}

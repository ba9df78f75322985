import { confidenceInterval95, mean, sampleSd, sampleVariance, tQuantile975, Z_975 } from '../../core/stats';

describe('mean', () => {
  it('divides the sum by the count', () => {
    expect(mean(10, 4)).toBe(2.5);
    expect(mean(-3, 2)).toBe(-1.5);
  });

  it('is null without values', () => {
    expect(mean(0, 0)).toBeNull();
  });
});

describe('sampleSd from sufficient statistics', () => {
  it('matches a hand-computed sample sd', () => {
    // Values 2,4,4,4,5,5,7,9: n = 8, Σx = 40, Σx² = 4+16+16+16+25+25+49+81 = 232.
    // variance = (8·232 − 40²) / (8·7) = (1856 − 1600) / 56 = 256/56 ≈ 4.571429; sd ≈ 2.138090
    // (the population sd of this classic set is 2; the sample sd is larger).
    expect(sampleVariance(40, 232, 8)).toBeCloseTo(256 / 56, 12);
    expect(sampleSd(40, 232, 8)).toBeCloseTo(2.138089935, 8);
  });

  it('gives √2 for the two values 3 and 5', () => {
    // n = 2, Σx = 8, Σx² = 34: (2·34 − 64) / (2·1) = 2.
    expect(sampleSd(8, 34, 2)).toBeCloseTo(Math.SQRT2, 12);
  });

  it('is exactly zero for identical values', () => {
    // Four times 3: (4·36 − 12²) / 12 = 0.
    expect(sampleSd(12, 36, 4)).toBe(0);
  });

  it('is null below two values', () => {
    expect(sampleSd(4, 16, 1)).toBeNull();
    expect(sampleSd(0, 0, 0)).toBeNull();
  });

  it('does not go negative on large pooled tallies', () => {
    // 10 million answers all equal to 5: any rounding must not produce NaN.
    const n = 10_000_000;
    expect(sampleSd(5 * n, 25 * n, n)).toBe(0);
  });
});

describe('tQuantile975', () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
    [1000, 1.962],
  ])('df = %i gives %f (three decimals, as in printed tables)', (df, expected) => {
    expect(tQuantile975(df)).toBeCloseTo(expected, 3);
  });

  it.each([
    // Reference values to nine decimals (scipy.stats.t.ppf(0.975, df)): checks the approximation
    // just above the table, where it is least accurate, and further out.
    [31, 2.039513446],
    [35, 2.030107928],
    [40, 2.02107539],
    [50, 2.008559112],
    [60, 2.000297822],
    [100, 1.983971519],
    [120, 1.979930405],
    [1000, 1.962339081],
    [1_000_000, 1.959966357],
  ])('df = %i is accurate to 1e-6 beyond the table', (df, expected) => {
    expect(Math.abs(tQuantile975(df) - expected)).toBeLessThan(1e-6);
  });

  it('has exact table values for small df', () => {
    expect(tQuantile975(3)).toBe(3.182446305);
    expect(tQuantile975(29)).toBe(2.045229642);
  });

  it('decreases with df and approaches the normal quantile', () => {
    let previous = Infinity;
    for (let df = 1; df <= 2000; df += 1) {
      const value = tQuantile975(df);
      expect(value).toBeLessThan(previous);
      expect(value).toBeGreaterThan(Z_975);
      previous = value;
    }
    expect(tQuantile975(Infinity)).toBe(Z_975);
  });

  it('refuses degrees of freedom that have no meaning here', () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
    expect(() => tQuantile975(-1)).toThrow(RangeError);
    expect(() => tQuantile975(Number.NaN)).toThrow(RangeError);
    expect(() => tQuantile975(2.5)).toThrow(RangeError);
  });
});

describe('confidenceInterval95', () => {
  it('matches a hand-computed interval', () => {
    // Differences 1,2,3,2,2: mean 2, Σd² = 22, variance (5·22 − 100)/20 = 0.5, sd ≈ 0.707107.
    // half width = t(0.975; 4) · sd / √5 = 2.776445 · 0.707107 / 2.236068 ≈ 0.877989
    // → [1.122011, 2.877989].
    const ci = confidenceInterval95(2, Math.sqrt(0.5), 5);
    expect(ci).not.toBeNull();
    expect(ci!.low).toBeCloseTo(1.122011, 6);
    expect(ci!.high).toBeCloseTo(2.877989, 6);
  });

  it('is null below two values or without an sd', () => {
    expect(confidenceInterval95(2, null, 1)).toBeNull();
    expect(confidenceInterval95(null, null, 0)).toBeNull();
    expect(confidenceInterval95(2, 0.5, 1)).toBeNull();
  });

  it('collapses to the mean when every value is the same', () => {
    expect(confidenceInterval95(1, 0, 6)).toEqual({ low: 1, high: 1 });
  });
});

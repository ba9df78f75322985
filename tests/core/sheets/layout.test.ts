import { languageFromLocale, sheetTextsFor, uiText } from '../../../addin/i18n';
import { blockAddress, columnLetter, numberCell, shortLabel, textCell } from '../../../core/sheets/cells';
import { estimateBytes, planRowChunks } from '../../../core/sheets/chunks';
import { sectionTableName } from '../../../core/sheets/names';
import { buildResultsLayout } from '../../../core/sheets/resultsLayout';
import { buildFixture } from '../../addin/fixtures';

describe('cells', () => {
  test('text that Excel would evaluate gets a quote prefix; other text stays as it is', () => {
    expect(textCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(textCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(textCell('-minder')).toBe("'-minder");
    expect(textCell('@iedereen')).toBe("'@iedereen");
    expect(textCell('\t=1')).toBe("'\t=1");
    expect(textCell('Gewoon tekst - met streepje')).toBe('Gewoon tekst - met streepje');
    expect(textCell(undefined)).toBe('');
    expect(textCell('')).toBe('');
  });

  test('numbers stay numbers, missing ones become empty cells (not null: null means "unchanged")', () => {
    expect(numberCell(-0.5)).toBe(-0.5);
    expect(numberCell(null)).toBe('');
    expect(numberCell(Number.NaN)).toBe('');
  });

  test('column letters and addresses', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(blockAddress(0, 0)).toBe('A1');
    expect(blockAddress(4, 1, 3, 2)).toBe('B5:C7');
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });

  test('short labels cut at a word and say so', () => {
    expect(shortLabel('kort', 60)).toBe('kort');
    const label = shortLabel('Het beleid voor het thema wordt gedragen in alle lagen van de organisatie', 40);
    expect(label.length).toBeLessThanOrEqual(40);
    expect(label.endsWith('…')).toBe(true);
    expect(label).toBe('Het beleid voor het thema wordt…');
  });

  test('table names are valid Excel names and cannot clash with the fixed ones', () => {
    expect(sectionTableName('rnd-1', 'int-goals')).toBe('Koers_rnd_1.int_goals');
    expect(sectionTableName('rnd-1', 'responses').toLowerCase()).not.toBe('koers.rnd_1.responses');
  });
});

describe('planRowChunks', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => [i, 'groep', i % 5, '']);

  test('covers every row once, in order, within the cell limit', () => {
    const chunks = planRowChunks(rows, { maxCellsPerRequest: 400, maxBytesPerRequest: 1e9 });
    expect(chunks).toHaveLength(10);
    expect(chunks[0]).toMatchObject({ start: 0, end: 100, cells: 400 });
    chunks.forEach((chunk, i) => {
      expect(chunk.start).toBe(i === 0 ? 0 : chunks[i - 1]!.end);
      expect(chunk.cells).toBeLessThanOrEqual(400);
    });
    expect(chunks.at(-1)!.end).toBe(1000);
  });

  test('keeps within the byte limit, counting what travels with each row', () => {
    const extra = 50;
    const limit = 5_000;
    const chunks = planRowChunks(rows, { maxCellsPerRequest: 1e9, maxBytesPerRequest: limit }, extra);
    for (const chunk of chunks) {
      const bytes = rows.slice(chunk.start, chunk.end).reduce((sum, row) => sum + estimateBytes(row) + extra, 0);
      expect(chunk.bytes).toBe(bytes);
      expect(bytes).toBeLessThanOrEqual(limit);
    }
  });

  test('a row larger than the limit travels alone', () => {
    const big = [['x'.repeat(10_000)], ['a'], ['b']];
    const chunks = planRowChunks(big, { maxCellsPerRequest: 100, maxBytesPerRequest: 1_000 });
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  test('counts UTF-8 bytes, not characters', () => {
    expect(estimateBytes(['é'])).toBe(6);
  });
});

describe('i18n', () => {
  test('Dutch for every Dutch Office, English otherwise', () => {
    expect(languageFromLocale('nl-NL')).toBe('nl');
    expect(languageFromLocale('nl-BE')).toBe('nl');
    expect(languageFromLocale('NL')).toBe('nl');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('de-DE')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });

  test('texts fill their placeholders', () => {
    expect(uiText('nl', 'errorAllSuppressed', { threshold: 5 })).toContain('minder dan 5 respondenten');
    expect(uiText('en', 'roundResponses', { count: 12 })).toBe('12 responses');
  });
});

describe('buildResultsLayout', () => {
  test('an overall cell suppressed for everyone shows words in every figure column and no flag', () => {
    const fixture = buildFixture();
    const results = structuredClone(fixture.results);
    results.statements[0]!.overall = { status: 'suppressed' };
    const layout = buildResultsLayout(results, { texts: sheetTextsFor('nl'), retrievedOn: '1-1-2026' }, new Map());
    const row = layout.blocks[0]!.rows[0]!;
    expect(row.slice(2, 8)).toEqual(Array(6).fill('te weinig respondenten'));
    expect(row[8]).toBe('');
  });

  test('a kept action is written back as text, neutralised again', () => {
    const fixture = buildFixture();
    const layout = buildResultsLayout(
      fixture.results,
      { texts: sheetTextsFor('nl'), retrievedOn: '1-1-2026' },
      new Map([['int-goals', '=meer overleg']]),
    );
    expect(layout.blocks[0]!.rows[0]!.at(-1)).toBe("'=meer overleg");
  });
});

import { neutraliseFormula, toCsv } from '../../core/csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and separates with ";" by default, lines ending in CRLF', () => {
    const csv = toCsv([
      ['groep', 'gemiddelde'],
      ['leraren', 3],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}groep;gemiddelde\r\nleraren;3\r\n`);
  });

  it('keeps accents intact (the BOM is one code point, the text is untouched)', () => {
    const csv = toCsv([['Coördinatie', 'één']]);
    expect(csv).toBe(`${BOM}Coördinatie;één\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('leaves the BOM out when asked', () => {
    expect(toCsv([['a', 'b']], { bom: false })).toBe('a;b\r\n');
  });

  it('uses "," as separator when asked', () => {
    expect(toCsv([['a', 'b', 1.5]], { separator: ',', bom: false })).toBe('a,b,1.5\r\n');
  });

  it('quotes fields containing the separator, a quote or a line break, doubling quotes', () => {
    const csv = toCsv([['a;b', 'zei "ja"', 'regel 1\nregel 2', 'x\r\ny', 'a,b']], { bom: false });
    expect(csv).toBe('"a;b";"zei ""ja""";"regel 1\nregel 2";"x\r\ny";a,b\r\n');
  });

  it('quotes a comma only when it is the separator', () => {
    expect(toCsv([['a,b', 'c;d']], { separator: ',', bom: false })).toBe('"a,b",c;d\r\n');
  });

  it('writes null as an empty field', () => {
    expect(toCsv([[null, 'x', null]], { bom: false })).toBe(';x;\r\n');
  });

  it('writes numbers with a decimal point by default and a decimal comma when asked', () => {
    expect(toCsv([[3.25, -0.5, 4]], { bom: false })).toBe('3.25;-0.5;4\r\n');
    expect(toCsv([[3.25, -0.5, 4]], { bom: false, decimalComma: true })).toBe('3,25;-0,5;4\r\n');
  });

  it('quotes a decimal-comma number when "," is also the separator, so the columns hold', () => {
    expect(toCsv([[3.25, 'x']], { separator: ',', decimalComma: true, bom: false })).toBe('"3,25",x\r\n');
  });

  it('leaves negative numbers as numbers: only text is neutralised', () => {
    expect(toCsv([[-2]], { bom: false })).toBe('-2\r\n');
    expect(toCsv([['-2']], { bom: false })).toBe("'-2\r\n");
  });

  it('writes non-finite numbers as empty fields', () => {
    expect(toCsv([[Number.NaN, Infinity, -Infinity]], { bom: false })).toBe(';;\r\n');
  });

  it('neutralises formulas in text cells, also when they need quotes', () => {
    const csv = toCsv([['=HYPERLINK("http://x";"klik")', '+1', '@SUM(A1)', '\t=1', '\r=1', 'gewoon'], ['-1;2']], {
      bom: false,
    });
    expect(csv).toBe(`"'=HYPERLINK(""http://x"";""klik"")";'+1;'@SUM(A1);'\t=1;"'\r=1";gewoon\r\n"'-1;2"\r\n`);
  });

  it('gives an empty text (or only a BOM) for no rows', () => {
    expect(toCsv([], { bom: false })).toBe('');
    expect(toCsv([])).toBe(BOM);
  });
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+31 6 12345678', '-5', '@cmd', '\tTAB', '\rCR'])('prefixes %j with a quote', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  // Excel takes a leading apostrophe as its quote prefix and drops it: "'t Lyceum" would lose it.
  it.each(["'t Lyceum", "'al geneutraliseerd", "''"])('protects the leading apostrophe of %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('a CSV field keeps its apostrophe as it is (a CSV reader has no quote prefix)', () => {
    expect(toCsv([["'t Lyceum"]], { bom: false })).toBe("'t Lyceum\r\n");
  });

  it.each(['Goed overleg', ' =1 (starts with a space)', '1=1', '', 'a-b', "Het 'lyceum'"])(
    'leaves %j alone',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

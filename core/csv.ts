/**
 * CSV text that Dutch Excel opens correctly: a UTF-8 BOM (or accents break), ';' as separator (or
 * columns break), optionally decimal commas. Respondents' text is neutralised so that a spreadsheet
 * never evaluates it as a formula.
 */

export type CsvValue = string | number | null;

export interface CsvOptions {
  /** ';' by default: what Dutch Excel expects. */
  separator?: ';' | ',';
  /** Write 3,5 instead of 3.5 (quoted when ',' is also the separator). */
  decimalComma?: boolean;
  /** Start with a UTF-8 byte order mark; true by default. */
  bom?: boolean;
}

const BOM = '\uFEFF';
const LINE_END = '\r\n';

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a single quote when text starts with =, +, -, @, tab or carriage return, so Excel and
 * other spreadsheets show it as text instead of evaluating it (CSV/formula injection). The same rule
 * is used wherever user text is written to a sheet.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows to CSV text, lines ended with CRLF (what Excel writes and reads everywhere). */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const decimalComma = options.decimalComma ?? false;
  const lines = rows.map((row) => row.map((value) => formatField(value, separator, decimalComma)).join(separator));
  const body = lines.map((line) => line + LINE_END).join('');
  return (options.bom ?? true) ? BOM + body : body;
}

function formatField(value: CsvValue, separator: string, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') return quoteIfNeeded(formatNumber(value, decimalComma), separator);
  return quoteIfNeeded(neutraliseFormula(value), separator);
}

/**
 * Numbers are written as numbers (a negative number is data, not a formula). Non-finite values have
 * no spreadsheet meaning and are left empty.
 */
function formatNumber(value: number, decimalComma: boolean): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return decimalComma ? text.replace('.', ',') : text;
}

function quoteIfNeeded(text: string, separator: string): string {
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

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
 * Written into a cell (Excel's range.values, or typed), a leading apostrophe is Excel's quote prefix:
 * it is taken off and only marks the rest as text ("'t Lyceum" would show as "t Lyceum"). A CSV
 * reader keeps it as a character, so only cell writes protect it.
 */
const CELL_TEXT_START = /^[=+\-@\t\r']/;

/**
 * Prefixes a single quote when text starts with =, +, -, @, tab, carriage return or an apostrophe,
 * so Excel and other spreadsheets show it as text, exactly as it was, instead of evaluating it
 * (formula injection) or eating its first apostrophe. Used wherever text is written into a cell.
 */
export function neutraliseFormula(text: string): string {
  return CELL_TEXT_START.test(text) ? `'${text}` : text;
}

/** The CSV variant: a field starting with a formula character gets the quote; an apostrophe stays as it is. */
export function neutraliseCsvField(text: string): string {
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
  return quoteIfNeeded(neutraliseCsvField(value), separator);
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

import { neutraliseFormula } from '../csv';

/** What a layout puts into one cell; '' is an empty cell (null would mean "leave unchanged" to Excel). */
export type CellValue = string | number | boolean;
export type CellGrid = CellValue[][];

/**
 * Any text from outside (statement texts, group names, comments, round names, the adviser's own
 * notes) goes through here: Excel reads a value starting with =, +, - or @ as a formula.
 */
export function textCell(text: string | null | undefined): string {
  return text ? neutraliseFormula(text) : '';
}

/** A cell read back from Excel as text: '' for empty cells and anything that is not a plain value. */
export function cellText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** Finite numbers stay numbers; null (no ratings) and NaN become an empty cell. */
export function numberCell(value: number | null | undefined): number | '' {
  return typeof value === 'number' && Number.isFinite(value) ? value : '';
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Invalid column index ${index}`);
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** A1-style address of a block given zero-based row and column indexes. */
export function blockAddress(row: number, column: number, rowCount = 1, columnCount = 1): string {
  const topLeft = `${columnLetter(column)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return topLeft;
  return `${topLeft}:${columnLetter(column + columnCount - 1)}${row + rowCount}`;
}

/** Shortens a label for a chart axis at a word boundary. */
export function shortLabel(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** A grid of one number format per cell, as Excel's numberFormat property wants it. */
export function formatGrid(rowCount: number, columnFormats: readonly string[]): string[][] {
  return Array.from({ length: rowCount }, () => [...columnFormats]);
}

/**
 * A small in-memory Excel workbook behind office-addin-mock objects, for testing the code in
 * addin/excel without Excel.
 *
 * office-addin-mock gives load/sync discipline (a property read before `load` + `sync` is an error
 * string, a `load` of a property the object does not have throws), but it models no collections,
 * enums, formulas, number formats, requirement sets or payload limits. This fake adds what the
 * add-in relies on, and is strict where Excel is strict:
 * - every proxy records property writes and method calls in order; `context.sync()` replays them
 *   against the workbook state, like Excel runs a queued batch;
 * - each sync is recorded with its estimated payload (JSON bytes of what was sent) and cell count;
 * - sheet names, table names (case-insensitive, workbook-wide) and table ranges must not clash,
 *   value grids must match their range, table headers must be unique non-empty text;
 * - what Excel does with a value depends on the cell's number format and first character (see
 *   storeValue, each rule with its documentation page): quote prefix, text-formatted cells,
 *   number-like strings in General cells, formulas;
 * - table names are unique per workbook, compared case-insensitively; tables are found by name
 *   across the workbook (workbook.tables.getItemOrNullObject) and know their worksheet;
 * - duplicate or empty table headers are made unique the way Excel does (Name, Name2, Column1);
 * - autofitColumns fits each column to everything in it, not only to the range it was called on;
 * - `formulas` writes are kept apart from `values` writes (each cell remembers which one wrote it),
 *   and a formula written into a text-formatted ('@') cell is refused: Excel would keep it as text;
 * - data validation rules are checked for shape, and a rule may not overlap another one that was
 *   not cleared first; charts model their series (x and y ranges, type, markers, lines, point labels)
 *   and axes (minimum, maximum, major unit, title).
 * It fails loudly on any API the add-in is not expected to use.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type Value = string | number | boolean;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface StoredCell {
  value: Value;
  /** Set when Excel would have evaluated the written text. */
  formula?: string;
  /** Which property wrote the cell: `values` or `formulas`. */
  via?: 'values' | 'formulas';
  /** Entered with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  rect: Rect;
  style?: string;
}

export interface PointLabelState {
  hasDataLabel?: boolean;
  formula?: string;
  position?: string;
}

export interface SeriesState {
  name: string;
  chartType?: string;
  /** X values (scatter) and values (y), as ranges of the chart's sheet. */
  x?: Rect;
  y?: Rect;
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  line: { color?: string; lineStyle?: string; weight?: number };
  /** Per point index. */
  pointLabels: Map<number, PointLabelState>;
}

export interface AxisState {
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  title?: string;
}

export interface ChartState {
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  legendPosition?: string;
  reversePlotOrder?: boolean;
  position?: [string, string];
  /**
   * Modelled for XY scatter charts: one series per source column after the first (the x values).
   * Optional so charts a test adds by hand need not spell them out.
   */
  series?: SeriesState[];
  axes?: { category: AxisState; value: AxisState };
}

export interface DataValidationState {
  rect: Rect;
  rule?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
}

export interface FormulaWrite {
  sheet: string;
  rect: Rect;
  formulas: unknown[][];
}

export interface ConditionalFormatState {
  type: string;
  rect: Rect;
  props: Record<string, unknown>;
}

export interface FormatRecord {
  rect: Rect;
  property: string;
  value: unknown;
}

export interface SheetState {
  name: string;
  rows: Map<number, Map<number, StoredCell>>;
  numberFormats: Map<string, string>;
  formats: FormatRecord[];
  charts: ChartState[];
  conditionalFormats: ConditionalFormatState[];
  hiddenColumns: Set<number>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  autofits: Array<{ kind: 'columns' | 'rows'; rect: Rect }>;
  dataValidations: DataValidationState[];
}

export interface SyncRecord {
  operations: string[];
  bytes: number;
  cells: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
}

interface PendingOp {
  describe: string;
  bytes: number;
  cells: number;
  write: boolean;
  apply: () => void;
}

const ALL = Number.POSITIVE_INFINITY;

/** Column letters to zero-based index: A → 0, AA → 26. */
function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
}

/** 'A1', 'A1:C3', 'A:C' (whole columns); none for the whole sheet. */
export function parseAddress(address?: string): Rect {
  if (address === undefined || address === '') return { row: 0, col: 0, rows: ALL, cols: ALL };
  const columns = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (columns) {
    const first = columnIndex(columns[1]!);
    return { row: 0, col: first, rows: ALL, cols: columnIndex(columns[2]!) - first + 1 };
  }
  const cells = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
  if (!cells) throw new Error(`fake Excel: unsupported address "${address}"`);
  const row = Number(cells[2]) - 1;
  const col = columnIndex(cells[1]!);
  const lastRow = cells[4] ? Number(cells[4]) - 1 : row;
  const lastCol = cells[3] ? columnIndex(cells[3]) : col;
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

function estimate(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** A string Excel would take for a number when typed (invariant culture, as the API uses). */
const NUMBER_LIKE = /^\s*\d+(?:\.\d*)?(?:[eE][+-]?\d+)?\s*$|^\s*\.\d+(?:[eE][+-]?\d+)?\s*$/;

/**
 * What Excel stores for a value written through `range.values` (or typed), given the cell's number
 * format at that moment (the add-in sets numberFormat before values in the same request):
 * - A leading apostrophe is the quote prefix: it is dropped and marks the rest as text ("'t Lyceum"
 *   is stored as "t Lyceum"). The API drops it too (office-js issue #6687).
 *   https://learn.microsoft.com/en-us/office/vba/api/excel.range.prefixcharacter
 *   https://github.com/OfficeDev/office-js/issues/6687
 * - In a text-formatted cell ('@') whatever is entered is text: a number becomes its text, and a
 *   string starting with = stays that string (no formula).
 *   https://support.microsoft.com/en-us/office/format-numbers-as-text-583160db-9a72-4b72-9088-8c3e5fe9f5b5
 * - Otherwise a string starting with "=", "+" or "-" (and "@") is read as a formula ("If the returned
 *   value starts with a plus, minus, or equal sign, Excel interprets this value as a formula"), and
 *   a number-like string in a General cell becomes a number, as if typed ("1.10" → 1.1).
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
function storeValue(value: Value, numberFormat = 'General', via: 'values' | 'formulas' = 'values'): StoredCell {
  if (typeof value === 'number') return numberFormat === '@' ? { value: String(value), via } : { value, via };
  if (typeof value !== 'string') return { value, via };
  if (value.startsWith("'")) return { value: value.slice(1), via, quotePrefix: true };
  if (numberFormat === '@') return { value, via };
  if (/^[=+\-@]/.test(value) && value.length > 1) return { value: '#FORMULA', formula: value, via };
  if (NUMBER_LIKE.test(value)) return { value: Number(value), via };
  return { value, via };
}

/**
 * Excel's table headers are unique text within the table: an empty header becomes "Column<n>", a
 * number its text, and a repeated name (compared case-insensitively) gets a number appended.
 * https://support.microsoft.com/en-us/office/turn-excel-table-headers-on-or-off-c91d1742-312c-4480-820f-cf4b534c8b3b
 */
export function uniqueTableHeaders(header: readonly Value[]): string[] {
  const seen = new Set<string>();
  return header.map((cell, index) => {
    const base = cell === '' ? `Column${index + 1}` : String(cell);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Points per character at 11pt, and the padding autofit adds: a rough model of Calibri's widths. */
const CHAR_WIDTH_AT_11 = 5.6;
const AUTOFIT_PADDING = 6;

const VALIDATION_TYPES = ['list', 'wholeNumber', 'decimal', 'date', 'time', 'textLength', 'custom'];

function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

export class FakeWorkbook {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly syncLog: SyncRecord[] = [];
  /** Every string assigned to `values`, as the add-in sent it. */
  readonly sentStrings: string[] = [];
  /** Every `formulas` assignment, in order. */
  readonly formulaWrites: FormulaWrite[] = [];
  /** Table headers Excel had to rename (empty, duplicate or not text) when a table was made. */
  readonly renamedHeaders: Array<{ from: Value; to: string }> = [];
  activeSheet?: string;
  private queue: PendingOp[] = [];
  private loadsAfterSync: Array<() => void> = [];
  private mocks = new Set<OfficeMockObject>();
  private suspendedCalculation = false;
  private suspendedScreenUpdating = false;

  // ---- state helpers for tests ----

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  requireSheet(name: string): SheetState {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`fake Excel: no sheet "${name}"`);
    return sheet;
  }

  table(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * The name of the one Koers table of a round whose name ends in `base` ('Levers', 'Responses',
   * 'internal' for a section): for tests against the real server, where round ids are random.
   */
  koersTable(base: string): string {
    const suffix = `.${base}`.toLowerCase();
    const found = this.tables.filter((t) => /^Koers[._]/.test(t.name) && t.name.toLowerCase().endsWith(suffix));
    if (found.length !== 1) {
      throw new Error(
        `fake Excel: ${found.length} Koers tables end in "${base}": ${this.tables.map((t) => t.name).join(', ')}`,
      );
    }
    return found[0]!.name;
  }

  requireTable(name: string): TableState {
    const table = this.table(name);
    if (!table) throw new Error(`fake Excel: no table "${name}"`);
    return table;
  }

  cell(sheet: SheetState, row: number, col: number): StoredCell | undefined {
    return sheet.rows.get(row)?.get(col);
  }

  value(sheet: SheetState, row: number, col: number): Value {
    return this.cell(sheet, row, col)?.value ?? '';
  }

  grid(sheet: SheetState, rect: Rect): Value[][] {
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => this.value(sheet, rect.row + r, rect.col + c)),
    );
  }

  /** Header and data rows of a table, as Excel would show them. */
  tableValues(name: string): { header: string[]; rows: Value[][] } {
    const table = this.requireTable(name);
    const all = this.grid(table.sheet, table.rect);
    return { header: all[0]!.map(String), rows: all.slice(1) };
  }

  /** Zero-based index of the last row holding a value, or -1 for an empty sheet. */
  lastUsedRow(sheet: SheetState): number {
    let last = -1;
    for (const [row, cells] of sheet.rows) if (cells.size > 0 && row > last) last = row;
    return last;
  }

  /** Zero-based index of the last column holding a value, or -1. */
  lastUsedColumn(sheet: SheetState): number {
    let last = -1;
    for (const cells of sheet.rows.values()) for (const col of cells.keys()) last = Math.max(last, col);
    return last;
  }

  numberFormat(sheet: SheetState, row: number, col: number): string {
    return sheet.numberFormats.get(`${row},${col}`) ?? 'General';
  }

  /** Every cell holding a formula, as "Sheet!row,col: text". */
  formulaCells(): string[] {
    return this.sheets.flatMap((sheet) =>
      [...sheet.rows.entries()].flatMap(([row, cells]) =>
        [...cells.entries()].flatMap(([col, cell]) =>
          cell.formula ? [`${sheet.name}!${row},${col}: ${cell.formula}`] : [],
        ),
      ),
    );
  }

  /** What a person typing into a cell does: no batch, no sync. */
  type(sheet: SheetState, row: number, col: number, value: Value): void {
    this.setCell(sheet, row, col, storeValue(value, this.numberFormat(sheet, row, col)));
  }

  /** Width in points autofit would give a column now: the widest content of the whole column. */
  fitWidth(sheet: SheetState, col: number): number {
    let widest = 0;
    for (const [row, cells] of sheet.rows) {
      const cell = cells.get(col);
      if (!cell) continue;
      const size = Number(formatAt(sheet, row, col, 'font.size') ?? 11);
      const bold = formatAt(sheet, row, col, 'font.bold') === true ? 1.1 : 1;
      const text = typeof cell.value === 'number' ? String(Math.round(cell.value * 100) / 100) : String(cell.value);
      widest = Math.max(widest, text.length * CHAR_WIDTH_AT_11 * (size / 11) * bold);
    }
    return Math.round(widest + AUTOFIT_PADDING);
  }

  addSheetDirectly(name: string): SheetState {
    return this.createSheet(name);
  }

  // ---- the Excel.RequestContext ----

  createContext(): Excel.RequestContext {
    const workbook = this;
    const worksheets = this.collectionProxy(
      'worksheets',
      () => this.sheets.map((sheet) => this.worksheetProxy({ name: sheet.name }, false)),
      {
        getItemOrNullObject: (name: string) => workbook.worksheetProxy({ name }, true),
        getItem: (name: string) => workbook.worksheetProxy({ name }, false),
        add: (name: string) => {
          const ref = { name };
          workbook.enqueue(`worksheets.add(${name})`, estimate(name), 0, true, () => {
            workbook.createSheet(name);
          });
          return workbook.worksheetProxy(ref, false);
        },
      },
    );
    // Table names are unique in the whole workbook, so the workbook's table collection finds a table
    // by name wherever its sheet is, or gives a null object.
    // https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-getitemornullobject-member(1)
    const tables = this.collectionProxy(
      'workbook.tables',
      () => this.tables.map((t) => this.tableProxy({ state: t })),
      {
        getItemOrNullObject: (name: string) => {
          const ref = {
            get state(): TableState | undefined {
              return workbook.table(name);
            },
          };
          return workbook.tableProxy(ref, true);
        },
      },
    );
    const application = new OfficeMockObject({
      suspendApiCalculationUntilNextSync: () =>
        workbook.enqueue('application.suspendApiCalculationUntilNextSync()', 10, 0, false, () => {
          workbook.suspendedCalculation = true;
        }),
      suspendScreenUpdatingUntilNextSync: () =>
        workbook.enqueue('application.suspendScreenUpdatingUntilNextSync()', 10, 0, false, () => {
          workbook.suspendedScreenUpdating = true;
        }),
    });
    // office-addin-mock has no collections: the context is a plain object around the modelled parts.
    const context = { workbook: { worksheets, tables, application }, sync: () => workbook.sync() };
    return context as unknown as Excel.RequestContext;
  }

  /** What Excel.run does, for code that calls the global. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.createContext());

  // ---- internals ----

  private createSheet(name: string): SheetState {
    if (this.sheet(name)) throw new Error(`fake Excel: a sheet named "${name}" already exists`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new Error(`fake Excel: invalid sheet name "${name}"`);
    const sheet: SheetState = {
      name,
      rows: new Map(),
      numberFormats: new Map(),
      formats: [],
      charts: [],
      conditionalFormats: [],
      hiddenColumns: new Set(),
      columnWidths: new Map(),
      frozenRows: 0,
      autofits: [],
      dataValidations: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  private setCell(sheet: SheetState, row: number, col: number, cell: StoredCell): void {
    let cells = sheet.rows.get(row);
    if (!cells) {
      cells = new Map();
      sheet.rows.set(row, cells);
    }
    if (cell.value === '' && !cell.formula) cells.delete(col);
    else cells.set(col, cell);
  }

  private enqueue(describe: string, bytes: number, cells: number, write: boolean, apply: () => void): void {
    this.queue.push({ describe, bytes, cells, write, apply });
  }

  private async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.suspendedCalculation = false;
    this.suspendedScreenUpdating = false;
    for (const op of ops) op.apply();
    this.syncLog.push({
      operations: ops.map((op) => op.describe),
      bytes: ops.reduce((sum, op) => sum + op.bytes, 0),
      cells: ops.reduce((sum, op) => sum + op.cells, 0),
      suspendedCalculation: this.suspendedCalculation,
      suspendedScreenUpdating: this.suspendedScreenUpdating,
    });
    const loads = this.loadsAfterSync;
    this.loadsAfterSync = [];
    for (const load of loads) load();
    for (const mock of this.mocks) await mock.sync();
    this.mocks.clear();
  }

  /**
   * Wraps a mock so that writes and calls are queued in order, and loads take their values from
   * the workbook state at sync time (the lazily computed `loaders`).
   */
  private proxy<T extends object>(
    label: string,
    seed: Record<string, unknown>,
    loaders: Record<string, () => unknown>,
    onSet: (path: string, value: unknown) => void,
    /** Handed out as they are: collections, which office-addin-mock cannot model. */
    passthrough: Record<string, unknown> = {},
  ): T {
    // Loadable properties are placeholders in the mock, so reading one before load + sync gives
    // office-addin-mock's "not loaded" error; a load builds a second mock holding the values.
    const placeholders = Object.fromEntries(Object.keys(loaders).map((name) => [name, '']));
    const mock = new OfficeMockObject({ ...seed, ...placeholders });
    const loaded = new Map<string, OfficeMockObject>();
    const workbook = this;
    const wrap = (target: OfficeMockObject, path: string[]): unknown =>
      new Proxy(target, {
        get(object, property, receiver) {
          if (property === 'load' && path.length === 0) {
            return (what?: string | string[]) => {
              const names = (Array.isArray(what) ? what : String(what ?? '').split(','))
                .map((n) => n.trim())
                .filter(Boolean);
              if (names.length === 0) throw new Error(`fake Excel: load() without property names on ${label}`);
              if (workbook.queue.some((op) => op.write)) {
                throw new Error(`fake Excel: ${label}.load(${names.join(',')}) after queued writes in the same batch`);
              }
              const values: Record<string, unknown> = {};
              for (const name of names) {
                const loader = loaders[name];
                if (!loader) throw new Error(`fake Excel: ${label} cannot load "${name}"`);
                values[name] = loader();
              }
              const holder = new OfficeMockObject(values);
              holder.load(names);
              workbook.mocks.add(holder);
              for (const name of names) loaded.set(name, holder);
              return receiver;
            };
          }
          if (path.length === 0 && typeof property === 'string' && loaded.has(property)) {
            return Reflect.get(loaded.get(property)!, property);
          }
          if (
            path.length === 0 &&
            typeof property === 'string' &&
            Object.prototype.hasOwnProperty.call(passthrough, property)
          ) {
            return passthrough[property];
          }
          const value = Reflect.get(object, property, receiver);
          if (value instanceof OfficeMockObject && typeof property === 'string')
            return wrap(value, [...path, property]);
          return value;
        },
        set(object, property, value) {
          if (typeof property !== 'string') return Reflect.set(object, property, value);
          const fullPath = [...path, property].join('.');
          if (path.length === 0) loaded.delete(property);
          const cells =
            Array.isArray(value) && Array.isArray(value[0]) ? value.length * (value[0] as unknown[]).length : 0;
          workbook.enqueue(`${label}.${fullPath} = …`, estimate(value), fullPath === 'values' ? cells : 0, true, () =>
            onSet(fullPath, value),
          );
          object[property as keyof OfficeMockObject] = value as never;
          return true;
        },
      });
    return wrap(mock, []) as T;
  }

  private worksheetProxy(ref: { readonly name: string }, orNull: boolean): Excel.Worksheet {
    const workbook = this;
    let label: string;
    try {
      label = ref.name;
    } catch {
      label = '(sheet of a table)';
    }
    const state = (): SheetState => {
      const sheet = workbook.sheet(ref.name);
      if (!sheet) throw new Error(`fake Excel: ItemNotFound: sheet "${ref.name}"`);
      return sheet;
    };
    const tables = this.collectionProxy(
      `${label}.tables`,
      () => this.tables.filter((t) => t.sheet === state()).map((t) => this.tableProxy({ state: t })),
      {
        add: (where: Excel.Range | string, hasHeaders: boolean) => {
          const tableRef: { state?: TableState } = {};
          const rangeRect = typeof where === 'string' ? () => parseAddress(where) : () => rectOf(where);
          this.enqueue(`${ref.name}.tables.add(…, ${hasHeaders})`, 60, 0, true, () => {
            const sheet = state();
            const rect = rangeRect();
            if (!hasHeaders) throw new Error('fake Excel: Koers tables always have headers');
            if (!Number.isFinite(rect.rows) || !Number.isFinite(rect.cols))
              throw new Error('fake Excel: table over whole columns');
            const clash = this.tables.find((t) => t.sheet === sheet && intersects(t.rect, rect));
            if (clash) throw new Error(`fake Excel: a table cannot overlap another table (${clash.name})`);
            const header = this.grid(sheet, { ...rect, rows: 1 })[0]!;
            uniqueTableHeaders(header).forEach((name, c) => {
              if (name !== header[c]) this.renamedHeaders.push({ from: header[c]!, to: name });
              this.setCell(sheet, rect.row, rect.col + c, { value: name, via: 'values' });
            });
            const table: TableState = { name: this.freeTableName(), sheet, rect };
            this.tables.push(table);
            tableRef.state = table;
          });
          return this.tableProxy(tableRef);
        },
      },
    );
    const charts = this.collectionProxy(
      `${label}.charts`,
      () => state().charts.map((c) => this.chartProxy({ state: c, sheet: state })),
      {
        add: (type: string, source: Excel.Range, seriesBy: string) => {
          const chartRef: { state?: ChartState; sheet: () => SheetState } = { sheet: state };
          this.enqueue(`${ref.name}.charts.add(${type})`, 60, 0, true, () => {
            const rect = rectOf(source);
            const series: SeriesState[] = [];
            if (/^XYScatter/.test(type)) {
              if (seriesBy !== 'Columns' || rect.cols < 2)
                throw new Error('fake Excel: scatter charts are modelled for column data with x values first');
              for (let c = 1; c < rect.cols; c += 1) {
                series.push({
                  name: '',
                  x: { ...rect, cols: 1 },
                  y: { ...rect, col: rect.col + c, cols: 1 },
                  line: {},
                  pointLabels: new Map(),
                });
              }
            }
            const chart: ChartState = {
              name: `Chart ${state().charts.length + 1}`,
              type,
              source: rect,
              seriesBy,
              series,
              axes: { category: {}, value: {} },
            };
            state().charts.push(chart);
            chartRef.state = chart;
          });
          return this.chartProxy(chartRef);
        },
      },
    );
    return this.proxy<Excel.Worksheet>(
      `worksheet(${label})`,
      {
        freezePanes: {
          freezeRows: (count: number) =>
            this.enqueue(`${ref.name}.freezePanes.freezeRows(${count})`, 10, 0, true, () => {
              state().frozenRows = count;
            }),
        },
        getRange: (address?: string) => this.rangeProxy(state, () => parseAddress(address)),
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
          if (rows < 1 || cols < 1) throw new Error('fake Excel: getRangeByIndexes needs at least one row and column');
          return this.rangeProxy(state, () => ({ row, col, rows, cols }));
        },
        activate: () =>
          this.enqueue(`${ref.name}.activate()`, 10, 0, true, () => {
            this.activeSheet = state().name;
          }),
      },
      {
        isNullObject: () => {
          if (!orNull) throw new Error('fake Excel: isNullObject on getItem()');
          return !this.sheet(ref.name);
        },
        name: () => state().name,
      },
      (path) => {
        throw new Error(`fake Excel: unexpected write worksheet.${path}`);
      },
      { tables, charts },
    );
  }

  private freeTableName(): string {
    for (let i = 1; ; i += 1) if (!this.table(`Table${i}`)) return `Table${i}`;
  }

  /** A collection whose `load('items/name')` fills `items` after the next sync. */
  private collectionProxy(
    label: string,
    items: () => Array<{ load: (what: string) => unknown }>,
    methods: Record<string, (...args: never[]) => unknown>,
  ): Record<string, unknown> {
    const workbook = this;
    const collection: Record<string, unknown> = {
      ...methods,
      load(what: string) {
        if (what !== 'items/name') throw new Error(`fake Excel: ${label}.load("${what}") is not modelled`);
        collection.items = 'Error, context.sync() was not called';
        workbook.loadsAfterSync.push(() => {
          const list = items();
          list.forEach((item) => item.load('name'));
          collection.items = list;
        });
        return collection;
      },
      items: 'Error, property was not loaded',
    };
    // office-addin-mock has no collections: this plain object is handed out as it is.
    return collection;
  }

  private tableProxy(ref: { readonly state?: TableState }, orNull = false): Excel.Table {
    const table = (): TableState => {
      const state = ref.state;
      if (!state || !this.tables.includes(state)) throw new Error('fake Excel: the table does not exist');
      return state;
    };
    const sheet = () => table().sheet;
    const sheetRef = {
      get name(): string {
        return table().sheet.name;
      },
    };
    let worksheet: Excel.Worksheet | undefined;
    const worksheetOf = (): Excel.Worksheet => (worksheet ??= this.worksheetProxy(sheetRef, false));
    return this.proxy<Excel.Table>(
      'table',
      {
        delete: () =>
          this.enqueue('table.delete()', 10, 0, true, () => {
            const state = table();
            // "Deletes the table": the table goes and so do its cells (convertToRange would keep them).
            // https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-delete-member(1)
            for (let r = 0; r < state.rect.rows; r += 1) {
              for (let c = 0; c < state.rect.cols; c += 1)
                this.setCell(state.sheet, state.rect.row + r, state.rect.col + c, { value: '' });
            }
            this.tables.splice(this.tables.indexOf(state), 1);
          }),
        clearFilters: () => this.enqueue('table.clearFilters()', 10, 0, true, () => void table()),
        getHeaderRowRange: () => this.rangeProxy(sheet, () => ({ ...table().rect, rows: 1 })),
        getDataBodyRange: () =>
          this.rangeProxy(sheet, () => ({ ...table().rect, row: table().rect.row + 1, rows: table().rect.rows - 1 })),
      },
      {
        name: () => table().name,
        isNullObject: () => {
          if (!orNull) throw new Error('fake Excel: isNullObject on a table not got through getItemOrNullObject');
          const state = ref.state;
          return !state || !this.tables.includes(state);
        },
      },
      (path, value) => {
        const state = table();
        if (path === 'name') {
          const name = String(value);
          if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
            throw new Error(`fake Excel: invalid table name "${name}"`);
          }
          // "Table names must be unique within the workbook"; Excel does not tell upper from lower case.
          // https://support.microsoft.com/en-us/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114
          const other = this.table(name);
          if (other && other !== state) throw new Error(`fake Excel: the table name "${name}" is already used`);
          state.name = name;
        } else if (path === 'style') state.style = String(value);
        else throw new Error(`fake Excel: unexpected write table.${path}`);
      },
      // Table.worksheet: "The worksheet containing the current table" (ExcelApi 1.2).
      // https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-worksheet-member
      {
        get worksheet() {
          return worksheetOf();
        },
      },
    );
  }

  private chartProxy(ref: { state?: ChartState; sheet: () => SheetState }): Excel.Chart {
    const chart = (): ChartState => {
      if (!ref.state) throw new Error('fake Excel: the chart does not exist');
      return ref.state;
    };
    const seriesAt = (index: () => number) =>
      this.seriesProxy(() => {
        const found = (chart().series ?? [])[index()];
        if (!found) throw new Error(`fake Excel: the chart has no series ${index()}`);
        return found;
      });
    return this.proxy<Excel.Chart>(
      'chart',
      {
        title: {},
        legend: {},
        axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } },
        series: {
          add: (name?: string) => {
            const ref: { state?: SeriesState } = {};
            this.enqueue(`chart.series.add(${name ?? ''})`, 30, 0, true, () => {
              ref.state = { name: name ?? '', line: {}, pointLabels: new Map() };
              (chart().series ??= []).push(ref.state);
            });
            return this.seriesProxy(() => {
              if (!ref.state) throw new Error('fake Excel: the series does not exist');
              return ref.state;
            });
          },
          getItemAt: (index: number) => seriesAt(() => index),
        },
        delete: () =>
          this.enqueue('chart.delete()', 10, 0, true, () => {
            const list = ref.sheet().charts;
            list.splice(list.indexOf(chart()), 1);
          }),
        setPosition: (start: string, end: string) =>
          this.enqueue(`chart.setPosition(${start}, ${end})`, 30, 0, true, () => {
            chart().position = [start, end];
          }),
      },
      { name: () => chart().name },
      (path, value) => {
        const state = chart();
        if (path === 'name') state.name = String(value);
        else if (path === 'title.text') state.title = String(value);
        else if (path === 'legend.visible') state.legendVisible = Boolean(value);
        else if (path === 'axes.categoryAxis.reversePlotOrder') state.reversePlotOrder = Boolean(value);
        else if (path === 'legend.position') state.legendPosition = String(value);
        else {
          const axis = /^axes\.(categoryAxis|valueAxis)\.(minimum|maximum|majorUnit|title\.text)$/.exec(path);
          if (!axis) throw new Error(`fake Excel: unexpected write chart.${path}`);
          const axes = (state.axes ??= { category: {}, value: {} });
          const target = axes[axis[1] === 'categoryAxis' ? 'category' : 'value'];
          if (axis[2] === 'title.text') target.title = String(value);
          else target[axis[2] as 'minimum' | 'maximum' | 'majorUnit'] = Number(value);
        }
      },
    );
  }

  private seriesProxy(series: () => SeriesState): Excel.ChartSeries {
    return this.proxy<Excel.ChartSeries>(
      'series',
      {
        format: { line: {} },
        setValues: (range: Excel.Range) =>
          this.enqueue('series.setValues(…)', 30, 0, true, () => {
            series().y = rectOf(range);
          }),
        setXAxisValues: (range: Excel.Range) =>
          this.enqueue('series.setXAxisValues(…)', 30, 0, true, () => {
            series().x = rectOf(range);
          }),
        points: {
          getItemAt: (index: number) =>
            this.proxy<Excel.ChartPoint>('point', { dataLabel: {} }, {}, (path, value) => {
              const state = series();
              const labels = state.pointLabels.get(index) ?? {};
              if (path === 'hasDataLabel') labels.hasDataLabel = Boolean(value);
              else if (path === 'dataLabel.formula') labels.formula = String(value);
              else if (path === 'dataLabel.position') labels.position = String(value);
              else throw new Error(`fake Excel: unexpected write point.${path}`);
              state.pointLabels.set(index, labels);
            }),
        },
      },
      {},
      (path, value) => {
        const state = series();
        if (path === 'name') state.name = String(value);
        else if (path === 'chartType') state.chartType = String(value);
        else if (path === 'markerStyle') state.markerStyle = String(value);
        else if (path === 'markerSize') state.markerSize = Number(value);
        else if (path === 'markerBackgroundColor') state.markerBackgroundColor = String(value);
        else if (path === 'markerForegroundColor') state.markerForegroundColor = String(value);
        else if (path === 'format.line.color') state.line.color = String(value);
        else if (path === 'format.line.lineStyle') state.line.lineStyle = String(value);
        else if (path === 'format.line.weight') state.line.weight = Number(value);
        else throw new Error(`fake Excel: unexpected write series.${path}`);
      },
    );
  }

  private rangeProxy(sheet: () => SheetState, rect: () => Rect): Excel.Range {
    const workbook = this;
    const finite = (): Rect => {
      const r = rect();
      if (!Number.isFinite(r.rows) || !Number.isFinite(r.cols))
        throw new Error('fake Excel: values of a whole-column range');
      return r;
    };
    const range = this.proxy<Excel.Range>(
      'range',
      {
        format: {
          font: {},
          fill: {},
          // "Changes the width of the columns of the current range to achieve the best fit, based on
          // the current data in the columns": the whole column counts, not only the rows of the range.
          // https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitcolumns-member(1)
          autofitColumns: () =>
            this.enqueue('range.format.autofitColumns()', 10, 0, true, () => {
              const s = sheet();
              const target = rect();
              s.autofits.push({ kind: 'columns', rect: target });
              const last = Number.isFinite(target.cols) ? target.col + target.cols : this.lastUsedColumn(s) + 1;
              for (let c = target.col; c < last; c += 1) s.columnWidths.set(c, this.fitWidth(s, c));
            }),
          autofitRows: () =>
            this.enqueue('range.format.autofitRows()', 10, 0, true, () =>
              sheet().autofits.push({ kind: 'rows', rect: rect() }),
            ),
        },
        conditionalFormats: {
          add: (type: string) => {
            const cf: ConditionalFormatState = { type, rect: { row: 0, col: 0, rows: 0, cols: 0 }, props: {} };
            this.enqueue(`range.conditionalFormats.add(${type})`, 20, 0, true, () => {
              cf.rect = rect();
              sheet().conditionalFormats.push(cf);
            });
            return this.proxy<Excel.ConditionalFormat>(
              'conditionalFormat',
              {
                colorScale: {},
                cellValue: { format: { fill: {}, font: {} } },
                custom: { rule: {}, format: { fill: {}, font: {} } },
              },
              {},
              (path, value) => {
                const prefix = { ColorScale: 'colorScale.', CellValue: 'cellValue.', Custom: 'custom.' }[type];
                if (!prefix || !path.startsWith(prefix)) {
                  throw new Error(`fake Excel: ${path} on a ${type} conditional format`);
                }
                cf.props[path] = value;
              },
            );
          },
          clearAll: () =>
            this.enqueue('range.conditionalFormats.clearAll()', 10, 0, true, () => {
              const target = rect();
              const s = sheet();
              s.conditionalFormats = s.conditionalFormats.filter((cf) => !intersects(cf.rect, target));
            }),
        },
        dataValidation: {
          clear: () =>
            this.enqueue('range.dataValidation.clear()', 10, 0, true, () => {
              const target = rect();
              const s = sheet();
              s.dataValidations = s.dataValidations.filter((dv) => !intersects(dv.rect, target));
            }),
        },
        getColumn: (index: number) =>
          this.rangeProxy(sheet, () => ({ ...finite(), col: finite().col + index, cols: 1 })),
        clear: (applyTo?: string) =>
          this.enqueue(`range.clear(${applyTo ?? ''})`, 10, 0, true, () => {
            const target = rect();
            const s = sheet();
            for (const [row, cells] of s.rows) {
              if (row < target.row || row >= target.row + target.rows) continue;
              for (const col of [...cells.keys()])
                if (col >= target.col && col < target.col + target.cols) cells.delete(col);
            }
            if (applyTo === 'All' || applyTo === undefined || applyTo === 'Formats') {
              for (const key of [...s.numberFormats.keys()]) {
                const [row, col] = key.split(',').map(Number) as [number, number];
                if (intersects({ row, col, rows: 1, cols: 1 }, target)) s.numberFormats.delete(key);
              }
              s.formats = s.formats.filter((f) => !contains(target, f.rect));
            }
          }),
      },
      {
        values: () => workbook.grid(sheet(), finite()),
        rowCount: () => finite().rows,
        columnCount: () => finite().cols,
        rowIndex: () => rect().row,
        columnIndex: () => rect().col,
      },
      (path, value) => {
        const s = sheet();
        const target = rect();
        if (path === 'values' || path === 'numberFormat') {
          const grid = value as unknown[][];
          const r = finite();
          if (
            !Array.isArray(grid) ||
            grid.length !== r.rows ||
            grid.some((row) => !Array.isArray(row) || row.length !== r.cols)
          ) {
            throw new Error(`fake Excel: ${path} grid does not match a ${r.rows}×${r.cols} range`);
          }
          grid.forEach((row, i) =>
            row.forEach((cell, j) => {
              if (cell === null) return; // null leaves the cell as it is
              if (path === 'values') {
                if (!['string', 'number', 'boolean'].includes(typeof cell))
                  throw new Error(`fake Excel: cannot write ${JSON.stringify(cell)}`);
                if (typeof cell === 'string') workbook.sentStrings.push(cell);
                workbook.setCell(
                  s,
                  r.row + i,
                  r.col + j,
                  storeValue(cell as Value, workbook.numberFormat(s, r.row + i, r.col + j)),
                );
              } else
                s.numberFormats.set(
                  `${r.row + i},${r.col + j}`,
                  typeof cell === 'string' ? cell : JSON.stringify(cell),
                );
            }),
          );
        } else if (path === 'formulas') {
          const grid = value as unknown[][];
          const r = finite();
          if (
            !Array.isArray(grid) ||
            grid.length !== r.rows ||
            grid.some((row) => !Array.isArray(row) || row.length !== r.cols)
          ) {
            throw new Error(`fake Excel: formulas grid does not match a ${r.rows}×${r.cols} range`);
          }
          workbook.formulaWrites.push({ sheet: s.name, rect: r, formulas: grid.map((row) => [...row]) });
          grid.forEach((row, i) =>
            row.forEach((cell, j) => {
              if (cell === null) return;
              if (!['string', 'number', 'boolean'].includes(typeof cell))
                throw new Error(`fake Excel: cannot write formula ${JSON.stringify(cell)}`);
              if (typeof cell === 'string' && cell.startsWith('=')) {
                if (workbook.numberFormat(s, r.row + i, r.col + j) === '@') {
                  throw new Error(
                    `fake Excel: formula written into a text-formatted cell (${r.row + i},${r.col + j}) stays text`,
                  );
                }
                workbook.setCell(s, r.row + i, r.col + j, { value: '#FORMULA', formula: cell, via: 'formulas' });
              } else {
                workbook.setCell(
                  s,
                  r.row + i,
                  r.col + j,
                  storeValue(cell as Value, workbook.numberFormat(s, r.row + i, r.col + j), 'formulas'),
                );
              }
            }),
          );
        } else if (path.startsWith('dataValidation.')) {
          const property = path.slice('dataValidation.'.length);
          if (!['rule', 'errorAlert', 'prompt'].includes(property))
            throw new Error(`fake Excel: unexpected write range.${path}`);
          const r = finite();
          let entry = s.dataValidations.find((dv) => sameRect(dv.rect, r));
          if (!entry) {
            const clash = s.dataValidations.find((dv) => intersects(dv.rect, r));
            if (clash)
              throw new Error('fake Excel: data validation over cells that already have another one (clear it first)');
            entry = { rect: r };
            s.dataValidations.push(entry);
          }
          const object = value as Record<string, unknown>;
          if (property === 'rule') {
            const types = Object.keys(object ?? {});
            if (types.length !== 1 || !VALIDATION_TYPES.includes(types[0]!)) {
              throw new Error(
                `fake Excel: a data validation rule needs exactly one type (got ${JSON.stringify(object)})`,
              );
            }
            const list = object.list as { source?: unknown; inCellDropDown?: unknown } | undefined;
            if (list && (typeof list.source !== 'string' || list.source === ''))
              throw new Error('fake Excel: a list rule needs a source');
          }
          entry[property as 'rule' | 'errorAlert' | 'prompt'] = object;
        } else if (path === 'columnHidden') {
          for (let c = 0; c < target.cols; c += 1) {
            if (value) s.hiddenColumns.add(target.col + c);
            else s.hiddenColumns.delete(target.col + c);
          }
        } else if (path === 'rowHidden') {
          if (value !== false) throw new Error('fake Excel: Koers only unhides rows');
        } else if (path === 'format.columnWidth') {
          for (let c = 0; c < target.cols; c += 1) s.columnWidths.set(target.col + c, Number(value));
        } else if (
          [
            'format.font.bold',
            'format.font.size',
            'format.font.color',
            'format.fill.color',
            'format.wrapText',
            'format.verticalAlignment',
          ].includes(path)
        ) {
          s.formats.push({ rect: target, property: path.slice('format.'.length), value });
        } else throw new Error(`fake Excel: unexpected write range.${path}`);
      },
    );
    rangeRects.set(range, rect);
    return range;
  }
}

/** Ranges passed back into the API (tables.add, charts.add) are resolved through this map. */
const rangeRects = new WeakMap<object, () => Rect>();

function rectOf(range: unknown): Rect {
  const rect = rangeRects.get(range as object);
  if (!rect) throw new Error('fake Excel: not a range of this workbook');
  return rect();
}

/** The format records that cover one cell (last one wins, as in Excel). */
export function formatAt(sheet: SheetState, row: number, col: number, property: string): unknown {
  let found: unknown;
  for (const record of sheet.formats) {
    if (record.property === property && contains(record.rect, { row, col, rows: 1, cols: 1 })) found = record.value;
  }
  return found;
}

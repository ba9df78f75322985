/**
 * A deliberately tiny Excel formula evaluator for the shapes the lever formulas produce: IF, AND,
 * OR, COUNT, comparisons, * and +, numbers, "strings" and A1 references (optionally $ and sheet).
 * It follows Excel's rules where they matter here: a blank cell is 0 in arithmetic and comparisons,
 * COUNT counts only numbers, and a number compared with text is never greater.
 */
export type CellValue = number | string | boolean | null;
type Value = number | string | boolean;

export function evaluateFormula(formula: string, cells: Record<string, CellValue>): Value {
  if (!formula.startsWith('=')) throw new Error('a formula starts with =');
  const parser = new Parser(formula.slice(1), cells);
  const value = parser.expression();
  parser.end();
  return value.value;
}

interface Evaluated {
  value: Value;
  /** Set for a direct reference to an empty cell, so COUNT can skip it. */
  blank?: boolean;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly cells: Record<string, CellValue>,
  ) {}

  end(): void {
    if (this.pos !== this.text.length) throw new Error(`unexpected "${this.text.slice(this.pos)}"`);
  }

  expression(): Evaluated {
    const left = this.additive();
    const op = this.match(/^(<=|>=|<>|<|>|=)/);
    if (!op) return left;
    const right = this.additive();
    return { value: compare(op, left.value, right.value) };
  }

  private additive(): Evaluated {
    let left = this.term();
    for (let op = this.match(/^[+-]/); op; op = this.match(/^[+-]/)) {
      const right = this.term();
      left = {
        value: op === '+' ? toNumber(left.value) + toNumber(right.value) : toNumber(left.value) - toNumber(right.value),
      };
    }
    return left;
  }

  private term(): Evaluated {
    let left = this.primary();
    for (let op = this.match(/^[*/]/); op; op = this.match(/^[*/]/)) {
      const right = this.primary();
      left = {
        value: op === '*' ? toNumber(left.value) * toNumber(right.value) : toNumber(left.value) / toNumber(right.value),
      };
    }
    return left;
  }

  private primary(): Evaluated {
    const str = this.match(/^"(?:[^"]|"")*"/);
    if (str !== null) return { value: str.slice(1, -1).replace(/""/g, '"') };
    const num = this.match(/^\d+(?:\.\d+)?/);
    if (num !== null) return { value: Number(num) };
    const fn = this.match(/^[A-Z]+(?=\()/);
    if (fn !== null) return this.call(fn);
    const ref = this.match(/^(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Z]{1,3}\$?\d+/);
    if (ref !== null) {
      const key = ref.replace(/\$/g, '');
      const value = this.cells[key];
      return value === null || value === undefined ? { value: 0, blank: true } : { value };
    }
    throw new Error(`cannot read "${this.text.slice(this.pos)}"`);
  }

  private call(name: string): Evaluated {
    this.expect('(');
    // Arguments are evaluated eagerly; the formulas under test have no side effects or errors in
    // the branch IF skips, so this gives the same result as Excel's lazy IF.
    const parsed: Evaluated[] = [];
    if (!this.peek(')')) {
      do parsed.push(this.expression());
      while (this.match(/^,/));
    }
    this.expect(')');
    switch (name) {
      case 'IF':
        if (parsed.length !== 3) throw new Error('IF takes three arguments here');
        return truthy(parsed[0].value) ? parsed[1] : parsed[2];
      case 'AND':
        return { value: parsed.every((p) => truthy(p.value)) };
      case 'OR':
        return { value: parsed.some((p) => truthy(p.value)) };
      case 'COUNT':
        return { value: parsed.filter((p) => !p.blank && typeof p.value === 'number').length };
      default:
        throw new Error(`function ${name} is not supported by this evaluator`);
    }
  }

  private match(re: RegExp): string | null {
    const m = re.exec(this.text.slice(this.pos));
    if (!m) return null;
    this.pos += m[0].length;
    return m[0];
  }

  private peek(ch: string): boolean {
    return this.text[this.pos] === ch;
  }

  private expect(ch: string): void {
    if (this.text[this.pos] !== ch) throw new Error(`expected "${ch}" at ${this.pos} in ${this.text}`);
    this.pos += 1;
  }
}

function truthy(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  throw new Error('#VALUE!');
}

function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new Error('#VALUE!');
}

// Excel orders numbers < text < booleans when comparing values of different types.
function typeRank(value: Value): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
}

function compare(op: string, a: Value, b: Value): boolean {
  const order = typeRank(a) !== typeRank(b) ? typeRank(a) - typeRank(b) : a < b ? -1 : a > b ? 1 : 0;
  switch (op) {
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
    default:
      return order !== 0;
  }
}

/**
 * Lets the built task pane, running in Chromium, drive the fake workbook of tests/addin/fakeExcel.ts
 * (office-addin-mock objects) that lives in Node.
 *
 * In the page, `Excel.run` hands out a recording proxy: every property read, write, method call
 * and `load` becomes an operation, and `context.sync()` sends the batch over an exposed function.
 * Node replays the batch against a real fake context, syncs it, and returns the values that were
 * loaded, which the page proxy then answers with. This is the same queue-and-sync shape as
 * Office.js itself, so the add-in code runs unchanged.
 */
import type { Page } from 'playwright-core';
import type { FakeWorkbook } from './fakeExcel';

export interface OfficeStubOptions {
  displayLanguage: string;
  partitionKey?: string;
  /** Highest ExcelApi version the stub claims to support. */
  excelApi: string;
}

type Arg = unknown;
type Op =
  | { kind: 'context'; id: number }
  | { kind: 'get'; id: number; parent: number; prop: string }
  | { kind: 'call'; id: number; fn: number; args: Arg[] }
  | { kind: 'set'; parent: number; prop: string; value: Arg }
  | { kind: 'load'; parent: number; what: string };

interface Batch {
  ops: Op[];
  context: number;
}

interface BatchReply {
  loaded?: Record<string, Record<string, unknown>>;
  error?: string;
}

const BRIDGE = '__koersExcelBridge';

/** Node side: replays batches against contexts of one fake workbook. */
export class ExcelBridge {
  readonly batches: number[] = [];
  private objects = new Map<number | string, unknown>();
  private methods = new Map<number, { owner: Record<string, unknown>; prop: string }>();
  private nextNodeId = 1;

  constructor(private readonly workbook: FakeWorkbook) {}

  async attach(page: Page): Promise<void> {
    await page.exposeFunction(BRIDGE, (batch: Batch) => this.handle(batch));
  }

  async handle(batch: Batch): Promise<BatchReply> {
    const loads: Array<{ parent: number; names: string[] }> = [];
    try {
      for (const op of batch.ops) {
        switch (op.kind) {
          case 'context':
            this.objects.set(op.id, this.workbook.createContext());
            break;
          case 'get': {
            const owner = this.object(op.parent) as Record<string, unknown>;
            const value = owner[op.prop];
            if (typeof value === 'function') this.methods.set(op.id, { owner, prop: op.prop });
            else this.objects.set(op.id, value);
            break;
          }
          case 'call': {
            const method = this.methods.get(op.fn);
            if (!method) throw new Error(`bridge: ${op.fn} is not a method`);
            const fn = method.owner[method.prop] as (...args: unknown[]) => unknown;
            this.objects.set(
              op.id,
              fn.apply(
                method.owner,
                op.args.map((arg) => this.revive(arg)),
              ),
            );
            break;
          }
          case 'set':
            (this.object(op.parent) as Record<string, unknown>)[op.prop] = this.revive(op.value);
            break;
          case 'load':
            (this.object(op.parent) as { load: (what: string) => unknown }).load(op.what);
            loads.push({ parent: op.parent, names: op.what.split(',').map((n) => n.trim()) });
            break;
        }
      }
      const context = this.object(batch.context) as Excel.RequestContext;
      await context.sync();
      this.batches.push(batch.ops.length);
      const loaded: Record<string, Record<string, unknown>> = {};
      for (const { parent, names } of loads) {
        const owner = this.object(parent) as Record<string, unknown>;
        const values = (loaded[parent] ??= {});
        for (const name of names) {
          if (name === 'items/name') {
            const items = owner.items as Array<{ name: string }>;
            values.items = items.map((item) => {
              const id = `n${this.nextNodeId++}`;
              this.objects.set(id, item);
              return { $handle: id, name: item.name };
            });
          } else values[name] = owner[name];
        }
      }
      return { loaded };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  private object(id: number | string): unknown {
    if (!this.objects.has(id)) throw new Error(`bridge: unknown object ${id}`);
    return this.objects.get(id);
  }

  private revive(arg: Arg): unknown {
    if (arg && typeof arg === 'object' && '$handle' in (arg as Record<string, unknown>)) {
      return this.object((arg as { $handle: number | string }).$handle);
    }
    return arg;
  }
}

/**
 * Page side, passed to addInitScript: defines window.Office (Excel host, display language,
 * requirement sets) and window.Excel.run over the bridge. Must be self-contained: Playwright sends
 * its source text to the page.
 */
export function installOfficeStub(options: OfficeStubOptions): void {
  const bridge = (
    window as unknown as Record<
      string,
      (batch: unknown) => Promise<{ loaded?: Record<string, Record<string, unknown>>; error?: string }>
    >
  )['__koersExcelBridge'];
  let nextId = 1;
  let pending: unknown[] = [];
  const loaded = new Map<number | string, Record<string, unknown>>();
  const ids = new WeakMap<object, number | string>();

  const serialize = (value: unknown): unknown => {
    if ((typeof value === 'function' || typeof value === 'object') && value !== null && ids.has(value)) {
      return { $handle: ids.get(value) };
    }
    return value;
  };
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && '$handle' in v)) {
      return value.map((v: { $handle: string; name?: string }) => {
        const { $handle, ...props } = v;
        loaded.set($handle, props);
        return handle($handle);
      });
    }
    return value;
  };

  const flush = async (contextId: number | string): Promise<void> => {
    const ops = pending;
    pending = [];
    const reply = await bridge({ ops, context: contextId });
    if (reply.error) throw new Error(reply.error);
    for (const [id, values] of Object.entries(reply.loaded ?? {})) {
      const key = /^\d+$/.test(id) ? Number(id) : id;
      loaded.set(key, { ...(loaded.get(key) ?? {}), ...values });
    }
  };

  function handle(id: number | string, contextId?: number | string): unknown {
    const target = function () {};
    // Office.js hands out the same object for a navigation property every time (sheet.tables is
    // one collection): what was loaded through one access must be readable through the next.
    const children = new Map<string, unknown>();
    const proxy: object = new Proxy(target, {
      get(_target, prop) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        const values = loaded.get(id);
        if (values && prop in values) return revive(values[prop]);
        if (prop === 'load') {
          return (what: string | string[]) => {
            pending.push({ kind: 'load', parent: id, what: Array.isArray(what) ? what.join(',') : what });
            return proxy;
          };
        }
        if (prop === 'sync' && contextId !== undefined) return () => flush(contextId);
        const known = children.get(prop);
        if (known) return known;
        const childId = nextId++;
        pending.push({ kind: 'get', id: childId, parent: id, prop });
        const child = handle(childId, contextId);
        children.set(prop, child);
        return child;
      },
      set(_target, prop, value) {
        pending.push({ kind: 'set', parent: id, prop: String(prop), value: serialize(value) });
        return true;
      },
      apply(_target, _this, args: unknown[]) {
        const resultId = nextId++;
        pending.push({ kind: 'call', id: resultId, fn: id, args: args.map(serialize) });
        return handle(resultId, contextId);
      },
    });
    ids.set(proxy, id);
    return proxy;
  }

  // Requirement set versions are major.minor with a whole-number minor: "1.10" is newer than "1.9"
  // (parseFloat would read 1.1 < 1.9). https://learn.microsoft.com/en-us/javascript/api/requirement-sets
  const parts = (version: string) => version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const supported = (version: string) => {
    const [major, minor = 0] = parts(version);
    const [hasMajor, hasMinor = 0] = parts(options.excelApi);
    return major! < hasMajor! || (major === hasMajor && minor <= hasMinor);
  };
  (window as unknown as Record<string, unknown>).Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: options.displayLanguage,
      partitionKey: options.partitionKey,
      requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && supported(version) },
    },
  };
  (window as unknown as Record<string, unknown>).Excel = {
    run: async (batch: (context: unknown) => Promise<unknown>) => {
      const contextId = nextId++;
      pending.push({ kind: 'context', id: contextId });
      return batch(handle(contextId, contextId));
    },
  };
}

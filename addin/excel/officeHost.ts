import { readExcelSupport, type ExcelSupport } from './capabilities';

/**
 * Microsoft's CDN. taskpane.html loads it with a <script> in <head>, as Microsoft advises ("You must
 * reference the Office JavaScript API from inside the <head> section of the page to ensure that the
 * API is fully initialized prior to any body elements").
 * https://learn.microsoft.com/en-us/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
 */
export const OFFICE_CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** dist/addin/office-js/office.js, relative to the page's <base> (the folder above addin/). */
export const OFFICE_LOCAL_URL = 'addin/office-js/office.js';
/** How long Office.onReady may take before the bundled copy is tried. */
export const OFFICE_READY_TIMEOUT_MS = 8_000;

/**
 * Where the running office.js came from: the <head> tag (CDN), the bundled copy because the CDN
 * did not load, the bundled copy because the CDN's office.js loaded but never became ready (its own
 * files blocked: a partial school-network block), or nowhere.
 */
export type OfficeSource = 'cdn' | 'local' | 'local-after-timeout' | 'none';

/** What Office.onReady resolves with. */
type OfficeReadyInfo = { host: Office.HostType | null; platform: Office.PlatformType | null };

function officePresent(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

/**
 * office.js finds the folder of its other files (host files, strings) from its own <script> tag,
 * taking the first one whose name is office.js: a failed CDN tag must go before the local one comes.
 */
function injectScript(doc: Document, src: string): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve(script);
    script.onerror = () => {
      script.remove();
      reject(new Error(`Could not load ${src}`));
    };
    doc.head.appendChild(script);
  });
}

function removeOfficeScripts(doc: Document): void {
  for (const script of Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]'))) {
    if (/\/office\.js(?:[?#]|$)/.test(script.src)) script.remove();
  }
}

/** What a half-started office.js left behind, so the bundled copy starts from a clean page. */
function forgetOffice(): void {
  const globals = globalThis as Record<string, unknown>;
  for (const name of ['Office', 'OfficeExtension', 'Excel', 'OSF', 'Microsoft']) {
    try {
      delete globals[name];
    } catch {
      globals[name] = undefined;
    }
  }
}

async function loadLocalCopy(doc: Document, local: string): Promise<boolean> {
  removeOfficeScripts(doc);
  try {
    await injectScript(doc, local);
  } catch {
    return false;
  }
  return officePresent();
}

/** Office.onReady's info, or undefined when it did not resolve within the time. */
async function readyWithin(timeoutMs: number): Promise<OfficeReadyInfo | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      Office.onReady().then((info) => info),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export interface OfficeStart {
  source: OfficeSource;
  info?: OfficeReadyInfo;
  /** The CDN's office.js loaded but Office.onReady did not resolve in time. */
  cdnTimedOut: boolean;
}

/**
 * Starts office.js: the copy the <head> tag loaded from the CDN when it is there and becomes ready
 * within `timeoutMs`; otherwise the bundled copy (when the CDN was blocked, or when its office.js
 * loaded but never became ready, e.g. because its own host files were blocked). Whether a second
 * office.js in the same page starts in every Office host is not something Microsoft documents: the
 * pane says so when it happens (HostInfo.officeNote) instead of claiming success.
 */
export async function startOffice(
  doc: Document = document,
  options: { local?: string; timeoutMs?: number } = {},
): Promise<OfficeStart> {
  const local = options.local ?? OFFICE_LOCAL_URL;
  const timeoutMs = options.timeoutMs ?? OFFICE_READY_TIMEOUT_MS;
  if (officePresent()) {
    const info = await readyWithin(timeoutMs);
    if (info) return { source: 'cdn', info, cdnTimedOut: false };
    forgetOffice();
    if (!(await loadLocalCopy(doc, local))) return { source: 'none', cdnTimedOut: true };
    const second = await readyWithin(timeoutMs);
    return second
      ? { source: 'local-after-timeout', info: second, cdnTimedOut: true }
      : { source: 'none', cdnTimedOut: true };
  }
  if (!(await loadLocalCopy(doc, local))) return { source: 'none', cdnTimedOut: false };
  const info = await readyWithin(timeoutMs);
  return info ? { source: 'local', info, cdnTimedOut: false } : { source: 'none', cdnTimedOut: false };
}

export interface HostInfo {
  officeSource: OfficeSource;
  /** The CDN's office.js loaded but did not start in time (see startOffice): the pane tells the user. */
  officeTimedOut: boolean;
  /** Running inside Excel (not a plain browser tab, not another Office application). */
  inExcel: boolean;
  displayLanguage?: string;
  /** Isolates storage per add-in installation where Office provides it (Excel on the web). */
  partitionKey?: string;
  support: ExcelSupport;
}

const NO_EXCEL: ExcelSupport = { meetsMinimum: false, suspendCalculation: false, suspendScreenUpdating: false };

/** office.js resolves onReady at once outside Office, and never if it could not initialise. */
export async function connectToOffice(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostInfo> {
  const started = await startOffice(document, { timeoutMs });
  const inExcel = String(started.info?.host ?? '') === 'Excel';
  const context = inExcel ? Office.context : undefined;
  return {
    officeSource: started.source,
    officeTimedOut: started.cdnTimedOut,
    inExcel,
    displayLanguage: context?.displayLanguage,
    partitionKey: context?.partitionKey || undefined,
    support: inExcel ? readExcelSupport() : NO_EXCEL,
  };
}

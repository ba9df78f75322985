import { readExcelSupport, type ExcelSupport } from './capabilities';

/** Microsoft's CDN; school networks often block it, hence the local copy next to the task pane. */
export const OFFICE_CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** dist/addin/office-js/office.js, relative to the page's <base> (the folder above addin/). */
export const OFFICE_LOCAL_URL = 'addin/office-js/office.js';

export type OfficeSource = 'present' | 'cdn' | 'local' | 'none';

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

/**
 * Loads office.js from the CDN and, when that fails (blocked, offline, or a proxy's block page
 * that loads but defines nothing), from the local copy. The page's CSP allows scripts from self
 * and the CDN only, so this runs from the bundle rather than as an inline onerror handler.
 */
export async function loadOfficeJs(
  doc: Document = document,
  urls: { cdn: string; local: string } = { cdn: OFFICE_CDN_URL, local: OFFICE_LOCAL_URL },
): Promise<OfficeSource> {
  if (officePresent()) return 'present';
  try {
    const cdn = await injectScript(doc, urls.cdn);
    if (officePresent()) return 'cdn';
    // Loaded but defined nothing: a proxy's block page, say.
    cdn.remove();
  } catch {
    // fall through to the local copy
  }
  try {
    await injectScript(doc, urls.local);
  } catch {
    return 'none';
  }
  return officePresent() ? 'local' : 'none';
}

export interface HostInfo {
  officeSource: OfficeSource;
  /** Running inside Excel (not a plain browser tab, not another Office application). */
  inExcel: boolean;
  displayLanguage?: string;
  /** Isolates storage per add-in installation where Office provides it (Excel on the web). */
  partitionKey?: string;
  support: ExcelSupport;
}

const NO_EXCEL: ExcelSupport = { meetsMinimum: false, suspendCalculation: false, suspendScreenUpdating: false };

/** office.js resolves onReady at once outside Office, and never if it could not initialise. */
export async function connectToOffice(timeoutMs = 10_000): Promise<HostInfo> {
  const officeSource = await loadOfficeJs();
  if (officeSource === 'none') return { officeSource, inExcel: false, support: NO_EXCEL };
  const ready = await Promise.race([
    Office.onReady().then((info) => info),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]);
  const inExcel = String(ready?.host ?? '') === 'Excel';
  const context = inExcel ? Office.context : undefined;
  return {
    officeSource,
    inExcel,
    displayLanguage: context?.displayLanguage,
    partitionKey: context?.partitionKey || undefined,
    support: inExcel ? readExcelSupport() : NO_EXCEL,
  };
}

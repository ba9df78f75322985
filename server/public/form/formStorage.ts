/**
 * The respondent's unsent work, kept in localStorage per invitation code so a reload, a flat battery
 * or a lost reply costs nothing. Cleared as soon as the server has the response.
 */

/** undefined: not answered yet; null: "don't know / n.a."; a number: a point on the scale. */
export type Rating = number | null | undefined;

export interface Draft {
  answers: Record<string, { current?: number | null; desired?: number | null }>;
  comment: string;
  /** 0 is the intro, 1..n the sections, n + 1 the finish step. */
  step: number;
  /** Made once per code, so the server recognises a retry of a submission it already stored. */
  submissionId: string;
  /** Set while a submission may have reached the server without us hearing back. */
  pending: boolean;
}

const VERSION = 1;
/** The server accepts a code in any case and with dashes or spaces; one draft per code however typed. */
const keyFor = (code: string): string =>
  `koers.form.${code
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '')}`;

function storage(): Storage | undefined {
  try {
    const probe = '__koers_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    // Private modes and locked-down school browsers may refuse storage: the form still works.
    return undefined;
  }
}

export function storageAvailable(): boolean {
  return storage() !== undefined;
}

/** A random id; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
export function randomSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function emptyDraft(): Draft {
  return { answers: {}, comment: '', step: 0, submissionId: randomSubmissionId(), pending: false };
}

function isRating(value: unknown): value is number | null | undefined {
  return value === undefined || value === null || (typeof value === 'number' && Number.isInteger(value));
}

/** Reads a saved draft; anything damaged or from another version is ignored rather than trusted. */
export function loadDraft(code: string): Draft | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const raw = store.getItem(keyFor(code));
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Partial<Draft> & { v?: number };
    if (data.v !== VERSION || typeof data.submissionId !== 'string' || data.submissionId.length < 8) return undefined;
    const answers: Draft['answers'] = {};
    for (const [id, value] of Object.entries(data.answers ?? {})) {
      if (value && typeof value === 'object' && isRating(value.current) && isRating(value.desired)) {
        answers[id] = { current: value.current, desired: value.desired };
      }
    }
    return {
      answers,
      comment: typeof data.comment === 'string' ? data.comment : '',
      step: typeof data.step === 'number' && Number.isInteger(data.step) && data.step >= 0 ? data.step : 0,
      submissionId: data.submissionId,
      pending: data.pending === true,
    };
  } catch {
    return undefined;
  }
}

export function saveDraft(code: string, draft: Draft): void {
  try {
    storage()?.setItem(keyFor(code), JSON.stringify({ v: VERSION, ...draft }));
  } catch {
    // A full quota must not break answering; the answers stay in memory.
  }
}

export function clearDraft(code: string): void {
  try {
    storage()?.removeItem(keyFor(code));
  } catch {
    // Nothing more we can do; the draft holds no identifying data.
  }
}

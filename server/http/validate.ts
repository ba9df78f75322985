import type { z } from 'zod';
import type { Language } from '../../core/text';
import { HttpError } from './errors';

/** Parses untrusted input; on failure throws a 400 whose detail names the fields in plain words. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpError(400, 'badRequest', { issues: result.error.issues });
}

export type Issue = z.core.$ZodIssue;
type Texts = Record<Language, string>;

/**
 * Messages that schemas attach to their own checks (regex formats and refinements), in both
 * languages. A schema's message is a key of this table, never text shown as it is: that is how a
 * Dutch request never gets an English sentence in its error.
 */
const checkMessages: Record<string, Texts> = {
  isoDate: {
    nl: 'verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-31',
    en: 'expected an existing date as YYYY-MM-DD, for example 2026-03-31',
  },
  periodEndBeforeStart: {
    nl: 'de einddatum moet op of na de begindatum liggen',
    en: 'the end date must be on or after the start date',
  },
  slug: {
    nl: 'gebruik kleine letters, cijfers en streepjes (bijvoorbeeld "leraren-onderbouw")',
    en: 'use lowercase letters, digits and dashes (for example "teachers-lower-school")',
  },
  token: { nl: 'gebruik alleen letters, cijfers, - en _', en: 'use only letters, digits, - and _' },
  scaleMaxAboveMin: {
    nl: 'het hoogste punt van de schaal moet boven het laagste liggen',
    en: 'the top of the scale must be above its bottom',
  },
  scaleOneLabelPerPoint: {
    nl: 'geef precies één label per punt van de schaal',
    en: 'give exactly one label per point of the scale',
  },
  duplicateId: { nl: 'de id "{id}" komt twee keer voor', en: 'the id "{id}" is used twice' },
  'list each theme once': { nl: 'noem elk thema één keer', en: 'list each theme once' },
  'list each AMO factor once': { nl: 'noem elke AMO-factor één keer', en: 'list each AMO factor once' },
  'list each keyword once': { nl: 'noem elk trefwoord één keer', en: 'list each keyword once' },
  'list each lever once': { nl: 'noem elke maatregel één keer', en: 'list each lever once' },
  'send at least one field to change': {
    nl: 'stuur minstens één veld om te wijzigen',
    en: 'send at least one field to change',
  },
};

const reasons: Record<string, Record<Language, (issue: Issue) => string>> = {
  invalid_type: {
    nl: (i) => (missing(i) ? 'dit veld is verplicht' : `verwacht ${dutchType(expected(i))}`),
    en: (i) => (missing(i) ? 'this field is required' : `expected ${englishType(expected(i))}`),
  },
  too_small: {
    nl: (i) => `te klein of te kort (minimaal ${String((i as { minimum?: unknown }).minimum)})`,
    en: (i) => `too small or too short (at least ${String((i as { minimum?: unknown }).minimum)})`,
  },
  too_big: {
    nl: (i) => `te groot of te lang (maximaal ${String((i as { maximum?: unknown }).maximum)})`,
    en: (i) => `too big or too long (at most ${String((i as { maximum?: unknown }).maximum)})`,
  },
  unrecognized_keys: {
    nl: (i) => `onbekend veld ${((i as { keys?: string[] }).keys ?? []).map((k) => `"${k}"`).join(', ')}`,
    en: (i) => `unknown field ${((i as { keys?: string[] }).keys ?? []).map((k) => `"${k}"`).join(', ')}`,
  },
  invalid_value: {
    nl: (i) => `kies uit ${((i as { values?: unknown[] }).values ?? []).map(String).join(', ')}`,
    en: (i) => `choose from ${((i as { values?: unknown[] }).values ?? []).map(String).join(', ')}`,
  },
  invalid_format: {
    nl: (i) => checkMessage(i, 'nl') ?? 'ongeldige opmaak',
    en: (i) => checkMessage(i, 'en') ?? 'invalid format',
  },
  not_multiple_of: { nl: () => 'geen geheel getal', en: () => 'not a whole number' },
  invalid_union: { nl: () => 'ongeldige waarde', en: () => 'invalid value' },
  invalid_key: { nl: () => 'ongeldige sleutel', en: () => 'invalid key' },
  invalid_element: { nl: () => 'ongeldige waarde', en: () => 'invalid value' },
  custom: {
    nl: (i) => checkMessage(i, 'nl') ?? 'ongeldige waarde',
    en: (i) => checkMessage(i, 'en') ?? 'invalid value',
  },
};

function expected(issue: Issue): string {
  return String((issue as { expected?: string }).expected);
}

/** zod reports a missing field as invalid_type "received undefined". */
function missing(issue: Issue): boolean {
  return /received undefined$/.test(issue.message);
}

function checkMessage(issue: Issue, language: Language): string | undefined {
  const texts = Object.hasOwn(checkMessages, issue.message) ? checkMessages[issue.message] : undefined;
  if (!texts) return undefined;
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  return texts[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function dutchType(type: string): string {
  const names: Record<string, string> = {
    object: 'een object',
    array: 'een lijst',
    string: 'tekst',
    number: 'een getal',
    int: 'een geheel getal',
    boolean: 'waar/onwaar',
    null: 'null',
    record: 'een object',
  };
  return names[type] ?? type;
}

function englishType(type: string): string {
  const names: Record<string, string> = {
    object: 'an object',
    array: 'a list',
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true/false',
    record: 'an object',
  };
  return names[type] ?? type;
}

/** "answers.3.current: verwacht een getal; comment: te groot ..." — at most five issues. */
export function describeIssues(issues: Issue[], language: Language): string {
  const shown = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : language === 'nl' ? 'inhoud' : 'body';
    const reason = reasons[issue.code]?.[language](issue) ?? (language === 'nl' ? 'ongeldige waarde' : 'invalid value');
    return `${where}: ${reason}`;
  });
  const more =
    issues.length > 5
      ? language === 'nl'
        ? ` (en ${issues.length - 5} meer)`
        : ` (and ${issues.length - 5} more)`
      : '';
  return shown.join('; ') + more;
}

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

const reasons: Record<string, Record<Language, (issue: Issue) => string>> = {
  invalid_type: {
    nl: (i) => `verwacht ${dutchType(String((i as { expected?: string }).expected))}`,
    en: (i) => `expected ${String((i as { expected?: string }).expected)}`,
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
  invalid_format: { nl: () => 'ongeldige opmaak', en: () => 'invalid format' },
  not_multiple_of: { nl: () => 'geen geheel getal', en: () => 'not a whole number' },
};

function dutchType(type: string): string {
  const names: Record<string, string> = {
    object: 'een object',
    array: 'een lijst',
    string: 'tekst',
    number: 'een getal',
    int: 'een geheel getal',
    boolean: 'waar/onwaar',
    null: 'null',
  };
  return names[type] ?? type;
}

/** "answers.3.current: verwacht een getal; comment: te groot ..." — at most five issues. */
export function describeIssues(issues: Issue[], language: Language): string {
  const shown = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : language === 'nl' ? 'inhoud' : 'body';
    const reason = reasons[issue.code]?.[language](issue) ?? issue.message;
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

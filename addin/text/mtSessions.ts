import type { Language } from '../../core/text';
import { fillTemplate } from '../../core/sheets/texts';

/** The task pane's words for choosing which MT scoring session to pull (Kies section). */
const mtSessionTexts = {
  nl: {
    mtSessionLabel: 'MT-sessie',
    mtSessionLatest: 'Laatste sessie',
    mtSessionOption: 'Sessie van {date} ({status}, {submitted} van {links} gescoord)',
  },
  en: {
    mtSessionLabel: 'MT session',
    mtSessionLatest: 'Latest session',
    mtSessionOption: 'Session of {date} ({status}, {submitted} of {links} scored)',
  },
} satisfies Record<Language, Record<string, string>>;

export type MtSessionTextKey = keyof (typeof mtSessionTexts)['nl'];

export function mtSessionText(
  language: Language,
  key: MtSessionTextKey,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(mtSessionTexts[language][key], params);
}

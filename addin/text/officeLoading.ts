import type { Language } from '../../core/text';

/** What the pane says when Microsoft's office.js loaded but did not start (see addin/excel/officeHost.ts). */
const texts = {
  nl: {
    localWorks:
      'Office.js van Microsoft werd geladen maar startte niet op tijd (het schoolnetwerk blokkeert waarschijnlijk een deel van Microsofts adressen). Koers gebruikt nu zijn eigen kopie van office.js.',
    nothingWorks:
      'Office.js van Microsoft werd geladen maar startte niet op tijd, en de eigen kopie van Koers ook niet. Vraag de ICT-beheerder appsforoffice.microsoft.com toe te staan en open Koers opnieuw vanuit Excel.',
  },
  en: {
    localWorks:
      "Microsoft's office.js loaded but did not start in time (the school network probably blocks some of Microsoft's addresses). Koers now uses its own copy of office.js.",
    nothingWorks:
      "Microsoft's office.js loaded but did not start in time, and neither did Koers' own copy. Ask IT to allow appsforoffice.microsoft.com and open Koers again from Excel.",
  },
} satisfies Record<Language, Record<string, string>>;

/** `localStarted`: the bundled copy became ready after the CDN's did not. */
export function officeLoadingText(language: Language, localStarted: boolean): string {
  return texts[language][localStarted ? 'localWorks' : 'nothingWorks'];
}

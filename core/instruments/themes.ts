import { z } from 'zod';
import type { LocalizedText } from '../text';

/** The five SHRM themes of the VO-raad series. */
export const themeIdSchema = z.enum([
  'differentiatie',
  'ict-e-didactiek',
  'startende-leraren',
  'masteropgeleide-leraren',
  'bevoegd-aan-de-slag',
]);
export type ThemeId = z.infer<typeof themeIdSchema>;

export interface Theme {
  id: ThemeId;
  name: LocalizedText;
  /** What to think of when mapping the current situation for this theme (shown above that block). */
  mappingHint: LocalizedText;
}

export const themes: readonly Theme[] = Object.freeze([
  {
    id: 'differentiatie',
    name: { nl: 'Meer differentiatie in de klas', en: 'More differentiation in the classroom' },
    mappingHint: {
      nl: 'Denk bijvoorbeeld aan: hoeveel leraren al afstemmen op verschillen tussen leerlingen, en in welke secties dat nog weinig gebeurt.',
      en: 'For example: how many teachers already adapt their teaching to differences between students, and in which departments this rarely happens yet.',
    },
  },
  {
    id: 'ict-e-didactiek',
    name: { nl: 'ICT-vaardigheden en e-didactiek', en: 'ICT skills and e-didactics' },
    mappingHint: {
      nl: 'Denk bijvoorbeeld aan: welke digitale vaardigheden leraren hebben en hoe zij ICT in hun lessen gebruiken.',
      en: 'For example: which digital skills teachers have and how they use ICT in their lessons.',
    },
  },
  {
    id: 'startende-leraren',
    name: { nl: 'Begeleiding startende leraren', en: 'Support for beginning teachers' },
    mappingHint: {
      nl: 'Denk bijvoorbeeld aan: hoeveel startende leraren er zijn, in welke secties zij werken en hoeveel van hen in de eerste jaren vertrekken.',
      en: 'For example: how many beginning teachers there are, which departments they work in and how many of them leave in their first years.',
    },
  },
  {
    id: 'masteropgeleide-leraren',
    name: { nl: 'Meer masteropgeleide leraren', en: "More teachers with a master's degree" },
    mappingHint: {
      nl: 'Denk bijvoorbeeld aan: welk deel van de leraren een master heeft, welk soort master (hbo of wo, vakinhoudelijk of onderwijskundig) en in welke secties.',
      en: "For example: what share of teachers hold a master's degree, which kind (university of applied sciences or research university, subject or education) and in which departments.",
    },
  },
  {
    id: 'bevoegd-aan-de-slag',
    name: { nl: 'Bevoegd aan de slag', en: 'Qualified for every class' },
    mappingHint: {
      nl: 'Denk bijvoorbeeld aan: welk deel van de lessen door een bevoegde leraar wordt gegeven, en welke leraren nog bezig zijn hun bevoegdheid te halen.',
      en: 'For example: what share of lessons is taught by a qualified teacher, and which teachers are still working towards their qualification.',
    },
  },
] satisfies Theme[]);

export function findTheme(id: ThemeId): Theme {
  const theme = themes.find((t) => t.id === id);
  // Unreachable for a valid ThemeId; guards against callers that bypassed the type.
  if (!theme) throw new Error(`unknown theme "${id}"`);
  return theme;
}

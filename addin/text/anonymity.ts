/**
 * Task-pane texts for a round's anonymity settings (issue 12), for the pane where the adviser opens
 * a round: what each setting does and, for interim results, the risk. Same keys in nl and en.
 */
import type { Language } from '../../core/text';

export const anonymityTexts = {
  nl: {
    releaseLabel: 'Resultaten vrijgeven',
    releaseAtClose: 'Bij het sluiten van de ronde (aanbevolen)',
    releaseAtCloseHelp:
      'Tijdens het veldwerk ziet u alleen de deelname. Zo kan niemand de resultaten vóór en na het antwoord van één collega vergelijken.',
    releaseInterim: 'Tussenstanden tijdens het veldwerk',
    releaseInterimRisk:
      'Risico: wie weet wanneer collega’s antwoorden, kan tussenstanden met elkaar vergelijken. Koers geeft daarom pas een nieuwe tussenstand vrij als elke getoonde cel er minstens de drempel aan antwoorden bij heeft, en houdt een samengevoegde groep samen tot het einde. Kennis van wie wanneer antwoordde kan een groep van die omvang nog steeds verkleinen; antwoorden na de laatste tussenstand kunnen buiten de eindstand blijven.',
    rollUpsLabel: 'Samengevoegde groepen',
    rollUpsHelp:
      'Groepen onder de drempel worden samen getoond, bijvoorbeeld directie + teamleiders = leidinggevenden. Een groep hoort bij hoogstens één samengevoegde groep; de overige kleine groepen vormen samen "Overige geledingen" zodra ze samen de drempel halen.',
    commentThresholdLabel: 'Drempel voor opmerkingen',
    commentThresholdHelp:
      'Opmerkingen zijn herkenbaarder dan cijfers: toon ze alleen bij groepen met minstens dit aantal antwoorden (niet lager dan de drempel voor cijfers).',
  },
  en: {
    releaseLabel: 'Release results',
    releaseAtClose: 'When the round closes (recommended)',
    releaseAtCloseHelp:
      'During fieldwork you see participation only, so nobody can compare the results before and after one colleague answers.',
    releaseInterim: 'Interim results during fieldwork',
    releaseInterimRisk:
      'Risk: someone who knows when colleagues answer can compare interim releases. Koers therefore releases a new interim result only when every shown cell has at least the threshold of new answers, and keeps a combined group combined to the end. Knowing who answered when can still narrow such a group down; answers after the last interim release may stay out of the final results.',
    rollUpsLabel: 'Combined groups',
    rollUpsHelp:
      'Groups below the threshold are shown together, e.g. directie + teamleiders = leidinggevenden. A group belongs to at most one combined group; the remaining small groups form "Other groups" once they reach the threshold together.',
    commentThresholdLabel: 'Threshold for comments',
    commentThresholdHelp:
      'Comments are easier to recognise than figures: show them only for groups with at least this many responses (not below the threshold for figures).',
  },
} satisfies Record<Language, Record<string, string>>;

export type AnonymityTextKey = keyof (typeof anonymityTexts)['nl'];

export function anonymityPaneText(key: AnonymityTextKey, language: Language): string {
  return anonymityTexts[language][key];
}

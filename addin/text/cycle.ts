import type { Language } from '../../core/text';
import { fillTemplate } from '../../core/sheets/texts';

/** The task pane's words for the Doe / Ga door section (plan, comparison, obstacles, stakeholders). */
const cycleUiTexts = {
  nl: {
    cycleHeading: 'Doe en Ga door',
    cycleIntro:
      'Maak van de gekozen maatregelen een plan, vergelijk een vervolgronde met de ronde ervoor, en breng knelpunten en stakeholders in kaart. Wat u in deze bladen typt, blijft bewaard als u ze opnieuw maakt.',
    planButton: 'Plan maken/bijwerken',
    planWriting: 'Bezig met het plan…',
    planDone:
      'Klaar: het blad "{sheet}" heeft {rows} activiteitregels ({chosen} gekozen maatregelen, {fresh} nieuw) en het blad "{indicators}" {count} indicatoren.',
    planNoKies: 'Er is nog geen Kies-blad: maak dat eerst en zet bij de maatregelen die u kiest Gekozen op Ja.',
    planNoChosen: 'Op het Kies-blad staat nog geen maatregel op Gekozen = Ja; het plan heeft daarom nog geen regels.',
    compareButton: 'Vergelijking ophalen',
    compareWriting: 'Bezig met de vergelijking…',
    compareDone:
      'Klaar: het blad "{sheet}" vergelijkt met de basisronde. {shrank} cellen zijn kleiner geworden en {grew} groter, buiten toeval; {hidden} cellen blijven verborgen.',
    compareNoBaseline:
      'Deze ronde heeft geen basisronde. Open een vervolgronde met baselineRoundId (de id van de eerdere ronde) om te kunnen vergelijken.',
    knelpuntenButton: 'Knelpunten-blad',
    knelpuntenWriting: 'Bezig met de knelpunten…',
    knelpuntenDone: 'Klaar: het blad "{sheet}" heeft {rows} knelpunten, waarvan {own} eigen.',
    stakeholderButton: 'Stakeholder-blad',
    stakeholderWriting: 'Bezig met de stakeholders…',
    stakeholderDone: 'Klaar: het blad "{sheet}" heeft {rows} stakeholders en twee matrices.',
  },
  en: {
    cycleHeading: 'Do and Continue',
    cycleIntro:
      'Turn the chosen levers into a plan, compare a follow-up round with the round before, and map obstacles and stakeholders. What you type on these sheets is kept when you make them again.',
    planButton: 'Make/update plan',
    planWriting: 'Writing the plan…',
    planDone:
      'Done: the sheet "{sheet}" has {rows} activity rows ({chosen} chosen levers, {fresh} new) and the sheet "{indicators}" {count} indicators.',
    planNoKies: 'There is no Choose sheet yet: make it first and set Chosen to Yes for the levers you pick.',
    planNoChosen: 'No lever on the Choose sheet has Chosen = Yes yet, so the plan has no rows yet.',
    compareButton: 'Get comparison',
    compareWriting: 'Writing the comparison…',
    compareDone:
      'Done: the sheet "{sheet}" compares with the baseline round. {shrank} cells shrank and {grew} grew beyond chance; {hidden} cells stay hidden.',
    compareNoBaseline:
      'This round has no baseline round. Open a follow-up round with baselineRoundId (the id of the earlier round) to compare.',
    knelpuntenButton: 'Obstacles sheet',
    knelpuntenWriting: 'Writing the obstacles…',
    knelpuntenDone: 'Done: the sheet "{sheet}" has {rows} obstacles, {own} of them your own.',
    stakeholderButton: 'Stakeholder sheet',
    stakeholderWriting: 'Writing the stakeholders…',
    stakeholderDone: 'Done: the sheet "{sheet}" has {rows} stakeholders and two matrices.',
  },
} satisfies Record<Language, Record<string, string>>;

export type CycleTextKey = keyof (typeof cycleUiTexts)['nl'];

export function cycleText(language: Language, key: CycleTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(cycleUiTexts[language][key], params);
}

export function cycleTextKeys(language: Language): CycleTextKey[] {
  return Object.keys(cycleUiTexts[language]) as CycleTextKey[];
}

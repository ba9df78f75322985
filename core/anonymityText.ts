/**
 * The words that go with the anonymity rules, in both languages, for the sheets and the task pane:
 * honest labels (which responses a figure covers), why a group or roll-up is not shown, the release
 * state, and the priority tiers with the handreiking's scenarios.
 */
import { formatCoarseCount } from './coarseCount';
import type { GroupResult, Priorities, Priority, RoundResults } from './results';
import type { Language } from './text';

const text = {
  nl: {
    coverageAll: '{shown} antwoorden',
    coverageExact: '{shown} van {total} antwoorden; {rest} in groepen die te klein zijn om te tonen',
    coverageCoarse: '{shown} antwoorden getoond; daarnaast {rest} in groepen die te klein zijn om te tonen',
    interim: 'Tussenstand: latere antwoorden komen mee zodra elke getoonde cel er minstens {threshold} bij heeft.',
    withheld:
      'Eindstand van een ronde met tussenstanden: de antwoorden na de laatste tussenstand tellen niet mee, omdat het er te weinig waren om twee publicaties te laten verschillen zonder iemand bloot te geven.',
    belowThreshold: 'te weinig antwoorden ({count}, drempel {threshold})',
    combined: 'te weinig antwoorden ({count}); telt mee in "{rollUp}"',
    heldInRollUp: 'telt mee in "{rollUp}" (tussenstand; blijft samengevoegd tot het einde)',
    rollUpBelowThreshold: 'samen te weinig antwoorden ({count}, drempel {threshold})',
    nothingToCombine: 'niets samen te voegen: de groepen worden apart getoond',
    fewAnswers: 'te weinig antwoorden op deze stelling',
    tier1: 'eerst aanpakken',
    tier2: 'aanpakken',
    tier3: 'behouden en versterken',
    smallGap: 'Klein verschil: behoud en versterk wat werkt.',
    largeGap: 'Groot verschil op veel punten: kies wat mogelijk, realistisch en haalbaar is en stel prioriteiten.',
    focused: 'Een paar punten vragen actie: begin daar.',
    none: 'Nog geen cijfers om prioriteiten uit af te leiden.',
    priorityRank: 'Prioriteit',
    priorityTier: 'Aanpak',
    ciLowHeader: 'Verschil minstens (95%)',
    prioritiesHeading: 'Waar actie eerst komt (gerangschikt op de ondergrens van het 95%-interval van het verschil)',
    firstLine: 'Eerst: {statements}.',
    notShownLine: 'Niet getoond: {items}.',
  },
  en: {
    coverageAll: '{shown} responses',
    coverageExact: '{shown} of {total} responses; {rest} in groups too small to show',
    coverageCoarse: '{shown} responses shown; besides these {rest} in groups too small to show',
    interim: 'Interim release: later responses are added once every shown cell has at least {threshold} more.',
    withheld:
      'Final results of a round with interim releases: responses after the last interim release are left out, because they were too few for two releases to differ without exposing someone.',
    belowThreshold: 'too few responses ({count}, threshold {threshold})',
    combined: 'too few responses ({count}); counted in "{rollUp}"',
    heldInRollUp: 'counted in "{rollUp}" (interim releases; stays combined to the end)',
    rollUpBelowThreshold: 'too few responses together ({count}, threshold {threshold})',
    nothingToCombine: 'nothing to combine: the groups are shown on their own',
    fewAnswers: 'too few answers to this statement',
    tier1: 'act first',
    tier2: 'act',
    tier3: 'keep and strengthen',
    smallGap: 'Small gap: keep and strengthen what works.',
    largeGap: 'Large gaps on many points: choose what is possible, realistic and feasible, and set priorities.',
    focused: 'A few points need action: start there.',
    none: 'No figures yet to derive priorities from.',
    priorityRank: 'Priority',
    priorityTier: 'Approach',
    ciLowHeader: 'Gap at least (95%)',
    prioritiesHeading: 'Where action comes first (ranked by the lower bound of the 95% interval of the gap)',
    firstLine: 'First: {statements}.',
    notShownLine: 'Not shown: {items}.',
  },
} satisfies Record<Language, Record<string, string>>;

export type AnonymityTextKey = keyof (typeof text)['nl'];

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function anonymityText(
  key: AnonymityTextKey,
  language: Language,
  values: Record<string, string | number> = {},
): string {
  return fill(text[language][key], values);
}

/**
 * Which responses the figures cover: "14 van 21 antwoorden; 7 in groepen die te klein zijn om te
 * tonen", or just "21 antwoorden" when every response is in a shown column.
 */
export function coverageLabel(results: Pick<RoundResults, 'responses'>, language: Language): string {
  const { total, shown, notShown } = results.responses;
  if (total.exact && notShown.exact && notShown.value === 0) return fill(text[language].coverageAll, { shown });
  const values = {
    shown,
    total: formatCoarseCount(total, language),
    rest: formatCoarseCount(notShown, language),
  };
  return fill(total.exact ? text[language].coverageExact : text[language].coverageCoarse, values);
}

/** The release line (interim, or final without the last responses), or undefined for plain final results. */
export function releaseLabel(results: Pick<RoundResults, 'release' | 'anonymityThreshold'>, language: Language) {
  if (results.release.state === 'interim')
    return fill(text[language].interim, { threshold: results.anonymityThreshold });
  if (results.release.withheldAfterLastRelease) return text[language].withheld;
  return undefined;
}

/** Why a column is not shown, with its coarse count; undefined for a shown column. */
export function hiddenReasonLabel(
  column: GroupResult,
  results: Pick<RoundResults, 'groups' | 'anonymityThreshold'>,
  language: Language,
): string | undefined {
  if (column.status === 'shown') return undefined;
  const rollUp = results.groups.find((g) => g.id === column.rollUp);
  const values = {
    count: formatCoarseCount(column.responses, language),
    threshold: results.anonymityThreshold,
    rollUp: rollUp ? rollUp.name[language] : (column.rollUp ?? ''),
  };
  const code = column.reason.code;
  if (code === 'nothingToCombine') return text[language].nothingToCombine;
  if (code === 'combined') return fill(text[language].combined, values);
  if (code === 'heldInRollUp') return fill(text[language].heldInRollUp, values);
  return fill(text[language][column.kind === 'rollUp' ? 'rollUpBelowThreshold' : 'belowThreshold'], values);
}

export function tierLabel(tier: Priority['tier'], language: Language): string {
  return text[language][tier === 1 ? 'tier1' : tier === 2 ? 'tier2' : 'tier3'];
}

export function scenarioLabel(scenario: Priorities['scenario'], language: Language): string {
  return text[language][scenario];
}

/** "Directie — te weinig antwoorden (minder dan 5); telt mee in "Leidinggevenden"" for every hidden column. */
export function notShownLine(results: Pick<RoundResults, 'groups' | 'anonymityThreshold'>, language: Language) {
  const items = results.groups.flatMap((column) => {
    const reason = hiddenReasonLabel(column, results, language);
    return reason === undefined ? [] : [`${column.name[language]} — ${reason}`];
  });
  return items.length === 0 ? undefined : fill(text[language].notShownLine, { items: items.join('; ') });
}

/** The scenario and the few statements where action comes first, for a sheet's title lines. */
export function prioritiesLines(results: Pick<RoundResults, 'priorities' | 'statements'>, language: Language) {
  const { scenario, first } = results.priorities;
  const lines = [text[language][scenario]];
  if (first.length > 0) {
    const names = first.map((id) => results.statements.find((s) => s.statementId === id)?.text[language] ?? id);
    lines.push(fill(text[language].firstLine, { statements: names.join(' · ') }));
  }
  return lines;
}

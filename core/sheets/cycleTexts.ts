import type { Language } from '../text';

/**
 * Workbook texts of the Doe and Ga door sheets (Plan, Indicatoren, Vergelijking) and of the
 * Knelpunten and Stakeholders sheets. Kept apart from texts.ts so each feature's words stay together.
 */

/** A choice a drop-down offers: a stable id and its label per language. */
export interface ChoiceOption {
  id: string;
  label: Record<Language, string>;
}

export const OWNER_ROLES: readonly ChoiceOption[] = [
  { id: 'hr', label: { nl: 'HR', en: 'HR' } },
  { id: 'manager', label: { nl: 'leidinggevende', en: 'line manager' } },
  { id: 'teacher', label: { nl: 'leraar', en: 'teacher' } },
  { id: 'training', label: { nl: 'opleiding(school)', en: 'teacher education / training school' } },
  { id: 'colleagues', label: { nl: "collega's", en: 'colleagues' } },
];

export const PLAN_STATUSES: readonly ChoiceOption[] = [
  { id: 'planned', label: { nl: 'gepland', en: 'planned' } },
  { id: 'running', label: { nl: 'bezig', en: 'in progress' } },
  { id: 'done', label: { nl: 'klaar', en: 'done' } },
  { id: 'stopped', label: { nl: 'gestopt', en: 'stopped' } },
];

/** Whether a condition (time, budget, leadership) is in place. */
export const CONDITION_STATES: readonly ChoiceOption[] = [
  { id: 'arranged', label: { nl: 'geregeld', en: 'arranged' } },
  { id: 'partly', label: { nl: 'deels', en: 'partly' } },
  { id: 'missing', label: { nl: 'nog niet', en: 'not yet' } },
];

export const OCCURS_OPTIONS: readonly ChoiceOption[] = [
  { id: 'yes', label: { nl: 'Ja', en: 'Yes' } },
  { id: 'no', label: { nl: 'Nee', en: 'No' } },
  { id: 'unknown', label: { nl: 'Weet niet', en: "Don't know" } },
];

/** Urgency, lowest first: the position (1–3) is the score the sorted view ranks by. */
export const URGENCY_LEVELS: readonly ChoiceOption[] = [
  { id: 'low', label: { nl: 'laag', en: 'low' } },
  { id: 'medium', label: { nl: 'middel', en: 'medium' } },
  { id: 'high', label: { nl: 'hoog', en: 'high' } },
];

const MONTHS: Record<Language, readonly string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * The twelve months of the school year that starts in August of `startYear`, as "sep 2026": text
 * (written into '@' cells, so Excel never turns them into dates) and unique, so they can head columns.
 */
export function schoolYearMonths(startYear: number, language: Language): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = (7 + i) % 12;
    return `${MONTHS[language][month]} ${month >= 7 ? startYear : startYear + 1}`;
  });
}

/** The school year (its starting calendar year) a day falls in: August to July. */
export function schoolYearOf(date: Date): number {
  return date.getMonth() >= 7 ? date.getFullYear() : date.getFullYear() - 1;
}

export interface PlanHeaders {
  number: string;
  lever: string;
  activity: string;
  owner: string;
  start: string;
  end: string;
  status: string;
  time: string;
  budget: string;
  leadership: string;
  notes: string;
}

export interface IndicatorHeaders {
  number: string;
  lever: string;
  statementId: string;
  statement: string;
  startGap: string;
  targetGap: string;
  notes: string;
}

export interface StatementListHeaders {
  statementId: string;
  section: string;
  statement: string;
  gap: string;
}

export interface ComparisonHeaders {
  section: string;
  statement: string;
  group: string;
  nBefore: string;
  currentBefore: string;
  desiredBefore: string;
  gapBefore: string;
  nNow: string;
  currentNow: string;
  desiredNow: string;
  gapNow: string;
  change: string;
  ciLow: string;
  ciHigh: string;
  verdict: string;
  conclusion: string;
}

export interface KnelpuntHeaders {
  number: string;
  obstacle: string;
  occurs: string;
  urgency: string;
  why: string;
  ownAction: string;
  sortKey: string;
}

export interface UrgentHeaders {
  rank: string;
  obstacle: string;
  urgency: string;
  why: string;
  ownAction: string;
}

export interface StakeholderHeaders {
  name: string;
  kind: string;
  role: string;
  interest: string;
  influence: string;
  approach: string;
  trust: string;
  aligned: string;
  category: string;
  notes: string;
}

export interface CycleTexts {
  language: Language;
  allGroups: string;
  yes: string;
  no: string;
  planSheet: string;
  planTitle: string;
  planIntro: string;
  planNoLevers: string;
  planOwnRow: string;
  planHeaders: PlanHeaders;
  planChoiceAlertTitle: string;
  planChoiceAlert: string;
  indicatorsSheet: string;
  indicatorsTitle: string;
  indicatorsIntro: string;
  statementsHeading: string;
  indicatorHeaders: IndicatorHeaders;
  statementHeaders: StatementListHeaders;
  comparisonSheet: string;
  comparisonTitle: string;
  comparisonMethod: string;
  comparisonSectionNote: string;
  comparisonMeta: string;
  comparisonHeaders: ComparisonHeaders;
  verdictShrank: string;
  verdictGrew: string;
  verdictUnclear: string;
  verdictNoInterval: string;
  hiddenCell: string;
  absentCell: string;
  sectionRow: string;
  sectionsHeading: string;
  sectionsChartTitle: string;
  sectionChangeHeaders: { section: string; gapBefore: string; gapNow: string; change: string };
  trendHeading: string;
  trendNone: string;
  trendStatement: string;
  trendChange: string;
  indicatorResultsHeading: string;
  indicatorResultsNone: string;
  indicatorResultHeaders: {
    lever: string;
    statement: string;
    target: string;
    gapBefore: string;
    gapNow: string;
    met: string;
    verdict: string;
  };
  targetNoFigure: string;
  knelpuntenSheet: string;
  knelpuntenTitle: string;
  knelpuntenIntro: string;
  knelpuntHeaders: KnelpuntHeaders;
  urgentHeading: string;
  urgentHeaders: UrgentHeaders;
  stakeholderSheet: string;
  stakeholderTitle: string;
  stakeholderIntro: string;
  stakeholderHeaders: StakeholderHeaders;
  stakeholderInternal: string;
  stakeholderExternal: string;
  scoreAlertTitle: string;
  scoreAlert: string;
  approaches: { closely: string; satisfied: string; informed: string; watch: string };
  categories: {
    friend: string;
    doubter: string;
    opponent: string;
    coalition: string;
    enemy: string;
  };
  helperTitle: string;
  influenceChartTitle: string;
  trustChartTitle: string;
  chartStakeholders: string;
  chartBorder: string;
  chartLabels: string;
}

const texts: Record<Language, CycleTexts> = {
  nl: {
    language: 'nl',
    allGroups: 'Alle groepen',
    yes: 'Ja',
    no: 'Nee',
    planSheet: 'Plan',
    planTitle: 'Doe: uitvoeringsplan voor schooljaar {year}',
    planIntro:
      'Per gekozen maatregel de activiteiten: wie trekt ze, van welke tot welke maand, hoe staan ze ervoor, en zijn tijd, geld en leiding geregeld? Voeg onderaan de tabel gerust regels toe. De balk rechts kleurt de maanden tussen begin en eind. Bijgewerkt op {date}.',
    planNoLevers: 'Nog geen maatregel op Gekozen = Ja in het blad Kies.',
    planOwnRow: '(eigen regel)',
    planHeaders: {
      number: 'Nr.',
      lever: 'Maatregel',
      activity: 'Activiteit',
      owner: 'Eigenaar',
      start: 'Begin',
      end: 'Eind',
      status: 'Status',
      time: 'Tijd',
      budget: 'Budget',
      leadership: 'Leiding',
      notes: 'Afspraken en opmerkingen',
    },
    planChoiceAlertTitle: 'Kies uit de lijst',
    planChoiceAlert: 'Kies een waarde uit de keuzelijst.',
    indicatorsSheet: 'Indicatoren',
    indicatorsTitle: 'Indicatoren: welk verschil moet kleiner worden?',
    indicatorsIntro:
      'Kies per maatregel een of meer stellingen (code uit de lijst rechts) en het verschil dat u na de volgende ronde wilt zien. Het blad Vergelijking zet er de nieuwe meting naast.',
    statementsHeading: 'Stellingen van {round}',
    indicatorHeaders: {
      number: 'Nr.',
      lever: 'Maatregel',
      statementId: 'Stelling (code)',
      statement: 'Stelling',
      startGap: 'Verschil bij start',
      targetGap: 'Doel: verschil hooguit',
      notes: 'Toelichting',
    },
    statementHeaders: { statementId: 'Code', section: 'Onderdeel', statement: 'Stelling', gap: 'Verschil' },
    comparisonSheet: 'Vergelijking',
    comparisonTitle: 'Ga door: {round} vergeleken met {baseline}',
    comparisonMethod:
      'Methode: de antwoorden zijn anoniem en niet aan personen gekoppeld, dus de twee rondes gelden als onafhankelijke steekproeven. Per cel: verandering = verschil nu − verschil toen, met een 95%-betrouwbaarheidsinterval volgens Welch (standaarddeviatie van de verschillen en n van elke ronde; vrijheidsgraden volgens Welch–Satterthwaite, tot 30 naar beneden afgerond). Ligt 0 buiten het interval, dan is de verandering groter dan toeval.',
    comparisonSectionNote:
      'Onderdelen bundelen meerdere stellingen van dezelfde mensen; hun interval is daardoor te smal en alleen indicatief. Een cel die in een van beide rondes verborgen is (te weinig respondenten), blijft hier leeg.',
    comparisonMeta: 'Antwoorden nu: {now}, toen: {before}. Opgehaald op {date}.',
    comparisonHeaders: {
      section: 'Onderdeel',
      statement: 'Stelling',
      group: 'Groep',
      nBefore: 'n toen',
      currentBefore: 'Huidig toen',
      desiredBefore: 'Gewenst toen',
      gapBefore: 'Verschil toen',
      nNow: 'n nu',
      currentNow: 'Huidig nu',
      desiredNow: 'Gewenst nu',
      gapNow: 'Verschil nu',
      change: 'Verandering',
      ciLow: '95%-BI laag',
      ciHigh: '95%-BI hoog',
      verdict: 'Groter dan toeval?',
      conclusion: 'Conclusie / vervolg',
    },
    verdictShrank: 'Ja, kleiner geworden',
    verdictGrew: 'Ja, groter geworden',
    verdictUnclear: 'Nee, binnen toeval',
    verdictNoInterval: 'te weinig gegevens',
    hiddenCell: 'verborgen (te weinig respondenten)',
    absentCell: 'niet in beide rondes gevraagd',
    sectionRow: '(heel onderdeel)',
    sectionsHeading: 'Verandering van het verschil per onderdeel (alle groepen)',
    sectionsChartTitle: 'Verandering van het verschil per onderdeel (negatief = kleiner geworden)',
    sectionChangeHeaders: {
      section: 'Onderdeel',
      gapBefore: 'Verschil toen',
      gapNow: 'Verschil nu',
      change: 'Verandering',
    },
    trendHeading: 'Verloop van het verschil over de rondes (alle groepen)',
    trendNone: 'Een verloop verschijnt zodra er drie of meer rondes na elkaar zijn.',
    trendStatement: 'Stelling',
    trendChange: 'Eerste → laatste',
    indicatorResultsHeading: 'Indicatoren uit het plan: doel en meting',
    indicatorResultsNone: 'Geen indicatoren gevonden op het blad Indicatoren.',
    indicatorResultHeaders: {
      lever: 'Maatregel',
      statement: 'Stelling',
      target: 'Doel: verschil hooguit',
      gapBefore: 'Verschil toen',
      gapNow: 'Verschil nu',
      met: 'Doel gehaald?',
      verdict: 'Groter dan toeval?',
    },
    targetNoFigure: 'geen cijfer',
    knelpuntenSheet: 'Knelpunten',
    knelpuntenTitle: 'Knelpunten: wat staat ons in de weg?',
    knelpuntenIntro:
      'Een startlijst, geen volledige lijst: vul aan met wat bij uw school speelt. Geef per knelpunt aan of het hier speelt en hoe dringend het is, waar het vandaan komt en wat de school er zelf aan kan doen. Rechts staan de spelende knelpunten op volgorde van urgentie.',
    knelpuntHeaders: {
      number: 'Nr.',
      obstacle: 'Knelpunt',
      occurs: 'Speelt dit hier?',
      urgency: 'Urgentie',
      why: 'Waarom speelt het?',
      ownAction: 'Wat kunnen we zelf doen?',
      sortKey: 'Volgorde (formule)',
    },
    urgentHeading: 'Spelende knelpunten, meest urgent eerst',
    urgentHeaders: {
      rank: 'Rang',
      obstacle: 'Knelpunt',
      urgency: 'Urgentie',
      why: 'Waarom',
      ownAction: 'Zelf doen',
    },
    stakeholderSheet: 'Stakeholders',
    stakeholderTitle: 'Stakeholders: belang, invloed en vertrouwen',
    stakeholderIntro:
      'Score 1 (laag) tot 5 (hoog). Belangen gelijk: 1–2 botsen met onze doelen, 3 onbekend, 4–5 gelijk. Vanaf 4 telt belang, invloed of betrouwbaarheid als hoog. Aanpak en categorie rekent Excel zelf uit; voeg onderaan eigen stakeholders toe.',
    stakeholderHeaders: {
      name: 'Stakeholder',
      kind: 'Intern/extern',
      role: 'Rol en ideeën',
      interest: 'Belang (1–5)',
      influence: 'Invloed (1–5)',
      approach: 'Aanpak',
      trust: 'Betrouwbaarheid (1–5)',
      aligned: 'Belangen gelijk (1–5)',
      category: 'Categorie',
      notes: 'Hoe betrekken we ze?',
    },
    stakeholderInternal: 'intern',
    stakeholderExternal: 'extern',
    scoreAlertTitle: 'Score van 1 tot 5',
    scoreAlert: 'Kies een hele score van 1 (laag) tot 5 (hoog).',
    approaches: {
      closely: 'nauw betrekken',
      satisfied: 'tevreden houden',
      informed: 'op de hoogte houden',
      watch: 'in het oog houden',
    },
    categories: {
      friend: 'vriend',
      doubter: 'twijfelaar',
      opponent: 'opponent',
      coalition: 'coalitiegenoot',
      enemy: 'vijand',
    },
    helperTitle: 'Grenzen en vlaklabels voor de grafieken (niet wijzigen)',
    influenceChartTitle: 'Belang en invloed',
    trustChartTitle: 'Belangen gelijk en betrouwbaarheid',
    chartStakeholders: 'Stakeholders',
    chartBorder: 'Grens',
    chartLabels: 'Vlakken',
  },
  en: {
    language: 'en',
    allGroups: 'All groups',
    yes: 'Yes',
    no: 'No',
    planSheet: 'Plan',
    planTitle: 'Do: implementation plan for school year {year}',
    planIntro:
      'For each chosen lever its activities: who leads them, from which month to which, how they are going, and whether time, money and leadership are in place. Add rows at the bottom of the table as needed. The bar on the right colours the months from start to end. Updated on {date}.',
    planNoLevers: 'No lever has Chosen = Yes on the Choose sheet yet.',
    planOwnRow: '(own row)',
    planHeaders: {
      number: 'No.',
      lever: 'Lever',
      activity: 'Activity',
      owner: 'Owner',
      start: 'Start',
      end: 'End',
      status: 'Status',
      time: 'Time',
      budget: 'Budget',
      leadership: 'Leadership',
      notes: 'Agreements and notes',
    },
    planChoiceAlertTitle: 'Choose from the list',
    planChoiceAlert: 'Choose a value from the drop-down list.',
    indicatorsSheet: 'Indicators',
    indicatorsTitle: 'Indicators: which gap should shrink?',
    indicatorsIntro:
      'For each lever pick one or more statements (a code from the list on the right) and the gap you want to see after the next round. The Comparison sheet puts the new measurement next to it.',
    statementsHeading: 'Statements of {round}',
    indicatorHeaders: {
      number: 'No.',
      lever: 'Lever',
      statementId: 'Statement (code)',
      statement: 'Statement',
      startGap: 'Gap at start',
      targetGap: 'Target: gap at most',
      notes: 'Notes',
    },
    statementHeaders: { statementId: 'Code', section: 'Section', statement: 'Statement', gap: 'Gap' },
    comparisonSheet: 'Comparison',
    comparisonTitle: 'Continue: {round} compared with {baseline}',
    comparisonMethod:
      'Method: answers are anonymous and not linked to people, so the two rounds count as independent samples. Per cell: change = gap now − gap then, with a 95% confidence interval after Welch (standard deviation of the gaps and n of each round; Welch–Satterthwaite degrees of freedom, rounded down up to 30). When 0 lies outside the interval, the change is larger than chance.',
    comparisonSectionNote:
      'Sections pool several statements answered by the same people, so their interval is too narrow and only indicative. A cell hidden in either round (too few respondents) stays empty here.',
    comparisonMeta: 'Responses now: {now}, then: {before}. Retrieved on {date}.',
    comparisonHeaders: {
      section: 'Section',
      statement: 'Statement',
      group: 'Group',
      nBefore: 'n then',
      currentBefore: 'Current then',
      desiredBefore: 'Desired then',
      gapBefore: 'Gap then',
      nNow: 'n now',
      currentNow: 'Current now',
      desiredNow: 'Desired now',
      gapNow: 'Gap now',
      change: 'Change',
      ciLow: '95% CI low',
      ciHigh: '95% CI high',
      verdict: 'Larger than chance?',
      conclusion: 'Conclusion / next step',
    },
    verdictShrank: 'Yes, smaller',
    verdictGrew: 'Yes, larger',
    verdictUnclear: 'No, within chance',
    verdictNoInterval: 'too little data',
    hiddenCell: 'hidden (too few respondents)',
    absentCell: 'not asked in both rounds',
    sectionRow: '(whole section)',
    sectionsHeading: 'Change of the gap per section (all groups)',
    sectionsChartTitle: 'Change of the gap per section (negative = smaller)',
    sectionChangeHeaders: { section: 'Section', gapBefore: 'Gap then', gapNow: 'Gap now', change: 'Change' },
    trendHeading: 'The gap across rounds (all groups)',
    trendNone: 'A trend appears once there are three or more rounds in a row.',
    trendStatement: 'Statement',
    trendChange: 'First → last',
    indicatorResultsHeading: "The plan's indicators: target and measurement",
    indicatorResultsNone: 'No indicators found on the Indicators sheet.',
    indicatorResultHeaders: {
      lever: 'Lever',
      statement: 'Statement',
      target: 'Target: gap at most',
      gapBefore: 'Gap then',
      gapNow: 'Gap now',
      met: 'Target met?',
      verdict: 'Larger than chance?',
    },
    targetNoFigure: 'no figure',
    knelpuntenSheet: 'Obstacles',
    knelpuntenTitle: 'Obstacles: what stands in our way?',
    knelpuntenIntro:
      'A starting list, not a complete one: add what applies at your school. For each obstacle say whether it occurs here and how urgent it is, where it comes from and what the school can do about it itself. On the right, the obstacles that occur, most urgent first.',
    knelpuntHeaders: {
      number: 'No.',
      obstacle: 'Obstacle',
      occurs: 'Occurs here?',
      urgency: 'Urgency',
      why: 'Why does it occur?',
      ownAction: 'What can we do ourselves?',
      sortKey: 'Order (formula)',
    },
    urgentHeading: 'Obstacles that occur, most urgent first',
    urgentHeaders: { rank: 'Rank', obstacle: 'Obstacle', urgency: 'Urgency', why: 'Why', ownAction: 'Own action' },
    stakeholderSheet: 'Stakeholders',
    stakeholderTitle: 'Stakeholders: interest, influence and trust',
    stakeholderIntro:
      'Score 1 (low) to 5 (high). Aligned interests: 1–2 clash with our goals, 3 unknown, 4–5 aligned. From 4, interest, influence or trust counts as high. Excel works out approach and category itself; add your own stakeholders at the bottom.',
    stakeholderHeaders: {
      name: 'Stakeholder',
      kind: 'Internal/external',
      role: 'Role and views',
      interest: 'Interest (1–5)',
      influence: 'Influence (1–5)',
      approach: 'Approach',
      trust: 'Trustworthiness (1–5)',
      aligned: 'Aligned interests (1–5)',
      category: 'Category',
      notes: 'How do we involve them?',
    },
    stakeholderInternal: 'internal',
    stakeholderExternal: 'external',
    scoreAlertTitle: 'Score from 1 to 5',
    scoreAlert: 'Choose a whole score from 1 (low) to 5 (high).',
    approaches: {
      closely: 'involve closely',
      satisfied: 'keep satisfied',
      informed: 'keep informed',
      watch: 'keep an eye on',
    },
    categories: {
      friend: 'friend',
      doubter: 'doubter',
      opponent: 'opponent',
      coalition: 'coalition partner',
      enemy: 'enemy',
    },
    helperTitle: 'Borders and area labels for the charts (do not change)',
    influenceChartTitle: 'Interest and influence',
    trustChartTitle: 'Aligned interests and trustworthiness',
    chartStakeholders: 'Stakeholders',
    chartBorder: 'Border',
    chartLabels: 'Areas',
  },
};

export function cycleTextsFor(language: Language): CycleTexts {
  return texts[language];
}

export function allCycleTexts(): CycleTexts[] {
  return [texts.nl, texts.en];
}

/** The option a cell holds, in either language (case and spaces ignored). */
export function findOption(options: readonly ChoiceOption[], value: unknown): ChoiceOption | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.trim().toLowerCase();
  if (!clean) return undefined;
  return options.find((option) => option.label.nl.toLowerCase() === clean || option.label.en.toLowerCase() === clean);
}

/** Excel's list source: comma-separated in every display language (labels hold no commas). */
export function listSource(options: readonly ChoiceOption[], language: Language): string {
  return options.map((option) => option.label[language]).join(',');
}

export function fillCycle(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

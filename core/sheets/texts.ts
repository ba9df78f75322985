import type { Language } from '../text';

/** Names and labels written into the workbook. */
export interface SheetTexts {
  language: Language;
  resultsSheet: string;
  responsesSheet: string;
  summarySheet: string;
  statement: string;
  n: string;
  current: string;
  desired: string;
  gap: string;
  ciLow: string;
  ciHigh: string;
  actionNeeded: string;
  whichAction: string;
  yes: string;
  no: string;
  suppressed: string;
  group: string;
  comment: string;
  section: string;
  rank: string;
  resultsTitle: string;
  responsesTitle: string;
  summaryTitle: string;
  metaLine: string;
  sectionsHeading: string;
  topGapsHeading: string;
  topGapsChartTitle: string;
  noGaps: string;
  /** "{groups}" lists each hidden group with its reason in brackets. */
  suppressedGroupsNote: string;
  /** Sheet texts for the reason codes the server sends without words of its own. */
  suppressedReasons: Record<string, string>;
  /** A group hidden without a reason the sheet can name: no guess, only what is certain. */
  suppressedReasonUnknown: string;
  kiesSheet: string;
  kiesTitle: string;
  kiesIntro: string;
  kiesAmoLine: string;
  kiesMtLineNone: string;
  kiesMtLine: string;
  kiesMtAdviser: string;
  kiesStatusOpen: string;
  kiesStatusClosed: string;
  kiesHelperTitle: string;
  kiesBorderFeasibility: string;
  kiesBorderImpact: string;
  kiesChartTitle: string;
  kiesChartYours: string;
  kiesChartMt: string;
  kiesScoreAlertTitle: string;
  kiesScoreAlert: string;
  kiesChosenAlertTitle: string;
  kiesChosenAlert: string;
  kiesHeaders: KiesHeaders;
}

/** Column headers of the Kies sheet's table, one per column of core/sheets/kiesLayout.ts. */
export interface KiesHeaders {
  number: string;
  title: string;
  cluster: string;
  themes: string;
  amo: string;
  why: string;
  impact: string;
  feasibility: string;
  priority: string;
  quadrant: string;
  chosen: string;
  mtRaters: string;
  mtImpact: string;
  mtFeasibility: string;
  mtMedianImpact: string;
  mtMedianFeasibility: string;
  mtSpreadImpact: string;
  mtSpreadFeasibility: string;
  mtQuadrant: string;
  disagreement: string;
  mtRemarks: string;
}

const sheetTexts: Record<Language, SheetTexts> = {
  nl: {
    language: 'nl',
    resultsSheet: 'Resultaten',
    responsesSheet: 'Antwoorden',
    summarySheet: 'Samenvatting',
    statement: 'Stelling',
    n: 'n',
    current: 'Huidig',
    desired: 'Gewenst',
    gap: 'Verschil',
    ciLow: '95%-BI laag',
    ciHigh: '95%-BI hoog',
    actionNeeded: 'Actie nodig?',
    whichAction: 'Welke actie?',
    yes: 'Ja',
    no: 'Nee',
    suppressed: 'te weinig respondenten',
    group: 'Groep',
    comment: 'Opmerking',
    section: 'Onderdeel',
    rank: 'Rang',
    resultsTitle: 'Resultaten: {round} ({survey})',
    responsesTitle: 'Antwoorden',
    summaryTitle: 'Samenvatting: {round} ({survey})',
    metaLine:
      'Antwoorden: {responses}. Groepen onder de drempel van {threshold} worden niet getoond. Actie nodig vanaf een verschil van {actionGap}. Opgehaald op {date}.',
    sectionsHeading: 'Per onderdeel en per groep',
    topGapsHeading: 'Grootste verschillen (top {count})',
    topGapsChartTitle: 'Grootste verschillen tussen gewenst en huidig',
    noGaps: 'Nog geen verschillen om te tonen.',
    suppressedGroupsNote: 'Niet getoond: {groups}.',
    suppressedReasons: {
      'below-threshold': 'te weinig respondenten',
      complementary: 'verborgen zodat een kleine groep niet te herleiden is',
    },
    suppressedReasonUnknown: 'ter bescherming van de anonimiteit',
    kiesSheet: 'Kies',
    kiesTitle: 'Kies: maatregelen voor {round}',
    kiesIntro:
      'Vul per maatregel Impact en Haalbaarheid in (1 = laag, 5 = hoog) en zet Gekozen op Ja. Prioriteit = impact × haalbaarheid; boven {threshold} telt als hoog. Bijgewerkt op {date}.',
    kiesAmoLine: 'AMO-check: {message}',
    kiesMtLineNone: 'MT-scores: nog geen MT-sessie voor deze ronde.',
    kiesMtLine:
      'MT-scores (sessie {status}): {submitted} van {links} MT-leden hebben gescoord{adviser}. Opgehaald op {date}.',
    kiesMtAdviser: ', plus de adviseur',
    kiesStatusOpen: 'open',
    kiesStatusClosed: 'gesloten',
    kiesHelperTitle: 'Kwadrantgrenzen voor de grafiek (niet wijzigen)',
    kiesBorderFeasibility: 'Grens haalbaarheid',
    kiesBorderImpact: 'Grens impact',
    kiesChartTitle: 'Impact en haalbaarheid per maatregel',
    kiesChartYours: 'Adviseur',
    kiesChartMt: 'MT (gemiddelde)',
    kiesScoreAlertTitle: 'Score van 1 tot 5',
    kiesScoreAlert: 'Kies een hele score van 1 (laag) tot 5 (hoog).',
    kiesChosenAlertTitle: 'Gekozen',
    kiesChosenAlert: 'Kies Ja of Nee.',
    kiesHeaders: {
      number: 'Nr.',
      title: 'Maatregel',
      cluster: 'Cluster',
      themes: "Thema's",
      amo: 'AMO',
      why: 'Waarom',
      impact: 'Impact (1–5)',
      feasibility: 'Haalbaarheid (1–5)',
      priority: 'Prioriteit',
      quadrant: 'Kwadrant',
      chosen: 'Gekozen',
      mtRaters: 'MT-beoordelaars',
      mtImpact: 'MT impact',
      mtFeasibility: 'MT haalbaarheid',
      mtMedianImpact: 'MT mediaan impact',
      mtMedianFeasibility: 'MT mediaan haalbaarheid',
      mtSpreadImpact: 'MT spreiding impact',
      mtSpreadFeasibility: 'MT spreiding haalbaarheid',
      mtQuadrant: 'MT kwadrant',
      disagreement: 'Onenigheid',
      mtRemarks: 'MT-opmerkingen',
    },
  },
  en: {
    language: 'en',
    resultsSheet: 'Results',
    responsesSheet: 'Responses',
    summarySheet: 'Summary',
    statement: 'Statement',
    n: 'n',
    current: 'Current',
    desired: 'Desired',
    gap: 'Gap',
    ciLow: '95% CI low',
    ciHigh: '95% CI high',
    actionNeeded: 'Action needed?',
    whichAction: 'Which action?',
    yes: 'Yes',
    no: 'No',
    suppressed: 'suppressed',
    group: 'Group',
    comment: 'Comment',
    section: 'Section',
    rank: 'Rank',
    resultsTitle: 'Results: {round} ({survey})',
    responsesTitle: 'Responses',
    summaryTitle: 'Summary: {round} ({survey})',
    metaLine:
      'Responses: {responses}. Groups below the threshold of {threshold} are not shown. Action needed from a gap of {actionGap}. Retrieved on {date}.',
    sectionsHeading: 'Per section and per group',
    topGapsHeading: 'Largest gaps (top {count})',
    topGapsChartTitle: 'Largest gaps between desired and current',
    noGaps: 'No gaps to show yet.',
    suppressedGroupsNote: 'Not shown: {groups}.',
    suppressedReasons: {
      'below-threshold': 'too few respondents',
      complementary: 'hidden so that a small group cannot be worked out',
    },
    suppressedReasonUnknown: 'to protect anonymity',
    kiesSheet: 'Choose',
    kiesTitle: 'Choose: levers for {round}',
    kiesIntro:
      'For each lever, fill in Impact and Feasibility (1 = low, 5 = high) and set Chosen to Yes. Priority = impact × feasibility; above {threshold} counts as high. Updated on {date}.',
    kiesAmoLine: 'AMO check: {message}',
    kiesMtLineNone: 'MT scores: no MT session for this round yet.',
    kiesMtLine:
      'MT scores (session {status}): {submitted} of {links} MT members have scored{adviser}. Retrieved on {date}.',
    kiesMtAdviser: ', plus the adviser',
    kiesStatusOpen: 'open',
    kiesStatusClosed: 'closed',
    kiesHelperTitle: 'Quadrant borders for the chart (do not change)',
    kiesBorderFeasibility: 'Feasibility border',
    kiesBorderImpact: 'Impact border',
    kiesChartTitle: 'Impact and feasibility per lever',
    kiesChartYours: 'Adviser',
    kiesChartMt: 'MT (mean)',
    kiesScoreAlertTitle: 'Score from 1 to 5',
    kiesScoreAlert: 'Choose a whole score from 1 (low) to 5 (high).',
    kiesChosenAlertTitle: 'Chosen',
    kiesChosenAlert: 'Choose Yes or No.',
    kiesHeaders: {
      number: 'No.',
      title: 'Lever',
      cluster: 'Cluster',
      themes: 'Themes',
      amo: 'AMO',
      why: 'Why',
      impact: 'Impact (1–5)',
      feasibility: 'Feasibility (1–5)',
      priority: 'Priority',
      quadrant: 'Quadrant',
      chosen: 'Chosen',
      mtRaters: 'MT raters',
      mtImpact: 'MT impact',
      mtFeasibility: 'MT feasibility',
      mtMedianImpact: 'MT median impact',
      mtMedianFeasibility: 'MT median feasibility',
      mtSpreadImpact: 'MT spread impact',
      mtSpreadFeasibility: 'MT spread feasibility',
      mtQuadrant: 'MT quadrant',
      disagreement: 'Disagreement',
      mtRemarks: 'MT remarks',
    },
  },
};

export function sheetTextsFor(language: Language): SheetTexts {
  return sheetTexts[language];
}

/** Both languages' sheet texts: a workbook filled in Dutch Excel may be refreshed in English Excel. */
export function allSheetTexts(): SheetTexts[] {
  return [sheetTexts.nl, sheetTexts.en];
}

export { fillTemplate } from '../text';

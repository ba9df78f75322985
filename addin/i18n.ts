import type { Language, LocalizedText } from '../core/text';

/** Dutch for any Dutch Office (nl-NL, nl-BE); English for every other display language. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return typeof locale === 'string' && /^nl(?:[-_]|$)/i.test(locale.trim()) ? 'nl' : 'en';
}

export function localized(text: LocalizedText, language: Language): string {
  return text[language];
}

/** Everything the task pane says. Keys are stable; placeholders look like {name}. */
const uiTexts = {
  nl: {
    appTitle: 'Koers',
    appSubtitle: 'Ontdek de verschillen, kies de maatregelen',
    connectHeading: 'Verbinden met de Koers-server',
    serverUrlLabel: 'Adres van de server',
    serverUrlHelp: 'Meestal het adres waarvandaan deze invoegtoepassing komt.',
    apiKeyLabel: 'API-sleutel',
    apiKeyHelp: 'De sleutel van uw organisatie. Hij wordt alleen op deze computer bewaard, niet in de werkmap.',
    connectButton: 'Verbinden',
    connecting: 'Verbinden…',
    connectedTo: 'Verbonden met {server}.',
    disconnectButton: 'Andere server of sleutel',
    roundsHeading: 'Kies een ronde',
    roundsEmpty: 'Er zijn nog geen rondes voor uw organisatie.',
    roundsRefresh: 'Lijst vernieuwen',
    roundResponses: '{count} antwoorden',
    roundOpen: 'open',
    roundClosed: 'gesloten',
    pullButton: 'Resultaten ophalen',
    pulling: 'Bezig met ophalen…',
    progressLabel: 'Voortgang van het schrijven naar Excel',
    pullDone: 'Klaar: de bladen {sheets} zijn bijgewerkt.',
    pullKeepsActions: 'Wat u invult in de kolom "Welke actie?" blijft bewaard als u opnieuw ophaalt.',
    chartsHeading: 'Overzicht',
    chartGapTitle: 'Gemiddeld verschil (gewenst − huidig) per onderdeel',
    chartGroupsTitle: 'Huidig en gewenst per groep',
    chartCurrent: 'Huidig',
    chartDesired: 'Gewenst',
    chartGap: 'Verschil',
    chartNoData: 'Nog geen cijfers om te tonen.',
    errorUnreachable:
      'De server is niet bereikbaar. Controleer het adres en uw netwerk (sommige schoolnetwerken blokkeren onbekende adressen).',
    errorNotKoers: 'Op dit adres draait geen Koers-server.',
    errorInsecure: 'Gebruik een https-adres: Office staat geen onbeveiligde verbinding toe.',
    errorInvalidUrl: 'Dit is geen geldig webadres.',
    errorUnauthorized: 'De API-sleutel klopt niet. Vraag de beheerder om een geldige sleutel.',
    errorNotFound: 'Deze ronde bestaat niet (meer) voor uw organisatie.',
    errorNoResponses: 'Deze ronde heeft nog geen antwoorden. Probeer het later opnieuw.',
    errorAllSuppressed:
      'Alle groepen hebben minder dan {threshold} respondenten. Om de anonimiteit te beschermen worden er nog geen cijfers getoond.',
    errorServer: 'De server gaf een fout: {message}',
    errorInvalidResponse: 'De server gaf een antwoord dat deze versie van de invoegtoepassing niet begrijpt.',
    errorExcelTooOld:
      'Deze versie van Excel is te oud voor Koers (nodig: ExcelApi {version}). Gebruik Microsoft 365, Excel 2021 of nieuwer, of Excel op het web.',
    errorExcel: 'Excel kon de gegevens niet schrijven: {message}',
    errorNoExcel: 'Open Koers vanuit Excel om resultaten in een werkmap te zetten.',
    keyRequired: 'Vul een API-sleutel in.',
    chooseRoundFirst: 'Kies eerst een ronde.',
    loading: 'Koers wordt geladen…',
    roundsLegend: 'Rondes van uw organisatie',
    urlRequired: 'Vul het adres van de server in.',
    kiesHeading: 'Kies: maatregelen afwegen',
    kiesIntro:
      'Zet de maatregelen voor deze ronde op het blad "Kies", met de voorstellen uit de resultaten bovenaan. Vul daar Impact en Haalbaarheid in (1–5) en zet Gekozen op Ja.',
    kiesWriteButton: 'Kies-blad maken/bijwerken',
    kiesWriting: 'Bezig met het Kies-blad…',
    kiesChartButton: 'Grafiek bijwerken',
    kiesReading: 'Blad lezen…',
    kiesWriteDone:
      'Klaar: het blad "{sheet}" staat er met {count} maatregelen, waarvan {suggested} voorgesteld op grond van de resultaten. Wat u al had ingevuld is bewaard.',
    kiesNoSuggestions:
      'De resultaten van deze ronde geven (nog) geen voorstellen; alle maatregelen van uw organisatie staan op het blad.',
    kiesKeepsInput: 'Impact, Haalbaarheid en Gekozen blijven bewaard als u het blad opnieuw maakt.',
    kiesChartTitle: 'Impact en haalbaarheid per maatregel',
    kiesChartDone: 'De grafiek toont {count} gescoorde maatregelen van het blad "{sheet}".',
    kiesChartEmpty:
      'Nog geen scores op het blad "{sheet}". Vul Impact en Haalbaarheid in en klik op Grafiek bijwerken.',
    kiesChartYours: 'Uw scores',
    kiesChartMt: 'MT (gemiddelde)',
    kiesChartBorder: 'Grens',
    kiesChartChosen: 'gekozen',
    matrixImpact: 'Impact',
    matrixFeasibility: 'Haalbaarheid',
    matrixQuadrant: 'Kwadrant: {quadrant}',
    kiesSheetMissing: 'Er is nog geen Kies-blad in deze werkmap. Klik eerst op "Kies-blad maken/bijwerken".',
    mtHeading: 'Het MT laten scoren',
    mtIntro:
      'Elk MT-lid krijgt een persoonlijke link om de maatregelen te scoren. Gekozen maatregelen worden gescoord; is er nog niets gekozen, dan de voorgestelde.',
    ratersLabel: 'Aantal MT-leden (persoonlijke links)',
    ratersInvalid: 'Vul een aantal MT-leden in van 1 tot en met {max}.',
    mtOpenButton: 'MT-sessie openen',
    mtOpenReplaceButton: 'Toch een nieuwe MT-sessie openen',
    mtOpening: 'Sessie openen…',
    mtOpenDone: 'De MT-sessie is geopend voor {count} maatregelen ({source}). Stuur elk MT-lid één link.',
    mtSourceChosen: 'de gekozen maatregelen',
    mtSourceSuggested: 'de voorgestelde maatregelen, want er is nog niets gekozen',
    mtNothingToScore: 'Er is niets om te scoren: kies maatregelen op het Kies-blad (Gekozen: Ja).',
    mtTooManyLevers: 'Kies ten hoogste {max} maatregelen voor één MT-sessie (nu {count}).',
    mtAlreadyOpen:
      'Er loopt al een MT-sessie voor deze ronde, met scores van {submitted} van {links} MT-leden. Een nieuwe sessie sluit die af; de links daarvan werken dan niet meer. Klik nogmaals om toch een nieuwe te openen.',
    mtLinksHeading: 'Persoonlijke links',
    mtLinksHelp: 'Deze links worden maar één keer getoond. Kopieer ze nu en stuur elk MT-lid een eigen link.',
    mtLinkLabel: 'Link {number}',
    mtCopyButton: 'Kopieer',
    mtCopyLabel: 'Kopieer link {number}',
    mtCopyAllButton: 'Kopieer alle links',
    mtCopied: 'Link {number} is gekopieerd.',
    mtCopiedAll: 'Alle {count} links zijn gekopieerd.',
    mtCopyFailed: 'Kopiëren lukte niet; selecteer de link en kopieer hem zelf (Ctrl+C).',
    mtPullButton: 'MT-scores ophalen',
    mtPulling: 'Scores ophalen…',
    mtPullDone:
      'MT-scores staan op het blad: {submitted} van {links} MT-leden hebben gescoord{adviser}. Sessie: {status}.',
    mtPullNone: 'Nog geen MT-scores binnen: 0 van {links} MT-leden hebben gescoord. Sessie: {status}.',
    mtAdviserCounted: ', plus uw eigen scores',
    mtStatusOpen: 'open',
    mtStatusClosed: 'gesloten',
    mtNotOnSheet: ' {count} maatregelen uit de sessie staan niet op het Kies-blad; maak het blad opnieuw.',
    adviserButton: 'Mijn scores meetellen',
    adviserSending: 'Scores versturen…',
    adviserDone: 'Uw scores voor {count} maatregelen tellen mee als één extra beoordelaar.',
    adviserMissing: ' {count} maatregelen uit de MT-sessie hebt u nog niet volledig gescoord.',
    adviserNoScores:
      'Er zijn geen scores om mee te tellen: vul op het Kies-blad Impact en Haalbaarheid (1–5) in bij maatregelen uit de MT-sessie.',
    amoHeading: 'AMO-check',
    errorNoScoringSession: 'Voor deze ronde is nog geen MT-sessie geopend. Klik eerst op "MT-sessie openen".',
    errorScoringClosed:
      'Deze MT-sessie is gesloten: er kunnen geen scores meer bij. Open een nieuwe sessie als het MT opnieuw moet scoren.',
  },
  en: {
    appTitle: 'Koers',
    appSubtitle: 'Discover the gaps, choose the levers',
    connectHeading: 'Connect to the Koers server',
    serverUrlLabel: 'Server address',
    serverUrlHelp: 'Usually the address this add-in was loaded from.',
    apiKeyLabel: 'API key',
    apiKeyHelp: "Your organisation's key. It is kept on this computer only, never in the workbook.",
    connectButton: 'Connect',
    connecting: 'Connecting…',
    connectedTo: 'Connected to {server}.',
    disconnectButton: 'Other server or key',
    roundsHeading: 'Choose a round',
    roundsEmpty: 'Your organisation has no rounds yet.',
    roundsRefresh: 'Refresh list',
    roundResponses: '{count} responses',
    roundOpen: 'open',
    roundClosed: 'closed',
    pullButton: 'Get results',
    pulling: 'Getting results…',
    progressLabel: 'Progress of writing to Excel',
    pullDone: 'Done: the sheets {sheets} are up to date.',
    pullKeepsActions: 'What you type in the "Which action?" column is kept when you get the results again.',
    chartsHeading: 'Overview',
    chartGapTitle: 'Mean gap (desired − current) per section',
    chartGroupsTitle: 'Current and desired per group',
    chartCurrent: 'Current',
    chartDesired: 'Desired',
    chartGap: 'Gap',
    chartNoData: 'No figures to show yet.',
    errorUnreachable:
      'The server cannot be reached. Check the address and your network (some school networks block unknown addresses).',
    errorNotKoers: 'No Koers server runs at this address.',
    errorInsecure: 'Use an https address: Office does not allow an insecure connection.',
    errorInvalidUrl: 'This is not a valid web address.',
    errorUnauthorized: 'The API key is not valid. Ask your administrator for a valid key.',
    errorNotFound: 'This round does not exist (any more) for your organisation.',
    errorNoResponses: 'This round has no responses yet. Please try again later.',
    errorAllSuppressed:
      'Every group has fewer than {threshold} respondents. To protect anonymity no figures are shown yet.',
    errorServer: 'The server reported an error: {message}',
    errorInvalidResponse: 'The server sent a reply this version of the add-in does not understand.',
    errorExcelTooOld:
      'This version of Excel is too old for Koers (needs ExcelApi {version}). Use Microsoft 365, Excel 2021 or later, or Excel on the web.',
    errorExcel: 'Excel could not write the data: {message}',
    errorNoExcel: 'Open Koers from Excel to put results into a workbook.',
    keyRequired: 'Enter an API key.',
    chooseRoundFirst: 'Choose a round first.',
    loading: 'Loading Koers…',
    roundsLegend: "Your organisation's rounds",
    urlRequired: 'Enter the server address.',
    kiesHeading: 'Choose: weigh the levers',
    kiesIntro:
      'Put the levers for this round on the "Choose" sheet, with the ones the results suggest at the top. Fill in Impact and Feasibility there (1–5) and set Chosen to Yes.',
    kiesWriteButton: 'Create/update Choose sheet',
    kiesWriting: 'Writing the Choose sheet…',
    kiesChartButton: 'Update chart',
    kiesReading: 'Reading the sheet…',
    kiesWriteDone:
      'Done: the "{sheet}" sheet lists {count} levers, {suggested} of them suggested by the results. What you had filled in is kept.',
    kiesNoSuggestions:
      "This round's results give no suggestions (yet); all your organisation's levers are on the sheet.",
    kiesKeepsInput: 'Impact, Feasibility and Chosen are kept when you create the sheet again.',
    kiesChartTitle: 'Impact and feasibility per lever',
    kiesChartDone: 'The chart shows {count} scored levers from the "{sheet}" sheet.',
    kiesChartEmpty: 'No scores on the "{sheet}" sheet yet. Fill in Impact and Feasibility and click Update chart.',
    kiesChartYours: 'Your scores',
    kiesChartMt: 'MT (mean)',
    kiesChartBorder: 'Border',
    kiesChartChosen: 'chosen',
    matrixImpact: 'Impact',
    matrixFeasibility: 'Feasibility',
    matrixQuadrant: 'Quadrant: {quadrant}',
    kiesSheetMissing: 'This workbook has no Choose sheet yet. Click "Create/update Choose sheet" first.',
    mtHeading: 'Let the MT score',
    mtIntro:
      'Each MT member gets a personal link to score the levers. The chosen levers are scored; if nothing is chosen yet, the suggested ones.',
    ratersLabel: 'Number of MT members (personal links)',
    ratersInvalid: 'Enter a number of MT members from 1 to {max}.',
    mtOpenButton: 'Open MT session',
    mtOpenReplaceButton: 'Open a new MT session anyway',
    mtOpening: 'Opening the session…',
    mtOpenDone: 'The MT session is open for {count} levers ({source}). Send each MT member one link.',
    mtSourceChosen: 'the chosen levers',
    mtSourceSuggested: 'the suggested levers, as nothing is chosen yet',
    mtNothingToScore: 'There is nothing to score: choose levers on the Choose sheet (Chosen: Yes).',
    mtTooManyLevers: 'Choose at most {max} levers for one MT session (now {count}).',
    mtAlreadyOpen:
      'An MT session for this round is already running, with scores from {submitted} of {links} MT members. A new session closes it, and its links stop working. Click again to open a new one anyway.',
    mtLinksHeading: 'Personal links',
    mtLinksHelp: 'These links are shown only once. Copy them now and send each MT member a link of their own.',
    mtLinkLabel: 'Link {number}',
    mtCopyButton: 'Copy',
    mtCopyLabel: 'Copy link {number}',
    mtCopyAllButton: 'Copy all links',
    mtCopied: 'Link {number} has been copied.',
    mtCopiedAll: 'All {count} links have been copied.',
    mtCopyFailed: 'Copying did not work; select the link and copy it yourself (Ctrl+C).',
    mtPullButton: 'Get MT scores',
    mtPulling: 'Getting scores…',
    mtPullDone:
      'The MT scores are on the sheet: {submitted} of {links} MT members have scored{adviser}. Session: {status}.',
    mtPullNone: 'No MT scores yet: 0 of {links} MT members have scored. Session: {status}.',
    mtAdviserCounted: ', plus your own scores',
    mtStatusOpen: 'open',
    mtStatusClosed: 'closed',
    mtNotOnSheet: ' {count} levers of the session are not on the Choose sheet; create the sheet again.',
    adviserButton: 'Count my scores',
    adviserSending: 'Sending scores…',
    adviserDone: 'Your scores for {count} levers count as one more rater.',
    adviserMissing: ' You have not fully scored {count} levers of the MT session yet.',
    adviserNoScores:
      'There are no scores to count: on the Choose sheet, fill in Impact and Feasibility (1–5) for levers of the MT session.',
    amoHeading: 'AMO check',
    errorNoScoringSession: 'No MT session has been opened for this round yet. Click "Open MT session" first.',
    errorScoringClosed:
      'This MT session is closed: no more scores can be added. Open a new session if the MT should score again.',
  },
} satisfies Record<Language, Record<string, string>>;

export type UiTextKey = keyof (typeof uiTexts)['nl'];

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanish. */
export function uiText(language: Language, key: UiTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(uiTexts[language][key], params);
}

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
  suppressedGroupsNote: string;
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

/** Column headers of the Kies sheet's table, one per column of addin/sheets/kiesLayout.ts. */
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
    suppressedGroupsNote: 'Niet getoond (te weinig respondenten): {groups}.',
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
    suppressedGroupsNote: 'Not shown (too few respondents): {groups}.',
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

export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

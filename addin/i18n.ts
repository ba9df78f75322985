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
    appSubtitle: 'Resultaten van een ronde ophalen in Excel',
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
    errorUnreachable: 'De server is niet bereikbaar. Controleer het adres en uw netwerk (sommige schoolnetwerken blokkeren onbekende adressen).',
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
  },
  en: {
    appTitle: 'Koers',
    appSubtitle: 'Pull the results of a round into Excel',
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
    errorUnreachable: 'The server cannot be reached. Check the address and your network (some school networks block unknown addresses).',
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

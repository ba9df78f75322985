import type { Language } from '../../../core/text';

/** Everything the respondent form says itself, Dutch first. Survey texts come from the API. */
const nl = {
  brand: 'Koers',
  languageGroup: 'Taal / Language',
  dutchName: 'Nederlands',
  englishName: 'English',
  pageTitle: (title: string) => `${title} – Koers`,
  loading: 'De vragenlijst wordt geladen…',
  round: 'Ronde',
  group: 'U vult in als',
  anonymity: (threshold: number) =>
    `Uw antwoorden zijn anoniem: ze worden niet aan uw naam of uw uitnodigingscode gekoppeld, ` +
    `en resultaten van een groep met minder dan ${threshold} antwoorden worden nooit getoond.`,
  howTo:
    'Geef bij elke stelling aan hoe het nu is (huidige situatie) en hoe het volgens u zou moeten zijn ' +
    '(gewenste situatie). Weet u het niet of is een stelling niet van toepassing, kies dan “Weet niet / n.v.t.”.',
  size: (sections: number, statements: number) =>
    `De vragenlijst heeft ${sections} ${sections === 1 ? 'onderdeel' : 'onderdelen'} met samen ${statements} ${statements === 1 ? 'stelling' : 'stellingen'}.`,
  keptOnDevice: 'Uw antwoorden worden op dit apparaat bewaard tot u ze verstuurt.',
  noStorage: 'Let op: deze browser bewaart niets. Als u de pagina vernieuwt of sluit, bent u uw antwoorden kwijt.',
  start: 'Beginnen',
  resume: 'Verdergaan waar u was',
  restored: 'Uw eerder gegeven antwoorden zijn teruggezet.',
  stepOf: (step: number, total: number) => `Onderdeel ${step} van ${total}`,
  lastStep: 'Laatste stap',
  progressName: 'Voortgang',
  answeredOf: (answered: number, total: number) => `${answered} van ${total} stellingen ingevuld`,
  statementNumber: (n: number) => `Stelling ${n}`,
  current: 'Huidige situatie',
  desired: 'Gewenste situatie',
  dontKnow: 'Weet niet / n.v.t.',
  scaleKey: 'De antwoordschaal:',
  scaleRange: (min: number, max: number) => `Kies ${min} (laag) tot en met ${max} (hoog).`,
  chooseAnswer: 'Kies een antwoord of “Weet niet / n.v.t.”.',
  missing: (n: number) =>
    n === 1
      ? 'Er is nog 1 vraag in dit onderdeel niet beantwoord. Kies een antwoord of “Weet niet / n.v.t.”.'
      : `Er zijn nog ${n} vragen in dit onderdeel niet beantwoord. Kies bij elke vraag een antwoord of “Weet niet / n.v.t.”.`,
  previous: 'Vorige',
  next: 'Volgende',
  toFinish: 'Naar afronden',
  finishTitle: 'Afronden',
  allAnswered: (n: number) => `U hebt alle ${n} stellingen beantwoord. U kunt nog terug om iets te veranderen.`,
  commentLabel: 'Opmerkingen (niet verplicht)',
  commentHint:
    'Wilt u nog iets toelichten? Noem geen namen en niets waaraan u of anderen te herkennen zijn: ' +
    'ook opmerkingen zijn anoniem.',
  charCount: (used: number, max: number) => `${used} van ${max} tekens gebruikt`,
  charsLeft: (left: number) => (left === 0 ? 'U hebt het maximum aantal tekens bereikt.' : `Nog ${left} tekens over.`),
  submit: 'Versturen',
  submitting: 'Uw antwoorden worden verstuurd…',
  offline:
    'Uw antwoorden konden niet worden verstuurd: er is geen verbinding met de server. ' +
    'Ze zijn bewaard op dit apparaat. Controleer uw internetverbinding en probeer het opnieuw.',
  serverProblem: (message: string) =>
    `Uw antwoorden konden niet worden verstuurd. ${message} Uw antwoorden zijn bewaard op dit apparaat.`,
  retry: 'Opnieuw proberen',
  thanksTitle: 'Bedankt voor het invullen!',
  thanksBody: 'Uw antwoorden zijn ontvangen. U kunt deze pagina nu sluiten.',
  thanksAnonymous: 'Op dit apparaat is niets meer van uw antwoorden bewaard.',
  unknownTitle: 'Deze link werkt niet',
  unknownBody:
    'De code in deze link is onbekend. Controleer of u de volledige link uit uw uitnodiging hebt gebruikt. ' +
    'Lukt het niet, vraag dan degene die u uitnodigde om een nieuwe link.',
  usedTitle: 'Deze vragenlijst is al ingevuld',
  usedBody:
    'Met deze uitnodiging is de vragenlijst al ingevuld; elke uitnodiging werkt één keer. ' +
    'Hebt u dit zelf gedaan, dan hoeft u niets meer te doen. Dank u wel!',
  closedTitle: 'Deze ronde is gesloten',
  closedBody: (round: string) => `De ronde “${round}” is afgesloten. Er kunnen geen antwoorden meer bij.`,
  notYetTitle: 'Deze vragenlijst is nog niet open',
  notYetBody: (round: string, start: string) =>
    `De ronde “${round}” gaat open op ${longDate(start, 'nl')}. Bewaar uw link of kaart en vul de vragenlijst vanaf dan in.`,
  endedTitle: 'Deze ronde is afgelopen',
  endedBody: (round: string, end: string) =>
    `De ronde “${round}” liep tot en met ${longDate(end, 'nl')}. Er kunnen geen antwoorden meer bij.`,
  openUntil: (end: string) => `U kunt invullen tot en met ${longDate(end, 'nl')}.`,
  period: 'Open',
  periodRange: (start: string, end: string) => `${longDate(start, 'nl')} tot en met ${longDate(end, 'nl')}`,
  loadFailedTitle: 'De vragenlijst kon niet worden geladen',
  loadOffline: 'Er is geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.',
  serverError: (status: number) => `De server gaf een onverwacht antwoord (${status}). Probeer het later opnieuw.`,
};

const en: typeof nl = {
  brand: 'Koers',
  languageGroup: 'Taal / Language',
  dutchName: 'Nederlands',
  englishName: 'English',
  pageTitle: (title: string) => `${title} – Koers`,
  loading: 'Loading the survey…',
  round: 'Round',
  group: 'You are answering as',
  anonymity: (threshold: number) =>
    `Your answers are anonymous: they are not linked to your name or your invitation code, ` +
    `and results of a group with fewer than ${threshold} responses are never shown.`,
  howTo:
    'For each statement, say how things are now (current situation) and how you think they should be ' +
    '(desired situation). If you do not know or a statement does not apply, choose “Don’t know / n/a”.',
  size: (sections: number, statements: number) =>
    `The survey has ${sections} ${sections === 1 ? 'part' : 'parts'} with ${statements} ${statements === 1 ? 'statement' : 'statements'} in all.`,
  keptOnDevice: 'Your answers are kept on this device until you submit them.',
  noStorage: 'Note: this browser keeps nothing. If you reload or close the page, your answers are lost.',
  start: 'Start',
  resume: 'Continue where you left off',
  restored: 'Your earlier answers have been restored.',
  stepOf: (step: number, total: number) => `Part ${step} of ${total}`,
  lastStep: 'Last step',
  progressName: 'Progress',
  answeredOf: (answered: number, total: number) => `${answered} of ${total} statements answered`,
  statementNumber: (n: number) => `Statement ${n}`,
  current: 'Current situation',
  desired: 'Desired situation',
  dontKnow: 'Don’t know / n/a',
  scaleKey: 'The answer scale:',
  scaleRange: (min: number, max: number) => `Choose ${min} (low) to ${max} (high).`,
  chooseAnswer: 'Choose an answer or “Don’t know / n/a”.',
  missing: (n: number) =>
    n === 1
      ? '1 question in this part has no answer yet. Choose an answer or “Don’t know / n/a”.'
      : `${n} questions in this part have no answer yet. Choose an answer or “Don’t know / n/a” for each.`,
  previous: 'Previous',
  next: 'Next',
  toFinish: 'Go to finish',
  finishTitle: 'Finish',
  allAnswered: (n: number) => `You have answered all ${n} statements. You can still go back to change something.`,
  commentLabel: 'Comments (optional)',
  commentHint:
    'Anything you would like to add? Do not mention names or anything that identifies you or others: ' +
    'comments are anonymous too.',
  charCount: (used: number, max: number) => `${used} of ${max} characters used`,
  charsLeft: (left: number) =>
    left === 0 ? 'You have reached the maximum number of characters.' : `${left} characters left.`,
  submit: 'Submit',
  submitting: 'Sending your answers…',
  offline:
    'Your answers could not be sent: there is no connection to the server. ' +
    'They are kept on this device. Please check your internet connection and try again.',
  serverProblem: (message: string) =>
    `Your answers could not be sent. ${message} Your answers are kept on this device.`,
  retry: 'Try again',
  thanksTitle: 'Thank you for taking part!',
  thanksBody: 'Your answers have been received. You can close this page now.',
  thanksAnonymous: 'Nothing of your answers is kept on this device any more.',
  unknownTitle: 'This link does not work',
  unknownBody:
    'The code in this link is unknown. Please check that you used the complete link from your invitation. ' +
    'If that does not help, ask the person who invited you for a new link.',
  usedTitle: 'This survey has already been filled in',
  usedBody:
    'This invitation has already been used to fill in the survey; each invitation works once. ' +
    'If you did this yourself, there is nothing more to do. Thank you!',
  closedTitle: 'This round is closed',
  closedBody: (round: string) => `The round “${round}” has been closed. No more answers can be added.`,
  notYetTitle: 'This survey is not open yet',
  notYetBody: (round: string, start: string) =>
    `The round “${round}” opens on ${longDate(start, 'en')}. Keep your link or card and fill in the survey from then on.`,
  endedTitle: 'This round has ended',
  endedBody: (round: string, end: string) =>
    `The round “${round}” ran until ${longDate(end, 'en')} inclusive. No more answers can be added.`,
  openUntil: (end: string) => `You can fill it in until ${longDate(end, 'en')} inclusive.`,
  period: 'Open',
  periodRange: (start: string, end: string) => `${longDate(start, 'en')} to ${longDate(end, 'en')}`,
  loadFailedTitle: 'The survey could not be loaded',
  loadOffline: 'There is no connection to the server. Please check your internet connection and try again.',
  serverError: (status: number) => `The server gave an unexpected reply (${status}). Please try again later.`,
};

const texts: Record<Language, typeof nl> = { nl, en };

export type FormText = typeof nl;

export function formText(language: Language): FormText {
  return texts[language];
}

/** "maandag 2 maart 2026" / "Monday, 2 March 2026" for a YYYY-MM-DD day. */
export function longDate(day: string, language: Language): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** English for browsers set to English, Dutch for everyone else: the product is Dutch first. */
export function languageFromBrowser(browserLanguage: string | undefined): Language {
  return browserLanguage?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

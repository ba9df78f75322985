import type { Language } from '../../../core/text';

/** Everything the MT scoring page says itself, Dutch first. Lever texts come from the API. */
const nl = {
  brand: 'Koers',
  languageGroup: 'Taal / Language',
  pageTitle: 'Maatregelen scoren – Koers',
  loading: 'De maatregelen worden geladen…',
  title: 'Maatregelen scoren',
  round: 'Ronde',
  howTo:
    'Geef bij elke maatregel twee scores van 1 tot en met 5: de verwachte impact (hoeveel draagt de maatregel bij ' +
    'aan de resultaten die we willen bereiken?) en de slagingskans (hoe goed is de maatregel bij ons uit te voeren?).',
  privacy:
    'De HR-adviseur ziet per maatregel de scores van het hele MT samengevat, en de toelichtingen zonder naam. ' +
    'Niet te zien is wie welke score of toelichting gaf.',
  keptOnDevice: 'Uw scores worden op dit apparaat bewaard tot u ze verstuurt.',
  noStorage: 'Let op: deze browser bewaart niets. Als u de pagina vernieuwt of sluit, bent u uw scores kwijt.',
  restored: 'Uw scores die nog niet verstuurd waren, zijn teruggezet.',
  earlierSent: 'U hebt al scores verstuurd. Ze staan hieronder; u kunt ze wijzigen en opnieuw versturen.',
  progressName: 'Voortgang',
  scoredOf: (scored: number, total: number) => `${scored} van ${total} maatregelen gescoord`,
  scaleKeyTitle: 'De schaal:',
  scaleKey: ['zeer klein', 'klein', 'gemiddeld', 'groot', 'zeer groot'],
  leverNumber: (n: number, total: number) => `Maatregel ${n} van ${total}`,
  cluster: 'Onderwerp',
  amo: 'Werkt aan',
  impact: 'Verwachte impact',
  impactHint: 'Hoeveel draagt deze maatregel bij aan de beoogde resultaten?',
  feasibility: 'Slagingskans',
  feasibilityHint: 'Hoe goed is deze maatregel bij ons uit te voeren?',
  chooseScore: 'Kies een score van 1 tot en met 5.',
  remarkToggle: 'Toelichting toevoegen (niet verplicht)',
  remarkLabel: 'Toelichting',
  remarkHint: 'De adviseur ziet uw toelichting zonder uw naam.',
  missing: (n: number) =>
    n === 1
      ? 'Er ontbreekt nog 1 score. Kies bij elke maatregel een score voor impact en voor slagingskans.'
      : `Er ontbreken nog ${n} scores. Kies bij elke maatregel een score voor impact en voor slagingskans.`,
  submit: 'Scores versturen',
  submitting: 'Uw scores worden verstuurd…',
  offline:
    'Uw scores konden niet worden verstuurd: er is geen verbinding met de server. ' +
    'Ze zijn bewaard op dit apparaat. Controleer uw internetverbinding en probeer het opnieuw.',
  serverProblem: (message: string) =>
    `Uw scores konden niet worden verstuurd. ${message} Uw scores zijn bewaard op dit apparaat.`,
  retry: 'Opnieuw proberen',
  thanksTitle: 'Bedankt, uw scores zijn ontvangen!',
  thanksBody:
    'Zolang de scoringsronde open is, kunt u uw scores nog wijzigen: open deze link opnieuw, of kies hieronder ‘Scores wijzigen’.',
  thanksReplace: 'Als u opnieuw verstuurt, vervangen de nieuwe scores uw vorige; u telt één keer mee.',
  change: 'Scores wijzigen',
  unknownTitle: 'Deze link werkt niet',
  unknownBody:
    'Deze link is onbekend. Controleer of u de volledige link uit het bericht hebt gebruikt. ' +
    'Helpt dat niet, vraag de HR-adviseur dan om een nieuwe link.',
  closedTitle: 'De scoringsronde is gesloten',
  closedBody: (round: string) =>
    `Het scoren voor de ronde “${round}” is afgesloten. Scores kunnen niet meer worden verstuurd of gewijzigd.`,
  closedCounted: 'Uw eerder verstuurde scores tellen mee.',
  loadFailedTitle: 'De maatregelen konden niet worden geladen',
  loadOffline: 'Er is geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.',
  serverError: (status: number) => `De server gaf een onverwacht antwoord (${status}). Probeer het later opnieuw.`,
};

const en: typeof nl = {
  brand: 'Koers',
  languageGroup: 'Taal / Language',
  pageTitle: 'Score policy levers – Koers',
  loading: 'Loading the levers…',
  title: 'Score policy levers',
  round: 'Round',
  howTo:
    'Give each lever two scores from 1 to 5: its expected impact (how much does it contribute to the results we want?) ' +
    'and its chance of success (how well can we carry it out here?).',
  privacy:
    'The HR adviser sees, per lever, the scores of the whole management team summarised, and the remarks without names. ' +
    'Who gave which score or remark cannot be seen.',
  keptOnDevice: 'Your scores are kept on this device until you send them.',
  noStorage: 'Note: this browser keeps nothing. If you reload or close the page, your scores are lost.',
  restored: 'Your unsent scores have been restored.',
  earlierSent: 'You have already sent scores. They are shown below; you can change them and send them again.',
  progressName: 'Progress',
  scoredOf: (scored: number, total: number) => `${scored} of ${total} levers scored`,
  scaleKeyTitle: 'The scale:',
  scaleKey: ['very small', 'small', 'moderate', 'large', 'very large'],
  leverNumber: (n: number, total: number) => `Lever ${n} of ${total}`,
  cluster: 'Topic',
  amo: 'Works on',
  impact: 'Expected impact',
  impactHint: 'How much does this lever contribute to the intended results?',
  feasibility: 'Chance of success',
  feasibilityHint: 'How well can we carry out this lever here?',
  chooseScore: 'Choose a score from 1 to 5.',
  remarkToggle: 'Add a remark (optional)',
  remarkLabel: 'Remark',
  remarkHint: 'The adviser sees your remark without your name.',
  missing: (n: number) =>
    n === 1
      ? '1 score is still missing. Choose a score for impact and for chance of success for every lever.'
      : `${n} scores are still missing. Choose a score for impact and for chance of success for every lever.`,
  submit: 'Send scores',
  submitting: 'Sending your scores…',
  offline:
    'Your scores could not be sent: there is no connection to the server. ' +
    'They are kept on this device. Please check your internet connection and try again.',
  serverProblem: (message: string) => `Your scores could not be sent. ${message} Your scores are kept on this device.`,
  retry: 'Try again',
  thanksTitle: 'Thank you, your scores have been received!',
  thanksBody:
    'You can change your scores until the session closes: open this link again, or choose ‘Change scores’ below.',
  thanksReplace: 'If you send again, your new scores replace the earlier ones; you count once.',
  change: 'Change scores',
  unknownTitle: 'This link does not work',
  unknownBody:
    'This link is unknown. Please check that you used the complete link from the message. ' +
    'If that does not help, ask the HR adviser for a new link.',
  closedTitle: 'The scoring session is closed',
  closedBody: (round: string) => `Scoring for the round “${round}” has ended. Scores can no longer be sent or changed.`,
  closedCounted: 'The scores you sent earlier are counted.',
  loadFailedTitle: 'The levers could not be loaded',
  loadOffline: 'There is no connection to the server. Please check your internet connection and try again.',
  serverError: (status: number) => `The server gave an unexpected reply (${status}). Please try again later.`,
};

export type ScoringText = typeof nl;

export function scoringText(language: Language): ScoringText {
  return language === 'en' ? en : nl;
}

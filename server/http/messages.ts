import { fillTemplate } from '../../core/text';
import type { Language } from '../../core/text';

/**
 * Every error a person may see, in both languages. Keys are the stable `error.code` values of the
 * JSON error body, so scripts can branch on the code and people can read the message.
 */
const messages = {
  badRequest: { nl: 'Het verzoek is ongeldig: {detail}', en: 'The request is invalid: {detail}' },
  invalidJson: { nl: 'De inhoud is geen geldige JSON.', en: 'The body is not valid JSON.' },
  bodyTooLarge: { nl: 'De inhoud is te groot (maximaal {limit}).', en: 'The body is too large (at most {limit}).' },
  unsupportedMediaType: {
    nl: 'Stuur de gegevens als JSON (Content-Type: application/json).',
    en: 'Send the data as JSON (Content-Type: application/json).',
  },
  unauthorized: {
    nl: 'Geef een geldige API-sleutel mee (Authorization: Bearer <sleutel>).',
    en: 'Send a valid API key (Authorization: Bearer <key>).',
  },
  notFound: { nl: 'Niet gevonden.', en: 'Not found.' },
  invalidPath: {
    nl: 'Het adres bevat een ongeldige %-codering.',
    en: 'The address contains invalid percent-encoding.',
  },
  surveyNotFound: { nl: 'Deze vragenlijst bestaat niet.', en: 'This survey does not exist.' },
  roundNotFound: { nl: 'Deze ronde bestaat niet.', en: 'This round does not exist.' },
  unknownSurvey: { nl: 'De vragenlijst "{surveyId}" bestaat niet.', en: 'The survey "{surveyId}" does not exist.' },
  unknownGroup: {
    nl: 'groups: de groep "{group}" hoort niet bij deze vragenlijst of ronde. Geef een eigen groep een naam in groupNames, bijvoorbeeld {"{group}": {"nl": "Naam"}}.',
    en: 'groups: the group "{group}" is not part of this survey or round. Give an own group a name in groupNames, for example {"{group}": {"nl": "Name"}}.',
  },
  unknownCode: {
    nl: 'Deze code is onbekend. Controleer de link in uw uitnodiging.',
    en: 'This code is unknown. Please check the link in your invitation.',
  },
  codeUsed: {
    nl: 'Met deze code is de vragenlijst al ingevuld. Elke code werkt één keer.',
    en: 'This code has already been used to fill in the survey. Each code works once.',
  },
  roundClosed: {
    nl: 'Deze ronde is gesloten; er kunnen geen antwoorden meer bij.',
    en: 'This round is closed; no more answers can be added.',
  },
  unknownStatement: {
    nl: 'De stelling "{statementId}" hoort niet bij deze vragenlijst.',
    en: 'The statement "{statementId}" is not part of this survey.',
  },
  duplicateStatement: {
    nl: 'De stelling "{statementId}" is twee keer beantwoord.',
    en: 'The statement "{statementId}" was answered twice.',
  },
  outOfScale: {
    nl: 'Het antwoord op "{statementId}" valt buiten de schaal {min}–{max}.',
    en: 'The answer to "{statementId}" is outside the scale {min}–{max}.',
  },
  // Anonymity and release (issue 12)
  resultsNotReleased: {
    nl: 'De resultaten van deze ronde komen vrij als de ronde sluit. Tijdens het veldwerk is alleen de deelname te zien (GET /api/rounds/{roundId}): wie de resultaten vóór en na het antwoord van één collega leest, zou anders dat antwoord zien.',
    en: 'The results of this round are released when the round closes. During fieldwork only participation is visible (GET /api/rounds/{roundId}): otherwise anyone reading the results before and after one colleague answers would see that answer.',
  },
  noInterimRelease: {
    nl: 'Er is nog geen tussenstand: die komt er zodra een groep of samengevoegde groep minstens {threshold} antwoorden heeft.',
    en: 'There is no interim release yet: it comes once a group or combined group has at least {threshold} responses.',
  },
  commentThresholdBelowThreshold: {
    nl: 'De drempel voor opmerkingen ({commentThreshold}) mag niet lager zijn dan de anonimiteitsdrempel ({threshold}).',
    en: 'The comment threshold ({commentThreshold}) may not be below the anonymity threshold ({threshold}).',
  },
  rollUpUnknownGroup: {
    nl: 'De samengevoegde groep "{rollUp}" noemt de groep "{group}", die niet bij deze ronde hoort.',
    en: 'The combined group "{rollUp}" names the group "{group}", which is not part of this round.',
  },
  rollUpOverlap: {
    nl: 'De groep "{group}" staat in meer dan één samengevoegde groep (ook in "{rollUp}"); dan zou het verschil tussen die twee de groep blootleggen.',
    en: 'The group "{group}" is in more than one combined group (also in "{rollUp}"); the difference between the two would expose it.',
  },
  rollUpIdTaken: {
    nl: 'De naam "{rollUp}" is al in gebruik voor een groep of samengevoegde groep; kies een andere id.',
    en: 'The id "{rollUp}" is already used by a group or combined group; choose another id.',
  },
  tooManyRequests: {
    nl: 'Te veel verzoeken in korte tijd. Probeer het over een minuut opnieuw.',
    en: 'Too many requests in a short time. Please try again in a minute.',
  },
  roundClosedForInvitations: {
    nl: 'Deze ronde is gesloten; er kunnen geen uitnodigingen meer bij.',
    en: 'This round is closed; no more invitations can be made.',
  },
  leverNotFound: { nl: 'Deze maatregel bestaat niet.', en: 'This lever does not exist.' },
  builtInLeverReadOnly: {
    nl: 'De maatregel "{leverId}" hoort bij de ingebouwde bibliotheek en kan niet worden gewijzigd. Voeg een eigen maatregel toe, of zet deze buiten gebruik met POST /api/levers/{leverId}/retire.',
    en: 'The lever "{leverId}" is part of the built-in library and cannot be changed. Add a lever of your own, or retire this one with POST /api/levers/{leverId}/retire.',
  },
  unknownLever: {
    nl: 'De maatregel "{leverId}" bestaat niet.',
    en: 'The lever "{leverId}" does not exist.',
  },
  leverRetired: {
    nl: 'De maatregel "{leverId}" is buiten gebruik gezet en kan niet worden gescoord.',
    en: 'The lever "{leverId}" has been retired and cannot be scored.',
  },
  leverNotInSession: {
    nl: 'De maatregel "{leverId}" hoort niet bij deze scoringsronde.',
    en: 'The lever "{leverId}" is not part of this scoring session.',
  },
  scoringSessionNotFound: {
    nl: 'Voor deze ronde is nog geen scoringsronde geopend.',
    en: 'No scoring session has been opened for this round yet.',
  },
  scoringClosed: {
    nl: 'Deze scoringsronde is gesloten; er kunnen geen scores meer bij of worden gewijzigd.',
    en: 'This scoring session is closed; scores can no longer be added or changed.',
  },
  unknownScoringToken: {
    nl: 'Deze link is onbekend. Controleer of u de volledige link hebt gebruikt.',
    en: 'This link is unknown. Please check that you used the complete link.',
  },
  unknownBaseline: {
    nl: 'De basisronde "{baselineRoundId}" bestaat niet (of hoort bij een andere organisatie).',
    en: 'The baseline round "{baselineRoundId}" does not exist (or belongs to another organisation).',
  },
  baselineNothingShared: {
    nl: 'De basisronde "{baselineRoundId}" gebruikt een andere vragenlijst zonder gemeenschappelijke stellingen; vergelijken kan alleen bij dezelfde vragenlijst of stellingen met dezelfde id.',
    en: 'The baseline round "{baselineRoundId}" uses another survey with no statements in common; rounds can only be compared on the same survey or on statements with the same id.',
  },
  noBaseline: {
    nl: 'Deze ronde heeft geen basisronde om mee te vergelijken. Geef baselineRoundId mee bij het openen van een vervolgronde.',
    en: 'This round has no baseline round to compare with. Pass baselineRoundId when opening a follow-up round.',
  },
  surveyLimitReached: {
    nl: 'Uw organisatie heeft het maximum van {max} eigen vragenlijsten bereikt; er is niets opgeslagen. Hergebruik een bestaande vragenlijst, of vraag de beheerder de limiet (KOERS_LIMIT_SURVEYS) te verhogen.',
    en: 'Your organisation has reached the limit of {max} own surveys; nothing was saved. Reuse an existing survey, or ask the administrator to raise the limit (KOERS_LIMIT_SURVEYS).',
  },
  roundLimitReached: {
    nl: 'Uw organisatie heeft het maximum van {max} rondes bereikt; er is niets opgeslagen. Vraag de beheerder de limiet (KOERS_LIMIT_ROUNDS) te verhogen.',
    en: 'Your organisation has reached the limit of {max} rounds; nothing was saved. Ask the administrator to raise the limit (KOERS_LIMIT_ROUNDS).',
  },
  codeLimitReached: {
    nl: 'Een ronde kan hoogstens {max} uitnodigingscodes hebben; deze ronde heeft er {existing} en er kunnen nog {left} bij. Er is niets aangemaakt. Vraag minder codes aan, of vraag de beheerder de limiet (KOERS_LIMIT_CODES_PER_ROUND) te verhogen.',
    en: 'A round can have at most {max} invitation codes; this round has {existing} and {left} more can be made. Nothing was created. Request fewer codes, or ask the administrator to raise the limit (KOERS_LIMIT_CODES_PER_ROUND).',
  },
  leverLimitReached: {
    nl: 'Uw organisatie heeft het maximum van {max} eigen maatregelen bereikt; er is niets opgeslagen. Pas een bestaande maatregel aan, of vraag de beheerder de limiet (KOERS_LIMIT_LEVERS) te verhogen.',
    en: 'Your organisation has reached the limit of {max} own levers; nothing was saved. Edit an existing lever, or ask the administrator to raise the limit (KOERS_LIMIT_LEVERS).',
  },
  scoringSessionLimitReached: {
    nl: 'Deze ronde heeft het maximum van {max} scoringsrondes bereikt; er is geen nieuwe geopend. Gebruik een bestaande scoringsronde, of vraag de beheerder de limiet (KOERS_LIMIT_SCORING_SESSIONS) te verhogen.',
    en: 'This round has reached the limit of {max} scoring sessions; no new one was opened. Use an existing scoring session, or ask the administrator to raise the limit (KOERS_LIMIT_SCORING_SESSIONS).',
  },
  organisationDataTooLarge: {
    nl: 'De vragenlijsten, rondes en maatregelen van uw organisatie mogen samen hoogstens {maxKb} kB zijn; nu {currentKb} kB, deze wijziging voegt {addedKb} kB toe. Er is niets opgeslagen. Maak de inhoud kleiner, of vraag de beheerder de limiet (KOERS_LIMIT_DATA_BYTES) te verhogen.',
    en: "Your organisation's surveys, rounds and levers may take at most {maxKb} kB together; they take {currentKb} kB now and this change adds {addedKb} kB. Nothing was saved. Make the content smaller, or ask the administrator to raise the limit (KOERS_LIMIT_DATA_BYTES).",
  },
  storeUnavailable: {
    nl: 'De opslag is even niet bereikbaar; er is niets opgeslagen. Probeer het over een ogenblik opnieuw.',
    en: 'Storage is briefly unavailable; nothing was saved. Please try again in a moment.',
  },
  requestIncomplete: {
    nl: 'Het verzoek kwam niet volledig aan. Probeer het opnieuw.',
    en: 'The request did not arrive completely. Please try again.',
  },
  roundNotOpenYet: {
    nl: 'Deze vragenlijst is nog niet open. U kunt invullen vanaf {start}.',
    en: 'This survey is not open yet. You can fill it in from {start}.',
  },
  roundEnded: {
    nl: 'Deze ronde is afgelopen op {end}; er kunnen geen antwoorden meer bij.',
    en: 'This round ended on {end}; no more answers can be added.',
  },
  roundClosedForChange: {
    nl: 'Deze ronde is gesloten; de einddatum kan niet meer worden gewijzigd.',
    en: 'This round is closed; its end date can no longer be changed.',
  },
  endBeforeStart: {
    nl: 'period.end: de einddatum {end} ligt vóór de begindatum {start}. Geef een datum als JJJJ-MM-DD op of na {start}.',
    en: 'period.end: the end date {end} is before the start date {start}. Give a date as YYYY-MM-DD on or after {start}.',
  },
  endInPast: {
    nl: 'period.end: de einddatum {end} is al voorbij. Geef een datum als JJJJ-MM-DD vanaf vandaag ({today}).',
    en: 'period.end: the end date {end} has already passed. Give a date as YYYY-MM-DD from today ({today}) on.',
  },
  themeNeedsShrm: {
    nl: 'theme: een thema hoort alleen bij het ingebouwde SHRM-instrument (surveyId "shrm"), niet bij "{surveyId}".',
    en: 'theme: a theme belongs only to the built-in SHRM instrument (surveyId "shrm"), not to "{surveyId}".',
  },
  surveyOrThemeRequired: {
    nl: 'surveyId: dit veld is verplicht. Kies een vragenlijst (GET /api/surveys) of geef theme voor het SHRM-instrument (GET /api/themes).',
    en: 'surveyId: this field is required. Choose a survey (GET /api/surveys) or give theme for the SHRM instrument (GET /api/themes).',
  },
  builtInSurveyReadOnly: {
    nl: 'De vragenlijst "{surveyId}" is ingebouwd en kan niet worden gewijzigd. Maak een eigen vragenlijst met POST /api/surveys.',
    en: 'The survey "{surveyId}" is built in and cannot be changed. Make an own survey with POST /api/surveys.',
  },
  unknownBuiltInStatement: {
    nl: '{field}: "{statementId}" is geen stelling van een ingebouwd instrument. Kies een id uit GET /api/surveys/shrm of /api/surveys/learning-climate.',
    en: '{field}: "{statementId}" is not a statement of a built-in instrument. Choose an id from GET /api/surveys/shrm or /api/surveys/learning-climate.',
  },
  unknownLinkedLever: {
    nl: '{field}: de maatregel "{leverId}" bestaat niet. Kies een id uit GET /api/levers.',
    en: '{field}: the lever "{leverId}" does not exist. Choose an id from GET /api/levers.',
  },
  suggestionsNoLinks: {
    nl: 'Deze eigen vragenlijst koppelt geen enkele stelling aan een maatregel, dus er zijn geen suggesties. Koppel stellingen aan maatregelen (levers: ids uit GET /api/levers) of aan een ingebouwde stelling die erop lijkt (resembles), in het blad Vragenlijst of met PATCH /api/surveys/:id, en kijk daarna opnieuw. Een ronde gebruikt de koppelingen van de nieuwste versie van haar vragenlijst.',
    en: 'This own survey links no statement to a lever, so there are no suggestions. Link statements to levers (levers: ids from GET /api/levers) or to a built-in statement they resemble (resembles), in the Vragenlijst sheet or with PATCH /api/surveys/:id, then look again. A round uses the links of the newest version of its survey.',
  },
  storageFull: {
    nl: 'De server kan nu niets opslaan: de schijf is vol. Er is niets bewaard; probeer het later opnieuw.',
    en: 'The server cannot store anything right now: its disk is full. Nothing was saved; please try again later.',
  },
  badEncoding: {
    nl: 'De inhoud kon niet worden uitgepakt: hij is niet gecomprimeerd zoals de kop Content-Encoding zegt.',
    en: 'The body could not be decompressed: it is not compressed the way its Content-Encoding header says.',
  },
  unsupportedEncoding: {
    nl: 'Deze compressie (Content-Encoding) wordt niet ondersteund; stuur de inhoud ongecomprimeerd, of als gzip, deflate of br.',
    en: 'This compression (Content-Encoding) is not supported; send the body uncompressed, or as gzip, deflate or br.',
  },
  rangeNotSatisfiable: {
    nl: 'Het gevraagde deel (Range) valt buiten het bestand; vraag het hele bestand op.',
    en: 'The requested part (Range) lies outside the file; request the whole file.',
  },
  preconditionFailed: {
    nl: 'De voorwaarde in het verzoek (If-Match of If-Unmodified-Since) klopt niet; laad de pagina opnieuw zonder die kop.',
    en: 'The condition in the request (If-Match or If-Unmodified-Since) does not hold; reload the page without that header.',
  },
  methodNotAllowed: {
    nl: 'Deze methode is hier niet toegestaan.',
    en: 'This method is not allowed here.',
  },
  clientError: {
    nl: 'Het verzoek kan niet worden verwerkt (HTTP {status}).',
    en: 'The request cannot be processed (HTTP {status}).',
  },
  tooManyWrongCodes: {
    nl: 'Vanaf dit netwerk zijn in korte tijd te veel onbekende codes geprobeerd. Controleer de code in uw uitnodiging en probeer het over {seconds} seconden opnieuw; een geldige code werkt gewoon.',
    en: 'Too many unknown codes were tried from this network in a short time. Check the code in your invitation and try again in {seconds} seconds; a valid code keeps working.',
  },
  tooManyWrongKeys: {
    nl: 'Vanaf dit netwerk zijn in korte tijd te veel ongeldige API-sleutels geprobeerd. Probeer het over {seconds} seconden opnieuw met een geldige sleutel.',
    en: 'Too many invalid API keys were tried from this network in a short time. Try again in {seconds} seconds with a valid key.',
  },
  tooManyRequestsOrganisation: {
    nl: 'Uw organisatie heeft te veel verzoeken in korte tijd gedaan (maximaal {limit} per minuut). Probeer het over {seconds} seconden opnieuw.',
    en: 'Your organisation made too many requests in a short time (at most {limit} per minute). Try again in {seconds} seconds.',
  },
  internal: {
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Please try again later.',
  },
} satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof messages;

/** The message in the language, its `{name}` placeholders filled from params. */
export function translate(code: MessageCode, language: Language, params: Record<string, unknown> = {}): string {
  return fillTemplate(messages[code][language], params);
}

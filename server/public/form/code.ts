import type { Language } from '../../../core/text';
import { announce, bindLanguageSwitch, loadLanguagePreference, showLanguage } from '../shared/pageChrome';
import { fetchForm } from './formApi';
import { languageFromBrowser } from './formText';

/** The page at /r: someone with a paper invitation card types the code and goes to the form. */
const texts = {
  nl: {
    title: 'Code invullen – Koers',
    switchLabel: 'Taal / Language',
    heading: 'Vragenlijst invullen met uw code',
    intro:
      'Op uw uitnodigingskaart staat een code van tien tekens. Typ die hieronder; hoofdletters, spaties en streepjes maken niet uit.',
    label: 'Uw code',
    hint: 'Bijvoorbeeld: K7Q2 M9XA 4T',
    submit: 'Naar de vragenlijst',
    checking: 'De code wordt gecontroleerd…',
    empty: 'Vul de code van uw uitnodigingskaart in.',
    malformed: 'Een code bestaat uit letters en cijfers, zonder andere tekens. Controleer wat u typte.',
    unknown: 'Deze code kennen we niet. Controleer elke letter en elk cijfer op uw kaart en probeer het opnieuw.',
    offline: 'Er is geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.',
    busy: 'Te veel pogingen in korte tijd. Wacht een minuut en probeer het dan opnieuw.',
  },
  en: {
    title: 'Enter your code – Koers',
    switchLabel: 'Taal / Language',
    heading: 'Fill in the survey with your code',
    intro:
      'Your invitation card shows a code of ten characters. Type it below; capitals, spaces and dashes do not matter.',
    label: 'Your code',
    hint: 'For example: K7Q2 M9XA 4T',
    submit: 'Go to the survey',
    checking: 'Checking the code…',
    empty: 'Enter the code from your invitation card.',
    malformed: 'A code consists of letters and digits, nothing else. Please check what you typed.',
    unknown: 'We do not know this code. Check every letter and digit on your card and try again.',
    offline: 'There is no connection to the server. Check your internet connection and try again.',
    busy: 'Too many attempts in a short time. Wait a minute and try again.',
  },
} satisfies Record<Language, Record<string, string>>;

type Key = keyof (typeof texts)['nl'];

/** Capitals, spaces and dashes as people type them from paper. */
export function normaliseTypedCode(typed: string): string {
  return typed
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

let language: Language = loadLanguagePreference() ?? languageFromBrowser(navigator.language);
let lastError: Key | undefined;

function apply(): void {
  const t = texts[language];
  document.title = t.title;
  showLanguage(language, t.switchLabel);
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = t[element.dataset.text as Key];
  }
  if (lastError) showError(lastError);
}

const input = document.getElementById('code') as HTMLInputElement;
const error = document.getElementById('code-error') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

function showError(key: Key | undefined): void {
  lastError = key;
  error.hidden = key === undefined;
  error.textContent = key ? texts[language][key] : '';
  input.setAttribute('aria-invalid', String(key !== undefined));
}

document.getElementById('code-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  void check();
});

async function check(): Promise<void> {
  const code = normaliseTypedCode(input.value);
  if (!code) return fail('empty');
  if (!/^[A-Z0-9]{4,64}$/.test(code)) return fail('malformed');
  announce(status, texts[language].checking);
  const result = await fetchForm(code, language);
  if (result.kind === 'offline') return fail('offline');
  if (result.kind === 'error') return fail(result.status === 429 ? 'busy' : 'unknown');
  // The form itself says whether the round is open, not open yet, closed or the code already used.
  window.location.assign(new URL(`r/${encodeURIComponent(code)}`, document.baseURI).toString());
}

function fail(key: Key): void {
  showError(key);
  input.focus();
}

bindLanguageSwitch(
  () => language,
  (next) => {
    language = next;
    apply();
  },
);
apply();

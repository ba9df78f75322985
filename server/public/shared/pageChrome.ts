import type { Language } from '../../../core/text';

/** Puts a message in a live region; clearing first makes screen readers repeat an identical message. */
export function announce(status: HTMLElement, text: string): void {
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = text;
  }, 50);
}

/**
 * Wires the NL | EN buttons. On a real change the choice is remembered for the next visit and
 * `onSwitch` re-renders the page, which then stays where the reader was.
 */
export function bindLanguageSwitch(current: () => Language, onSwitch: (language: Language) => void): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-language]')) {
    button.addEventListener('click', () => {
      const language = button.dataset.language === 'en' ? 'en' : 'nl';
      if (language === current()) return;
      saveLanguagePreference(language);
      const scroll = window.scrollY;
      onSwitch(language);
      window.scrollTo(0, scroll);
    });
  }
}

/** Sets the page language and the switch's state and label. */
export function showLanguage(language: Language, switchLabel: string): void {
  document.documentElement.lang = language;
  document.querySelector<HTMLElement>('[data-role="language-switch"]')?.setAttribute('aria-label', switchLabel);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-language]')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === language));
  }
}

/** The last path segment after `/<prefix>/` (e.g. /r/<code>), or `?<query>=` on the bundled page. */
export function pageParameter(prefix: string, query: string): string | undefined {
  const match = new RegExp(`/${prefix}/([^/]+)/?$`).exec(window.location.pathname);
  const raw = match?.[1] ?? new URLSearchParams(window.location.search).get(query) ?? undefined;
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

const LANGUAGE_KEY = 'koers.language';

export function loadLanguagePreference(): Language | undefined {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return value === 'nl' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveLanguagePreference(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // The switch still works for this visit.
  }
}

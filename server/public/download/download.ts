/**
 * /download: an adviser without the Excel add-in enters her API key, picks a round and downloads
 * its workbook (GET /api/rounds/:id/workbook.xlsx). The key goes in the Authorization header only,
 * never in a URL (it would end up in history and logs), and is not stored.
 */
import type { RoundListItem } from '../../../core/api/rounds';
import { formatCoarseCount } from '../../../core/coarseCount';
import type { Language } from '../../../core/text';
import { matchesSchema } from '../shared/checkReply';
import { roundList } from '../shared/replySchemas.generated';

const texts = {
  nl: {
    title: 'Werkmap downloaden',
    intro:
      'Zonder de Excel-invoegtoepassing: dezelfde bladen Resultaten, Antwoorden, Samenvatting en Kies als een Excel-bestand.',
    keyLabel: 'API-sleutel',
    showRounds: 'Rondes tonen',
    roundsLegend: 'Kies een ronde',
    languageLabel: 'Taal van de bladen',
    download: 'Downloaden',
    keyMissing: 'Vul de API-sleutel in.',
    keyWrong: 'Deze API-sleutel is onbekend of ingetrokken.',
    noRounds: 'Deze organisatie heeft nog geen rondes.',
    pickRound: 'Kies eerst een ronde.',
    failed: 'Downloaden lukte niet: {message}',
    unreachable: 'De server is niet bereikbaar.',
    busy: 'Bezig met downloaden…',
    done: 'Klaar: {file} is gedownload.',
    responses: '{count} antwoorden',
  },
  en: {
    title: 'Download a workbook',
    intro: 'Without the Excel add-in: the same Results, Responses, Summary and Choose sheets as an Excel file.',
    keyLabel: 'API key',
    showRounds: 'Show rounds',
    roundsLegend: 'Choose a round',
    languageLabel: 'Language of the sheets',
    download: 'Download',
    keyMissing: 'Enter the API key.',
    keyWrong: 'This API key is unknown or revoked.',
    noRounds: 'This organisation has no rounds yet.',
    pickRound: 'Choose a round first.',
    failed: 'The download failed: {message}',
    unreachable: 'The server cannot be reached.',
    busy: 'Downloading…',
    done: 'Done: {file} was downloaded.',
    responses: '{count} responses',
  },
} satisfies Record<Language, Record<string, string>>;
type TextKey = keyof (typeof texts)['nl'];

const language: Language = /^nl\b/i.test(navigator.language) ? 'nl' : 'en';

function text(key: TextKey, params: Record<string, string | number> = {}): string {
  return texts[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
}

const keyForm = element<HTMLFormElement>('key-form');
const keyInput = element<HTMLInputElement>('api-key');
const roundsForm = element<HTMLFormElement>('rounds-form');
const roundsBox = element<HTMLDivElement>('rounds');
const message = element<HTMLDivElement>('message');
const status = element<HTMLParagraphElement>('status');
const languageSelect = element<HTMLSelectElement>('language');

function showError(textValue: string): void {
  message.textContent = textValue;
  message.hidden = false;
  status.textContent = '';
}

function clearMessages(): void {
  message.hidden = true;
  message.textContent = '';
}

async function api(path: string): Promise<Response> {
  return fetch(path, { headers: { Authorization: `Bearer ${keyInput.value.trim()}`, 'Accept-Language': language } });
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? String(response.status);
  } catch {
    return String(response.status);
  }
}

function showRounds(rounds: RoundListItem[]): void {
  roundsBox.replaceChildren(
    ...rounds.map((round, index) => {
      const label = document.createElement('label');
      label.className = 'round';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'round';
      radio.value = round.id;
      radio.checked = index === 0;
      label.append(
        radio,
        ` ${round.name} · ${text('responses', { count: formatCoarseCount(round.responses, language) })} · ${round.status}`,
      );
      return label;
    }),
  );
  roundsForm.hidden = false;
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    clearMessages();
    if (!keyInput.value.trim()) return showError(text('keyMissing'));
    try {
      const response = await api(`api/rounds?lang=${language}`);
      if (response.status === 401) return showError(text('keyWrong'));
      if (!response.ok) return showError(text('failed', { message: await errorMessage(response) }));
      const rounds: unknown = await response.json();
      if (!matchesSchema(roundList, rounds)) throw new Error('the round list does not match its schema');
      if (rounds.length === 0) return showError(text('noRounds'));
      showRounds(rounds);
    } catch {
      showError(text('unreachable'));
    }
  })();
});

roundsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    clearMessages();
    const chosen = roundsForm.querySelector<HTMLInputElement>('input[name="round"]:checked');
    if (!chosen) return showError(text('pickRound'));
    status.textContent = text('busy');
    try {
      const response = await api(
        `api/rounds/${encodeURIComponent(chosen.value)}/workbook.xlsx?lang=${languageSelect.value}`,
      );
      if (!response.ok) return showError(text('failed', { message: await errorMessage(response) }));
      const file = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'koers.xlsx';
      // Save the blob through a temporary link: the key never appears in an address.
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = text('done', { file });
    } catch {
      showError(text('unreachable'));
    }
  })();
});

document.documentElement.lang = language;
for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
  node.textContent = text(node.dataset.text as TextKey);
}
languageSelect.value = language;

import QRCode from 'qrcode';
import type { Language } from '../../core/text';

/** Cards per A4 page: two across, four down, each a cut-out of 9.5 × 6.6 cm. */
export const CARDS_PER_PAGE = 8;

export interface CardGroup {
  groupName: string;
  codes: ReadonlyArray<{ code: string; link: string }>;
}

export interface CardsInput {
  language: Language;
  roundName: string;
  /** The short address a card gives for typing the code (…/r). */
  entryUrl: string;
  /** Last day the round is open, as people read it; optional. */
  openUntil?: string;
  groups: readonly CardGroup[];
}

const texts = {
  nl: {
    title: (round: string) => `Uitnodigingskaarten – ${round}`,
    invite: 'U bent uitgenodigd voor een korte vragenlijst.',
    scan: 'Scan de QR-code, of ga naar',
    andType: 'en typ deze code:',
    until: (day: string) => `Open tot en met ${day}.`,
    anonymous: 'Uw antwoorden zijn anoniem. De code werkt één keer.',
    group: 'Groep',
  },
  en: {
    title: (round: string) => `Invitation cards – ${round}`,
    invite: 'You are invited to fill in a short survey.',
    scan: 'Scan the QR code, or go to',
    andType: 'and type this code:',
    until: (day: string) => `Open until ${day} inclusive.`,
    anonymous: 'Your answers are anonymous. The code works once.',
    group: 'Group',
  },
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "K7Q2M9XA4T" → "K7Q2 M9XA 4T": easier to type over from paper. */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A printable HTML document: per group its own A4 pages, eight cards a page, each with the entry
 * address, the code and a QR code of the personal link. Made in the pane from the codes just
 * issued; it goes nowhere but into a local file the adviser opens and prints.
 */
export async function invitationCardsHtml(input: CardsInput): Promise<string> {
  const t = texts[input.language];
  const pages: string[] = [];
  for (const group of input.groups) {
    const cards: string[] = [];
    for (const { code, link } of group.codes) {
      const qr = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      cards.push(`<section class="card">
  <div class="qr" aria-hidden="true">${qr}</div>
  <div class="text">
    <p class="meta">${escapeHtml(input.roundName)} · ${t.group}: ${escapeHtml(group.groupName)}</p>
    <p>${t.invite}</p>
    <p>${t.scan} <strong>${escapeHtml(input.entryUrl)}</strong> ${t.andType}</p>
    <p class="code">${escapeHtml(groupedCode(code))}</p>
    ${input.openUntil ? `<p class="small">${escapeHtml(t.until(input.openUntil))}</p>` : ''}
    <p class="small">${t.anonymous}</p>
    <p class="link">${escapeHtml(link)}</p>
  </div>
</section>`);
    }
    for (let i = 0; i < cards.length; i += CARDS_PER_PAGE) {
      pages.push(`<div class="page">${cards.slice(i, i + CARDS_PER_PAGE).join('\n')}</div>`);
    }
  }
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(t.title(input.roundName))}</title>
<style>
  @page { size: A4; margin: 10mm; }
  body { margin: 0; font-family: 'Segoe UI', Arial, sans-serif; color: #000; }
  .page { width: 190mm; height: 277mm; display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, 1fr);
    gap: 0; page-break-after: always; break-after: page; }
  .card { border: 1px dashed #777; padding: 4mm; display: flex; gap: 3mm; align-items: flex-start; overflow: hidden; }
  .qr { width: 28mm; flex: none; } .qr svg { width: 28mm; height: 28mm; }
  .text { font-size: 9.5pt; line-height: 1.3; min-width: 0; }
  .text p { margin: 0 0 1.5mm; }
  .meta { font-weight: 600; }
  .code { font-family: Consolas, 'Courier New', monospace; font-size: 15pt; font-weight: 700; letter-spacing: 1px; }
  .small { font-size: 8pt; }
  .link { font-size: 7pt; color: #333; word-break: break-all; }
</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>`;
}

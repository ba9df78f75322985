import type { LocalizedText } from '../text';
import { AMO_FACTORS, AMO_FACTOR_GLOSSES, AMO_FACTOR_NAMES, type AmoFactor, type Lever } from './lever';
import { LEVER_LIBRARY } from './library';
import { compareCodeUnits } from '../compare';

/** How many library levers a message offers per missing factor. */
export const AMO_EXAMPLES_PER_FACTOR = 2;

export interface AmoCoverage {
  covered: AmoFactor[];
  missing: AmoFactor[];
  /** Per missing factor, library levers that would fill it (ids, best fit first). */
  suggestions: Array<{ factor: AmoFactor; leverIds: string[] }>;
  message: LocalizedText;
}

/**
 * Checks whether the chosen levers together work on ability, motivation and opportunity, which the
 * handreiking recommends: one strong factor cannot make up for a missing one. For each missing
 * factor it offers library levers, preferring those that share themes with the chosen ones.
 */
export function checkAmoCoverage(levers: readonly Lever[], library: readonly Lever[] = LEVER_LIBRARY): AmoCoverage {
  const present = new Set(levers.flatMap((lever) => lever.amo));
  const covered = AMO_FACTORS.filter((factor) => present.has(factor));
  const missing = AMO_FACTORS.filter((factor) => !present.has(factor));

  const chosenIds = new Set(levers.map((lever) => lever.id));
  const chosenThemes = new Set(levers.flatMap((lever) => lever.themes));
  // A lever already offered for one missing factor is not offered again for the next, so the
  // message shows as many different options as it can.
  const offered = new Set<string>();
  const suggestions = missing.map((factor) => {
    const leverIds = library
      .filter(
        (lever) => !lever.retired && !chosenIds.has(lever.id) && !offered.has(lever.id) && lever.amo.includes(factor),
      )
      .map((lever) => ({ lever, shared: lever.themes.filter((t) => chosenThemes.has(t)).length }))
      .sort(
        (a, b) =>
          b.shared - a.shared ||
          b.lever.themes.length - a.lever.themes.length ||
          compareCodeUnits(a.lever.id, b.lever.id),
      )
      .slice(0, AMO_EXAMPLES_PER_FACTOR)
      .map(({ lever }) => lever.id);
    leverIds.forEach((id) => offered.add(id));
    return { factor, leverIds };
  });

  const titles = new Map(library.map((lever) => [lever.id, lever.title]));
  return { covered, missing, suggestions, message: composeMessage(levers.length, missing, suggestions, titles) };
}

function composeMessage(
  chosenCount: number,
  missing: AmoFactor[],
  suggestions: AmoCoverage['suggestions'],
  titles: Map<string, LocalizedText>,
): LocalizedText {
  if (missing.length === 0) {
    return {
      nl: 'De gekozen maatregelen werken samen aan alle drie de factoren: kunnen, willen en mogen.',
      en: 'Together, the chosen levers work on all three factors: ability, motivation and opportunity.',
    };
  }
  const parts: LocalizedText[] = [];
  if (chosenCount === 0) {
    parts.push({
      nl: 'Er is nog geen maatregel gekozen. Kies een combinatie die samen aan kunnen, willen en mogen werkt.',
      en: 'No lever has been chosen yet. Choose a combination that together works on ability, motivation and opportunity.',
    });
  }
  for (const { factor, leverIds } of suggestions) {
    const name = {
      nl: `${AMO_FACTOR_NAMES[factor].nl} (${AMO_FACTOR_GLOSSES[factor].nl})`,
      en: `${AMO_FACTOR_NAMES[factor].en} (${AMO_FACTOR_GLOSSES[factor].en})`,
    };
    const examples = leverIds.map((id) => titles.get(id)!);
    const nl = quoteList(
      examples.map((t) => t.nl),
      'of',
    );
    const en = quoteList(
      examples.map((t) => t.en),
      'or',
    );
    if (chosenCount === 0) {
      // The intro already says nothing is chosen; per factor only the examples are news.
      parts.push(
        examples.length > 0
          ? { nl: `Voor ${name.nl} bijvoorbeeld ${nl}.`, en: `For ${name.en}, for example ${en}.` }
          : { nl: `Zoek ook een maatregel voor ${name.nl}.`, en: `Also look for a lever for ${name.en}.` },
      );
    } else {
      parts.push({
        nl: `Geen gekozen maatregel werkt aan ${name.nl}. Voeg er een toe${examples.length > 0 ? `, bijvoorbeeld ${nl}` : ''}.`,
        en: `None of the chosen levers works on ${name.en}. Add one${examples.length > 0 ? `, for example ${en}` : ''}.`,
      });
    }
  }
  return { nl: parts.map((p) => p.nl).join(' '), en: parts.map((p) => p.en).join(' ') };
}

function quoteList(items: string[], or: string): string {
  const quoted = items.map((item) => `“${item}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${or} ${quoted[quoted.length - 1]}`;
}

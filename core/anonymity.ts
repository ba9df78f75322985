import { compareCodeUnits } from './compare';

/**
 * The anonymity rules of published results, as pure functions. buildResults (aggregation.ts) applies
 * them; nothing else decides what may be shown.
 *
 * The promise to respondents: no figure is published that rests on fewer than `threshold` people,
 * and no such figure can be recovered by combining (subtracting) published figures.
 *
 *  1. A group with fewer responses than the threshold is suppressed.
 *  2. Complementary suppression of groups (see shownGroups).
 *  3. Within a shown group, a statement or section cell with a paired n below the threshold is
 *     suppressed (isPublishable).
 *  4. Every pooled figure (a group's section, the overall of a statement or section) is computed from
 *     shown cells only, so "pooled − Σ shown parts" is always zero and never isolates a suppressed
 *     part. An overall whose shown parts add up to n below the threshold is suppressed as well.
 *     (Applied in aggregation.ts, where the pooling happens.)
 *  5. Comments only from shown groups, in an order that says nothing about when they came in
 *     (publishableComments).
 */

export interface PublishedComment {
  group: string;
  text: string;
}

/** Rule 3 and the overall rule: a cell is published only when at least `threshold` pairs are behind it. */
export function isPublishable(n: number, threshold: number): boolean {
  return n >= threshold;
}

/**
 * Rules 1 and 2: the groups whose results may be shown, in group order.
 *
 * Why rule 2: the results publish responseCount (all responses, the progress figure) next to the
 * response count of every shown group. Their difference is the combined size of the suppressed
 * groups. When that difference is 1 .. threshold − 1 it discloses a count the threshold is meant to
 * hide (with a single suppressed group, its exact size; at 1, that exactly one person of those groups
 * took part). So while the suppressed groups together hold that few responses, the smallest shown
 * group is suppressed too (ties: the first in group order), until the hidden total reaches the
 * threshold, is zero, or no group is left to show.
 *
 * `totalResponses` is every response of the round, including any whose group is not in `groupOrder`,
 * because that is the number that gets published.
 */
export function shownGroups(input: {
  groupOrder: readonly string[];
  responsesByGroup: Readonly<Record<string, number>>;
  totalResponses: number;
  threshold: number;
}): string[] {
  const { groupOrder, totalResponses, threshold } = input;
  const countOf = (group: string): number => responsesOf(input.responsesByGroup, group);
  const shown = groupOrder.filter((group) => isPublishable(countOf(group), threshold));
  let hidden = totalResponses - sum(shown.map(countOf));
  while (hidden > 0 && hidden < threshold && shown.length > 0) {
    const smallest = indexOfSmallest(shown.map(countOf));
    hidden += countOf(shown[smallest]);
    shown.splice(smallest, 1);
  }
  return shown;
}

/**
 * Rule 5: comments of shown groups only, sorted by group order and then by text (by UTF-16 code
 * units, so the order does not depend on the server's locale). Blank comments are dropped.
 * Submission order is never kept: it would let someone who knows when a colleague answered find
 * that colleague's comment.
 */
export function publishableComments(
  comments: readonly PublishedComment[],
  shown: readonly string[],
): PublishedComment[] {
  const rank = new Map(shown.map((group, index) => [group, index]));
  return comments
    .filter((comment) => rank.has(comment.group) && comment.text.trim() !== '')
    .map((comment) => ({ group: comment.group, text: comment.text }))
    .sort((a, b) => rank.get(a.group)! - rank.get(b.group)! || compareCodeUnits(a.text, b.text));
}

function responsesOf(responsesByGroup: Readonly<Record<string, number>>, group: string): number {
  return Object.hasOwn(responsesByGroup, group) ? responsesByGroup[group] : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Index of the smallest value; the first one wins a tie. */
function indexOfSmallest(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i] < values[best]) best = i;
  return best;
}

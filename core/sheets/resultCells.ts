import type { Cell, GroupResult, SuppressionReason } from '../results';
import type { SheetTexts } from './texts';
import type { BlockColumn } from './tableBlock';
import { numberCell, textCell, type CellValue } from './cells';

/** Columns for all shown groups together: n, current, desired, gap, CI, action needed. */
export function overallColumns(texts: SheetTexts, withCi: boolean): BlockColumn[] {
  return [
    { header: texts.n, kind: 'count' },
    { header: texts.current, kind: 'mean' },
    { header: texts.desired, kind: 'mean' },
    { header: texts.gap, kind: 'gap' },
    ...(withCi
      ? ([
          { header: texts.ciLow, kind: 'ci' },
          { header: texts.ciHigh, kind: 'ci' },
        ] satisfies BlockColumn[])
      : []),
    { header: texts.actionNeeded, kind: 'flag' },
  ];
}

/**
 * A suppressed cell gets the words, never a number, in every column: anonymity is a promise, and a
 * blank could be read as "no answers".
 */
export function overallValues(cell: Cell, texts: SheetTexts, withCi: boolean): CellValue[] {
  const width = withCi ? 7 : 5;
  if (cell.status === 'suppressed') return [...Array<CellValue>(width - 1).fill(texts.suppressed), ''];
  const flag = cell.gap === null ? '' : cell.actionNeeded ? texts.yes : texts.no;
  return [
    cell.n,
    numberCell(cell.meanCurrent),
    numberCell(cell.meanDesired),
    numberCell(cell.gap),
    ...(withCi ? [numberCell(cell.ciLow), numberCell(cell.ciHigh)] : []),
    flag,
  ];
}

function groupName(group: GroupResult, texts: SheetTexts): string {
  return group.name[texts.language];
}

export function groupColumns(groups: readonly GroupResult[], texts: SheetTexts): BlockColumn[] {
  return groups.flatMap((group) => {
    const name = textCell(groupName(group, texts));
    return [
      { header: `${name} ${texts.current.toLowerCase()}`, kind: 'groupMean' },
      { header: `${name} ${texts.desired.toLowerCase()}`, kind: 'groupMean' },
      { header: `${name} ${texts.gap.toLowerCase()}`, kind: 'groupGap' },
    ] satisfies BlockColumn[];
  });
}

export function groupValues(
  byGroup: Record<string, Cell>,
  groups: readonly GroupResult[],
  texts: SheetTexts,
): CellValue[] {
  return groups.flatMap((group): CellValue[] => {
    if (group.status === 'suppressed') return Array<CellValue>(3).fill(suppressionReasonText(group.reason, texts));
    const cell = byGroup[group.id];
    if (!cell || cell.status === 'suppressed') return [texts.suppressed, texts.suppressed, texts.suppressed];
    return [numberCell(cell.meanCurrent), numberCell(cell.meanDesired), numberCell(cell.gap)];
  });
}

/** Why a hidden group is hidden, in the sheet's language, from the results' own reason. */
export function suppressionReasonText(reason: SuppressionReason | undefined, texts: SheetTexts): string {
  if (!reason) return texts.suppressedReasonUnknown;
  const own = reason.text?.[texts.language]?.trim();
  if (own) return own;
  const known = texts.suppressedReasons[reason.code];
  return known ?? `${texts.suppressedReasonUnknown}: ${reason.code}`;
}

import type { RoundResults } from '../results';
import type { RoundResponses } from './inputs';
import type { SheetTexts } from './texts';
import { numberCell, textCell, type CellGrid } from './cells';
import { RESPONSES_TABLE, roundTableName } from './names';
import type { BlockColumn, TableBlock } from './tableBlock';

/**
 * The "Antwoorden" sheet: one row per anonymised response, in the server's order (by group, then
 * by content hash, so the order says nothing about who answered when). Columns: the group, current
 * and desired per statement in form order, the comment.
 */
export function buildResponsesBlock(responses: RoundResponses, results: RoundResults, texts: SheetTexts): TableBlock {
  const groupNames = new Map(results.groups.map((group) => [group.id, group.name[texts.language]]));
  const columns: BlockColumn[] = [
    { header: texts.group, kind: 'text' },
    ...responses.statementIds.flatMap((id): BlockColumn[] => [
      { header: textCell(`${id} ${texts.current.toLowerCase()}`), kind: 'rating' },
      { header: textCell(`${id} ${texts.desired.toLowerCase()}`), kind: 'rating' },
    ]),
    { header: texts.comment, kind: 'text' },
  ];
  const rows: CellGrid = responses.rows.map((row) => [
    textCell(groupNames.get(row.group) ?? row.group),
    ...responses.statementIds.flatMap((id) => {
      const [current, desired] = row.answers[id] ?? [null, null];
      return [numberCell(current), numberCell(desired)];
    }),
    textCell(row.comment),
  ]);
  return { tableName: roundTableName(results.roundId, RESPONSES_TABLE), columns, rows };
}

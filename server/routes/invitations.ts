import { Router } from 'express';
import { invitationsReplySchema } from '../../core/api/rounds';
import { sendJson } from '../http/sendJson';
import { toCsv } from '../../core/csv';
import { invitationRequestSchema } from '../../core/round';
import { requestLanguage } from '../http/language';
import { linkBase } from '../http/links';
import { parseInput } from '../http/validate';
import type { RoundStore } from '../store/contract';
import { csvOptionsSchema, wantsCsv } from './params';
import { loadRound, loadedRound } from './roundParam';

/** POST /api/rounds/:id/invitations: new one-time codes for a group, as JSON or as CSV for mail merge. */
export function invitationsRouter({ rounds }: { rounds: RoundStore }): Router {
  const router = Router({ mergeParams: true });

  router.post('/', loadRound(rounds), async (req, res) => {
    const round = loadedRound(res);
    const input = parseInput(invitationRequestSchema, req.body);
    const options = parseInput(csvOptionsSchema, req.query);
    // The store decides on the stored round (unknown group, closed) inside its write queue.
    const codes = await rounds.createInvitations(round.organisationId, round.id, input.group, input.count);
    const base = linkBase(req);
    const links = codes.map((code) => `${base}/r/${code}`);

    if (wantsCsv(req, options.format)) {
      const header = requestLanguage(req) === 'en' ? ['code', 'link', 'group'] : ['code', 'link', 'groep'];
      const separator = options.separator === 'comma' ? ',' : ';';
      const csv = toCsv([header, ...codes.map((code, i) => [code, links[i]!, input.group])], { separator });
      res
        .status(201)
        .type('text/csv; charset=utf-8')
        .attachment(`uitnodigingen-${round.id}-${input.group}.csv`)
        .send(csv);
      return;
    }
    sendJson(res, invitationsReplySchema, { roundId: round.id, group: input.group, codes, links }, 201);
  });

  return router;
}

import { Router, type Request } from 'express';
import { toCsv } from '../../core/csv';
import { invitationRequestSchema } from '../../core/round';
import { HttpError } from '../http/errors';
import { requestLanguage } from '../http/language';
import { parseInput } from '../http/validate';
import type { KoersStore } from '../store/types';
import { csvOptionsSchema, wantsCsv } from './params';
import { loadRound, loadedRound } from './roundParam';

/** POST /api/rounds/:id/invitations: new one-time codes for a group, as JSON or as CSV for mail merge. */
export function invitationsRouter(store: KoersStore, publicUrl: string | undefined): Router {
  const router = Router({ mergeParams: true });

  router.post('/', loadRound(store), async (req, res) => {
    const round = loadedRound(res);
    const input = parseInput(invitationRequestSchema, req.body);
    if (!round.groups.includes(input.group)) throw new HttpError(400, 'unknownGroup', { group: input.group });
    if (round.status === 'closed') throw new HttpError(409, 'roundClosedForInvitations');
    const options = parseInput(csvOptionsSchema, req.query);
    const codes = await store.createInvitations(round, input.group, input.count);
    const base = publicUrl ?? ownOrigin(req);
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
    res.status(201).json({ roundId: round.id, group: input.group, codes, links });
  });

  return router;
}

function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

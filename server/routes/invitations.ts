import { Router } from 'express';
import { invitationsReplySchema } from '../../core/api/rounds';
import { sendJson } from '../http/sendJson';
import { toCsv } from '../../core/csv';
import { roundGroupName } from '../../core/roundGroups';
import { invitationRequestSchema } from '../../core/round';
import { requestLanguage } from '../http/language';
import { linkBase } from '../http/links';
import { parseInput } from '../http/validate';
import type { RoundStore, SurveyStore } from '../store/contract';
import { csvOptionsSchema, wantsCsv } from './params';
import { loadRound, loadedRound } from './roundParam';

/** POST /api/rounds/:id/invitations: new one-time codes for a group, as JSON or as CSV for mail merge. */
export function invitationsRouter({ rounds, surveys }: { rounds: RoundStore; surveys: SurveyStore }): Router {
  const router = Router({ mergeParams: true });

  router.post('/', loadRound(rounds), async (req, res) => {
    const round = loadedRound(res);
    const input = parseInput(invitationRequestSchema, req.body);
    const options = parseInput(csvOptionsSchema, req.query);
    // The store decides on the stored round (unknown group, closed) inside its write queue.
    const codes = await rounds.createInvitations(round.organisationId, round.id, input.group, input.count);
    const base = linkBase(req);
    const links = codes.map((code) => `${base}/r/${code}`);

    const language = requestLanguage(req);
    const groupName = roundGroupName(round, await surveys.getSurvey(round.organisationId, round.surveyId), input.group);
    // The codes exist nowhere else in clear: never cache this reply.
    res.set('Cache-Control', 'no-store');

    if (wantsCsv(req, options.format)) {
      const header = language === 'en' ? ['group', 'code', 'link'] : ['groep', 'code', 'link'];
      const separator = options.separator === 'comma' ? ',' : ';';
      const csv = toCsv([header, ...codes.map((code, i) => [groupName[language], code, links[i]!])], { separator });
      const prefix = language === 'en' ? 'invitations' : 'uitnodigingen';
      res
        .status(201)
        .type('text/csv; charset=utf-8')
        .attachment(`${prefix}-${fileNamePart(round.name)}-${fileNamePart(groupName[language])}.csv`)
        .send(csv);
      return;
    }
    sendJson(
      res,
      invitationsReplySchema,
      { roundId: round.id, roundName: round.name, group: input.group, groupName, codes, links },
      201,
    );
  });

  return router;
}

/** "Nulmeting 2026 – Leraren" → "Nulmeting-2026-Leraren": letters (accents kept) and digits. */
export function fileNamePart(text: string): string {
  const part = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return part || 'ronde';
}

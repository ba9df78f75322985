import { Router } from 'express';
import { leverListSchema, leverReplySchema } from '../../core/api/levers';
import { sendJson } from '../http/sendJson';
import { z } from 'zod';
import { leverInputSchema, leverUpdateSchema, themeIdSchema, type Lever } from '../../core/levers/lever';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { LeverStore } from '../store/contract';
import { idParamSchema } from './params';

const listQuerySchema = z.object({ theme: themeIdSchema.optional() });

/**
 * /api/levers: the built-in library plus the organisation's own levers. Built-in levers are read-only
 * for everyone; an organisation can only retire (and restore) them for itself.
 */
export function leversRouter({ levers: store }: { levers: LeverStore }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { theme } = parseInput(listQuerySchema, req.query);
    const levers = await store.listLevers(callerOrganisation(res).id);
    sendJson(res, leverListSchema, theme ? levers.filter((lever) => lever.themes.includes(theme)) : levers);
  });

  router.get('/:id', async (req, res) => {
    sendJson(
      res,
      leverReplySchema,
      found(await store.getLever(callerOrganisation(res).id, parseInput(idParamSchema, req.params.id))),
    );
  });

  router.post('/', async (req, res) => {
    const input = parseInput(leverInputSchema, req.body);
    const lever = await store.createLever(callerOrganisation(res).id, input);
    sendJson(res.location(`/api/levers/${lever.id}`), leverReplySchema, lever, 201);
  });

  router.patch('/:id', async (req, res) => {
    const id = parseInput(idParamSchema, req.params.id);
    const update = parseInput(leverUpdateSchema, req.body);
    sendJson(res, leverReplySchema, found(await store.updateLever(callerOrganisation(res).id, id, update)));
  });

  router.post('/:id/retire', async (req, res) => {
    const id = parseInput(idParamSchema, req.params.id);
    sendJson(res, leverReplySchema, found(await store.setLeverRetired(callerOrganisation(res).id, id, true)));
  });

  router.post('/:id/restore', async (req, res) => {
    const id = parseInput(idParamSchema, req.params.id);
    sendJson(res, leverReplySchema, found(await store.setLeverRetired(callerOrganisation(res).id, id, false)));
  });

  return router;
}

/** Unknown ids and other organisations' levers are both 404, so ids reveal nothing. */
function found(lever: Lever | undefined): Lever {
  if (!lever) throw new HttpError(404, 'leverNotFound');
  return lever;
}

import { Router } from 'express';
import { healthSchema } from '../../core/api/common';
import { sendJson } from '../http/sendJson';

export function healthRouter(): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    sendJson(res, healthSchema, { status: 'ok', service: 'koers' });
  });
  return router;
}

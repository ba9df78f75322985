import { Router } from 'express';
import { openApiDocument } from '../api/openapi';
import { referencePage } from '../api/reference';

/** GET /api/openapi.json and GET /api/reference: the API described, without a key. */
export function openApiRouter(): Router {
  const router = Router();
  let document: string | undefined;
  let page: string | undefined;
  router.get('/api/openapi.json', (_req, res) => {
    document ??= JSON.stringify(openApiDocument());
    res.set('Cache-Control', 'no-cache').type('application/json').send(document);
  });
  router.get('/api/reference', (_req, res) => {
    page ??= referencePage();
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  });
  return router;
}

import type { RequestHandler } from 'express';

/**
 * The add-in is served from the API's own origin, so it needs no CORS. Only one configured extra
 * origin (e.g. a separately hosted add-in) may call the API from a browser.
 */
export function corsForOrigin(allowedOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (allowedOrigin && origin === allowedOrigin) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
        res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.set('Access-Control-Max-Age', '600');
        return void res.status(204).end();
      }
    }
    next();
  };
}

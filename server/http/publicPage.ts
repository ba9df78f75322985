import type { RequestHandler, Response } from 'express';

/** The code or token sits in the URL: keep it out of caches and out of Referer headers to other sites. */
export function protectLinkSecret(res: Response): void {
  res.set('Cache-Control', 'no-store');
  res.set('Referrer-Policy', 'no-referrer');
}

/**
 * GET <prefix>/:code for a public page (the survey form at /r/:code, the scoring page at /s/:code):
 * the built page, never cached. The page's <base> is one level above <prefix>/<code>; after a
 * trailing slash it would point at <prefix>/, so that is redirected away.
 */
export function publicPage(pagePath: string): RequestHandler<{ code: string }> {
  return (req, res, next) => {
    protectLinkSecret(res);
    if (req.path.endsWith('/')) return void res.redirect(301, `../${encodeURIComponent(req.params.code)}`);
    res.sendFile(pagePath, { headers: { 'Cache-Control': 'no-store' } }, (error) => {
      if (error) next(error);
    });
  };
}

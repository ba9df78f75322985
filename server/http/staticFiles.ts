import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Response } from 'express';

/** webpack names bundles and fonts name.<16 hex>.ext: such a file never changes under its name. */
const HASHED = /\.[0-9a-f]{16}\.[a-z0-9]+$/;
const YEAR_SECONDS = 365 * 24 * 3600;

/** Long-lived for hashed names, revalidated for HTML (it names the current bundles), an hour otherwise. */
export function cacheControlFor(filePath: string): string {
  const file = filePath.replace(/\.(br|gz)$/, '');
  if (HASHED.test(file)) return `public, max-age=${YEAR_SECONDS}, immutable`;
  if (file.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

/** The encodings the build wrote beside each file (name.br, name.gz), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * dist/ as static files: the precompressed copy (brotli, else gzip) when the browser accepts it and
 * the build wrote one, otherwise the file itself (which the compression middleware may still
 * compress). Which copies exist is looked up once per path: dist/ changes only with a restart.
 */
export function staticFiles(distDir: string): RequestHandler {
  // fallthrough: false so send's own 4xx (416 bad Range, 412 failed If-Match) reach the JSON error
  // handler instead of becoming "next route"; only a missing file falls through to the JSON 404.
  const serve = express.static(distDir, {
    index: false,
    fallthrough: false,
    setHeaders: (res: Response, filePath: string) => res.setHeader('Cache-Control', cacheControlFor(filePath)),
  });
  const root = path.resolve(distDir);
  const variants = new Map<string, Set<string>>();

  function variantsOf(urlPath: string): Set<string> {
    let found = variants.get(urlPath);
    if (!found) {
      found = new Set();
      const file = path.join(root, urlPath);
      if (file.startsWith(root + path.sep)) {
        for (const { suffix } of ENCODINGS) if (fs.existsSync(file + suffix)) found.add(suffix);
      }
      if (variants.size < 10_000) variants.set(urlPath, found);
    }
    return found;
  }

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (urlPath.includes('\0') || /\.(br|gz)$/.test(urlPath)) return next();
    const available = variantsOf(urlPath);
    if (available.size > 0) {
      res.vary('Accept-Encoding');
      const encoding = ENCODINGS.find((e) => available.has(e.suffix) && req.acceptsEncodings(e.name) === e.name);
      if (encoding) {
        res.type(path.extname(urlPath));
        res.setHeader('Content-Encoding', encoding.name);
        const query = req.url.slice(req.path.length);
        req.url = req.path + encoding.suffix + query;
      }
    }
    serve(req, res, (error?: unknown) => {
      // send answers a path climbing out of dist/ with 403: to the caller that is simply not there.
      const status = (error as { status?: number } | undefined)?.status;
      if (status === 404 || status === 403) return next();
      next(error);
    });
  };
}

import type { Request } from 'express';
import type { Language } from '../../core/text';

/** `?lang=` wins, then the browser's Accept-Language; Dutch is the default. */
export function requestLanguage(req: Request): Language {
  const query = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (query === 'en' || query === 'nl') return query;
  const accepted = req.acceptsLanguages('nl', 'en');
  return accepted === 'en' ? 'en' : 'nl';
}

import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { ServerConfig } from './config';
import { defaultConfig } from './config';
import { requireApiKey } from './http/auth';
import { corsForOrigin } from './http/cors';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { jsonBody } from './http/jsonBody';
import { perIpLimit } from './http/rateLimits';
import { commentsRouter } from './routes/comments';
import { comparisonRouter } from './routes/comparison';
import { formRouter } from './routes/form';
import { healthRouter } from './routes/health';
import { invitationsRouter } from './routes/invitations';
import { leversRouter } from './routes/levers';
import { participationRouter } from './routes/participation';
import { publicResponsesRouter } from './routes/publicResponses';
import { resultsRouter } from './routes/results';
import { roundResponsesRouter } from './routes/roundResponses';
import { roundsRouter } from './routes/rounds';
import { scoringRouter } from './routes/scoring';
import { scoringPageRouter } from './routes/scoringPublic';
import { suggestionsRouter } from './routes/suggestions';
import { surveysRouter } from './routes/surveys';
import { themesRouter } from './routes/themes';
import type { KoersStores } from './store/contract';

export interface AppDeps {
  store: KoersStores;
  config?: Partial<ServerConfig>;
  /** The day stamped on responses; Dutch calendar day unless a test fixes it. */
  today?: () => string;
}

const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Builds the whole HTTP app around a store; listening and shutdown live in main.ts. */
export function createApp({
  store,
  config: overrides = {},
  today = () => dutchDay.format(new Date()),
}: AppDeps): Express {
  const config = defaultConfig(overrides);
  const distDir = path.resolve(config.distDir);
  const app = express();
  // Read by the routers that enforce a round's period (routes/roundPhase.ts).
  app.locals.today = today;
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use(securityHeaders());
  app.use(corsForOrigin(config.addinOrigin));
  app.use(healthRouter());

  const publicLimit = perIpLimit(config.ratePerIp);
  app.use(['/r', '/api/form', '/api/responses', '/s', '/api/scoring'], publicLimit);
  app.use('/api', jsonBody(config.bodyLimit));
  app.use('/api/responses', publicResponsesRouter(store, config.ratePerCode, today));
  app.use(formRouter({ rounds: store.rounds, distDir }));
  app.use(scoringPageRouter({ scoring: store.scoring, distDir, perCodePerMinute: config.ratePerCode }));

  const admin = requireApiKey(store.organisations);
  app.use('/api/surveys', admin, surveysRouter(store));
  app.use('/api/rounds/:id/invitations', admin, invitationsRouter(store, config.publicUrl));
  app.use('/api/rounds/:id/results', admin, resultsRouter(store));
  app.use('/api/rounds/:id/comments', admin, commentsRouter(store));
  app.use('/api/rounds/:id/comparison', admin, comparisonRouter(store));
  app.use('/api/rounds/:id/responses', admin, roundResponsesRouter(store));
  app.use('/api/rounds/:id/suggestions', admin, suggestionsRouter(store));
  app.use('/api/rounds/:id/scoring', admin, scoringRouter(store, config.publicUrl));
  app.use('/api/rounds/:id/participation', admin, participationRouter(store));
  app.use('/api/themes', admin, themesRouter());
  app.use('/api/levers', admin, leversRouter(store));
  app.use('/api/rounds', admin, roundsRouter(store));

  app.use(express.static(distDir, { index: false, maxAge: '1h' }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/**
 * helmet's defaults, opened just enough for Office: Excel on the web frames the task pane from
 * Office domains, and office.js comes from Microsoft's CDN (with our local copy as fallback).
 */
function securityHeaders(): express.RequestHandler {
  return helmet({
    frameguard: false,
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", 'https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'", 'https:'],
        'frame-ancestors': [
          "'self'",
          'https://*.officeapps.live.com',
          'https://*.office.com',
          'https://*.office365.com',
          'https://*.sharepoint.com',
          'https://*.microsoft.com',
        ],
        'upgrade-insecure-requests': null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

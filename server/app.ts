import path from 'node:path';
import express, { type Express } from 'express';
import compression from 'compression';
import type { ServerConfig } from './config';
import { defaultConfig } from './config';
import { requireApiKey } from './http/auth';
import { corsForOrigin } from './http/cors';
import { createErrorHandler, notFoundHandler } from './http/errorHandler';
import { jsonBody } from './http/jsonBody';
import { setLinkSettings } from './http/links';
import { ErrorLog, type LogWriter } from './http/log';
import { failedLookupGuard, FailureThrottle, perIpLimit, perOrganisationLimit } from './http/rateLimits';
import { securityHeaders } from './http/securityHeaders';
import { staticFiles } from './http/staticFiles';
import { commentsRouter } from './routes/comments';
import { comparisonRouter } from './routes/comparison';
import { formRouter } from './routes/form';
import { healthRouter } from './routes/health';
import { openApiRouter } from './routes/openapi';
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
import { downloadPageRouter, workbookRouter } from './workbook/router';
import type { KoersStores } from './store/contract';

export interface AppDeps {
  store: KoersStores;
  config?: Partial<ServerConfig>;
  /** The day stamped on responses; Dutch calendar day unless a test fixes it. */
  today?: () => string;
  /** Where failed requests are logged (redacted, rate-limited); stderr by default. */
  log?: LogWriter;
}

const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Builds the whole HTTP app around a store; listening and shutdown live in main.ts. */
export function createApp({
  store,
  config: overrides = {},
  today = () => dutchDay.format(new Date()),
  log: write,
}: AppDeps): Express {
  const config = defaultConfig(overrides);
  const distDir = path.resolve(config.distDir);
  const app = express();
  // Read by the routers that enforce a round's period (routes/roundPhase.ts).
  app.locals.today = today;
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const log = new ErrorLog({ ...(write ? { write } : {}), intervalMs: config.logIntervalMs });
  app.locals.errorLog = log;
  setLinkSettings(app.locals, {
    publicUrl: config.publicUrl,
    host: config.host,
    port: config.port,
    protocol: config.https === 'on' ? 'https' : 'http',
  });

  app.use(securityHeaders());
  app.use(corsForOrigin(config.addinOrigin));
  // JSON, CSV and pages compressed (brotli or gzip); the bundles come precompressed from the build.
  app.use(compression());
  app.use(healthRouter());
  app.use(openApiRouter());

  // Public side: the per-IP limit counts what respondents do; unknown codes count in their own,
  // much smaller budget (failedLookupGuard below), so one guesser cannot lock out a school's NAT address.
  const publicPaths = ['/r', '/api/form', '/api/responses', '/s', '/api/scoring'];
  app.use(publicPaths, perIpLimit(config.ratePerIp));
  app.use(['/api/responses', '/api/scoring'], jsonBody(config.bodyLimit));
  app.use('/api/responses', publicResponsesRouter(store, config.ratePerCode, today));
  app.use(formRouter({ rounds: store.rounds, distDir }));
  app.use(downloadPageRouter(distDir));
  app.use(scoringPageRouter({ scoring: store.scoring, distDir, perCodePerMinute: config.ratePerCode }));
  const wrongCodes = new FailureThrottle({ limit: config.failedCodesPerIp, delayMs: config.failedLookupDelayMs });
  app.use(publicPaths, failedLookupGuard(wrongCodes));

  // Admin side: the key first (wrong keys throttled per IP), then the organisation's request rate,
  // and only then is a body parsed — a keyless request is a 401 whatever it sends.
  const wrongKeys = new FailureThrottle({ limit: config.failedKeysPerIp, delayMs: 0 });
  const admin = [
    requireApiKey(store.organisations, wrongKeys),
    perOrganisationLimit(config.ratePerOrg),
    ...jsonBody(config.bodyLimit),
  ];
  app.use('/api/surveys', admin, surveysRouter(store));
  app.use('/api/rounds/:id/invitations', admin, invitationsRouter(store));
  app.use('/api/rounds/:id/results', admin, resultsRouter(store));
  app.use('/api/rounds/:id/comments', admin, commentsRouter(store));
  app.use('/api/rounds/:id/comparison', admin, comparisonRouter(store));
  app.use('/api/rounds/:id/responses', admin, roundResponsesRouter(store));
  app.use('/api/rounds/:id/suggestions', admin, suggestionsRouter(store));
  app.use('/api/rounds/:id/participation', admin, participationRouter(store));
  app.use('/api/themes', admin, themesRouter());
  app.use('/api/rounds/:id/workbook.xlsx', admin, workbookRouter(store));
  app.use('/api/rounds/:id/scoring', admin, scoringRouter(store));
  app.use('/api/levers', admin, leversRouter(store));
  app.use('/api/rounds', admin, roundsRouter(store));

  app.use(staticFiles(distDir));
  app.use(notFoundHandler);
  app.use(createErrorHandler(log));
  return app;
}

import { z } from 'zod';
import { DEFAULT_LIMITS, type StoreLimits } from './store/limits';

const flag = z.enum(['on', 'off', 'auto']);
const positiveInt = z.coerce.number().int().positive();

/** Settings from the environment, parsed once at start-up; a bad value stops the server with a message. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  KOERS_DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… : keep everything in PostgreSQL instead of the data folder (several servers, one database). */
  KOERS_DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//i, 'use a postgres:// URL')
      .optional(),
  ),
  /** https with trusted local certificates (office-addin-dev-certs): Office loads task panes only over https. */
  KOERS_HTTPS: flag.default('auto'),
  /** Extra origin allowed to call the API from a browser (the add-in itself is served from this origin). */
  KOERS_ADDIN_ORIGIN: z.string().url().optional(),
  /** Base URL put into invitation and scoring links; defaults to the configured HOST and PORT (never the Host header). */
  KOERS_PUBLIC_URL: z.string().url().optional(),
  /** Public requests per minute per IP address: a whole school may answer from one NAT address. */
  KOERS_RATE_PER_IP: positiveInt.default(1200),
  /** Submissions per minute for one invitation code. */
  KOERS_RATE_PER_CODE: positiveInt.default(10),
  KOERS_BODY_LIMIT: z.string().default('1mb'),
  /** Admin requests per minute per organisation (after the key check). */
  KOERS_RATE_PER_ORG: positiveInt.default(600),
  /** Unknown invitation codes or scoring tokens per minute per IP before further unknown ones get 429. */
  KOERS_FAILED_CODES_PER_IP: positiveInt.default(30),
  /** Wrong API keys per minute per IP before further wrong keys get 429. */
  KOERS_FAILED_KEYS_PER_IP: positiveInt.default(20),
  /** Failed requests are logged as one line per kind per this many seconds, with a count. */
  KOERS_LOG_INTERVAL_S: positiveInt.default(60),
  /** Per-organisation limits, decided in the store (see server/store/limits.ts). */
  KOERS_LIMIT_SURVEYS: positiveInt.default(DEFAULT_LIMITS.surveysPerOrganisation),
  KOERS_LIMIT_ROUNDS: positiveInt.default(DEFAULT_LIMITS.roundsPerOrganisation),
  KOERS_LIMIT_CODES_PER_ROUND: positiveInt.default(DEFAULT_LIMITS.codesPerRound),
  KOERS_LIMIT_LEVERS: positiveInt.default(DEFAULT_LIMITS.leversPerOrganisation),
  KOERS_LIMIT_SCORING_SESSIONS: positiveInt.default(DEFAULT_LIMITS.scoringSessionsPerRound),
  KOERS_LIMIT_DATA_BYTES: positiveInt.default(DEFAULT_LIMITS.dataBytesPerOrganisation),
});

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  https: 'on' | 'off' | 'auto';
  addinOrigin?: string;
  publicUrl?: string;
  ratePerIp: number;
  ratePerCode: number;
  bodyLimit: string;
  ratePerOrg: number;
  failedCodesPerIp: number;
  failedKeysPerIp: number;
  /** How long a refused guess (over the failed-lookup budget) is held before it is answered. */
  failedLookupDelayMs: number;
  /** One log line per kind of failed request per this interval, plus a count. */
  logIntervalMs: number;
  distDir: string;
  /** Passed to whichever store is opened. */
  limits: StoreLimits;
};

export function readConfig(env: NodeJS.ProcessEnv, distDir: string): ServerConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.KOERS_DATA_DIR,
    databaseUrl: c.KOERS_DATABASE_URL,
    https: c.KOERS_HTTPS,
    addinOrigin: c.KOERS_ADDIN_ORIGIN,
    publicUrl: c.KOERS_PUBLIC_URL,
    ratePerIp: c.KOERS_RATE_PER_IP,
    ratePerCode: c.KOERS_RATE_PER_CODE,
    bodyLimit: c.KOERS_BODY_LIMIT,
    ratePerOrg: c.KOERS_RATE_PER_ORG,
    failedCodesPerIp: c.KOERS_FAILED_CODES_PER_IP,
    failedKeysPerIp: c.KOERS_FAILED_KEYS_PER_IP,
    failedLookupDelayMs: 1000,
    logIntervalMs: c.KOERS_LOG_INTERVAL_S * 1000,
    distDir,
    limits: {
      surveysPerOrganisation: c.KOERS_LIMIT_SURVEYS,
      roundsPerOrganisation: c.KOERS_LIMIT_ROUNDS,
      codesPerRound: c.KOERS_LIMIT_CODES_PER_ROUND,
      leversPerOrganisation: c.KOERS_LIMIT_LEVERS,
      scoringSessionsPerRound: c.KOERS_LIMIT_SCORING_SESSIONS,
      dataBytesPerOrganisation: c.KOERS_LIMIT_DATA_BYTES,
    },
  };
}

/** Defaults for tests and scripts that build an app without an environment. */
export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...readConfig({}, overrides.distDir ?? 'dist'), ...overrides };
}

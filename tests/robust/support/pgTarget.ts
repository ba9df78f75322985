/**
 * Runs a robustness suite against the PostgreSQL store: a fresh database on the test server for the
 * file, handed to the fixture through KOERS_ROBUST_DATABASE_URL. A pg* file imports the suite and
 * calls this; without PostgreSQL it skips (and fails under CI), like every PostgreSQL test.
 */
import { createTestDatabase, SKIP_MESSAGE, testServerUrl, underCi } from '../../support/postgres';

export function usePostgres(label: string): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (!testServerUrl()) {
      if (underCi()) throw new Error('CI=true but no PostgreSQL for the robustness suite');
      return;
    }
    const db = await createTestDatabase(`robust_${label}`);
    drop = db.drop;
    process.env.KOERS_ROBUST_DATABASE_URL = db.url;
  });
  afterAll(async () => {
    delete process.env.KOERS_ROBUST_DATABASE_URL;
    await drop?.();
  });
}

/** True when the imported suite would run against the embedded store instead: then skip it. */
export function postgresMissing(): boolean {
  if (testServerUrl() || underCi()) return false;
  console.warn(SKIP_MESSAGE);
  return true;
}

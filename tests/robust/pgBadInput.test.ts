/**
 * The badInput suite (badInput.test.ts) again, against the PostgreSQL store: same servers, same checks, a
 * fresh database instead of the data folder.
 */
import { postgresMissing, usePostgres } from './support/pgTarget';

if (postgresMissing()) {
  test.skip('badInput suite on PostgreSQL (no PostgreSQL here)', () => undefined);
} else {
  usePostgres('badinput');
  // Loaded only here, so without PostgreSQL the embedded run is not repeated under this name.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./badInput.test');
}

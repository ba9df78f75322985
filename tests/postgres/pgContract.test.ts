/**
 * The store contract suite (the same one the embedded store passes) against the PostgreSQL store,
 * each test on a fresh database. `reopen` opens a second store on the same database, as a restart
 * or a second server would.
 */
import type { KoersStores } from '../../server/store/contract';
import { openPostgresStore } from '../../server/store/postgres/index';
import { describeStoreContract } from '../server/storeContract/describeStoreContract';
import { createTestDatabase, testServerUrl, underCi, SKIP_MESSAGE } from '../support/postgres';

if (testServerUrl()) {
  describeStoreContract('PostgreSQL store', async (options = {}) => {
    const db = await createTestDatabase('contract');
    let current: KoersStores = await openPostgresStore({ url: db.url, poolSize: 4, limits: options.limits });
    return {
      store: current,
      async reopen() {
        await current.close();
        current = await openPostgresStore({ url: db.url, poolSize: 4, limits: options.limits });
        return current;
      },
      async cleanup() {
        await current.close();
        await db.drop();
      },
    };
  });
} else if (underCi()) {
  test('PostgreSQL is available under CI', () => {
    throw new Error('CI=true but no PostgreSQL for the store contract suite');
  });
} else {
  console.warn(`store contract (PostgreSQL): ${SKIP_MESSAGE}`);
  test.skip('store contract: PostgreSQL store', () => undefined);
}

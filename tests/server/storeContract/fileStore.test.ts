import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../server/store';
import type { KoersStores } from '../../../server/store/contract';
import { describeStoreContract } from './describeStoreContract';

describeStoreContract('embedded file store', async (options = {}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-contract-'));
  let current: KoersStores = await openStore({ dataDir, limits: options.limits });
  return {
    store: current,
    async reopen() {
      await current.close();
      current = await openStore({ dataDir, limits: options.limits });
      return current;
    },
    async cleanup() {
      await current.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

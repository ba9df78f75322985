import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import type { ErrorLog } from './http/log';
import { readConfig } from './config';
import { seedDemo } from './demo/seed';
import { listen } from './listen';
import type { FileStore } from './store/index';
import { describeStoreChoice, openConfiguredStore } from './store/postgres/select';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = readConfig(process.env, path.join(root, 'dist'));
  const store = await openConfiguredStore(config);
  // The embedded store repairs its folder on open and says what it did; PostgreSQL recovers itself.
  if ('stats' in store) {
    const { repairs } = (store as FileStore).stats().recovery;
    for (const repair of repairs) console.log(`Repaired on start-up: ${repair}`);
    if (repairs.length === 0) console.log('Start-up check: data folder intact, nothing to repair.');
  }
  const app = createApp({ store, config });
  const { server, url } = await listen(app, config);
  // Installed before anything is printed, so a stop right after start still closes the store cleanly.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing open requests and writing pending data…`);
    server.close();
    server.closeIdleConnections();
    // A stuck client must not keep the process (and its data lock) alive forever.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    force.unref();
    await new Promise<void>((resolve) => server.once('close', () => resolve()));
    await store.close();
    // The counts of failed requests not yet summed up in the log.
    (app.locals.errorLog as ErrorLog).close();
    console.log('Koers stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  console.log(`Koers listens on ${url} (data in ${describeStoreChoice(config)})`);

  if (process.argv.includes('--demo')) {
    const demo = await seedDemo(store, path.join(path.resolve(config.dataDir), 'demo.json'));
    console.log(
      [
        '',
        `Demo organisation: ${demo.organisationName}`,
        `Task pane:        ${url}/addin/taskpane.html`,
        `Survey form:      ${url}/r/${demo.freeCode}   (an unused demo code; a new one once it is used)`,
        `Results (API):    ${url}/api/rounds/${demo.roundId}/results`,
        `Manifest:         ${path.join(root, 'manifest.xml')}`,
        demo.newKey
          ? 'API key for the demo organisation (new; kept in demo.json of the data folder and shown on every start):'
          : 'API key for the demo organisation (the same as on earlier starts; revoke with npm run koers -- key revoke):',
        demo.apiKey,
      ].join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message ?? error);
  process.exit(1);
});

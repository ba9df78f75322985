import http from 'node:http';
import https from 'node:https';
import type { Express } from 'express';
import type { ServerConfig } from './config';

export interface Listening {
  server: http.Server;
  url: string;
}

/**
 * Office loads task panes only over https, so by default Koers asks office-addin-dev-certs for
 * trusted localhost certificates. 'auto' falls back to http (fine for the survey form behind a
 * TLS-terminating proxy) and says so; 'on' refuses to start without certificates.
 */
export async function listen(app: Express, config: ServerConfig): Promise<Listening> {
  const tls = config.https === 'off' ? undefined : await loadCertificates(config.https === 'on');
  const server = tls ? https.createServer(tls, app) : http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { server, url: `${tls ? 'https' : 'http'}://${config.host}:${port}` };
}

async function loadCertificates(required: boolean): Promise<https.ServerOptions | undefined> {
  try {
    const { getHttpsServerOptions } = await import('office-addin-dev-certs');
    return await getHttpsServerOptions();
  } catch (error) {
    if (required) throw new Error(`No https certificates: ${(error as Error).message}`);
    console.warn(
      'Could not install local https certificates (office-addin-dev-certs); serving plain http.\n' +
        'Excel needs https for the task pane: run `npx office-addin-dev-certs install` once, then restart.',
    );
    return undefined;
  }
}

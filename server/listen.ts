import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { ServerConfig } from './config';
import { setLinkSettings } from './http/links';

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
  // Links in invitations follow what is really served (protocol, port 0 → the port chosen).
  setLinkSettings(app.locals, { protocol: tls ? 'https' : 'http', port });
  return { server, url: `${tls ? 'https' : 'http'}://${config.host}:${port}` };
}

async function loadCertificates(required: boolean): Promise<https.ServerOptions | undefined> {
  try {
    const { getHttpsServerOptions } = await import('office-addin-dev-certs');
    return await getHttpsServerOptions();
  } catch (error) {
    // Installing the CA into the system store needs admin rights; certificates made before it
    // still serve https (a browser warns until the CA is trusted).
    const made = readGeneratedCertificates();
    if (made) {
      console.warn(
        'Using the local https certificates, but their CA is not trusted yet: run `npx office-addin-dev-certs install` (as administrator) once.',
      );
      return made;
    }
    if (required) throw new Error(`No https certificates: ${(error as Error).message}`);
    console.warn(
      'Could not install local https certificates (office-addin-dev-certs); serving plain http.\n' +
        'Excel needs https for the task pane: run `npx office-addin-dev-certs install` once, then restart.',
    );
    return undefined;
  }
}

/** Where office-addin-dev-certs keeps the certificates it generated. */
function readGeneratedCertificates(): https.ServerOptions | undefined {
  const folder = path.join(os.homedir(), '.office-addin-dev-certs');
  try {
    return {
      cert: fs.readFileSync(path.join(folder, 'localhost.crt')),
      key: fs.readFileSync(path.join(folder, 'localhost.key')),
    };
  } catch {
    return undefined;
  }
}

import os from 'node:os';
import type { Request } from 'express';

/**
 * The base of every invitation and scoring link: KOERS_PUBLIC_URL when set, otherwise the address
 * the server was configured to listen on. Never the request's Host header: anyone can send
 * `Host: phish.example`, and links made from it would send respondents (with their codes) there.
 */
export interface LinkSettings {
  publicUrl?: string;
  host: string;
  port: number;
  /** What the server actually serves (set once it listens); until then the configuration decides. */
  protocol?: 'http' | 'https';
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);

export function linkBaseFrom(settings: LinkSettings): string {
  if (settings.publicUrl) return settings.publicUrl.replace(/\/+$/, '');
  // Listening on all interfaces names no host a respondent can reach; the machine's name is the best guess.
  const host = WILDCARD_HOSTS.has(settings.host) ? os.hostname() : settings.host;
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${settings.protocol ?? 'http'}://${shown}:${settings.port}`;
}

const LOCALS_KEY = 'koersLinks';

/** createApp stores the settings on the app; listen() adds the protocol and the real port. */
export function setLinkSettings(locals: Record<string, unknown>, settings: Partial<LinkSettings>): void {
  locals[LOCALS_KEY] = { ...(locals[LOCALS_KEY] as LinkSettings | undefined), ...settings };
}

/** The link base for a request's app (see {@link linkBaseFrom}). */
export function linkBase(req: Request): string {
  const settings = req.app.locals[LOCALS_KEY] as LinkSettings | undefined;
  if (!settings) throw new Error('link settings missing: the app was not built by createApp');
  return linkBaseFrom(settings);
}

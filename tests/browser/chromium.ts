import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Playwright cannot download browsers here; the distribution's Chromium is used instead. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

/** Under CI a missing browser is a failure: skipped browser tests there would hide broken pages. */
const inCi = (): boolean => process.env.CI === 'true';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

let warned = false;

/**
 * `describe` for browser tests: runs them when Chromium is installed, skips them with a console message
 * on a developer machine without it, and fails under CI=true.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (chromiumAvailable()) return describe(name, body);
  if (inCi()) {
    return describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run under CI (apt-get install chromium)`,
        );
      });
    });
  }
  if (!warned) {
    warned = true;
    console.warn('Chromium not found: browser tests skipped; install it with apt-get install chromium');
  }
  describe.skip(name, body);
}

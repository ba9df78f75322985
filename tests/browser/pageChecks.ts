import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/**
 * Runs axe-core in the page and returns its serious and critical findings, one line each. The
 * script is injected as a tag, so the page's context needs `bypassCSP` where a CSP forbids it.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Names the page state in the failure, so a finding says where it was seen. */
export async function expectNoSeriousA11yProblems(page: Page, where: string): Promise<void> {
  const serious = await seriousA11yViolations(page);
  expect({ where, serious }).toEqual({ where, serious: [] });
}

/** Nothing sticks out sideways: the page fits the viewport width (e.g. a 360 px phone). */
export async function expectNoSideways(page: Page, viewportWidth: number): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(viewportWidth);
}

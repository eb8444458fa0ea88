/** axe-core in the page: every violation of a WCAG 2.2 A or AA rule, light and dark (tests/e2e/). */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './harness.js';

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG_A_AND_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Lets CSS transitions and animations (a dialog fading in, colours after a theme change) come to rest. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
  await page.evaluate(
    `Promise.all(document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined)))`,
  );
}

/** Every violation of a WCAG 2.2 A or AA rule that axe-core finds on the page, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate<AxeResults>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_A_AND_AA)} }, resultTypes: ['violations'] })`,
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  );
}

/** Runs axe-core on what the page shows, in the light and in the dark; records what it finds under `view`. */
export async function checkBothThemes(page: Page, view: string, found: Record<string, string[]>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    const violations = await axeViolations(page);
    if (violations.length > 0) found[`${view} (${colorScheme})`] = violations;
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await settle(page);
}

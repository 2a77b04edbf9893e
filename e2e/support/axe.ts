/**
 * The axe-core check of what is on screen: every rule axe runs (WCAG 2.x A
 * and AA, best practices), and a list of the violations of impact serious
 * or critical, each with its rule, impact, the elements it names and axe's
 * summary of what is wrong, so that a failing check says what to fix.
 *
 * axe is put into the page with Playwright's page.evaluate, which the
 * page's Content-Security-Policy does not govern (it is the DevTools
 * protocol's evaluation, not a script the page loads): the app's CSP stays
 * as it ships while the check runs.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The impacts a check refuses. */
const REFUSED = new Set(['serious', 'critical']);

export interface AxeProblem {
  rule: string;
  impact: string;
  /** CSS selectors of the elements concerned, with axe's summary for each. */
  nodes: { target: string; summary: string }[];
  help: string;
}

/** The serious and critical violations axe finds in the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => REFUSED.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
}

/** The violations written out one per element, to read in a failed test's message. */
export function describeViolations(problems: AxeProblem[]): string {
  return problems
    .flatMap((p) => p.nodes.map((n) => `${p.rule} (${p.impact}) at ${n.target}: ${p.help}. ${n.summary}`))
    .join('\n');
}

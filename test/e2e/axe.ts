// axe-core in real Chromium, shared by the accessibility checks (a11y-chromium.test.ts) and the ones of what only an
// organisation's policy shows (policy-chromium.test.ts). axe is injected with a CDP evaluate (page.evaluate of its
// source): the extension pages' CSP refuses script tags.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** What axe found, reduced to what a reader of a failing test needs. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

interface AxeOutcome {
  violations: Violation[];
  /** How many elements the colour-contrast rule checked and passed: proof that axe saw the UI (and inside the shadow root). */
  contrastChecked: number;
}

declare const axe: {
  run(
    context: NodeList | Document,
    options: object,
  ): Promise<{
    violations: Array<{
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: unknown[]; failureSummary?: string }>;
    }>;
    passes: Array<{ id: string; nodes: unknown[] }>;
  }>;
};

/** Runs axe (WCAG 2.x A and AA, and best practices) on the elements `selector` matches, shadow trees included, or on the document. */
async function runAxe(page: Page, selector?: string): Promise<AxeOutcome> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (scope) => {
    const context = scope ? document.querySelectorAll(scope) : document;
    if (context instanceof NodeList && context.length === 0) throw new Error(`axe: nothing matches ${scope}`);
    const result = await axe.run(context, { resultTypes: ['violations', 'passes'] });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: JSON.stringify(n.target),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' '),
        })),
      })),
      contrastChecked: result.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0,
    };
  }, selector);
}

/** The violations as lines a person can act on; empty when there are none. */
function readable(violations: Violation[]): string {
  return violations
    .flatMap((v) => [`${v.id} (${v.impact}): ${v.help}`, ...v.nodes.map((n) => `    ${n.target}: ${n.summary}`)])
    .join('\n');
}

/** axe finds nothing on `where`, and did look at a real amount of UI. */
export async function expectNoViolations(
  page: Page,
  what: string,
  selector?: string,
  minimumChecked = 5,
): Promise<void> {
  const { violations, contrastChecked } = await runAxe(page, selector);
  expect(readable(violations), `axe on ${what}`).toBe('');
  expect(contrastChecked, `elements axe checked for contrast on ${what}`).toBeGreaterThanOrEqual(minimumChecked);
}

export async function useScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
}

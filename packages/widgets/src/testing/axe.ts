// Test-only: axe-core with the NHS.UK tag set, the same set every widget state is checked against.
import type { AxeResults, RunOptions } from 'axe-core';

export const NHS_AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

interface AxeGlobal {
  run(context: Element | Document, options: RunOptions): Promise<AxeResults>;
}

async function loadAxe(): Promise<AxeGlobal> {
  const w = window as unknown as { axe?: AxeGlobal };
  // axe.min.js is a UMD script: imported as a module it registers `window.axe`.
  // @ts-expect-error no types for the minified entry
  if (!w.axe) await import('axe-core/axe.min.js');
  return w.axe!;
}

/**
 * Fails with every violation listed when axe finds one inside `element` (shadow roots included).
 * `region` is off: a widget under test is a fragment, not a page (the demo-page test checks landmarks).
 */
export async function expectAccessible(element: Element): Promise<void> {
  const axe = await loadAxe();
  const result = await axe.run(element, {
    runOnly: { type: 'tag', values: [...NHS_AXE_TAGS] },
    rules: { region: { enabled: false } },
    resultTypes: ['violations'],
  });
  if (result.violations.length) {
    const lines = result.violations.flatMap((v) => [
      `${v.id} (${v.impact}): ${v.help}`,
      ...v.nodes.map((n) => `  at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    ]);
    throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}

import { expect, test, vi } from 'vitest';
import type { Rule } from '../../src/core/types';
import { context, snapshot } from './helpers';

// The order of the findings must not depend on the order rules are registered in: here the registry is reversed,
// so only evaluate()'s own tie-break (path order) can put scope before ip among findings of equal severity.
vi.mock('../../src/core/rules', async (original) => {
  const { RULES } = await original<{ RULES: readonly Rule[] }>();
  return { RULES: [...RULES].reverse() };
});

const { evaluate } = await import('../../src/core/evaluate');

test('same severity keeps path order (scope before ip), with the rules registered in reverse', () => {
  const findings = evaluate(snapshot({ permissions: ['read', 'trade'], ipEntries: ['8.8.0.0/16'] }), context());
  expect(findings.map((f) => [f.id, f.severity])).toEqual([
    ['scope.excess', 'high'],
    ['ip.broad', 'high'],
  ]);
});

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseAllowList } from '../../src/core/ip-allowlist';
import { RULES } from '../../src/core/rules';
import type { Rule } from '../../src/core/types';
import { context, publicIps, snapshot } from './helpers';

const RULES_DIR = fileURLToPath(new URL('../../src/core/rules/', import.meta.url));
const ruleFiles = readdirSync(RULES_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

/** The finding ids of the design's table (docs/design.md), copied here so that a renamed id fails this test. */
const DESIGN_IDS = [
  'purpose.unset',
  'scope.withdraw',
  'scope.excess',
  'ip.missing',
  'ip.invalid',
  'ip.private',
  'ip.broad',
  'ip.too-many',
  'rotation.none',
  'exchange.unbound-expiry',
  'form.ip-unreadable',
  'form.permission-unreadable',
  'form.permission-unknown',
  'form.read-capped',
  'purpose.no-key-needed',
  'rotation.after-deadline',
  'exchange.key-type',
  'policy.withdraw',
  'policy.ip-binding',
  'policy.rotation',
];

function isRule(value: unknown): value is Rule {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Rule).id === 'string' &&
    typeof (value as Rule).evaluate === 'function'
  );
}

describe('every rule file is registered', () => {
  test('the folder has rule files', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  test.each(ruleFiles)('%s exports one rule, and RULES lists it', async (file) => {
    const module: Record<string, unknown> = await import(/* @vite-ignore */ `${RULES_DIR}${file}`);
    const rules = Object.values(module).filter(isRule);
    expect(rules).toHaveLength(1);
    expect(RULES).toContain(rules[0]);
  });

  test('RULES holds one rule per file, nothing else', () => {
    expect(RULES).toHaveLength(ruleFiles.length);
  });

  test('rule ids are unique', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('every docs/design.md finding id is emitted by a registered rule', () => {
  // Between them these inputs trigger every rule; each rule must label its finding with its own id.
  const inputs = [
    {
      snapshot: snapshot({ permissions: ['read', 'trade', 'withdraw'], ipEntries: [] }),
      context: context({ purpose: undefined, rotationDays: undefined }),
    },
    { snapshot: snapshot({ permissions: ['read', 'trade'], ipEntries: [] }), context: context({ rotationDays: 90 }) },
    { snapshot: snapshot({ ipEntries: [...publicIps(18), 'abc', '10.0.0.1', '*'] }), context: context() },
    {
      snapshot: snapshot({
        ipFieldFound: false,
        ipEntries: [],
        unreadPermissions: ['withdraw'],
        unknownPermissions: ['Earn'],
      }),
      context: context({ purpose: 'market-data' }),
    },
    // A page that shows more than KeyScope reads.
    { snapshot: snapshot({ capped: [{ part: 'ip-entries', limit: 100 }] }), context: context() },
    // An exchange that advises against a key type (Binance: HMAC).
    { snapshot: snapshot({ keyType: 'hmac' }), context: context({ rules: { discouragedKeyTypes: ['hmac'] } }) },
    // An organisation's managed policy, broken on every count.
    {
      snapshot: snapshot({ permissions: ['read', 'withdraw'], ipEntries: [] }),
      context: context({
        rotationDays: 90,
        policy: { forbidWithdraw: true, requireIpBinding: true, maxRotationDays: 30, lockSettings: false },
      }),
    },
  ].map((input) => ({ ...input, ips: parseAllowList(input.snapshot.ipEntries) }));

  const emitted = new Map<string, string>();
  for (const rule of RULES) {
    for (const input of inputs) {
      const found = rule.evaluate(input);
      if (found) emitted.set(rule.id, found.id);
    }
  }

  test.each(RULES.map((rule) => rule.id))('rule %s fires on the sample inputs and emits its own id', (id) => {
    expect(emitted.get(id)).toBe(id);
  });

  test.each(DESIGN_IDS)('%s', (id) => {
    expect(emitted.get(id)).toBe(id);
  });
});

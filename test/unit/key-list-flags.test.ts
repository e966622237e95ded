import { describe, expect, test } from 'vitest';
import { KEY_FLAGS, keyListFlags, type KeyFlag, type ListedKey } from '../../src/core/key-list-flags';
import type { ExchangeRules } from '../../src/core/types';
import { okx } from '../../src/exchanges/okx';

// Which flags a key listed on the exchange's page gets, on a given day. OKX rules: unbound keys with Trade or
// Withdraw are deleted after 14 idle days; read-only or IP-bound keys never expire.

const TODAY = '2026-11-26';

/** A clean starting point: a read-only key bound to an IP, created a month ago. Each row changes one thing. */
type Facts = Omit<ListedKey, 'name'>;

function key(overrides: Partial<Facts> = {}): Facts {
  return { permissions: ['read'], ipBound: true, created: '2026-10-26', ...overrides };
}

describe('keyListFlags with OKX rules, today 2026-11-26, 90-day interval', () => {
  test.each<[string, Facts, KeyFlag[]]>([
    ['read-only, bound, a month old: nothing', key(), []],
    ['read-only, unbound: not flagged (OKX never expires read-only keys)', key({ ipBound: false }), []],
    ['withdraw, bound', key({ permissions: ['read', 'withdraw'] }), ['withdraw']],
    [
      'withdraw, unbound: also the 14-day rule',
      key({ permissions: ['read', 'withdraw'], ipBound: false }),
      ['unbound-deadline', 'withdraw'],
    ],
    ['trade, bound: fine', key({ permissions: ['read', 'trade'] }), []],
    ['trade, unbound', key({ permissions: ['read', 'trade'], ipBound: false }), ['trade-unbound', 'unbound-deadline']],
    [
      'everything, unbound, old',
      key({ permissions: ['read', 'trade', 'withdraw'], ipBound: false, created: '2026-01-01' }),
      ['old', 'trade-unbound', 'unbound-deadline', 'withdraw'],
    ],
    ['no creation date shown: never old', key({ created: undefined }), []],
    ['created 91 days ago: old', key({ created: '2026-08-27' }), ['old']],
    ['created exactly 90 days ago: due today, not yet old', key({ created: '2026-08-28' }), []],
    ['created 89 days ago', key({ created: '2026-08-29' }), []],
    ['created in the future (clock skew): not old', key({ created: '2026-12-01' }), []],
  ])('%s', (_name, facts, expected) => {
    expect(keyListFlags(facts, { today: TODAY, rules: okx.rules })).toEqual(expected);
  });
});

describe("the interval and the rules are the caller's", () => {
  test.each<[number, string, boolean]>([
    [30, '2026-10-27', false],
    [30, '2026-10-26', true],
    [366, '2025-11-25', false],
    [366, '2025-11-24', true],
  ])('%i days, created %s: old = %s', (rotationDays, created, old) => {
    expect(keyListFlags(key({ created }), { today: TODAY, rules: okx.rules, rotationDays }).includes('old')).toBe(old);
  });

  test('a leap day: 2028-02-29 + 90 days is 2028-05-29', () => {
    expect(keyListFlags(key({ created: '2028-02-29' }), { today: '2028-05-29', rules: okx.rules })).toEqual([]);
    expect(keyListFlags(key({ created: '2028-02-29' }), { today: '2028-05-30', rules: okx.rules })).toEqual(['old']);
  });

  test.each<[string, ExchangeRules, Facts, KeyFlag[]]>([
    ['no unbound-key rule: no deadline flag', {}, key({ permissions: ['trade'], ipBound: false }), ['trade-unbound']],
    [
      'a rule for any key (empty permission list) flags an unbound read-only key',
      { unboundExpiry: { days: 90, idle: false, permissions: [], outcome: 'expired' } },
      key({ ipBound: false }),
      ['unbound-deadline'],
    ],
    [
      'the rule never applies to a bound key',
      { unboundExpiry: { days: 90, idle: false, permissions: [], outcome: 'expired' } },
      key(),
      [],
    ],
  ])('%s', (_name, rules, facts, expected) => {
    expect(keyListFlags(facts, { today: TODAY, rules })).toEqual(expected);
  });
});

test('flags come sorted, and KEY_FLAGS is sorted: data-flags needs no extra sort', () => {
  expect([...KEY_FLAGS].sort()).toEqual([...KEY_FLAGS]);
  const all = keyListFlags(key({ permissions: ['trade', 'withdraw'], ipBound: false, created: '2020-01-01' }), {
    today: TODAY,
    rules: okx.rules,
  });
  expect(all).toEqual([...KEY_FLAGS]);
});

import { describe, expect, test } from 'vitest';
import { exchangeDeadlineDays } from '../../src/core/rotation';
import type { EvaluationContext, KeyFormSnapshot } from '../../src/core/types';
import { adapterById } from '../../src/exchanges';
import type { ExchangeAdapter } from '../../src/exchanges/adapter';
import { binance } from '../../src/exchanges/binance';
import { bybit } from '../../src/exchanges/bybit';
import { htx } from '../../src/exchanges/htx';
import { mexc } from '../../src/exchanges/mexc';
import { findingOf, PUBLIC_IP, publicIps, snapshot } from './helpers';

// Each exchange's own rules (sources beside them in src/exchanges/<id>.ts) as the user meets them: through the findings on that exchange.

/** The user's answers on one exchange, judged with its real rules. */
function on(adapter: ExchangeAdapter, overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return { purpose: 'trading-bot', rotationDays: 30, exchangeName: adapter.name, rules: adapter.rules, ...overrides };
}

const unbound: Partial<KeyFormSnapshot> = { ipEntries: [] };

describe('Binance', () => {
  test('Withdraw: the finding says Binance refuses it without an IP restriction', () => {
    const f = findingOf(
      'scope.withdraw',
      snapshot({ exchange: 'binance', permissions: ['read', 'withdraw'] }),
      on(binance, { purpose: 'withdrawals' }),
    );
    expect(f?.why).toContain('Binance refuses Withdraw without an IP restriction.');
  });

  test.each([
    ['trade', ['read', 'trade']],
    ['futures', ['read', 'futures']],
    ['transfer', ['read', 'transfer']],
  ] as const)('unrestricted with %s: Binance will delete the key, and no date is made up', (_name, permissions) => {
    const f = findingOf(
      'exchange.unbound-expiry',
      snapshot({ exchange: 'binance', permissions: [...permissions], ...unbound }),
      on(binance),
    );
    expect(f).toMatchObject({ severity: 'info', title: 'Binance will remove this key' });
    expect(f?.why).toContain('will be deleted');
    expect(f?.why).toContain('gives no date');
    expect(`${f?.title} ${f?.why}`).not.toMatch(/\d+\s*days?/);
  });

  test('unrestricted with Reading alone, or restricted with Trade: no deletion', () => {
    expect(
      findingOf(
        'exchange.unbound-expiry',
        snapshot({ exchange: 'binance', ...unbound }),
        on(binance, { purpose: 'read-only' }),
      ),
    ).toBeUndefined();
    expect(
      findingOf(
        'exchange.unbound-expiry',
        snapshot({ exchange: 'binance', permissions: ['read', 'trade'] }),
        on(binance),
      ),
    ).toBeUndefined();
  });

  test('the deletion has no period, so it sets no rotation deadline', () => {
    expect(exchangeDeadlineDays(binance.rules, ['read', 'trade'], false)).toBeUndefined();
    expect(
      findingOf(
        'rotation.after-deadline',
        snapshot({ exchange: 'binance', permissions: ['read', 'trade'], ...unbound }),
        on(binance, { rotationDays: 366 }),
      ),
    ).toBeUndefined();
  });

  test('an HMAC key: low, Binance advises against it, Ed25519 is the way out', () => {
    const f = findingOf('exchange.key-type', snapshot({ exchange: 'binance', keyType: 'hmac' }), on(binance));
    expect(f).toMatchObject({
      severity: 'low',
      step: 'scope',
      title: 'Binance advises against HMAC keys',
      blocking: true,
    });
    expect(f?.why).toContain('not recommended');
    expect(f?.fix).toContain('Choose Ed25519');
  });

  test.each(['ed25519', 'rsa'] as const)('a %s key: no key-type finding', (keyType) => {
    expect(findingOf('exchange.key-type', snapshot({ exchange: 'binance', keyType }), on(binance))).toBeUndefined();
  });

  test('a key type on an exchange that advises nothing about it: no finding', () => {
    expect(findingOf('exchange.key-type', snapshot({ exchange: 'bybit', keyType: 'hmac' }), on(bybit))).toBeUndefined();
  });
});

describe('unbound keys removed after 90 days', () => {
  test.each([
    ['Bybit', bybit],
    ['MEXC', mexc],
  ] as const)('%s: 90 days from creation, whatever the permissions (read-only too)', (name, adapter) => {
    const f = findingOf(
      'exchange.unbound-expiry',
      snapshot({ exchange: adapter.id, ...unbound }),
      on(adapter, { purpose: 'read-only' }),
    );
    expect(f?.title).toBe(`${name} will remove this key 90 days after creation`);
    expect(exchangeDeadlineDays(adapter.rules, ['read'], false)).toBe(90);
    expect(findingOf('exchange.unbound-expiry', snapshot({ exchange: adapter.id }), on(adapter))).toBeUndefined();
  });

  test('HTX: 90 days without use, only with Trade or Withdraw', () => {
    const trade = findingOf(
      'exchange.unbound-expiry',
      snapshot({ exchange: 'htx', permissions: ['read', 'trade'], ...unbound }),
      on(htx),
    );
    expect(trade?.title).toBe('HTX will remove this key after 90 days without use');
    expect(trade?.why).toContain('deactivated');
    expect(
      findingOf(
        'exchange.unbound-expiry',
        snapshot({ exchange: 'htx', ...unbound }),
        on(htx, { purpose: 'read-only' }),
      ),
    ).toBeUndefined();
  });

  test('a 120-day reminder on an unbound Bybit key comes after its 90-day limit', () => {
    const f = findingOf(
      'rotation.after-deadline',
      snapshot({ exchange: 'bybit', permissions: ['read', 'trade'], ...unbound }),
      on(bybit, { rotationDays: 120 }),
    );
    expect(f?.title).toBe("Reminder in 120 days comes after Bybit's 90-day limit");
  });
});

describe('the most IP entries each exchange accepts', () => {
  test.each([
    ['okx', 20],
    ['binance', 30],
    ['kucoin', 20],
    ['htx', 20],
    ['mexc', 10],
  ] as const)('%s: %i entries pass, one more is too many', (id, max) => {
    const adapter = adapterById(id)!;
    expect(
      findingOf('ip.too-many', snapshot({ exchange: id, ipEntries: publicIps(max) }), on(adapter)),
    ).toBeUndefined();
    expect(
      findingOf('ip.too-many', snapshot({ exchange: id, ipEntries: publicIps(max + 1) }), on(adapter))?.title,
    ).toBe(`${max + 1} entries; ${adapter.name} accepts at most ${max}`);
  });

  test.each(['bybit', 'coinbase', 'kraken', 'bitget', 'gate'])(
    '%s: the limit is unknown, so no entry count is flagged',
    (id) => {
      const adapter = adapterById(id)!;
      expect(adapter.rules.maxIps).toBeUndefined();
      expect(
        findingOf('ip.too-many', snapshot({ exchange: id, ipEntries: publicIps(60) }), on(adapter)),
      ).toBeUndefined();
    },
  );
});

test('exchanges whose unbound-key and withdraw rules are unknown claim none', () => {
  // KuCoin (30 idle days, trade keys) and Gate (90 days) state theirs: see their adapters and evidence tests.
  for (const id of ['coinbase', 'kraken', 'bitget']) {
    const { rules } = adapterById(id)!;
    expect(rules.unboundExpiry, id).toBeUndefined();
    expect(rules.unboundDeletion, id).toBeUndefined();
    expect(rules.withdrawNeedsIp, id).toBeUndefined();
    expect(
      findingOf(
        'exchange.unbound-expiry',
        snapshot({ exchange: id, permissions: ['read', 'trade', 'withdraw'], ipEntries: [] }),
        on(adapterById(id)!),
      ),
    ).toBeUndefined();
  }
});

test('a bound Binance key with Withdraw: still critical for a bot, and no deletion', () => {
  const ctx = on(binance);
  const snap = snapshot({ exchange: 'binance', permissions: ['read', 'trade', 'withdraw'], ipEntries: [PUBLIC_IP] });
  expect(findingOf('scope.withdraw', snap, ctx)?.severity).toBe('critical');
  expect(findingOf('exchange.unbound-expiry', snap, ctx)).toBeUndefined();
});

import { describe, expect, test } from 'vitest';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import { kraken } from '../../src/exchanges/kraken';
import { okx } from '../../src/exchanges/okx';
import { context, findingOf, snapshot } from './helpers';

// The rules behind what the real pages hold: a permission nobody named (form.permission-unknown), a key the exchange
// binds to a partner's servers, and the exchange's own key expiry.

const ids = (snap = snapshot(), ctx = context()) => evaluate(snap, ctx).map((f) => f.id);

describe('form.permission-unknown', () => {
  test('a control that is on and that KeyScope cannot name is high, blocks "Ready", and is named as the page shows it', () => {
    const clean = snapshot();
    expect(verdictOf(evaluate(clean, context())).ready).toBe(true);
    const found = findingOf('form.permission-unknown', snapshot({ unknownPermissions: ['Earn'] }), context());
    expect(found).toMatchObject({ severity: 'high', blocking: true, step: 'scope' });
    expect(found!.title).toBe('KeyScope does not know this permission, and it is on: “Earn”');
    expect(found!.fix).toMatch(/Find out what it allows/);
    expect(verdictOf(evaluate(snapshot({ unknownPermissions: ['Earn'] }), context())).ready).toBe(false);
  });

  test('several are listed; a control with no text is still reported', () => {
    const found = findingOf('form.permission-unknown', snapshot({ unknownPermissions: ['Earn', ''] }), context());
    expect(found!.title).toBe(
      'KeyScope does not know these permissions, and they are on: “Earn”, a switch with no name',
    );
  });

  test('an empty list is no finding', () => {
    expect(ids(snapshot({ unknownPermissions: [] }))).not.toContain('form.permission-unknown');
  });
});

describe('form.read-capped', () => {
  test('a page that showed more than KeyScope reads: high, blocks "Ready", says how much was read and to check the rest', () => {
    const capped = snapshot({
      capped: [
        { part: 'ip-entries', limit: 100 },
        { part: 'key-name', limit: 200 },
      ],
    });
    const found = findingOf('form.read-capped', capped, context());
    expect(found).toMatchObject({ severity: 'high', blocking: true, step: 'ip' });
    expect(found!.title).toBe('KeyScope read only part of this form');
    expect(found!.why).toBe(
      'The page lists more IP entries than KeyScope reads: it read only the first 100. The key name is longer than KeyScope keeps: it read only its first 200 characters.',
    );
    expect(found!.fix).toMatch(/^Check the rest on the exchange's form yourself/);
    expect(verdictOf(evaluate(capped, context())).ready).toBe(false);
  });

  test('the step is the earliest one cut short; nothing capped is no finding', () => {
    const unknown = snapshot({
      capped: [
        { part: 'ip-entry', limit: 64 },
        { part: 'unknown-permissions', limit: 20 },
      ],
    });
    expect(findingOf('form.read-capped', unknown, context())).toMatchObject({ step: 'scope' });
    expect(ids(snapshot({ capped: [] }))).not.toContain('form.read-capped');
    expect(ids()).not.toContain('form.read-capped');
  });
});

describe('a key the exchange binds to a partner', () => {
  const partner = {
    partnerBinding: { choice: 'Binding third-party apps', partner: '3Commas' },
    ipEntries: [],
    ipFieldFound: false,
  };

  test('no IP field on purpose: neither ip.missing nor form.ip-unreadable nor the unbound deadline', () => {
    const trade = snapshot({ permissions: ['read', 'trade'], ...partner });
    const found = ids(trade, context({ purpose: 'trading-bot' }));
    expect(found).not.toContain('ip.missing');
    expect(found).not.toContain('form.ip-unreadable');
    expect(found).not.toContain('exchange.unbound-expiry');
    expect(verdictOf(evaluate(trade, context({ purpose: 'trading-bot' }))).ready).toBe(true);
  });

  test('without the partner binding, the same form is unreadable and unbound: the rule is what changes it', () => {
    const trade = snapshot({ permissions: ['read', 'trade'], ipEntries: [], ipFieldFound: false });
    expect(ids(trade, context({ purpose: 'trading-bot' }))).toEqual(
      expect.arrayContaining(['form.ip-unreadable', 'exchange.unbound-expiry']),
    );
    const withField = snapshot({ permissions: ['read', 'trade'], ipEntries: [] });
    expect(ids(withField, context({ purpose: 'trading-bot' }))).toContain('ip.missing');
  });

  test('withdraw stays critical on a partner key', () => {
    const withdraw = snapshot({ permissions: ['read', 'withdraw'], ...partner });
    expect(findingOf('scope.withdraw', withdraw, context())?.severity).toBe('critical');
  });
});

describe("the exchange's own key expiry", () => {
  test('an expiry chosen on the form counts as the rotation plan', () => {
    const noPlan = context({ rotationDays: undefined, exchangeName: kraken.name, rules: kraken.rules });
    expect(ids(snapshot({ exchange: 'kraken' }), noPlan)).toContain('rotation.none');
    expect(ids(snapshot({ exchange: 'kraken', keyExpiryDays: 90 }), noPlan)).not.toContain('rotation.none');
  });

  test('where the exchange offers one, the advice suggests it', () => {
    const offers = context({
      rotationDays: undefined,
      exchangeName: 'Kraken',
      rules: { ...okx.rules, offersKeyExpiry: true },
    });
    expect(findingOf('rotation.none', snapshot(), offers)?.fix).toMatch(/^Choose an expiry on Kraken's form/);
    const doesNot = context({ rotationDays: undefined, rules: { ...okx.rules, offersKeyExpiry: false } });
    expect(findingOf('rotation.none', snapshot(), doesNot)?.fix).toMatch(/^Choose when KeyScope reminds you/);
  });
});

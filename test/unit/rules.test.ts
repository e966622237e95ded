import { describe, expect, test } from 'vitest';
import { evaluate, verdictOf, verdictText } from '../../src/core/evaluate';
import { text } from '../../src/core/text';
import { say } from '../../src/i18n';
import { finding } from '../../src/core/finding';
import { worstRisk } from '../../src/core/severity';
import type { EvaluationContext, Finding, KeyFormSnapshot, Severity } from '../../src/core/types';
import { okx } from '../../src/exchanges/okx';
import { context, findingOf, PUBLIC_IP, PUBLIC_IP_2, publicIps, snapshot } from './helpers';

const unbound = { ipEntries: [] };
const bot = context({ purpose: 'trading-bot' });
const payouts = context({ purpose: 'withdrawals' });

test('baseline: a read-only key bound to a public IP, with a reminder, has no findings', () => {
  expect(evaluate(snapshot(), context())).toEqual([]);
});

describe('each finding appears with its severity', () => {
  const cases: [string, Severity, string, KeyFormSnapshot, EvaluationContext][] = [
    ['purpose.unset', 'info', 'no purpose chosen', snapshot(), context({ purpose: undefined })],
    ['purpose.no-key-needed', 'medium', 'market data', snapshot(), context({ purpose: 'market-data' })],
    [
      'scope.withdraw',
      'critical',
      'trading bot with Withdraw',
      snapshot({ permissions: ['read', 'trade', 'withdraw'] }),
      bot,
    ],
    [
      'scope.withdraw',
      'critical',
      'no purpose, Withdraw',
      snapshot({ permissions: ['withdraw'] }),
      context({ purpose: undefined }),
    ],
    [
      'scope.withdraw',
      'critical',
      'payouts, unbound',
      snapshot({ permissions: ['read', 'withdraw'], ...unbound }),
      payouts,
    ],
    [
      'scope.withdraw',
      'critical',
      'payouts, a private IP beside a public one',
      snapshot({ permissions: ['withdraw'], ipEntries: [PUBLIC_IP, '10.0.0.1'] }),
      payouts,
    ],
    [
      'scope.withdraw',
      'critical',
      'payouts, a /16',
      snapshot({ permissions: ['withdraw'], ipEntries: ['8.8.0.0/16'] }),
      payouts,
    ],
    [
      'scope.withdraw',
      'critical',
      'payouts, an invalid entry beside a public one',
      snapshot({ permissions: ['withdraw'], ipEntries: [PUBLIC_IP, 'abc'] }),
      payouts,
    ],
    [
      'scope.withdraw',
      'high',
      'payouts, public IPs only',
      snapshot({ permissions: ['read', 'withdraw'], ipEntries: [PUBLIC_IP, PUBLIC_IP_2] }),
      payouts,
    ],
    ['scope.excess', 'high', 'tracker with Trade', snapshot({ permissions: ['read', 'trade'] }), context()],
    ['scope.excess', 'high', 'bot with transfer', snapshot({ permissions: ['read', 'trade', 'transfer'] }), bot],
    ['scope.excess', 'high', 'payouts with Trade', snapshot({ permissions: ['read', 'trade', 'withdraw'] }), payouts],
    ['ip.missing', 'high', 'unbound Trade', snapshot({ permissions: ['read', 'trade'], ...unbound }), bot],
    ['ip.missing', 'high', 'unbound Withdraw', snapshot({ permissions: ['withdraw'], ...unbound }), payouts],
    [
      'ip.missing',
      'high',
      'unbound transfer',
      snapshot({ permissions: ['transfer'], ...unbound }),
      context({ purpose: 'other' }),
    ],
    [
      'ip.missing',
      'high',
      'Trade with only invalid entries',
      snapshot({ permissions: ['trade'], ipEntries: ['abc'] }),
      bot,
    ],
    ['ip.missing', 'medium', 'unbound read-only', snapshot(unbound), context()],
    ['form.ip-unreadable', 'medium', 'IP field not found', snapshot({ ipFieldFound: false, ...unbound }), context()],
    [
      'form.permission-unreadable',
      'high',
      "Withdraw's state unread",
      snapshot({ unreadPermissions: ['withdraw'] }),
      context(),
    ],
    [
      'form.permission-unreadable',
      'high',
      'Trade and Read unread',
      snapshot({ permissions: [], unreadPermissions: ['read', 'trade'] }),
      bot,
    ],
    [
      'form.permission-unreadable',
      'medium',
      'only Read unread',
      snapshot({ permissions: [], unreadPermissions: ['read'] }),
      context(),
    ],
    [
      'ip.invalid',
      'high',
      'a host name beside a public IP',
      snapshot({ ipEntries: [PUBLIC_IP, 'my-server.example.com'] }),
      context(),
    ],
    ['ip.private', 'medium', 'a LAN address', snapshot({ ipEntries: ['192.168.1.1'] }), context()],
    ['ip.broad', 'high', 'a /16', snapshot({ ipEntries: ['8.8.0.0/16'] }), context()],
    ['ip.broad', 'high', 'a star', snapshot({ ipEntries: ['*'] }), context()],
    ['ip.too-many', 'medium', '21 entries on OKX', snapshot({ ipEntries: publicIps(21) }), context()],
    ['rotation.none', 'medium', 'no reminder', snapshot(), context({ rotationDays: undefined })],
    [
      'rotation.after-deadline',
      'low',
      '90 days on an unbound OKX Trade key',
      snapshot({ permissions: ['read', 'trade'], ...unbound }),
      context({ purpose: 'trading-bot', rotationDays: 90 }),
    ],
    [
      'rotation.after-deadline',
      'low',
      '15 days on an unbound OKX Trade key',
      snapshot({ permissions: ['read', 'trade'], ...unbound }),
      context({ purpose: 'trading-bot', rotationDays: 15 }),
    ],
    [
      'exchange.unbound-expiry',
      'info',
      'unbound Trade on OKX',
      snapshot({ permissions: ['read', 'trade'], ...unbound }),
      bot,
    ],
    [
      'exchange.unbound-expiry',
      'info',
      'unbound Withdraw on OKX',
      snapshot({ permissions: ['withdraw'], ...unbound }),
      payouts,
    ],
    [
      'exchange.unbound-expiry',
      'info',
      'Trade with only invalid entries',
      snapshot({ permissions: ['trade'], ipEntries: ['abc'] }),
      bot,
    ],
  ];
  test.each(cases)('%s is %s: %s', (id, severity, _name, snap, ctx) => {
    expect(findingOf(id, snap, ctx)?.severity).toBe(severity);
  });
});

describe('each finding stays away when its cause is absent', () => {
  const cases: [string, string, KeyFormSnapshot, EvaluationContext][] = [
    ['purpose.no-key-needed', 'read-only purpose', snapshot(), context()],
    ['scope.withdraw', 'bot without Withdraw', snapshot({ permissions: ['read', 'trade'] }), bot],
    ['scope.excess', 'tracker with Read only', snapshot(), context()],
    [
      'scope.excess',
      'bot with everything a bot may need',
      snapshot({ permissions: ['read', 'trade', 'futures', 'margin', 'options'] }),
      bot,
    ],
    ['scope.excess', 'payouts with Read and Withdraw', snapshot({ permissions: ['read', 'withdraw'] }), payouts],
    [
      'scope.excess',
      'tracker with Withdraw (judged by scope.withdraw)',
      snapshot({ permissions: ['read', 'withdraw'] }),
      context(),
    ],
    ['scope.excess', 'no purpose yet', snapshot({ permissions: ['read', 'trade'] }), context({ purpose: undefined })],
    ['ip.missing', 'bound Trade', snapshot({ permissions: ['read', 'trade'] }), bot],
    ['ip.missing', 'IP field not found', snapshot({ ipFieldFound: false, ...unbound }), context()],
    ['form.ip-unreadable', 'IP field found but empty', snapshot(unbound), context()],
    ['form.permission-unreadable', 'every permission read', snapshot({ permissions: ['read', 'trade'] }), bot],
    ['form.permission-unreadable', 'an empty list', snapshot({ unreadPermissions: [] }), context()],
    [
      'ip.invalid',
      'public, private and broad entries',
      snapshot({ ipEntries: [PUBLIC_IP, '10.0.0.1', '8.8.0.0/16'] }),
      context(),
    ],
    ['ip.private', 'public entries', snapshot({ ipEntries: [PUBLIC_IP, '2001:4860::/48'] }), context()],
    ['ip.broad', 'a /24 and a /48', snapshot({ ipEntries: ['8.8.8.0/24', '2001:4860::/48'] }), context()],
    ['ip.too-many', '20 entries on OKX', snapshot({ ipEntries: publicIps(20) }), context()],
    ['rotation.none', '30-day reminder', snapshot(), context({ rotationDays: 30 })],
    [
      'rotation.after-deadline',
      '14 days on an unbound OKX Trade key',
      snapshot({ permissions: ['trade'], ...unbound }),
      context({ purpose: 'trading-bot', rotationDays: 14 }),
    ],
    ['rotation.after-deadline', '90 days on a bound Trade key', snapshot({ permissions: ['trade'] }), bot],
    ['rotation.after-deadline', '90 days on an unbound read-only key', snapshot(unbound), context()],
    ['exchange.unbound-expiry', 'unbound read-only key', snapshot(unbound), context()],
    ['exchange.unbound-expiry', 'bound Trade key', snapshot({ permissions: ['read', 'trade'] }), bot],
  ];
  test.each(cases)('no %s: %s', (id, _name, snap, ctx) => {
    expect(evaluate(snap, ctx).map((f) => f.id)).not.toContain(id);
  });
});

describe('what the findings say', () => {
  test('purpose.unset blocks "Ready to create" although it is info; exchange.unbound-expiry does not', () => {
    const findings = evaluate(snapshot({ permissions: ['trade'], ...unbound }), context({ purpose: undefined }));
    expect(findings.find((f) => f.id === 'purpose.unset')?.blocking).toBe(true);
    expect(findings.find((f) => f.id === 'exchange.unbound-expiry')?.blocking).toBe(false);
  });

  test('scope.excess names every excess permission and adds the OKX Trade note', () => {
    const f = findingOf(
      'scope.excess',
      snapshot({ permissions: ['read', 'trade', 'transfer', 'withdraw'] }),
      context(),
    );
    expect(f?.title).toBe('More permission than "Read-only tracking (portfolio, tax)" needs: Trade, Transfer');
    expect(f?.fix).toBe('Untick Trade, Transfer.');
    expect(f?.why).toContain('On OKX, Trade also allows funding transfers between your accounts, not only orders.');
  });

  test('scope.excess leaves the OKX Trade note out when Trade is not excess', () => {
    const f = findingOf('scope.excess', snapshot({ permissions: ['read', 'trade', 'transfer'] }), bot);
    expect(f?.fix).toBe('Untick Transfer.');
    expect(f?.why).not.toContain('funding transfers');
  });

  test('scope.withdraw says so when the exchange refuses Withdraw without IPs', () => {
    const strict = context({ rules: { ...okx.rules, withdrawNeedsIp: true } });
    expect(findingOf('scope.withdraw', snapshot({ permissions: ['withdraw'] }), strict)?.why).toContain(
      'OKX refuses Withdraw',
    );
    expect(findingOf('scope.withdraw', snapshot({ permissions: ['withdraw'] }), context())?.why).not.toContain(
      'refuses',
    );
  });

  test.each([
    ['ip.invalid', [PUBLIC_IP, 'abc', '1.2.3'], 'abc, 1.2.3'],
    ['ip.invalid', ['a', 'b', 'c', 'd', 'e'], 'a, b, c and 2 more'],
    ['ip.private', [PUBLIC_IP, '192.168.1.1', '::1'], '192.168.1.1, ::1'],
    ['ip.broad', [PUBLIC_IP, '*', '8.8.0.0/16'], '*, 8.8.0.0/16'],
  ])('%s names the entries %j as "%s"', (id, ipEntries, named) => {
    const title = findingOf(id, snapshot({ ipEntries }), context())?.title;
    expect(title?.slice(title.indexOf(': ') + 2)).toBe(named);
  });

  test("ip.too-many gives the count and OKX's limit", () => {
    expect(findingOf('ip.too-many', snapshot({ ipEntries: publicIps(21) }), context())?.title).toBe(
      '21 entries; OKX accepts at most 20',
    );
  });

  test("exchange.unbound-expiry and rotation.after-deadline give OKX's 14 idle days", () => {
    const findings = evaluate(snapshot({ permissions: ['trade'], ...unbound }), bot);
    expect(say(findings.find((f) => f.id === 'exchange.unbound-expiry')!.title)).toBe(
      'OKX will remove this key after 14 days without use',
    );
    expect(say(findings.find((f) => f.id === 'rotation.after-deadline')!.fix)).toContain('Choose 14 days or less');
  });
});

describe('order and verdict', () => {
  test('worst first, then in path order (purpose, scope, ip, rotation)', () => {
    const findings = evaluate(
      snapshot({ permissions: ['read', 'trade', 'withdraw'], ...unbound }),
      context({ purpose: undefined, rotationDays: undefined }),
    );
    expect(findings.map((f) => f.id)).toEqual([
      'scope.withdraw',
      'ip.missing',
      'rotation.none',
      'purpose.unset',
      'exchange.unbound-expiry',
    ]);
  });

  // That this order does not come from the registration order: test/unit/evaluate-order.test.ts.
  test.each([
    ['nothing to fix', snapshot(), context(), 'Ready to create', 'none'],
    [
      'only the purpose missing (info, but blocking)',
      snapshot(),
      context({ purpose: undefined }),
      'Stop: 1 thing to fix',
      'info',
    ],
    ['only the reminder missing', snapshot(), context({ rotationDays: undefined }), 'Stop: 1 thing to fix', 'medium'],
    [
      'excess Trade, no IP, no reminder (and an info finding)',
      snapshot({ permissions: ['read', 'trade'], ...unbound }),
      context({ rotationDays: undefined }),
      'Stop: 3 things to fix',
      'high',
    ],
  ])('%s: "%s"', (_name, snap, ctx, text, risk) => {
    const verdict = verdictOf(evaluate(snap, ctx));
    expect(say(verdictText(verdict))).toBe(text);
    expect(verdict.ready).toBe(text === 'Ready to create');
    expect(verdict.risk).toBe(risk);
  });

  test('the verdict lists the finding ids sorted, for data-findings', () => {
    const verdict = verdictOf(
      evaluate(snapshot({ permissions: ['read', 'trade'], ...unbound }), context({ rotationDays: undefined })),
    );
    expect(verdict.ids).toEqual(['exchange.unbound-expiry', 'ip.missing', 'rotation.none', 'scope.excess']);
    expect(verdict.toFix).toBe(3);
  });

  test('a non-blocking info finding alone still reads "Ready to create"', () => {
    const note = finding({
      id: 'exchange.unbound-expiry',
      severity: 'info',
      step: 'ip',
      title: text('none'),
      why: text('none'),
      fix: text('none'),
    });
    expect(say(verdictText(verdictOf([note])))).toBe('Ready to create');
  });
});

describe('worstRisk', () => {
  const of = (...severities: Severity[]): Finding[] =>
    severities.map((severity) =>
      finding({ id: `x.${severity}`, severity, step: 'ip', title: text('none'), why: text('none'), fix: text('none') }),
    );
  test.each([
    [[], 'none'],
    [['info'], 'info'],
    [['info', 'low'], 'low'],
    [['medium', 'critical', 'high'], 'critical'],
    [['high', 'medium', 'info'], 'high'],
  ] as [Severity[], string][])('%j → %s', (severities, risk) => {
    expect(worstRisk(of(...severities))).toBe(risk);
  });
});

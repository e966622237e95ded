import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import { isBound } from '../../src/core/ip-binding';
import { parsePolicy, type ManagedPolicy } from '../../src/core/policy';
import { classifyIpEntry, parseAllowList, splitAllowList, type IpEntryKind } from '../../src/core/ip-allowlist';
import { severityRank, worstRisk } from '../../src/core/severity';
import { text } from '../../src/core/text';
import { say } from '../../src/i18n';
import {
  KEY_TYPES,
  PERMISSIONS,
  PURPOSES,
  type EvaluationContext,
  type ExchangeRules,
  type KeyFormSnapshot,
  type Permission,
  type Risk,
} from '../../src/core/types';
import { ADAPTERS } from '../../src/exchanges';

// Properties the table-driven tests (rules.test.ts, ip-allowlist.test.ts) cannot cover one case at a time: whatever
// the page or the user typed, IP parsing and evaluate() never throw, and the risk moves the right way when a key
// gains a permission or an IP binding. fast-check prints the seed and the shrunk counterexample on failure; replay
// one with `fc.assert(…, { seed, path })`.

const KINDS: readonly IpEntryKind[] = ['public', 'private', 'broad', 'invalid'];

// ---- Allow-list entries -------------------------------------------------------------------------------------------

/** Public unicast addresses (ipaddr.js calls the documentation ranges reserved, so none of those here). */
const PUBLIC_ADDRESSES = [
  '8.8.8.8',
  '1.1.1.1',
  '9.9.9.9',
  '151.101.1.69',
  '140.82.112.3',
  '52.95.110.1',
  '185.199.108.153',
  '2001:4860:4860::8888',
  '2606:4700:4700::1111',
  '2a00:1450:4001:82b::200e',
  '::ffff:8.8.4.4',
] as const;

const publicEntry = fc.oneof(
  fc.constantFrom(...PUBLIC_ADDRESSES),
  fc
    .tuple(fc.constantFrom('8.8.8.0', '1.1.1.0', '151.101.1.0'), fc.integer({ min: 24, max: 32 }))
    .map(([a, n]) => `${a}/${n}`),
  fc
    .tuple(fc.constantFrom('2001:4860:4860::', '2606:4700::'), fc.integer({ min: 48, max: 128 }))
    .map(([a, n]) => `${a}/${n}`),
);
const privateEntry = fc.constantFrom(
  '10.0.0.1',
  '172.16.5.4',
  '192.168.1.1',
  '192.168.1.0/24',
  '127.0.0.1',
  '169.254.10.20',
  '100.64.0.1',
  '203.0.113.7',
  '198.51.100.0/24',
  '::1',
  'fe80::1',
  'fc00::1',
  '2001:db8::10',
  '::ffff:192.168.1.1',
);
const broadEntry = fc.oneof(
  fc.constantFrom('*', 'any', 'ALL', '0.0.0.0', '0.0.0.0/0', '::', '::/0'),
  fc
    .tuple(fc.constantFrom('8.8.0.0', '10.0.0.0', '1.0.0.0'), fc.integer({ min: 0, max: 23 }))
    .map(([a, n]) => `${a}/${n}`),
  fc.tuple(fc.constantFrom('2001:4860::', '2606::'), fc.integer({ min: 0, max: 47 })).map(([a, n]) => `${a}/${n}`),
);
/** Near misses a user types, then anything at all: every Unicode code point, lone surrogates included. */
const garbageEntry = fc.oneof(
  fc.constantFrom(
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4/33',
    '01.2.3.4',
    '0x8.8.8.8',
    '8.8.8.8/',
    '8.8.8.8/24/1',
    'fe80::1%eth0',
    'localhost',
    '８.８.８.８',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.stringMatching(/^[0-9a-fA-F:./]{1,24}$/),
);
/**
 * Allow-lists: empty, clean (public addresses only) or a mix of every kind, up to more entries than OKX's 20 so that
 * the too-many rule runs too. Weighted so that low-risk keys are common: a property about the risk going up or down
 * says little if nearly every case is already critical.
 */
const mixedEntries = fc.oneof(
  { arbitrary: fc.constant<string[]>([]), weight: 2 },
  { arbitrary: fc.array(publicEntry, { minLength: 1, maxLength: 4 }), weight: 3 },
  { arbitrary: fc.array(fc.oneof(publicEntry, privateEntry, broadEntry, garbageEntry), { maxLength: 24 }), weight: 3 },
);

/** Text shaped like an address: digits, hex letters, dots, colons and prefixes. */
const ipShaped = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4Extended(),
  fc.tuple(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({ min: 0, max: 200 })).map(([a, n]) => `${a}/${n}`),
  fc.stringMatching(/^[0-9a-fA-F:./]{1,40}$/),
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  ipShaped,
  mixedEntries.map((e) => e.join(', ')),
);

// ---- Snapshots and contexts ---------------------------------------------------------------------------------------

const permissionSet = fc.subarray([...PERMISSIONS]);
const purpose = fc.option(fc.constantFrom(...PURPOSES), { nil: undefined });
const rotationDays = fc.option(fc.oneof(fc.integer({ min: -30, max: 1000 }), fc.double()), { nil: undefined });
/** No policy, or an organisation's policy as the parser lets it through: any mix of the fields, valid or not. */
const managedPolicy: fc.Arbitrary<ManagedPolicy | undefined> = fc
  .record(
    {
      forbidWithdraw: fc.oneof(fc.boolean(), fc.anything()),
      requireIpBinding: fc.oneof(fc.boolean(), fc.anything()),
      maxRotationDays: fc.oneof(fc.integer({ min: 1, max: 366 }), fc.anything()),
      lockSettings: fc.boolean(),
      message: fc.string({ maxLength: 40 }),
    },
    { requiredKeys: [] },
  )
  .map((raw) => parsePolicy(raw).policy);

/** Rules of the documented shape with any values: an adapter added tomorrow may have any of them. */
const anyRules: fc.Arbitrary<ExchangeRules> = fc.record(
  {
    maxIps: fc.integer({ min: 0, max: 30 }),
    unboundExpiry: fc.record({
      days: fc.integer({ min: 0, max: 400 }),
      idle: fc.boolean(),
      permissions: fc.subarray([...PERMISSIONS]),
      outcome: fc.constantFrom('deleted', 'expired', 'deactivated'),
    }),
    unboundDeletion: fc.record({
      permissions: fc.subarray([...PERMISSIONS]),
      outcome: fc.constantFrom('deleted', 'expired', 'deactivated'),
    }),
    withdrawNeedsIp: fc.boolean(),
    permissionNotes: fc.dictionary(
      fc.constantFrom(...PERMISSIONS),
      fc.constantFrom(text('note_okx_trade'), text('note_coinbase_transfer')),
    ),
    recommendedKeyType: fc.constantFrom(...KEY_TYPES),
    discouragedKeyTypes: fc.subarray([...KEY_TYPES]),
  },
  { requiredKeys: [] },
);

/** What evaluate() takes from an adapter. */
interface Exchange {
  id: string;
  name: string;
  rules: ExchangeRules;
}

/** Each registered adapter with its own rules, then rules of any shape. */
const exchanges: Array<[string, fc.Arbitrary<Exchange>]> = [
  ...ADAPTERS.map((a): [string, fc.Arbitrary<Exchange>] => [
    `${a.id} rules`,
    fc.constant({ id: a.id, name: a.name, rules: a.rules }),
  ]),
  ['any rules', anyRules.map((rules) => ({ id: 'any', name: 'Any', rules }))],
];

interface Case {
  snapshot: KeyFormSnapshot;
  context: EvaluationContext;
}

function cases(exchange: fc.Arbitrary<Exchange>, entries = mixedEntries): fc.Arbitrary<Case> {
  return fc
    .record({
      exchange,
      permissions: permissionSet,
      ipEntries: entries,
      ipFieldFound: fc.boolean(),
      keyName: fc.string({ maxLength: 20 }),
      keyType: fc.option(fc.constantFrom(...KEY_TYPES), { nil: undefined }),
      purpose,
      rotationDays,
      policy: managedPolicy,
    })
    .map(({ exchange: ex, purpose: p, rotationDays: days, keyType, policy, ...snap }) => ({
      snapshot: { exchange: ex.id, ...snap, ...(keyType ? { keyType } : {}) },
      context: {
        purpose: p,
        rotationDays: days,
        exchangeName: ex.name,
        rules: ex.rules,
        ...(policy ? { policy } : {}),
      },
    }));
}

/** Rank of a risk: `none` below every severity. */
function rank(risk: Risk): number {
  return risk === 'none' ? -1 : severityRank(risk);
}

function riskOf({ snapshot, context }: Case): Risk {
  return worstRisk(evaluate(snapshot, context));
}

/** The permission set with one more, in canonical order as readForm reports it. */
function withPermission(permissions: readonly Permission[], added: Permission): Permission[] {
  return PERMISSIONS.filter((p) => p === added || permissions.includes(p));
}

// ---- IP parsing ---------------------------------------------------------------------------------------------------

describe('IP allow-list parsing, whatever is typed', () => {
  test('splitAllowList never throws and returns the non-empty runs between separators, in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const entries = splitAllowList(text);
        let from = 0;
        for (const entry of entries) {
          expect(entry).not.toBe('');
          expect(entry).not.toMatch(/[\s,]/u);
          const at = text.indexOf(entry, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + entry.length;
        }
        expect(entries.join('')).toBe(text.replace(/[\s,]+/gu, ''));
      }),
      { numRuns: 500 },
    );
  });

  test('entries joined by any separators split back into the same entries', () => {
    const entry = fc
      .oneof(publicEntry, privateEntry, broadEntry, garbageEntry)
      .filter((e) => e !== '' && !/[\s,]/u.test(e));
    const separator = fc.constantFrom(' ', ',', ', ', '\n', '\r\n', '\t', '\u00a0', '\u3000', ' ,, ');
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, separator), { maxLength: 12 }), (pairs) => {
        const text = pairs.map(([e, s]) => `${e}${s}`).join('');
        expect(splitAllowList(text)).toEqual(pairs.map(([e]) => e));
      }),
      { numRuns: 300 },
    );
  });

  test('classifyIpEntry never throws, keeps the text and gives one of the four kinds', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const entry = classifyIpEntry(text);
        expect(entry.text).toBe(text);
        expect(KINDS).toContain(entry.kind);
      }),
      { numRuns: 1000 },
    );
  });

  test('parseAllowList never throws and keeps every entry, in order, with its text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 30 }), (entries) => {
        const parsed = parseAllowList(entries);
        expect(parsed.map((e) => e.text)).toEqual(entries);
      }),
      { numRuns: 300 },
    );
  });

  test('classifying is deterministic: the same entry gets the same kind alone, in any list and any order', () => {
    const listAndOrder = fc.array(anyText, { minLength: 1, maxLength: 20 }).chain((entries) =>
      fc.tuple(
        fc.constant(entries),
        fc.shuffledSubarray(
          entries.map((_, i) => i),
          { minLength: entries.length },
        ),
      ),
    );
    fc.assert(
      fc.property(listAndOrder, ([entries, order]) => {
        const alone = entries.map((e) => classifyIpEntry(e).kind);
        expect(parseAllowList(entries).map((e) => e.kind)).toEqual(alone);
        expect(parseAllowList(order.map((i) => entries[i]!)).map((e) => e.kind)).toEqual(order.map((i) => alone[i]));
        expect(entries.map((e) => classifyIpEntry(e).kind)).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });

  test('generated entries are classified as their kind', () => {
    fc.assert(
      fc.property(publicEntry, (e) => {
        expect(classifyIpEntry(e).kind).toBe('public');
      }),
    );
    fc.assert(
      fc.property(privateEntry, (e) => {
        expect(classifyIpEntry(e).kind).toBe('private');
      }),
    );
    fc.assert(
      fc.property(broadEntry, (e) => {
        expect(classifyIpEntry(e).kind).toBe('broad');
      }),
    );
  });

  test('any dotted-quad IPv4 or IPv6 address, with or without a prefix in range, is an address (never invalid)', () => {
    const address = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, n]) => `${a}/${n}`),
      fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, n]) => `${a}/${n}`),
    );
    fc.assert(
      fc.property(address, (e) => {
        expect(classifyIpEntry(e).kind).not.toBe('invalid');
      }),
      { numRuns: 1000 },
    );
  });

  test('letter case never changes the kind of an address-shaped entry', () => {
    fc.assert(
      fc.property(fc.oneof(ipShaped, broadEntry, privateEntry, publicEntry), (e) => {
        const kind = classifyIpEntry(e).kind;
        expect(classifyIpEntry(e.toUpperCase()).kind).toBe(kind);
        expect(classifyIpEntry(e.toLowerCase()).kind).toBe(kind);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- evaluate() ---------------------------------------------------------------------------------------------------

describe.each(exchanges)('evaluate() with %s', (_name, exchange) => {
  test('never throws, whatever the snapshot and the answers', () => {
    fc.assert(
      fc.property(cases(exchange), ({ snapshot, context }) => {
        const findings = evaluate(snapshot, context);
        expect(Array.isArray(findings)).toBe(true);
        verdictOf(findings);
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on a snapshot that breaks its own type: unsorted, repeated or unknown permissions, odd text', () => {
    const loose = fc.record({
      exchange: fc.string(),
      permissions: fc.array(fc.oneof(fc.constantFrom(...PERMISSIONS), fc.string()), { maxLength: 12 }),
      ipEntries: fc.array(anyText, { maxLength: 25 }),
      ipFieldFound: fc.boolean(),
      keyName: fc.string({ unit: 'binary' }),
      keyType: fc.oneof(fc.constantFrom(...KEY_TYPES), fc.string()),
    });
    fc.assert(
      fc.property(loose, exchange, purpose, rotationDays, (snap, ex, p, days) => {
        evaluate(snap as KeyFormSnapshot, { purpose: p, rotationDays: days, exchangeName: ex.name, rules: ex.rules });
      }),
      { numRuns: 300 },
    );
  });

  test('adding a permission never lowers the risk', () => {
    fc.assert(
      fc.property(cases(exchange), fc.constantFrom(...PERMISSIONS), (base, added) => {
        fc.pre(!base.snapshot.permissions.includes(added));
        const more = {
          ...base,
          snapshot: { ...base.snapshot, permissions: withPermission(base.snapshot.permissions, added) },
        };
        expect(rank(riskOf(more))).toBeGreaterThanOrEqual(rank(riskOf(base)));
      }),
      { numRuns: 500 },
    );
  });

  test('binding a valid public IP to an unbound key never raises the risk', () => {
    // Unbound: no entry the exchange accepts (an empty list, or only invalid entries).
    const unboundEntries = fc.oneof(
      { arbitrary: fc.constant<string[]>([]), weight: 3 },
      {
        arbitrary: fc
          .array(garbageEntry, { minLength: 1, maxLength: 24 })
          .filter((entries) => !isBound(parseAllowList(entries))),
        weight: 1,
      },
    );
    fc.assert(
      fc.property(
        cases(exchange, unboundEntries),
        fc.constantFrom(...PUBLIC_ADDRESSES),
        fc.nat(),
        (base, address, at) => {
          const entries = [...base.snapshot.ipEntries];
          entries.splice(at % (entries.length + 1), 0, address);
          const bound = { ...base, snapshot: { ...base.snapshot, ipEntries: entries } };
          expect(rank(riskOf(bound))).toBeLessThanOrEqual(rank(riskOf(base)));
        },
      ),
      { numRuns: 500 },
    );
  });

  // Not a restatement of verdictOf (ready = nothing blocks): a property of the rules themselves, that every finding
  // worse than info blocks, so that "Ready to create" can only stand over a risk of none or info.
  test('every finding worse than info blocks, so "Ready" never stands over a low or worse risk', () => {
    fc.assert(
      fc.property(cases(exchange), ({ snapshot, context }) => {
        const findings = evaluate(snapshot, context);
        for (const f of findings)
          if (severityRank(f.severity) > severityRank('info')) expect(f.blocking, f.id).toBe(true);
        if (verdictOf(findings).ready) expect(['none', 'info']).toContain(worstRisk(findings));
      }),
      { numRuns: 500 },
    );
  });

  test('unknown is not safe: a form with a permission whose state was not read is never "ready"', () => {
    fc.assert(
      fc.property(cases(exchange), fc.subarray([...PERMISSIONS], { minLength: 1 }), ({ snapshot, context }, unread) => {
        expect(verdictOf(evaluate({ ...snapshot, unreadPermissions: unread }, context)).ready).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('unknown is not safe: a form whose IP field was not found is never "ready"', () => {
    fc.assert(
      fc.property(cases(exchange), ({ snapshot, context }) => {
        expect(verdictOf(evaluate({ ...snapshot, ipFieldFound: false }, context)).ready).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test("an organisation's policy only adds findings: everything found without it is still found, unchanged", () => {
    fc.assert(
      fc.property(cases(exchange), ({ snapshot, context }) => {
        const { policy: _policy, ...unmanaged } = context;
        const withPolicy = evaluate(snapshot, context);
        for (const found of evaluate(snapshot, unmanaged)) expect(withPolicy).toContainEqual(found);
        const added = withPolicy.filter((f) => f.id.startsWith('policy.'));
        expect(withPolicy).toHaveLength(evaluate(snapshot, unmanaged).length + added.length);
      }),
      { numRuns: 300 },
    );
  });

  test('a key with Withdraw is never "ready", whatever the purpose and binding', () => {
    fc.assert(
      fc.property(cases(exchange), ({ snapshot, context }) => {
        const snap = { ...snapshot, permissions: withPermission(snapshot.permissions, 'withdraw') };
        expect(verdictOf(evaluate(snap, context)).ready).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

test('parsePolicy never throws on any managed data, and what it keeps is valid', () => {
  const known = fc.constantFrom('forbidWithdraw', 'requireIpBinding', 'maxRotationDays', 'lockSettings', 'message');
  const raw = fc.oneof(fc.anything(), fc.dictionary(fc.oneof(known, fc.string()), fc.anything()));
  fc.assert(
    fc.property(raw, (value) => {
      const { policy, notes } = parsePolicy(value);
      // Each note is a real message (a missing one would render as its bare id) saying something.
      for (const note of notes) expect(say(note)).not.toMatch(/^(policy_note_\w+)?$/);
      if (!policy) return;
      for (const flag of [policy.forbidWithdraw, policy.requireIpBinding, policy.lockSettings])
        expect(typeof flag).toBe('boolean');
      if (policy.maxRotationDays !== undefined)
        expect(
          Number.isInteger(policy.maxRotationDays) && policy.maxRotationDays >= 1 && policy.maxRotationDays <= 366,
        ).toBe(true);
      if (policy.message !== undefined) expect(policy.message.trim()).not.toBe('');
    }),
    { numRuns: 500 },
  );
});

import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { MAX_POLICY_MESSAGE, parsePolicy, type ManagedPolicy } from '../../src/core/policy';
import { soonerLimit } from '../../src/core/rotation';
import { say } from '../../src/i18n';
import { context, findingOf, PUBLIC_IP, snapshot } from './helpers';

const MESSAGE = 'Acme security team: see wiki/keys';
const NONE: ManagedPolicy = { forbidWithdraw: false, requireIpBinding: false, lockSettings: false };
const policy = (fields: Partial<ManagedPolicy>): ManagedPolicy => ({ ...NONE, message: MESSAGE, ...fields });

describe('parsePolicy: managed data validated like any stored data', () => {
  test.each([
    ['Firefox without a policy (the read was rejected: nothing to parse)', undefined],
    ['Chrome without a policy', {}],
    ['null', null],
  ])('%s reads as no policy, with no note', (_name, raw) => {
    expect(parsePolicy(raw)).toEqual({ notes: [] });
  });

  test('a full policy is read field by field', () => {
    const raw = {
      forbidWithdraw: true,
      requireIpBinding: true,
      maxRotationDays: 30,
      lockSettings: true,
      message: `  ${MESSAGE}\n`,
    };
    expect(parsePolicy(raw)).toEqual({
      policy: {
        forbidWithdraw: true,
        requireIpBinding: true,
        maxRotationDays: 30,
        lockSettings: true,
        message: MESSAGE,
      },
      notes: [],
    });
  });

  test('missing flags are false and a missing maximum is no maximum', () => {
    expect(parsePolicy({ forbidWithdraw: true })).toEqual({ policy: { ...NONE, forbidWithdraw: true }, notes: [] });
  });

  test('unknown and invalid fields are ignored, each with a note naming it; the valid ones are kept', () => {
    const { policy: read, notes } = parsePolicy({
      forbidWithdraw: 'yes',
      requireIpBinding: true,
      maxRotationDays: 0,
      lockSettings: 1,
      message: 42,
      allowEverything: true,
    });
    expect(read).toEqual({ ...NONE, requireIpBinding: true });
    expect(notes.map((note) => say(note))).toEqual([
      'Unknown policy field "allowEverything" was ignored.',
      'Policy field "forbidWithdraw" must be true or false; it was ignored.',
      'Policy field "lockSettings" must be true or false; it was ignored.',
      'Policy field "maxRotationDays" must be a whole number of days from 1 to 366; it was ignored.',
      'Policy field "message" must be a non-empty text; it was ignored.',
    ]);
  });

  test.each([[0], [367], [30.5], ['30'], [Number.NaN], [-7]])('maxRotationDays %j is ignored', (days) => {
    const { policy: read, notes } = parsePolicy({ maxRotationDays: days, forbidWithdraw: true });
    expect(read?.maxRotationDays).toBeUndefined();
    expect(notes).toHaveLength(1);
  });

  test.each([
    ['a string', 'forbid'],
    ['a list', [{ forbidWithdraw: true }]],
    ['a number', 7],
  ])('%s is not a policy, and says so', (_name, raw) => {
    const { policy: read, notes } = parsePolicy(raw);
    expect(read).toBeUndefined();
    expect(notes.map((note) => say(note))).toEqual([
      'The managed policy is not an object of settings; it was ignored.',
    ]);
  });

  test('a policy of nothing but unknown fields is no policy, with its notes', () => {
    const { policy: read, notes } = parsePolicy({ ForbidWithdraw: true });
    expect(read).toBeUndefined();
    expect(notes.map((note) => say(note))).toEqual(['Unknown policy field "ForbidWithdraw" was ignored.']);
  });

  test('a very long message is cut, whole characters only', () => {
    const read = parsePolicy({ message: '🔑'.repeat(MAX_POLICY_MESSAGE + 50) }).policy!;
    expect([...read.message!]).toHaveLength(MAX_POLICY_MESSAGE);
    expect(read.message!.endsWith('🔑…')).toBe(true);
  });
});

const withdrawKey = snapshot({ permissions: ['read', 'withdraw'], ipEntries: [PUBLIC_IP] });
const payouts = { purpose: 'withdrawals' as const };

describe('policy.withdraw', () => {
  test("Withdraw while the organisation forbids it: critical, with the organisation's message", () => {
    const found = findingOf(
      'policy.withdraw',
      withdrawKey,
      context({ ...payouts, policy: policy({ forbidWithdraw: true }) }),
    );
    expect(found).toMatchObject({ severity: 'critical', step: 'scope', blocking: true, policyMessage: MESSAGE });
  });

  test.each([
    ['no policy', withdrawKey, undefined],
    ['a policy that allows Withdraw', withdrawKey, policy({ requireIpBinding: true })],
    ['Withdraw forbidden but not ticked', snapshot(), policy({ forbidWithdraw: true })],
  ])('silent with %s', (_name, snap, managed) => {
    expect(
      findingOf('policy.withdraw', snap, context({ ...payouts, ...(managed ? { policy: managed } : {}) })),
    ).toBeUndefined();
  });

  test('a policy without a message gives the finding no message line', () => {
    const found = findingOf('policy.withdraw', withdrawKey, context({ policy: { ...NONE, forbidWithdraw: true } }));
    expect(found).toBeDefined();
    expect(found).not.toHaveProperty('policyMessage');
  });
});

describe('policy.ip-binding', () => {
  const required = context({ policy: policy({ requireIpBinding: true }) });
  test.each([
    ['no IP', []],
    ['only private addresses', ['10.0.0.1', '192.168.1.0/24']],
    ['only invalid entries', ['my-server', 'abc']],
    ['a public address beside a match-all entry', [PUBLIC_IP, '0.0.0.0/0']],
    ['a public address beside a /16', [PUBLIC_IP, '8.8.0.0/16']],
  ])('required, %s: high, with the message', (_name, ipEntries) => {
    expect(findingOf('policy.ip-binding', snapshot({ ipEntries }), required)).toMatchObject({
      severity: 'high',
      step: 'ip',
      policyMessage: MESSAGE,
    });
  });

  test('required and bound to a public address: silent', () => {
    expect(findingOf('policy.ip-binding', snapshot({ ipEntries: [PUBLIC_IP, '10.0.0.1'] }), required)).toBeUndefined();
  });

  test('not required: an unbound key gets the usual ip.missing only', () => {
    const ids = evaluate(snapshot({ ipEntries: [] }), context({ policy: policy({ forbidWithdraw: true }) })).map(
      (f) => f.id,
    );
    expect(ids).toContain('ip.missing');
    expect(ids).not.toContain('policy.ip-binding');
  });
});

describe('policy.rotation', () => {
  const max60 = policy({ maxRotationDays: 60 });
  test.each([
    ['no reminder', undefined, /requires a rotation reminder within 60 days/],
    ['a 90-day reminder', 90, /A 90-day reminder is longer than your organisation allows \(60 days\)/],
  ])('%s against a 60-day maximum: high, with the message', (_name, rotationDays, title) => {
    const found = findingOf('policy.rotation', snapshot(), context({ rotationDays, policy: max60 }));
    expect(found).toMatchObject({
      severity: 'high',
      step: 'rotation',
      policyMessage: MESSAGE,
      fix: 'Choose a reminder of 60 days or less.',
    });
    expect(found!.title).toMatch(title);
  });

  test.each([[60], [30]])('a %i-day reminder is within the maximum', (rotationDays) => {
    expect(findingOf('policy.rotation', snapshot(), context({ rotationDays, policy: max60 }))).toBeUndefined();
  });

  test("no maximum: a 366-day reminder is the user's choice", () => {
    expect(
      findingOf('policy.rotation', snapshot(), context({ rotationDays: 366, policy: policy({ lockSettings: true }) })),
    ).toBeUndefined();
  });
});

test('an invalid policy enforces nothing: the baseline key stays ready', () => {
  const { policy: read } = parsePolicy({ forbidWithdraw: 'true', requireIpBinding: 'yes', maxRotationDays: '30' });
  expect(read).toBeUndefined();
  expect(evaluate(withdrawKey, context({ ...payouts })).map((f) => f.id)).toEqual(['scope.withdraw']);
});

test('a policy that a clean key meets adds no finding', () => {
  const strict = policy({ forbidWithdraw: true, requireIpBinding: true, maxRotationDays: 90, lockSettings: true });
  expect(evaluate(snapshot(), context({ policy: strict }))).toEqual([]);
});

describe("soonerLimit: the exchange's deadline and the organisation's maximum", () => {
  test.each([
    [undefined, undefined, undefined],
    [14, undefined, 14],
    [undefined, 30, 30],
    [14, 30, 14],
    [90, 30, 30],
  ])('deadline %j, maximum %j → %j', (deadline, max, expected) => {
    expect(soonerLimit(deadline, max)).toBe(expected);
  });
});

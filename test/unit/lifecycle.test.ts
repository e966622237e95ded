import { describe, expect, test } from 'vitest';
import { okx } from '../../src/exchanges/okx';
import {
  byUrgency,
  confirm,
  edit,
  isSnoozed,
  newReminder,
  reminderStatus,
  revoke,
  rotate,
  snooze,
} from '../../src/inventory/lifecycle';
import type { KeyCreated, Reminder } from '../../src/inventory/reminder';
import { validateReminder } from '../../src/inventory/reminder';

const key: KeyCreated = {
  exchange: 'okx',
  name: '  grid bot  ',
  permissions: ['read', 'trade'],
  ipBound: true,
  rotationDays: 90,
};
const active = (overrides: Partial<Reminder> = {}): Reminder => ({
  ...newReminder(key, '2026-11-26', 'r1', { source: 'manual', state: 'active' }),
  ...overrides,
});

describe('a new reminder', () => {
  test('is valid, trimmed, pending from the form, due created + interval', () => {
    const r = newReminder(key, '2026-11-26', 'r1', { source: 'form', state: 'pending' });
    expect(validateReminder(r)).toEqual(r);
    expect(r).toMatchObject({
      name: 'grid bot',
      state: 'pending',
      due: '2027-02-24',
      history: [{ kind: 'created', on: '2026-11-26' }],
    });
  });

  test.each([
    ['exchange-list', 'tracked'],
    ['import', 'imported'],
    ['manual', 'created'],
  ] as const)('from %s starts its history with %s', (source, kind) => {
    expect(newReminder(key, '2026-11-26', 'x', { source, state: 'active' }).history[0]!.kind).toBe(kind);
  });

  test('an older created date gives an earlier due date, possibly already past', () => {
    expect(newReminder(key, '2026-11-26', 'x', { source: 'manual', state: 'active', created: '2026-01-15' }).due).toBe(
      '2026-04-15',
    );
  });
});

describe('status', () => {
  test.each([
    ['2026-11-26', 7, 'ok'],
    ['2027-02-16', 7, 'ok'],
    ['2027-02-17', 7, 'due-soon'],
    ['2027-02-24', 7, 'due-soon'],
    ['2027-02-25', 7, 'overdue'],
    ['2027-01-26', 30, 'due-soon'],
  ])('on %s with a %i-day window: %s', (today, window, status) => {
    expect(reminderStatus(active(), today, window)).toBe(status);
  });

  test('archived generations show their state, whatever the date', () => {
    expect(reminderStatus(revoke(active(), '2026-12-01'), '2030-01-01', 7)).toBe('revoked');
    expect(reminderStatus(rotate(active(), '2026-12-01', 'r2')[0], '2030-01-01', 7)).toBe('rotated');
  });

  test('urgency order: overdue, due soon, ok by date, then history', () => {
    const rows = [
      active({ id: 'ok-late', due: '2027-05-01' }),
      revoke(active({ id: 'gone' }), '2026-11-01'),
      active({ id: 'overdue', due: '2026-11-01' }),
      active({ id: 'ok-early', due: '2027-01-10' }),
      active({ id: 'soon', due: '2026-11-30' }),
    ];
    expect(rows.sort(byUrgency('2026-11-26', 7)).map((r) => r.id)).toEqual([
      'overdue',
      'soon',
      'ok-early',
      'ok-late',
      'gone',
    ]);
  });
});

describe('acting on a key', () => {
  test('confirm turns pending into active once', () => {
    const pending = newReminder(key, '2026-11-26', 'r1', { source: 'form', state: 'pending' });
    const confirmed = confirm(pending, '2026-11-27');
    expect(confirmed.state).toBe('active');
    expect(confirm(confirmed, '2026-11-28')).toBe(confirmed);
  });

  test('rotate archives the old generation and starts a new interval with the history kept', () => {
    const [archived, next] = rotate(active({ notified: 'overdue', snoozedUntil: '2026-12-01' }), '2027-03-01', 'r2');
    expect(archived).toMatchObject({ id: 'r1', state: 'rotated' });
    expect(next).toMatchObject({ id: 'r2', state: 'active', created: '2027-03-01', due: '2027-05-30', replaces: 'r1' });
    expect(next.notified).toBeUndefined();
    expect(next.snoozedUntil).toBeUndefined();
    expect(next.history.map((e) => e.kind)).toEqual(['created', 'rotated']);
    expect(validateReminder(next)).toEqual(next);
  });

  test('rotating an unbound OKX trade key keeps the next reminder inside the 14-day rule', () => {
    const [, next] = rotate(active({ ipBound: false }), '2027-03-01', 'r2', okx.rules);
    expect(next.due).toBe('2027-03-15');
  });

  test('snooze silences for 1 or 7 days without changing the status', () => {
    const overdue = active({ due: '2026-11-20' });
    const snoozed = snooze(overdue, '2026-11-26', 7);
    expect(snoozed.snoozedUntil).toBe('2026-12-03');
    expect(isSnoozed(snoozed, '2026-12-02')).toBe(true);
    expect(isSnoozed(snoozed, '2026-12-03')).toBe(false);
    expect(reminderStatus(snoozed, '2026-11-26', 7)).toBe('overdue');
  });

  test('edit recomputes the due date and re-arms the notification only when the date moves', () => {
    const notified = active({ notified: 'due-soon' });
    const renamed = edit(notified, { name: ' tax ' }, '2026-11-27');
    expect(renamed).toMatchObject({ name: 'tax', due: '2027-02-24', notified: 'due-soon' });
    const shorter = edit(notified, { rotationDays: 30 }, '2026-11-27');
    expect(shorter.due).toBe('2026-12-26');
    expect(shorter.notified).toBeUndefined();
    expect(edit(notified, { ipBound: false }, '2026-11-27', okx.rules).due).toBe('2026-12-10');
    expect(shorter.history.at(-1)).toEqual({ kind: 'edited', on: '2026-11-27' });
  });
});

describe('records stay valid for years of use', () => {
  test('a key snoozed 500 times keeps its first event and stays valid', () => {
    let r = active();
    for (let i = 0; i < 500; i++) r = snooze(r, '2026-11-26', 1);
    expect(r.history).toHaveLength(200);
    expect(r.history[0]!.kind).toBe('created');
    expect(validateReminder(r)).toEqual(r);
  });

  test('names are trimmed to 200 characters without splitting an emoji', () => {
    const long = newReminder({ ...key, name: `${'a'.repeat(199)}🔑🔑` }, '2026-11-26', 'x', {
      source: 'manual',
      state: 'active',
    });
    expect(Array.from(long.name)).toHaveLength(200);
    expect(long.name.endsWith('🔑')).toBe(true);
    expect(validateReminder(long)).toEqual(long);
  });

  test('names lose control and format characters (bidi overrides, isolates, zero-width), keep joiners, in every way in', () => {
    const hostile = '\u202Egnp.exe\u202C bot\u2066x\u2069\u200B\u0007\n\uFEFF';
    const made = newReminder({ ...key, name: hostile }, '2026-11-26', 'x', { source: 'manual', state: 'active' });
    expect(made.name).toBe('gnp.exe botx');
    expect(edit(made, { name: `a\u202Eb` }, '2026-11-26', okx.rules).name).toBe('ab');
    // Stored, imported or synced before: cleaned as it is read. Emoji and scripts keep their joiners.
    expect(validateReminder({ ...made, name: hostile })!.name).toBe('gnp.exe botx');
    expect(validateReminder({ ...made, name: '👩\u200D💻 می\u200Cخواهم' })!.name).toBe('👩\u200D💻 می\u200Cخواهم');
  });

  test('a stored interval of 3,660 days (ten years) is valid; 3,661 or 0 is not', () => {
    expect(validateReminder(active({ rotationDays: 3660 }))?.rotationDays).toBe(3660);
    expect(validateReminder(active({ rotationDays: 3661 }))).toBeUndefined();
    expect(validateReminder(active({ rotationDays: 0 }))).toBeUndefined();
  });

  test("validation keeps only a reminder's own fields", () => {
    const withExtra = {
      ...active(),
      secret: 'CANARY-SECRET',
      history: [{ kind: 'created', on: '2026-11-26', note: 'x' }],
    };
    const valid = validateReminder(withExtra)!;
    expect(JSON.stringify(valid)).not.toContain('CANARY');
    expect(valid.history).toEqual([{ kind: 'created', on: '2026-11-26' }]);
  });
});

import { describe, expect, test } from 'vitest';
import { newReminder, revoke } from '../../src/inventory/lifecycle';
import { overdueCount, planNotifications } from '../../src/inventory/notifications';
import type { Reminder } from '../../src/inventory/reminder';

const reminder = (id: string, due: string, extra: Partial<Reminder> = {}): Reminder => ({
  ...newReminder(
    { exchange: 'okx', name: id, permissions: ['read'], ipBound: true, rotationDays: 90 },
    '2026-01-01',
    id,
    { source: 'manual', state: 'active' },
  ),
  due,
  ...extra,
});

const planned = (rows: Reminder[], today = '2026-11-26') => {
  const plan = planNotifications(rows, today, 7);
  return { notify: plan.notify.map((n) => `${n.reminder.id}:${n.state}`), record: Object.fromEntries(plan.record) };
};

describe('notifications: once per state change', () => {
  test('a key becoming due soon, and one becoming overdue, are each announced', () => {
    expect(
      planned([reminder('soon', '2026-11-30'), reminder('late', '2026-11-20'), reminder('fine', '2027-01-01')]).notify,
    ).toEqual(['soon:due-soon', 'late:overdue']);
  });

  test('a key already announced in that state is not announced again', () => {
    expect(planned([reminder('soon', '2026-11-30', { notified: 'due-soon' })]).notify).toEqual([]);
  });

  test('due soon then overdue: announced again on the change', () => {
    expect(planned([reminder('k', '2026-11-20', { notified: 'due-soon' })]).notify).toEqual(['k:overdue']);
  });

  test('a snoozed key stays silent until the snooze ends', () => {
    const snoozed = reminder('k', '2026-11-20', { snoozedUntil: '2026-11-28' });
    expect(planned([snoozed]).notify).toEqual([]);
    expect(planned([snoozed], '2026-11-28').notify).toEqual(['k:overdue']);
  });

  test('archived keys are never announced; a key fine again has its mark cleared', () => {
    const rows = [
      revoke(reminder('gone', '2026-01-01'), '2026-02-01'),
      reminder('fine', '2027-06-01', { notified: 'overdue' }),
    ];
    expect(planned(rows)).toEqual({ notify: [], record: { fine: undefined } });
  });
});

test('the badge counts live overdue keys only', () => {
  const rows = [
    reminder('a', '2026-11-01'),
    reminder('b', '2026-11-25'),
    reminder('c', '2026-11-26'),
    revoke(reminder('d', '2026-01-01'), '2026-02-01'),
  ];
  expect(overdueCount(rows, '2026-11-26', 7)).toBe(2);
});

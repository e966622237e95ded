import type { CalendarDate } from '../core/rotation';
import { isLive, isSnoozed, reminderStatus } from './lifecycle';
import type { NotifiedState, Reminder } from './reminder';

/** What one check should do: notify these reminders, and record each one's new notified state. */
export interface NotificationPlan {
  notify: Array<{ reminder: Reminder; state: NotifiedState }>;
  /** New `notified` value per reminder id (undefined: clear it, the key is fine again). */
  record: Map<string, NotifiedState | undefined>;
}

/**
 * Once per state change, not at every check: a key is announced when it becomes due soon and again when it
 * becomes overdue; a snoozed key stays silent until its snooze ends.
 */
export function planNotifications(
  reminders: readonly Reminder[],
  today: CalendarDate,
  dueSoonDays: number,
): NotificationPlan {
  const plan: NotificationPlan = { notify: [], record: new Map() };
  for (const reminder of reminders) {
    if (!isLive(reminder)) continue;
    const status = reminderStatus(reminder, today, dueSoonDays);
    if (status === 'ok') {
      if (reminder.notified) plan.record.set(reminder.id, undefined);
      continue;
    }
    if (status === 'rotated' || status === 'revoked' || reminder.notified === status || isSnoozed(reminder, today))
      continue;
    plan.notify.push({ reminder, state: status });
    plan.record.set(reminder.id, status);
  }
  return plan;
}

/** The toolbar badge: how many live keys are overdue. */
export function overdueCount(reminders: readonly Reminder[], today: CalendarDate, dueSoonDays: number): number {
  return reminders.filter((r) => isLive(r) && reminderStatus(r, today, dueSoonDays) === 'overdue').length;
}

import { rotationDueDate, type CalendarDate } from '../core/rotation';
import type { ReminderList } from '../messages';
import type { KeyCreated, Reminder } from '../reminder';
import { loadReminders, saveReminders } from '../storage';
import { serial } from './serial';

const writes = serial();

/** Builds the reminder for a key created today; the clock is the caller's. */
export function reminderFor(created: KeyCreated, today: CalendarDate, id: string): Reminder {
  return {
    id,
    exchange: created.exchange,
    name: created.name.slice(0, 200),
    permissions: [...created.permissions],
    ipBound: created.ipBound,
    ...(created.purpose ? { purpose: created.purpose } : {}),
    created: today,
    rotationDays: created.rotationDays,
    due: rotationDueDate(today, created.rotationDays, created.deadlineDays),
    state: 'active',
  };
}

export function recordReminder(created: KeyCreated, today: CalendarDate): Promise<Reminder> {
  return writes(async () => {
    const stored = await loadReminders();
    const reminder = reminderFor(created, today, crypto.randomUUID());
    await saveReminders({ ...stored, reminders: [...stored.reminders, reminder] });
    return reminder;
  });
}

export async function listReminders(): Promise<ReminderList> {
  const stored = await loadReminders();
  return { reminders: stored.reminders, quarantined: stored.quarantine.length };
}

import { addDays, MAX_ROTATION_DAYS, type CalendarDate } from '../core/rotation';
import { text, type Text } from '../core/text';
import type { ExchangeRules } from '../core/types';
import { dueDate, isLive } from './lifecycle';
import { ID_MAX, storedName, type Reminder } from './reminder';

// A reminder that comes from outside this browser's own steps (an imported file, the undo of a delete, another
// browser through sync) is fitted to the limits a new key meets, never trusted as it is (docs/design.md, "Import and
// undo"). Pure: the day and the policy are the caller's.

/** No exchange issued an API key before Bitcoin (2009): an earlier date is an error, not a key. */
export const EARLIEST_DATE: CalendarDate = '2009-01-01';
/** The longest snooze the popup offers (`snoozeReminder` in src/background/reminders.ts: 1 or 7 days). */
export const SNOOZE_MAX_DAYS = 7;

/** What a reminder is fitted to: today, the organisation's policy (src/core/policy.ts) and each exchange's rules. */
export interface ReminderLimits {
  today: CalendarDate;
  /** The organisation's longest rotation interval, when its policy sets one. */
  maxRotationDays?: number | undefined;
  rulesOf: (exchange: string) => ExchangeRules | undefined;
}

const within = (date: CalendarDate, earliest: CalendarDate, latest: CalendarDate): CalendarDate =>
  date < earliest ? earliest : date > latest ? latest : date;

/**
 * The reminder within the limits, and what was changed, in words, for the import report:
 * - the name as stored (`storedName`), each permission once;
 * - the creation date and the history's dates between {@link EARLIEST_DATE} and today;
 * - a live key's interval at most the organisation's maximum and KeyScope's ({@link MAX_ROTATION_DAYS}); an archived
 *   generation keeps the interval it had (as `rotate` keeps it, src/inventory/lifecycle.ts);
 * - the due date computed from the creation date and interval within the exchange's deadline, as `edit` computes it,
 *   never taken as given (a new due date clears the notification state, as `edit` does);
 * - a snooze at most {@link SNOOZE_MAX_DAYS} days from today, a link to the replaced key only when it is an id.
 * The organisation's other fields (withdraw forbidden, IP binding required) judge a key on the exchange's form; a
 * reminder records a key that exists, so rewriting its permissions or binding would only make the list lie.
 */
export function fitReminder(reminder: Reminder, limits: ReminderLimits): { reminder: Reminder; changes: Text[] } {
  const { today } = limits;
  const changes: Text[] = [];
  const next: Reminder = {
    ...reminder,
    permissions: [...new Set(reminder.permissions)],
    history: reminder.history.map((e) => ({ ...e })),
  };

  next.name = storedName(reminder.name);
  if (next.name !== reminder.name) changes.push(text('import_fit_name'));
  if (next.permissions.length !== reminder.permissions.length) changes.push(text('import_fit_permissions'));

  next.created = within(reminder.created, EARLIEST_DATE, today);
  if (next.created !== reminder.created) changes.push(text('import_fit_created', reminder.created, next.created));

  const policyMax = limits.maxRotationDays ?? Infinity;
  if (isLive(reminder) && reminder.rotationDays > Math.min(policyMax, MAX_ROTATION_DAYS)) {
    next.rotationDays = Math.min(policyMax, MAX_ROTATION_DAYS);
    const words = policyMax < MAX_ROTATION_DAYS ? 'import_fit_rotation_policy' : 'import_fit_rotation_max';
    changes.push(text(words, reminder.rotationDays, next.rotationDays));
  }

  for (const event of next.history) event.on = within(event.on, EARLIEST_DATE, today);
  if (next.history.some((event, i) => event.on !== reminder.history[i]!.on)) changes.push(text('import_fit_history'));

  next.due = dueDate(next, limits.rulesOf(next.exchange));
  if (next.due !== reminder.due) {
    changes.push(text('import_fit_due', reminder.due, next.due));
    delete next.notified;
  }

  if (reminder.snoozedUntil !== undefined && reminder.snoozedUntil > addDays(today, SNOOZE_MAX_DAYS)) {
    delete next.snoozedUntil;
    changes.push(text('import_fit_snooze', reminder.snoozedUntil));
  }
  if (reminder.replaces !== undefined && (reminder.replaces.length === 0 || reminder.replaces.length > ID_MAX)) {
    delete next.replaces;
    changes.push(text('import_fit_replaces'));
  }
  return { reminder: next, changes };
}

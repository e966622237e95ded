import {
  addDays,
  daysBetween,
  dueStatus,
  exchangeDeadlineDays,
  rotationDueDate,
  type CalendarDate,
  type DueStatus,
} from '../core/rotation';
import type { ExchangeRules } from '../core/types';
import {
  HISTORY_MAX,
  storedName,
  type KeyCreated,
  type Reminder,
  type ReminderEvent,
  type ReminderSource,
} from './reminder';

// Pure steps of a key's life: every function takes the day as an argument and returns new records.

/** The status a row shows: the due status for live keys, the state for archived ones. */
export type ReminderStatus = DueStatus | 'rotated' | 'revoked';

export function reminderStatus(reminder: Reminder, today: CalendarDate, dueSoonDays: number): ReminderStatus {
  if (reminder.state === 'rotated' || reminder.state === 'revoked') return reminder.state;
  return dueStatus(reminder.due, today, dueSoonDays);
}

/** Live keys are pending or active; rotated and revoked ones are history. */
export function isLive(reminder: Reminder): boolean {
  return reminder.state === 'pending' || reminder.state === 'active';
}

const URGENCY: Record<ReminderStatus, number> = { overdue: 0, 'due-soon': 1, ok: 2, rotated: 3, revoked: 3 };

/** Most urgent first: overdue, due soon, ok (each by due date), then history (newest first). */
export function byUrgency(today: CalendarDate, dueSoonDays: number) {
  return (a: Reminder, b: Reminder): number => {
    const rank = URGENCY[reminderStatus(a, today, dueSoonDays)] - URGENCY[reminderStatus(b, today, dueSoonDays)];
    if (rank !== 0) return rank;
    return isLive(a) ? a.due.localeCompare(b.due) : b.created.localeCompare(a.created);
  };
}

/** The exchange's own deadline for a key with these permissions and binding, in days. */
export function deadlineFor(
  rules: ExchangeRules | undefined,
  reminder: Pick<Reminder, 'permissions' | 'ipBound'>,
): number | undefined {
  return rules ? exchangeDeadlineDays(rules, reminder.permissions, reminder.ipBound) : undefined;
}

/** A reminder's due date: created + interval, within the exchange's own deadline for its permissions and binding. */
export function dueDate(
  reminder: Pick<Reminder, 'created' | 'rotationDays' | 'permissions' | 'ipBound'>,
  rules: ExchangeRules | undefined,
): CalendarDate {
  return rotationDueDate(reminder.created, reminder.rotationDays, deadlineFor(rules, reminder));
}

function event(kind: ReminderEvent['kind'], on: CalendarDate): ReminderEvent {
  return { kind, on };
}

/** Appends an event; a very long history keeps its first event and the latest ones, so it stays valid. */
function withEvent(history: readonly ReminderEvent[], kind: ReminderEvent['kind'], on: CalendarDate): ReminderEvent[] {
  const next = [...history, event(kind, on)];
  return next.length <= HISTORY_MAX ? next : [next[0]!, ...next.slice(next.length - HISTORY_MAX + 1)];
}

/** A new reminder; a key submitted on the exchange's form stays `pending` until the exchange shows it. */
export function newReminder(
  key: KeyCreated,
  today: CalendarDate,
  id: string,
  options: { source: ReminderSource; state: 'pending' | 'active'; created?: CalendarDate },
): Reminder {
  const created = options.created ?? today;
  return {
    id,
    exchange: key.exchange,
    ...(key.origin ? { origin: key.origin } : {}),
    name: storedName(key.name),
    permissions: [...key.permissions],
    ipBound: key.ipBound,
    ...(key.purpose ? { purpose: key.purpose } : {}),
    created,
    rotationDays: key.rotationDays,
    due: rotationDueDate(created, key.rotationDays, key.deadlineDays),
    state: options.state,
    source: options.source,
    history: [
      event(
        options.source === 'exchange-list' ? 'tracked' : options.source === 'import' ? 'imported' : 'created',
        today,
      ),
    ],
  };
}

/** No exchange issued API keys before Bitcoin's first year. */
const FIRST_KEY_DATE = '2009-01-01';

/**
 * Whether a key can have been created on this day: not before 2009, and not after today by more than a day (an
 * exchange shows its own calendar date, which in UTC+8 or UTC+14 is often the user's tomorrow).
 */
export function plausibleCreation(created: CalendarDate, today: CalendarDate): boolean {
  try {
    return created >= FIRST_KEY_DATE && daysBetween(today, created) <= 1;
  } catch {
    return false;
  }
}

export function confirm(reminder: Reminder, today: CalendarDate): Reminder {
  if (reminder.state !== 'pending') return reminder;
  return { ...reminder, state: 'active', history: withEvent(reminder.history, 'confirmed', today) };
}

/**
 * The key was replaced by a new one today: the old generation is archived as `rotated`, and its successor starts
 * a new interval (never past the exchange's deadline, nor `maxRotationDays` when an organisation sets one), keeping
 * the history.
 */
export function rotate(
  reminder: Reminder,
  today: CalendarDate,
  successorId: string,
  rules?: ExchangeRules,
  maxRotationDays?: number,
): [Reminder, Reminder] {
  const rotationDays = Math.min(reminder.rotationDays, maxRotationDays ?? Infinity);
  const { snoozedUntil: _snooze, notified: _notified, ...rest } = reminder;
  const history = withEvent(reminder.history, 'rotated', today);
  const archived: Reminder = { ...rest, state: 'rotated', history };
  const successor: Reminder = {
    ...rest,
    id: successorId,
    created: today,
    rotationDays,
    due: rotationDueDate(today, rotationDays, deadlineFor(rules, reminder)),
    state: 'active',
    replaces: reminder.id,
    history,
  };
  return [archived, successor];
}

export function revoke(reminder: Reminder, today: CalendarDate): Reminder {
  const { snoozedUntil: _snooze, ...rest } = reminder;
  return { ...rest, state: 'revoked', history: withEvent(reminder.history, 'revoked', today) };
}

/** Silences notifications for a number of days; the status itself stays true. */
export function snooze(reminder: Reminder, today: CalendarDate, days: number): Reminder {
  return { ...reminder, snoozedUntil: addDays(today, days), history: withEvent(reminder.history, 'snoozed', today) };
}

export function isSnoozed(reminder: Reminder, today: CalendarDate): boolean {
  return reminder.snoozedUntil !== undefined && daysBetween(today, reminder.snoozedUntil) > 0;
}

/** What the user may edit by hand. */
export type ReminderEdit = Partial<
  Pick<Reminder, 'name' | 'exchange' | 'permissions' | 'ipBound' | 'created' | 'rotationDays' | 'purpose'>
>;

/** Applies an edit; the due date follows the created date and interval, within the exchange's deadline. */
export function edit(reminder: Reminder, changes: ReminderEdit, today: CalendarDate, rules?: ExchangeRules): Reminder {
  const next: Reminder = { ...reminder, ...changes, name: storedName(changes.name ?? reminder.name) };
  // A guarded site's origin names where the key lives; moved to another exchange by hand, it lives there instead.
  if (next.exchange !== reminder.exchange) delete next.origin;
  next.due = dueDate(next, rules);
  next.history = withEvent(reminder.history, 'edited', today);
  // A new due date is a new state: the user is notified again when it comes.
  if (next.due !== reminder.due) delete next.notified;
  return next;
}

import type { ExchangeRules, Permission, UnboundKeyExpiry } from './types';

/** Reminder intervals the panel offers, in days. */
export const ROTATION_CHOICES = [30, 60, 90] as const;
/** 90 days is the common rotation interval (CIS AWS Foundations benchmark). */
export const DEFAULT_ROTATION_DAYS = 90;
/** Longest custom interval accepted: a year, as GitHub caps fine-grained tokens at 366 days. */
export const MAX_ROTATION_DAYS = 366;
/** A reminder turns "due soon" this many days before its date. */
export const DUE_SOON_DAYS = 7;

/** A calendar date, `YYYY-MM-DD`, in the user's local calendar. */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses a calendar date to its UTC midnight in ms, or undefined when it is not a real date. */
export function parseCalendarDate(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day
    ? ms
    : undefined;
}

function formatCalendarDate(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Calendar arithmetic on dates, not instants: a DST change never shifts the day. Throws on an invalid date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const ms = parseCalendarDate(date);
  if (ms === undefined) throw new RangeError(`Not a calendar date: ${date}`);
  return formatCalendarDate(ms + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  if (a === undefined || b === undefined) throw new RangeError(`Not a calendar date: ${a === undefined ? from : to}`);
  return Math.round((b - a) / DAY_MS);
}

/** The local calendar date of an instant (the clock is the caller's). */
export function localCalendarDate(instant: Date): CalendarDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** True when the exchange's unbound-key rule (a clock, or a deletion with no period) applies to this key. */
export function unboundExpiryApplies(
  expiry: Pick<UnboundKeyExpiry, 'permissions'>,
  permissions: readonly Permission[],
  bound: boolean,
): boolean {
  if (bound) return false;
  return expiry.permissions.length === 0 || permissions.some((p) => expiry.permissions.includes(p));
}

/** Days until the exchange removes this key on its own, when it would. */
export function exchangeDeadlineDays(
  rules: ExchangeRules,
  permissions: readonly Permission[],
  bound: boolean,
): number | undefined {
  const expiry = rules.unboundExpiry;
  return expiry && unboundExpiryApplies(expiry, permissions, bound) ? expiry.days : undefined;
}

/** The sooner of the limits on a key's interval (the exchange's deadline, the organisation's maximum), if any. */
export function soonerLimit(...limits: readonly (number | undefined)[]): number | undefined {
  const set = limits.filter((days): days is number => days !== undefined);
  return set.length ? Math.min(...set) : undefined;
}

/**
 * The interval to suggest: the user's default (`preferred`, 90 days unless changed in the settings), or the
 * exchange's deadline when that comes first.
 */
export function suggestedRotationDays(deadline: number | undefined, preferred: number = DEFAULT_ROTATION_DAYS): number {
  return deadline === undefined ? preferred : Math.min(preferred, deadline);
}

/** Accepts a custom interval typed by the user: a whole number of days from 1 to a year. */
export function parseRotationDays(text: string): number | undefined {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return undefined;
  const days = Number(text);
  return days >= 1 && days <= MAX_ROTATION_DAYS ? days : undefined;
}

/** The reminder date: created + interval, never after the exchange's own deadline. */
export function rotationDueDate(created: CalendarDate, rotationDays: number, deadline?: number): CalendarDate {
  return addDays(created, deadline === undefined ? rotationDays : Math.min(rotationDays, deadline));
}

/** Where a reminder stands on a given day. */
export type DueStatus = 'ok' | 'due-soon' | 'overdue';

export function dueStatus(due: CalendarDate, today: CalendarDate, dueSoonDays = DUE_SOON_DAYS): DueStatus {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due-soon' : 'ok';
}

import { addDays, type CalendarDate } from '../core/rotation';
import { isLive } from './lifecycle';
import type { Reminder } from './reminder';

// The live reminders as an iCalendar file (RFC 5545), so that the user's own calendar reminds them too.

/** Lines longer than this many octets, CRLF excluded, are folded (RFC 5545 §3.1). */
const LINE_OCTETS = 75;

/** A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`, other controls dropped. */
function text(value: string): string {
  return (
    value
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\r\n|\r|\n/g, '\\n')
      // Control characters are exactly what this strips.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets, between characters; each continuation starts with one space (§3.1). */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** `YYYYMMDD`, the DATE form. */
function date(day: CalendarDate): string {
  return day.replaceAll('-', '');
}

/** `YYYYMMDDTHHMMSSZ`, the UTC DATE-TIME form. */
function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function event(reminder: Reminder, stamp: string, exchange: string): string[] {
  const summary = reminder.name ? `Rotate ${exchange} API key "${reminder.name}"` : `Rotate ${exchange} API key`;
  const description = [
    `Permissions: ${reminder.permissions.length > 0 ? reminder.permissions.join(', ') : 'none'}`,
    `IP binding: ${reminder.ipBound ? 'bound to IP addresses' : 'not bound to any IP address'}`,
    `Created: ${reminder.created}`,
    `Rotation interval: ${reminder.rotationDays} days`,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${text(reminder.id)}@keyscope`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${date(reminder.due)}`,
    // DTEND of an all-day event is exclusive: the next day.
    `DTEND;VALUE=DATE:${date(addDays(reminder.due, 1))}`,
    `SUMMARY:${text(summary)}`,
    `DESCRIPTION:${text(description)}`,
    // A reminder, not an appointment: it does not make the user look busy.
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-P1D',
    `DESCRIPTION:${text(`${summary} tomorrow`)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/**
 * One all-day event per live (pending or active) reminder on its due date, with an alarm the day before;
 * rotated and revoked keys are history and left out. `stamp` is the instant of the export (DTSTAMP), and
 * `exchangeName` turns an adapter id into the name the user knows.
 */
export function remindersToIcs(reminders: Reminder[], stamp: Date, exchangeName: (id: string) => string): string {
  const dtstamp = utcDateTime(stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//KeyScope//Key rotation reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...reminders.filter(isLive).flatMap((r) => event(r, dtstamp, exchangeName(r.exchange))),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

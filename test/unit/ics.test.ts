import { describe, expect, test } from 'vitest';
import { remindersToIcs } from '../../src/inventory/ics';
import type { Reminder } from '../../src/inventory/reminder';
import { reminder } from './helpers';

const STAMP = new Date('2026-12-03T09:05:07.123Z');
const names: Record<string, string> = { okx: 'OKX', binance: 'Binance' };
const ics = (reminders: Reminder[]) => remindersToIcs(reminders, STAMP, (id) => names[id] ?? id);

/** RFC 5545 §3.1: a CRLF followed by one space or tab is removed before anything else. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

/** RFC 5545 §3.3.11, the reverse of escaping. */
const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** Each VEVENT as its property lines (name with parameters → raw value), as a calendar app reads them. */
function events(text: string): Array<Map<string, string>> {
  const found: Array<Map<string, string>> = [];
  let current: Map<string, string> | undefined;
  let inAlarm = false;
  for (const line of unfold(text).split('\r\n')) {
    const colon = line.indexOf(':');
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (line === 'BEGIN:VEVENT') found.push((current = new Map()));
    else if (line === 'END:VEVENT') current = undefined;
    else if (line === 'BEGIN:VALARM') inAlarm = true;
    else if (line === 'END:VALARM') inAlarm = false;
    else if (current && !inAlarm) current.set(name, value);
    else if (current && inAlarm) current.set(`VALARM/${name}`, value);
  }
  return found;
}

const onlyEvent = (text: string) => {
  const all = events(text);
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('calendar file', () => {
  test('is a published Gregorian iCalendar 2.0 file with KeyScope as producer', () => {
    const lines = ics([reminder()]).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//KeyScope//Key rotation reminders//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines.slice(-2)).toEqual(['END:VCALENDAR', '']);
  });

  test('ends every line with CRLF, with no bare CR or LF anywhere, even when names hold line breaks', () => {
    const text = ics([
      reminder({ name: 'line one\nline two\r\nline three\rfour' }),
      reminder({ id: 'r2', name: 'x'.repeat(300) }),
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('one all-day event per reminder, with an alarm the day before', () => {
    const event = onlyEvent(ics([reminder({ id: 'abc-123' })]));
    expect(Object.fromEntries(event)).toEqual({
      UID: 'abc-123@keyscope',
      DTSTAMP: '20261203T090507Z',
      'DTSTART;VALUE=DATE': '20270224',
      'DTEND;VALUE=DATE': '20270225',
      SUMMARY: 'Rotate OKX API key "portfolio tracker"',
      DESCRIPTION:
        'Permissions: read\\nIP binding: bound to IP addresses\\nCreated: 2026-11-26\\nRotation interval: 90 days',
      TRANSP: 'TRANSPARENT',
      'VALARM/ACTION': 'DISPLAY',
      'VALARM/TRIGGER': '-P1D',
      'VALARM/DESCRIPTION': 'Rotate OKX API key "portfolio tracker" tomorrow',
    });
  });

  test.each<[string, Partial<Reminder>, string, string]>([
    [
      'several permissions, no IP binding',
      { permissions: ['read', 'trade', 'withdraw'], ipBound: false },
      'Permissions: read, trade, withdraw',
      'IP binding: not bound to any IP address',
    ],
    ['no permission', { permissions: [] }, 'Permissions: none', 'IP binding: bound to IP addresses'],
  ])('the description lists the permissions and IP binding: %s', (_case, overrides, permissions, binding) => {
    const description = unescapeText(onlyEvent(ics([reminder(overrides)])).get('DESCRIPTION')!);
    expect(description.split('\n')).toEqual([
      permissions,
      binding,
      'Created: 2026-11-26',
      'Rotation interval: 90 days',
    ]);
  });

  test('a key without a name is summarised without empty quotes', () => {
    expect(onlyEvent(ics([reminder({ name: '' })])).get('SUMMARY')).toBe('Rotate OKX API key');
  });

  test('pending and active keys are exported; rotated and revoked ones are history and left out', () => {
    const text = ics([
      reminder({ id: 'pending', state: 'pending' }),
      reminder({ id: 'rotated', state: 'rotated' }),
      reminder({ id: 'active', state: 'active' }),
      reminder({ id: 'revoked', state: 'revoked' }),
    ]);
    expect(events(text).map((e) => e.get('UID'))).toEqual(['pending@keyscope', 'active@keyscope']);
  });
});

describe('dates', () => {
  test.each([
    ['an ordinary day', '2027-02-24', '20270224', '20270225'],
    ['the last day of a year', '2026-12-31', '20261231', '20270101'],
    ['the day before a leap day', '2028-02-28', '20280228', '20280229'],
    ['a leap day', '2028-02-29', '20280229', '20280301'],
    ['the end of February in a common year', '2027-02-28', '20270228', '20270301'],
    ['the end of a 30-day month', '2027-04-30', '20270430', '20270501'],
  ])('%s: the event starts on the due date and ends (exclusive) the next day', (_case, due, start, end) => {
    const event = onlyEvent(ics([reminder({ due })]));
    expect(event.get('DTSTART;VALUE=DATE')).toBe(start);
    expect(event.get('DTEND;VALUE=DATE')).toBe(end);
  });

  test("reading back the DTSTART of each event gives its reminder's due date", () => {
    const dues = ['2026-12-31', '2027-01-01', '2028-02-29', '2027-07-15', '2099-12-31'];
    const text = ics(dues.map((due, i) => reminder({ id: `k${i}`, due })));
    const read = events(text).map((e) => e.get('DTSTART;VALUE=DATE')!.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3'));
    expect(read).toEqual(dues);
  });

  test('DTSTAMP is the export instant in UTC, whatever the local time zone', () => {
    const text = remindersToIcs([reminder()], new Date('2027-01-01T00:30:00+02:00'), () => 'OKX');
    expect(onlyEvent(text).get('DTSTAMP')).toBe('20261231T223000Z');
  });
});

describe('text values', () => {
  test.each([
    ['a comma and a semicolon', 'bot, v2; main', 'bot\\, v2\\; main'],
    ['a backslash', 'C:\\keys\\bot', 'C:\\\\keys\\\\bot'],
    ['a line break', 'one\ntwo', 'one\\ntwo'],
    ['a CRLF', 'one\r\ntwo', 'one\\ntwo'],
    ['a lone CR', 'one\rtwo', 'one\\ntwo'],
    ['a backslash before an n', 'back\\n', 'back\\\\n'],
    ['control characters, dropped', 'bell\u0007 and\u0000 null', 'bell and null'],
    ['a tab, kept', 'a\tb', 'a\tb'],
    ['a colon and double quotes, unescaped', 'a:"b"', 'a:"b"'],
  ])('%s', (_case, name, escaped) => {
    expect(onlyEvent(ics([reminder({ name })])).get('SUMMARY')).toBe(`Rotate OKX API key "${escaped}"`);
  });

  test('escaped names read back as typed', () => {
    const name = 'a\\b;c,d\ne "f"';
    expect(unescapeText(onlyEvent(ics([reminder({ name })])).get('SUMMARY')!)).toBe(`Rotate OKX API key "${name}"`);
  });

  test('a name that tries to close the event and open another stays inside its SUMMARY', () => {
    const name = 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@keyscope\r\nSUMMARY:free money';
    const text = ics([reminder({ name })]);
    expect(unescapeText(onlyEvent(text).get('SUMMARY')!)).toBe(`Rotate OKX API key "${name.replaceAll('\r\n', '\n')}"`);
    expect(text.split('\r\n').filter((line) => line.startsWith('BEGIN:'))).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'BEGIN:VALARM',
    ]);
  });

  test('an id with separators is escaped in the UID', () => {
    expect(onlyEvent(ics([reminder({ id: 'a;b,c' })])).get('UID')).toBe('a\\;b\\,c@keyscope');
  });
});

describe('folding at 75 octets', () => {
  const octets = (line: string) => Buffer.byteLength(line, 'utf8');
  // A lone surrogate half (an emoji cut in two) does not survive a UTF-8 round trip.
  const wholeCharacters = (line: string) => Buffer.from(line, 'utf8').toString('utf8') === line;

  test.each([
    ['a long Chinese name (3 octets each)', '交易机器人密钥'.repeat(20)],
    ['emoji (4 octets, two UTF-16 units each)', '🔑🤖'.repeat(60)],
    ['a mix of 1-, 2-, 3- and 4-octet characters', 'aé密🔑'.repeat(40)],
    ['a long ASCII name', 'grid-bot-'.repeat(30)],
  ])('%s: no line over 75 octets, no character split, and unfolding gives the name back', (_case, name) => {
    const text = ics([reminder({ name })]);
    const lines = text.split('\r\n');
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(wholeCharacters(line)).toBe(true);
    }
    expect(onlyEvent(text).get('SUMMARY')).toBe(`Rotate OKX API key "${name}"`);
  });

  test('continuation lines start with exactly one space, and lines are filled up to the limit', () => {
    const name = '交易机器人密钥'.repeat(20);
    const lines = ics([reminder({ name })]).split('\r\n');
    const start = lines.findIndex((line) => line.startsWith('SUMMARY:'));
    const end = lines.findIndex((line, i) => i > start && !line.startsWith(' '));
    const continuations = lines.slice(start + 1, end);
    expect(continuations.length).toBeGreaterThan(3);
    for (const line of continuations) expect(line[1]).not.toBe(' ');
    // 'SUMMARY:Rotate OKX API key "' is 28 octets: 15 Chinese characters (45 octets) fit, the 16th would make 76.
    expect(octets(lines[start]!)).toBe(73);
    // ' ' + 24 characters = 73 octets; a 25th would make 76.
    for (const line of continuations.slice(0, -1)) expect(octets(line)).toBe(73);
  });

  test('a line of exactly 75 octets is not folded, 76 is', () => {
    const prefix = 'SUMMARY:Rotate OKX API key ""';
    const fits = 'n'.repeat(75 - prefix.length);
    const lines = ics([reminder({ name: fits }), reminder({ id: 'r2', name: `${fits}n` })]).split('\r\n');
    expect(lines).toContain(`SUMMARY:Rotate OKX API key "${fits}"`);
    expect(lines).toContain(`SUMMARY:Rotate OKX API key "${fits}n`);
    expect(lines).toContain(' "');
  });
});

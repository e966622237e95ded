import { describe, expect, test } from 'vitest';
import { parseAllowList } from '../../src/core/ip-allowlist';
import { isBound } from '../../src/core/ip-binding';
import {
  addDays,
  daysBetween,
  dueStatus,
  exchangeDeadlineDays,
  localCalendarDate,
  parseCalendarDate,
  parseRotationDays,
  rotationDueDate,
  suggestedRotationDays,
} from '../../src/core/rotation';
import { okx } from '../../src/exchanges/okx';
import { PUBLIC_IP } from './helpers';

describe('addDays', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 90, '2026-04-01'],
    ['2026-01-01', 0, '2026-01-01'],
    // leap years
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-02-29', 365, '2029-02-28'],
    ['2028-02-29', 1, '2028-03-01'],
    // DST changes (US 2026-03-08 and 2026-11-01, EU 2026-10-25): arithmetic is on dates, so no day is lost or doubled
    ['2026-03-07', 1, '2026-03-08'],
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-03-01', 14, '2026-03-15'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-10-20', 14, '2026-11-03'],
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-11-01', -1, '2026-10-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test.each(['2026-02-30', 'tomorrow', ''])('throws on %j rather than inventing a date', (date) => {
    expect(() => addDays(date, 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  test.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-04-01', 90],
    ['2026-04-01', '2026-01-01', -90],
    ['2026-03-01', '2026-04-01', 31],
    ['2026-10-01', '2026-11-30', 60],
    ['2028-02-01', '2028-03-01', 29],
    ['2027-02-01', '2027-03-01', 28],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  test('throws on an invalid date, naming it', () => {
    expect(() => daysBetween('2026-01-01', '2026-13-01')).toThrow('2026-13-01');
  });
});

describe('parseCalendarDate', () => {
  test.each([
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['2028-02-29', Date.UTC(2028, 1, 29)],
    ['2026-12-31', Date.UTC(2026, 11, 31)],
  ])('%s is a date', (text, ms) => {
    expect(parseCalendarDate(text)).toBe(ms);
  });

  test.each([
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-04-31',
    '2026-1-5',
    '2026-01-01T00:00',
    ' 2026-01-01',
    'garbage',
    '',
  ])('%j is not a date', (text) => {
    expect(parseCalendarDate(text)).toBeUndefined();
  });
});

describe('localCalendarDate', () => {
  // Built from local components, so the expected day is the local one whatever the machine's zone.
  test.each([
    [new Date(2026, 2, 8, 0, 30), '2026-03-08'],
    [new Date(2026, 2, 8, 23, 30), '2026-03-08'],
    [new Date(2026, 9, 25, 0, 30), '2026-10-25'],
    [new Date(2026, 9, 25, 23, 59), '2026-10-25'],
    [new Date(2026, 10, 1, 1, 30), '2026-11-01'],
    [new Date(2028, 1, 29, 12, 0), '2028-02-29'],
    [new Date(2026, 0, 5, 9, 0), '2026-01-05'],
  ])('%o is %s', (instant, date) => {
    expect(localCalendarDate(instant)).toBe(date);
  });
});

describe('exchange deadline and suggestion', () => {
  test.each([
    ['unbound Trade', ['read', 'trade'], [], 14],
    ['unbound Withdraw', ['withdraw'], [], 14],
    ['Trade with only invalid entries', ['trade'], ['abc'], 14],
    ['bound Trade', ['trade'], [PUBLIC_IP], undefined],
    ['unbound read-only', ['read'], [], undefined],
  ] as const)('OKX deadline for %s is %s', (_name, permissions, entries, days) => {
    expect(exchangeDeadlineDays(okx.rules, permissions, isBound(parseAllowList(entries)))).toBe(days);
  });

  test('an expiry with no permission list applies to any unbound key', () => {
    const rules = { unboundExpiry: { days: 30, idle: false, permissions: [], outcome: 'expired' as const } };
    expect(exchangeDeadlineDays(rules, ['read'], false)).toBe(30);
  });

  test.each([
    [undefined, 90],
    [14, 14],
    [90, 90],
    [120, 90],
  ])('deadline %s suggests %i days', (deadline, days) => {
    expect(suggestedRotationDays(deadline)).toBe(days);
  });

  test.each([
    [undefined, 180, 180],
    [14, 180, 14],
    [undefined, 30, 30],
    [14, 7, 7],
  ])("deadline %s with the user's default of %i days suggests %i days", (deadline, preferred, days) => {
    expect(suggestedRotationDays(deadline, preferred)).toBe(days);
  });

  test.each([
    ['2026-01-01', 90, undefined, '2026-04-01'],
    ['2026-01-01', 90, 14, '2026-01-15'],
    ['2026-01-01', 7, 14, '2026-01-08'],
    ['2026-02-20', 30, 14, '2026-03-06'],
  ])('created %s, every %i days, deadline %s: due %s', (created, days, deadline, due) => {
    expect(rotationDueDate(created, days, deadline)).toBe(due);
  });
});

describe('parseRotationDays', () => {
  test.each([
    ['90', 90],
    [' 30 ', 30],
    ['\t7\n', 7],
    ['1', 1],
    ['366', 366],
    ['0', undefined],
    ['367', undefined],
    ['1000', undefined],
    ['1e2', undefined],
    ['-5', undefined],
    ['30.5', undefined],
    ['0x10', undefined],
    ['', undefined],
    ['   ', undefined],
    ['٩٠', undefined],
    ['９０', undefined],
  ])('%j → %s', (text, days) => {
    expect(parseRotationDays(text)).toBe(days);
  });
});

describe('dueStatus', () => {
  test.each([
    ['2026-06-30', '2026-05-01', 'ok'],
    ['2026-06-30', '2026-06-22', 'ok'],
    ['2026-06-30', '2026-06-23', 'due-soon'],
    ['2026-06-30', '2026-06-30', 'due-soon'],
    ['2026-06-30', '2026-07-01', 'overdue'],
    ['2026-03-01', '2026-02-21', 'ok'],
    ['2026-03-01', '2026-02-22', 'due-soon'],
  ])('due %s, today %s: %s', (due, today, status) => {
    expect(dueStatus(due, today)).toBe(status);
  });

  test('the due-soon window can be changed', () => {
    expect(dueStatus('2026-06-30', '2026-06-16', 14)).toBe('due-soon');
    expect(dueStatus('2026-06-30', '2026-06-15', 14)).toBe('ok');
  });
});

import { describe, expect, test } from 'vitest';
import { say } from '../../src/i18n';
import {
  DEFAULT_SETTINGS,
  exchangeEnabled,
  normalizeSettings,
  settingsChangeProblem,
  type Settings,
} from '../../src/settings/settings';

const good: Settings = {
  dueSoonDays: 14,
  sync: true,
  rotationDays: 180,
  disabledExchanges: ['kraken', 'okx'],
  confirmCritical: true,
};

describe('normalizeSettings: each field on its own', () => {
  test('nothing stored: the defaults (rotation 90 days, every exchange on, no confirmation)', () => {
    expect(normalizeSettings(undefined)).toEqual({
      dueSoonDays: 7,
      sync: false,
      rotationDays: 90,
      disabledExchanges: [],
      confirmCritical: false,
    });
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  test('settings stored by an older KeyScope (due-soon and sync only) keep their values and get the new defaults', () => {
    expect(normalizeSettings({ dueSoonDays: 3, sync: true })).toEqual({
      ...DEFAULT_SETTINGS,
      dueSoonDays: 3,
      sync: true,
    });
  });

  test('valid settings are kept as stored', () => {
    expect(normalizeSettings(good)).toEqual(good);
  });

  test.each<[keyof Settings, unknown]>([
    ['dueSoonDays', 0],
    ['dueSoonDays', 61],
    ['dueSoonDays', 2.5],
    ['dueSoonDays', '7'],
    ['sync', 'yes'],
    ['sync', 1],
    ['rotationDays', 0],
    ['rotationDays', 367],
    ['rotationDays', 30.5],
    ['rotationDays', '90'],
    ['rotationDays', null],
    ['disabledExchanges', 'okx'],
    ['disabledExchanges', ['okx', 3]],
    ['disabledExchanges', ['OKX!']],
    ['disabledExchanges', {}],
    ['confirmCritical', 'true'],
    ['confirmCritical', 1],
  ])('a bad %s (%j) falls back to its default; every other field is kept', (field, bad) => {
    const expected = { ...good, [field]: DEFAULT_SETTINGS[field] };
    expect(normalizeSettings({ ...good, [field]: bad })).toEqual(expected);
  });

  test('the exchanges turned off are de-duplicated and sorted', () => {
    expect(normalizeSettings({ disabledExchanges: ['okx', 'binance', 'okx'] }).disabledExchanges).toEqual([
      'binance',
      'okx',
    ]);
  });

  test('not an object at all: the defaults', () => {
    for (const raw of [null, 'settings', 42, ['dueSoonDays']]) expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  test('why sync stopped is kept when it is text', () => {
    expect(normalizeSettings({ syncProblem: 'quota' }).syncProblem).toBe('quota');
    expect(normalizeSettings({ syncProblem: 3 })).not.toHaveProperty('syncProblem');
  });
});

describe('settingsChangeProblem: a requested change is refused with words', () => {
  test('valid changes pass', () => {
    expect(
      settingsChangeProblem({ rotationDays: 366, disabledExchanges: ['okx'], confirmCritical: true }),
    ).toBeUndefined();
  });

  test.each([
    [{ dueSoonDays: 0 }, /"Due soon" must be a whole number of days from 1 to 60/],
    [{ rotationDays: 400 }, /rotation interval must be a whole number of days from 1 to 366/],
    [{ disabledExchanges: 'okx' }, /list of exchange ids/],
    [{ confirmCritical: 'yes' }, /either on or off/],
    [{ syncProblem: 'x' }, /no setting called "syncProblem"/],
  ])('%j', (change, message) => {
    const problem = settingsChangeProblem(change);
    expect(problem && say(problem)).toMatch(message);
  });
});

test('exchangeEnabled: off only for the exchanges the user turned off', () => {
  expect(exchangeEnabled({ disabledExchanges: ['okx'] }, 'okx')).toBe(false);
  expect(exchangeEnabled({ disabledExchanges: ['okx'] }, 'binance')).toBe(true);
});

import { describe, expect, test, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../../src/content/bootstrap.ts?script', () => ({ default: 'bootstrap.js' }));
const { contentRequest } = await import('../../src/background/content-requests');
const { mayAsk } = await import('../../src/background/senders');

// What the background accepts from a content script: its own exchange's requests, well-formed and small.

const key = { exchange: 'binance', name: 'bot', permissions: ['read', 'trade'], ipBound: false, rotationDays: 30 };

describe("bound to the sender's exchange", () => {
  test.each([
    'reminder:record',
    'reminder:track',
    'purpose:get',
    'reminders:tracked-names',
    'reminder:confirm-pending',
  ] as const)('%s', (type) => {
    expect(contentRequest(type, { ...key, purpose: 'trading-bot' }, 'okx')).toMatchObject({ exchange: 'okx' });
  });

  test("a verdict is the page's exchange's, named by its adapter", () => {
    const verdict = {
      exchange: 'binance',
      exchangeName: 'Binance',
      permissions: ['read'],
      ipEntries: [],
      findings: [],
      risk: 'none',
      ids: [],
      ready: true,
      toFix: 0,
    };
    expect(contentRequest('verdict:update', { verdict }, 'okx')).toMatchObject({
      verdict: { exchange: 'okx', exchangeName: 'OKX' },
    });
  });
});

test('a rotation of 3,660 days (ten years), the longest, is accepted', () => {
  expect(contentRequest('reminder:record', { ...key, rotationDays: 3660 }, 'okx')).toMatchObject({
    rotationDays: 3660,
  });
});

describe('refused with a reason', () => {
  test.each([
    ['an unknown permission', { ...key, permissions: ['root'] }, /permissions/],
    ['a name of 500 characters', { ...key, name: 'x'.repeat(500) }, /name/],
    ['rotation in 99,999 days', { ...key, rotationDays: 99_999 }, /rotationDays/],
    ['rotation in 3,661 days, one past the bound', { ...key, rotationDays: 3661 }, /rotationDays/],
    ['rotation in 0 days', { ...key, rotationDays: 0 }, /rotationDays/],
    ['ipBound as text', { ...key, ipBound: 'yes' }, /ipBound/],
    ['an invented purpose', { ...key, purpose: 'root' }, /purpose/],
    ['a payload over 64 KiB', { ...key, padding: 'x'.repeat(70_000) }, /larger than/],
    ['no object at all', 'record', /not an object/],
  ])('%s', (_what, payload, reason) => {
    expect(() => contentRequest('reminder:record', payload, 'okx')).toThrow(reason);
  });

  test('a verdict with 10,000 IP entries', () => {
    const verdict = {
      permissions: ['read'],
      ipEntries: Array.from({ length: 10_000 }, () => '1.1.1.1'),
      findings: [],
      risk: 'none',
      ids: [],
      ready: true,
      toFix: 0,
    };
    expect(() => contentRequest('verdict:update', { verdict }, 'okx')).toThrow(/larger than|ipEntries/);
  });
});

test("content scripts may ask only the guard's messages; the extension's pages anything", () => {
  const content = {
    kind: 'content' as const,
    tabId: 1,
    frameId: 0,
    url: new URL('https://www.okx.com/'),
    exchange: 'okx',
  };
  expect(mayAsk(content, 'reminder:record')).toBe(true);
  for (const type of [
    'reminders:list',
    'reminder:delete',
    'settings:set',
    'reminders:import',
    'sites:remove',
    'verdict:get',
  ] as const) {
    expect(mayAsk(content, type)).toBe(false);
    expect(mayAsk({ kind: 'extension', page: 'options' }, type)).toBe(true);
  }
  expect(mayAsk({ kind: 'refused', reason: 'x' }, 'settings:get')).toBe(false);
});

import { beforeEach, expect, test, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../src/inventory/reminder';
import { reminder } from './helpers';

// A notification is plain text: a key's name from a page or a file must not reorder the sentence around it. With the
// browser in memory (./memory-browser.ts), one check notifies an overdue key.

vi.mock('webextension-polyfill', async () => ({ default: (await import('./memory-browser')).browser }));

const { browser, local, reset } = await import('./memory-browser');
const { runCheck } = await import('../../src/background/checks');

beforeEach(reset);

test("an overdue key's name is set in the notification isolated (FSI … PDI), its hidden characters already gone", async () => {
  // Stored before names were cleaned: a right-to-left override that would turn the rest of the sentence around.
  const stored = reminder({ name: 'bot\u202E exe.txt', created: '2026-01-01', rotationDays: 30, due: '2026-01-31' });
  local.set('reminders', { version: SCHEMA_VERSION, reminders: [stored], quarantine: [] });
  await runCheck(new Date(2026, 11, 5, 12));
  expect(browser.notifications.create).toHaveBeenCalledTimes(1);
  const [, options] = browser.notifications.create.mock.calls[0]!;
  expect(options.message).toContain('\u2068bot exe.txt\u2069');
  expect(options.message).not.toContain('\u202E');
});

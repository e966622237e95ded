// The built extension's service worker in Chromium, for the e2e tests that set up stored data through it: wait until
// its code has run, write the inventory as stored data, and pin its clock for pictures that must not change by date.
import type { Browser, WebWorker } from 'puppeteer-core';
import { serviceWorker } from '../../scripts/browsers.mjs';
import { sleep } from './inventory-scenarios';

// The `chrome.*` calls evaluated in the service worker (no @types/chrome here).
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  alarms: { get(name: string): Promise<{ name: string } | undefined> };
};

export const CHECK_ALARM = 'keyscope-check';

/**
 * The extension's service worker once its code has run: `chrome` is bound (right after launch an evaluate can land
 * before it is) and, when `installed`, onInstalled has scheduled the check alarm, so its listeners are registered.
 */
export async function readyWorker(browser: Browser, { installed = false } = {}): Promise<WebWorker> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const worker = await serviceWorker(browser);
    const ready = await worker
      .evaluate(
        async (alarm, wantAlarm) =>
          typeof chrome === 'object' && !!chrome.storage && (!wantAlarm || !!(await chrome.alarms.get(alarm))),
        CHECK_ALARM,
        installed,
      )
      .catch(() => false);
    if (ready) return worker;
    if (Date.now() > deadline) throw new Error('The service worker never became ready');
    await sleep(50);
  }
}

/** A valid v2 stored reminder (src/inventory/reminder.ts), created and due on the given dates: an OKX read+trade key bound to IPs unless `overrides` says otherwise. */
export function storedReminder(
  id: string,
  name: string,
  created: string,
  rotationDays: number,
  due: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    id,
    exchange: 'okx',
    name,
    permissions: ['read', 'trade'],
    ipBound: true,
    purpose: 'trading-bot',
    created,
    rotationDays,
    due,
    state: 'active',
    source: 'manual',
    history: [{ kind: 'created', on: created }],
    ...overrides,
  };
}

/** Writes the inventory as stored data, through the service worker (the background reacts to the change). */
export async function seedReminders(browser: Browser, value: unknown): Promise<void> {
  const worker = await readyWorker(browser, { installed: true });
  await worker.evaluate((stored) => chrome.storage.local.set({ reminders: stored }), value as Record<string, unknown>);
}

/**
 * From now on the service worker's `Date` (its "today" for the popup's due dates and statuses) reads `instant`, as if
 * the clock had stopped there. Lasts as long as this worker instance: a restarted worker has the real clock again.
 */
export async function pinWorkerClock(browser: Browser, instant: string): Promise<void> {
  const worker = await readyWorker(browser);
  await worker.evaluate((iso) => {
    const fixed = Date.parse(iso);
    const RealDate = Date;
    class PinnedDate extends RealDate {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        if (args.length === 0) super(fixed);
        else super(...args);
      }

      static override now(): number {
        return fixed;
      }
    }
    (globalThis as unknown as { Date: DateConstructor }).Date = PinnedDate as DateConstructor;
  }, instant);
}

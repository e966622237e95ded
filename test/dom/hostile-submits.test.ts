import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from 'webextension-polyfill';
import { afterEach, expect, test, vi } from 'vitest';
import { guardKeyPage } from '../../src/content/guard/key-page';
import { generic } from '../../src/exchanges/generic';
import type { Envelope } from '../../src/messages';
import { isolated } from '../../src/core/text';
import { waitFor } from './key-list-harness';
import { userClick } from './user-events';

// Issue "a hostile page cannot turn KeyScope against its user": a guarded site (the generic adapter on a made-up
// exchange, test/fixtures/generic/README.md) clicks its own "Create API key" again and again, each time under a new
// key name. The guard in this document talks to the background's own code, as its `answerMessage` handles a content
// script (src/background/receive.ts), with storage.local in memory: the sixth click is refused, and the panel says why.

vi.mock('webextension-polyfill', async () => ({ default: (await import('../unit/memory-browser')).browser }));
vi.mock('../../src/content/guard.ts?script', () => ({ default: 'guard.js' }));
vi.mock('../../src/content/describe.ts?script', () => ({ default: 'describe.js' }));
vi.mock('../../src/content/bootstrap.ts?script', () => ({ default: 'bootstrap.js' }));

const { local, reset } = await import('../unit/memory-browser');
const { answerMessage } = await import('../../src/background/receive');

const PAGE = 'https://zenith-exchange.example/account/api';
const FIXTURE = join(import.meta.dirname, '../fixtures/generic/zenith-en.html');

/** `chrome.runtime.sendMessage` from this document's guard, answered by the background's own listener for a tab at PAGE. */
function backgroundForThisPage() {
  // The extension's id as the in-memory browser has it: the message is KeyScope's own, from a tab at PAGE.
  const sender = { id: 'keyscope-test', url: PAGE, tab: { id: 4 }, frameId: 0 } as Runtime.MessageSender;
  const sendMessage = (message: Envelope) => answerMessage(message, sender);
  (globalThis as { chrome?: unknown }).chrome = { runtime: { sendMessage } };
}

const visit = new AbortController();
afterEach(() => {
  visit.abort();
  delete (globalThis as { chrome?: unknown }).chrome;
  document.body.replaceChildren();
});

const panelText = () => document.querySelector('[data-keyscope-overlay]')?.shadowRoot?.textContent ?? '';

// A page's own click() records nothing at all (test/dom/untrusted-clicks.test.ts); the cap stands behind that, for
// clicks that are the user's (a key submitted again and again) or a compromised content script's messages.
test('six submits on one site: five pending keys recorded, names cleaned, the sixth refused, and the panel says why', async () => {
  reset();
  local.set('guardedSites', ['https://zenith-exchange.example']);
  backgroundForThisPage();
  const source = readFileSync(FIXTURE, 'utf8');
  document.body.replaceChildren(new DOMParser().parseFromString(source, 'text/html').body.querySelector('main')!);
  const form = document.getElementById('zx-key-form')!;
  form.addEventListener('submit', (event) => event.preventDefault());
  guardKeyPage(generic, visit.signal);
  await waitFor(() => expect(panelText()).not.toBe(''));

  const label = document.getElementById('zx-label') as HTMLInputElement;
  const create = [...form.querySelectorAll('button')].find((b) => b.textContent === 'Create API key')!;
  for (let i = 0; i < 6; i++) {
    label.value = `\u202Ebot ${i}`;
    label.dispatchEvent(new Event('input', { bubbles: true }));
    userClick(create);
    await waitFor(() =>
      expect(panelText()).toMatch(
        i < 5 ? new RegExp(`Reminder saved: rotate "${isolated(`bot ${i}`)}"`) : /Could not save the reminder/,
      ),
    );
  }
  expect(panelText()).toContain(
    'Could not save the reminder: 5 keys from zenith-exchange.example are already waiting for confirmation, so KeyScope did not record this one.',
  );
  const { reminders } = local.get('reminders') as {
    reminders: Array<{ name: string; state: string; origin?: string }>;
  };
  expect(reminders.map((r) => [r.name, r.state, r.origin])).toEqual(
    Array.from({ length: 5 }, (_, i) => [`bot ${i}`, 'pending', 'https://zenith-exchange.example']),
  );
});

import { afterEach, describe, expect, test } from 'vitest';
import { contentRequest } from '../../src/background/content-requests';
import { guardKeyPage } from '../../src/content/guard/key-page';
import { findKeyForm, readForm } from '../../src/content/read/read-form';
import { okx } from '../../src/exchanges/okx';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { KeyCreated, Reminder } from '../../src/inventory/reminder';
import type { TabVerdict } from '../../src/messages';
import { byText, fakeBackground, loadIntoDocument, waitForValue } from './key-list-harness';

// A hostile (or broken) page may put any amount into the form: thousands of IP entries, one entry of 10,000
// characters, a key name as long, dozens of switches KeyScope does not know. KeyScope reads the first part of each
// (src/content/read/read-caps.ts), the snapshot says what it cut, `form.read-capped` keeps the verdict from "Ready", and the
// verdict stays one the background accepts (src/background/content-requests.ts), so the popup still shows it.

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** OKX's create form (late-modal.html), opened, its fields filled as given. */
function openForm({
  name = 'bot',
  ips = '8.8.8.8',
  unknown = 0,
}: { name?: string; ips?: string; unknown?: number } = {}) {
  loadIntoDocument('late-modal.html');
  byText('Create API key').click();
  const set = (selector: string, value: string) => {
    const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    field.removeAttribute('maxlength');
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  set('#ck-name', name);
  set('#ck-ip', ips);
  // Switches OKX never had, on, beside Read, Trade and Withdraw: each with a long label of its own.
  const list = document.querySelector('#ck-withdraw')!.closest('span')!.parentElement!;
  for (let i = 0; i < unknown; i++) {
    const item = document.createElement('span');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `ck-extra-${i}`;
    box.checked = true;
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = `Extra power number ${i} ${'x'.repeat(80)}`;
    item.append(box, ' ', label);
    list.append(item);
  }
}

function read() {
  const form = findKeyForm(document.body, okx);
  if (!form) throw new Error('no key form');
  return readForm(form, okx);
}

const manyIps = (count: number) =>
  Array.from({ length: count }, (_, i) => `8.8.${Math.floor(i / 250)}.${(i % 250) + 1}`).join('\n');

describe('the snapshot reads a bounded part of the page, and says so', () => {
  test('5,000 IP entries: the first 100', () => {
    openForm({ ips: manyIps(5000) });
    const snapshot = read();
    expect(snapshot.ipEntries).toHaveLength(100);
    expect(snapshot.ipEntries[0]).toBe('8.8.0.1');
    expect(snapshot.capped).toEqual([{ part: 'ip-entries', limit: 100 }]);
  });

  test('an entry of 10,000 characters: its first 63 and "…", which is no address', () => {
    openForm({ ips: `8.8.8.8 ${'1'.repeat(10_000)}` });
    const snapshot = read();
    expect(snapshot.ipEntries).toEqual(['8.8.8.8', `${'1'.repeat(63)}…`]);
    expect(snapshot.capped).toEqual([{ part: 'ip-entry', limit: 64 }]);
  });

  test('a key name of 10,000 characters: the first 199 and "…", never splitting a character', () => {
    openForm({ name: '🔑'.repeat(10_000) });
    const snapshot = read();
    expect(Array.from(snapshot.keyName)).toHaveLength(200);
    expect(snapshot.keyName).toBe(`${'🔑'.repeat(199)}…`);
    expect(snapshot.capped).toEqual([{ part: 'key-name', limit: 200 }]);
  });

  test('50 unknown switches on: the first 20, each label cut to 60 characters', () => {
    openForm({ unknown: 50 });
    const snapshot = read();
    expect(snapshot.unknownPermissions).toHaveLength(20);
    expect(snapshot.unknownPermissions![0]).toMatch(/^Extra power number 0 x+$/);
    expect(snapshot.unknownPermissions!.every((label) => label.length <= 60)).toBe(true);
    expect(snapshot.capped).toEqual([{ part: 'unknown-permissions', limit: 20 }]);
  });

  test('an ordinary form is read whole: nothing capped', () => {
    openForm({ ips: manyIps(30), name: 'k'.repeat(200), unknown: 1 });
    expect(read()).not.toHaveProperty('capped');
  });
});

describe('the guard on a page that shows too much', () => {
  function guarded() {
    const background = fakeBackground({
      'settings:get': () => DEFAULT_SETTINGS,
      'purpose:get': () => 'read-only',
      'reminder:record': (key: KeyCreated) => ({ ...key, id: 'r1', due: '2027-02-24' }) as unknown as Reminder,
    });
    closers.push(() => background.uninstall());
    const visit = new AbortController();
    closers.push(() => visit.abort());
    guardKeyPage(okx, visit.signal);
    return background;
  }
  const lastVerdict = (background: ReturnType<typeof guarded>): TabVerdict | undefined =>
    background.of('verdict:update').at(-1)?.verdict;

  test.each([
    ['5,000 IP entries', { ips: manyIps(5000) }],
    ['a 10,000-character entry', { ips: `8.8.8.8 ${'1'.repeat(10_000)}` }],
    ['everything at once', { ips: `${'z'.repeat(10_000)} `.repeat(500), name: 'n'.repeat(10_000), unknown: 50 }],
  ])('%s: form.read-capped, never "Ready", and a verdict the background accepts', async (_what, fields) => {
    const background = guarded();
    openForm(fields);
    // The first verdict with the IP list read: the background must take it (a refused one leaves the popup without it).
    const first = await waitForValue(() => {
      const last = lastVerdict(background);
      return last && last.ipEntries.length > 0 ? last : null;
    });
    expect(() => contentRequest('verdict:update', { verdict: first }, 'okx')).not.toThrow();
    const verdict = await waitForValue(() => {
      const last = lastVerdict(background);
      return last?.ids.includes('form.read-capped') ? last : null;
    });
    expect(verdict.ready).toBe(false);
    expect(verdict.findings.find((f) => f.id === 'form.read-capped')).toMatchObject({
      severity: 'high',
      blocking: true,
    });
    expect(() => contentRequest('verdict:update', { verdict }, 'okx')).not.toThrow();
    const panel = document.querySelector('[data-keyscope-overlay]')!;
    expect(panel.getAttribute('data-findings')).toContain('form.read-capped');
    expect(panel.shadowRoot!.textContent).toContain('KeyScope read only part of this form');
    expect(panel.shadowRoot!.textContent).not.toContain('Ready to create');
  });
});

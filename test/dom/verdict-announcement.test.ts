import { afterEach, describe, expect, test } from 'vitest';
import { guardKeyPage } from '../../src/content/guard/key-page';
import { okx } from '../../src/exchanges/okx';
import { ANNOUNCE_DELAY_MS } from '../../src/ui/VerdictAnnouncement';
import { fakeBackground, loadIntoDocument, waitFor } from './key-list-harness';

// The panel's polite live region on the OKX replica, with the real guard: a screen reader hears the verdict when it
// (or the worst finding) changes and has held still, never once per keystroke in the IP field.

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const host = () => document.querySelector<HTMLElement>('[data-keyscope-overlay]');
const region = () =>
  host()!.shadowRoot!.querySelector<HTMLElement>('[role="status"][aria-live="polite"].ks-announcement')!;
const ipField = () => document.querySelector<HTMLTextAreaElement>('#create-api-form textarea')!;

function guardedOkx() {
  const background = fakeBackground({ 'purpose:get': () => null });
  closers.push(() => background.uninstall());
  loadIntoDocument('en-native.html');
  const visit = new AbortController();
  closers.push(() => visit.abort());
  guardKeyPage(okx, visit.signal);
}

/** Types `text` into the IP field as a user's keystroke would, and waits until the panel has shown it. */
async function typeIp(text: string) {
  const field = ipField();
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await waitFor(() => expect(host()?.getAttribute('data-ips')).toBe(text.trim()));
}

/** Every rewrite of the live region from now on. */
function rewritesOf(element: HTMLElement): MutationRecord[] {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(element, { childList: true, characterData: true, subtree: true });
  closers.push(() => observer.disconnect());
  return records;
}

describe('the verdict live region', () => {
  test('is a polite status region, empty until the verdict has held still, then says the verdict and the worst finding', async () => {
    guardedOkx();
    await waitFor(() => expect(host()).not.toBeNull());
    expect(region().textContent).toBe('');
    await waitFor(
      () => expect(region().textContent).toMatch(/^Stop: \d+ things to fix\. .+\.$/),
      ANNOUNCE_DELAY_MS * 4,
    );
  });

  test('five keystrokes in the IP field with the same verdict do not rewrite it; a verdict change does', async () => {
    guardedOkx();
    await waitFor(() => expect(host()).not.toBeNull());
    await typeIp('x');
    await waitFor(() => expect(region().textContent).toContain('Not an IP address: x'), ANNOUNCE_DELAY_MS * 4);
    const findings = host()!.getAttribute('data-findings');
    const before = region().textContent;
    const rewrites = rewritesOf(region());

    // Five keystrokes spread over more than the debounce delay: the panel follows each one, the verdict stays.
    for (const typed of ['xy', 'xyz', 'xyz1', 'xyz12', 'xyz123']) {
      await typeIp(typed);
      expect(host()!.getAttribute('data-findings')).toBe(findings);
      await sleep(ANNOUNCE_DELAY_MS / 3);
    }
    await sleep(ANNOUNCE_DELAY_MS * 2);
    expect(host()!.shadowRoot!.textContent).toContain('Not an IP address: xyz123');
    expect(rewrites).toEqual([]);
    expect(region().textContent).toBe(before);

    // A valid public address: the invalid-entry finding goes, the verdict changes, the region says so.
    await typeIp('8.8.8.8');
    expect(host()!.getAttribute('data-findings')).not.toBe(findings);
    expect(rewrites).toEqual([]);
    await waitFor(() => expect(rewrites.length).toBeGreaterThan(0), ANNOUNCE_DELAY_MS * 4);
    expect(region().textContent).not.toBe(before);
    expect(region().textContent).not.toContain('Not an IP address');
    expect(region().textContent).toMatch(/^(Stop: \d+ things? to fix\. .+|Ready to create)\.$/);
  });

  test('a verdict that changes and changes back within the delay is not announced at all', async () => {
    guardedOkx();
    await waitFor(() => expect(host()).not.toBeNull());
    await typeIp('x');
    await waitFor(() => expect(region().textContent).toContain('Not an IP address'), ANNOUNCE_DELAY_MS * 4);
    const rewrites = rewritesOf(region());
    await typeIp('8.8.8.8');
    await typeIp('x');
    await sleep(ANNOUNCE_DELAY_MS * 2);
    expect(rewrites).toEqual([]);
  });
});

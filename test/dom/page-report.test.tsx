import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { describePage } from '../../src/content/read/describe-page';
import { descriptionFileName, type PageDescription } from '../../src/content/read/page-description';
import { mountOverlay, type Overlay } from '../../src/content/overlay/mount';
import type { PanelActions, PanelView } from '../../src/content/overlay/Panel';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import type { KeyFormSnapshot } from '../../src/core/types';
import { okx } from '../../src/exchanges/okx';
import { FIXTURES } from './fixture-page';

// "This page is not read right?" in the panel: a link-style button at the bottom shows the description of the page's
// form (built at the click, never before), saves it as a file through a blob URL, and closes.

function view(): PanelView {
  const snapshot: KeyFormSnapshot = {
    exchange: 'okx',
    permissions: ['read'],
    ipEntries: [],
    ipFieldFound: true,
    keyName: '',
  };
  const findings = evaluate(snapshot, { exchangeName: 'OKX', rules: okx.rules });
  return {
    exchangeName: 'OKX',
    snapshot,
    findings,
    verdict: verdictOf(findings),
    suggestedDays: 90,
    bound: false,
    permissionNotes: [],
  };
}

/** The OKX replica's body in the test's document, a canary typed into its passphrase and name fields. */
function loadOkxPage(): void {
  const source = readFileSync(join(FIXTURES, 'okx', 'en-native.html'), 'utf8');
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(source)![1]!.replace(/<script>[\s\S]*?<\/script>/g, '');
  document.querySelector<HTMLInputElement>('#apiKeyName')!.value = 'CANARY-TYPED-NAME';
  document.querySelector<HTMLTextAreaElement>('textarea')!.value = 'CANARY-TYPED-IPS';
}

/** Captures what the panel hands to the browser to download: the blob's text and the link's file name. */
function captureDownloads() {
  const downloads: Array<{ filename: string; type: string; text: Promise<string>; connected: boolean }> = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:keyscope/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    downloads.push({ filename: this.download, type: blob.type, text: blob.text(), connected: this.isConnected });
  });
  return downloads;
}

let overlay: Overlay | undefined;
const shadow = () => document.querySelector('[data-keyscope-overlay]')!.shadowRoot!;
const button = (name: string) => {
  const found = Array.from(shadow().querySelectorAll('button')).find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mountWith(onDescribe: () => PageDescription | Promise<PageDescription>): void {
  const actions: PanelActions = {
    onPurpose: () => undefined,
    onRotation: () => undefined,
    onConfirm: () => undefined,
    onDescribe,
  };
  overlay = mountOverlay('okx', actions);
  overlay.update(view());
}

afterEach(() => {
  overlay?.remove();
  overlay = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the panel\'s "This page is not read right?"', () => {
  test("the description is built at the click only, and shown as JSON text with the form's labels, nothing typed", async () => {
    loadOkxPage();
    const onDescribe = vi.fn(() => describePage(document, okx));
    mountWith(onDescribe);
    expect(onDescribe).not.toHaveBeenCalled();
    const toggle = button('This page is not read right?');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle();
    expect(onDescribe).toHaveBeenCalledTimes(1);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const pre = shadow().querySelector('pre')!;
    // A named region: a plain <pre> may not carry a name (ARIA: generic role), a scrollable one must take the focus.
    expect([pre.getAttribute('role'), pre.getAttribute('tabindex')]).toEqual(['region', '0']);
    const shown = JSON.parse(pre.textContent) as PageDescription;
    expect(shown).toMatchObject({ keyscope: 'page-description', area: 'key-form', exchange: 'okx' });
    for (const label of ['Read', 'Trade', 'Withdraw', 'Permissions', 'IP address allowlist', 'Passphrase'])
      expect(pre.textContent).toContain(`"${label}"`);
    expect(pre.textContent).not.toContain('CANARY');
    expect(pre.getAttribute('aria-label')).toBe('Description of this page’s form');
    expect(shadow().textContent).toContain('Nothing is sent');
  });

  test('page text with markup stays text inside the description', async () => {
    document.body.innerHTML =
      '<main><h2>Permissions</h2><label><input type="checkbox"><span>&lt;img src=x onerror=alert(1)&gt;</span></label></main>';
    mountWith(() => describePage(document, okx));
    button('This page is not read right?').click();
    await settle();
    expect(shadow().querySelector('img')).toBeNull();
    expect(shadow().querySelector('pre')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  test('"Save as file" downloads keyscope-page-<host>-<date>.json through a blob URL, and says so', async () => {
    loadOkxPage();
    const downloads = captureDownloads();
    mountWith(() => describePage(document, okx));
    button('This page is not read right?').click();
    await settle();
    const shown = JSON.parse(shadow().querySelector('pre')!.textContent) as PageDescription;
    button('Save as file').click();
    await settle();
    const filename = descriptionFileName(shown);
    expect(filename).toMatch(/^keyscope-page-[a-z0-9.-]+-\d{4}-\d{2}-\d{2}\.json$/);
    expect(downloads.map((d) => [d.filename, d.type])).toEqual([[filename, 'application/json']]);
    // The link is clicked inside the panel's own shadow root, not in the page's DOM.
    expect(downloads[0]!.connected).toBe(true);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(JSON.parse(await downloads[0]!.text)).toEqual(shown);
    expect(shadow().querySelector('.ks-page-report [role=status]')!.textContent).toBe(`Saved as ${filename}`);
  });

  test('"Close" hides the description and gives the keyboard back to the button', async () => {
    mountWith(() => describePage(document, okx));
    const toggle = button('This page is not read right?');
    toggle.click();
    await settle();
    button('Close').click();
    await settle();
    expect(shadow().querySelector('pre')).toBeNull();
    expect(shadow().activeElement).toBe(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  test('a failure to describe is said, not hidden', async () => {
    mountWith(() => {
      throw new Error('the page is gone');
    });
    button('This page is not read right?').click();
    await settle();
    expect(shadow().querySelector('.ks-page-report [role=status]')!.textContent).toBe(
      'Could not describe this page: the page is gone',
    );
  });

  test('without the action (older guard) the panel shows no such button', () => {
    overlay = mountOverlay('okx', {
      onPurpose: () => undefined,
      onRotation: () => undefined,
      onConfirm: () => undefined,
    });
    overlay.update(view());
    expect(shadow().textContent).not.toContain('This page is not read right?');
  });
});

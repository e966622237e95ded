import { afterEach, describe, expect, test } from 'vitest';
import { readForm } from '../../src/content/read/read-form';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import { okx } from '../../src/exchanges/okx';
import { closePages, expectations, loadFixture, type FixturePage } from './fixture-page';

// The OKX replica pages (test/fixtures/okx/README.md) read as the content script reads them, then changed as a
// user changes them. Each page gets its own happy-dom window with script evaluation on, so the pages' inline
// scripts (okui class toggles, custom checkboxes, the tag input, the late modal) run here as they will in the
// real-browser tests. Our own fixture files are the only scripts evaluated.

const EXPECTED = expectations('okx');
const PAGES = Object.keys(EXPECTED);
const CANARY = 'CANARY-PASSPHRASE';

afterEach(closePages);

/** Loads a replica at its OKX address; a page with an `open` button is opened unless `open` is false. */
function load(file: string, options?: { open?: boolean }): Promise<FixturePage> {
  return loadFixture(okx, file, options);
}

describe('each OKX replica reads as its expected snapshot', () => {
  test.each(PAGES)('%s', async (file) => {
    const page = await load(file);
    const expected = EXPECTED[file]!.snapshot;
    if (expected === null) expect(page.form()).toBeUndefined();
    else expect(page.read()).toEqual(expected);
  });
});

describe('what every replica page must not leak or miscount', () => {
  test.each(PAGES)(
    '%s: the passphrase canary never reaches a snapshot, even when the whole page is read',
    async (file) => {
      const page = await load(file);
      const secrets = Array.from(page.document.querySelectorAll<HTMLInputElement>('input[type="password"]'));
      expect(secrets.some((input) => input.value.startsWith(CANARY))).toBe(true);
      expect(JSON.stringify(page.read() ?? null)).not.toContain(CANARY);
      expect(JSON.stringify(readForm(page.document.documentElement, okx))).not.toContain(CANARY);
    },
  );

  test.each(PAGES)('%s: the header "Trade"/"交易" links are plain links, outside any form found', async (file) => {
    const page = await load(file);
    const links = page.links('Trade', '交易');
    expect(links.length).toBeGreaterThan(0);
    const form = page.form();
    for (const link of links) expect(form?.contains(link) ?? false).toBe(false);
  });
});

describe('en-native.html: okui checkboxes, textarea allowlist', () => {
  test('ticking Withdraw adds withdraw, unticking removes it', async () => {
    const page = await load('en-native.html');
    const withdraw = page.text('Withdraw', page.keyForm());
    await page.click(withdraw);
    expect(withdraw.closest('label')?.classList.contains('okui-checkbox-wrapper-checked')).toBe(true);
    expect(page.read()?.permissions).toEqual(['read', 'withdraw']);
    await page.click(withdraw);
    expect(page.read()?.permissions).toEqual(['read']);
  });

  test('Read is disabled: clicking it leaves it ticked', async () => {
    const page = await load('en-native.html');
    await page.click(page.text('Read', page.keyForm()));
    expect(page.read()?.permissions).toEqual(['read']);
  });

  test('typed IPs and key name appear as typed', async () => {
    const page = await load('en-native.html');
    await page.type(page.$('textarea'), ' 203.0.113.7 2001:db8::1,198.51.100.0/24 ');
    await page.type(page.$('#apiKeyName'), 'tax export ');
    expect(page.read()).toMatchObject({
      ipEntries: ['203.0.113.7', '2001:db8::1', '198.51.100.0/24'],
      keyName: 'tax export',
    });
  });

  test('showing the passphrase with the eye button does not let it into the snapshot', async () => {
    const page = await load('en-native.html');
    await page.click(page.$('button[aria-label="Show passphrase"]'));
    expect(page.$<HTMLInputElement>('#passphrase').type).toBe('text');
    expect(page.read()).toEqual(EXPECTED['en-native.html']!.snapshot);
    expect(JSON.stringify(readForm(page.document.documentElement, okx))).not.toContain(CANARY);
  });

  test('a Withdraw shown by an element KeyScope cannot read is reported unread, and the key is never "ready"', async () => {
    const page = await load('en-native.html');
    const label = page.text('Withdraw', page.keyForm()).closest('label')!;
    // A redesign draws the box as a plain picture: no input, no role, no state class left to read.
    label.querySelector('.okui-checkbox')!.replaceWith(page.document.createElement('i'));
    for (const el of [label, ...Array.from(label.querySelectorAll('*'))]) el.removeAttribute('class');
    const snapshot = page.read()!;
    expect(snapshot).toMatchObject({ permissions: ['read'], unreadPermissions: ['withdraw'] });
    const findings = evaluate(snapshot, {
      purpose: 'read-only',
      rotationDays: 30,
      exchangeName: 'OKX',
      rules: okx.rules,
    });
    expect(findings.map((f) => f.id)).toContain('form.permission-unreadable');
    expect(verdictOf(findings).ready).toBe(false);
  });

  test('the header "Withdraw" link is not a permission', async () => {
    const page = await load('en-native.html');
    expect(page.links('Withdraw')).toHaveLength(1);
    expect(readForm(page.document.documentElement, okx).permissions).toEqual(['read']);
  });
});

describe('zh-custom.html: role=checkbox controls, one-line IP input', () => {
  test('Space on the focused 提现 box ticks withdraw', async () => {
    const page = await load('zh-custom.html');
    const box = page.$('[role="checkbox"][aria-labelledby="perm-withdraw"]');
    await page.press(box, ' ');
    expect(box.getAttribute('aria-checked')).toBe('true');
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw']);
  });

  test('clicking 交易 in the form unticks trade; the header 交易 link stays a link', async () => {
    const page = await load('zh-custom.html');
    await page.click(page.text('交易', page.keyForm()));
    expect(page.read()?.permissions).toEqual(['read']);
    expect(readForm(page.document.documentElement, okx).permissions).toEqual(['read']);
  });

  test('clicking 读取 (aria-disabled) changes nothing', async () => {
    const page = await load('zh-custom.html');
    await page.click(page.text('读取', page.keyForm()));
    expect(page.read()?.permissions).toEqual(['read', 'trade']);
  });

  test('editing the IP input changes the entries; emptying it leaves the field found', async () => {
    const page = await load('zh-custom.html');
    const field = page.$<HTMLInputElement>('#ip-allowlist');
    await page.type(field, '203.0.113.7 198.51.100.8');
    expect(page.read()?.ipEntries).toEqual(['203.0.113.7', '198.51.100.8']);
    await page.type(field, '');
    expect(page.read()).toMatchObject({ ipEntries: [], ipFieldFound: true });
  });
});

describe('en-chips.html: class-toggled permissions, IP tag chips', () => {
  const initialIps = ['8.8.8.8', '2001:4860:4860::8888'];

  test('Enter commits the typed IP as a chip, which is counted', async () => {
    const page = await load('en-chips.html');
    const input = page.$<HTMLInputElement>('#ip-input');
    await page.type(input, '198.51.100.23');
    await page.press(input, 'Enter');
    expect(input.value).toBe('');
    expect(page.text('198.51.100.23').tagName).toBe('SPAN');
    expect(page.read()?.ipEntries).toEqual([...initialIps, '198.51.100.23']);
  });

  test('a comma commits too', async () => {
    const page = await load('en-chips.html');
    const input = page.$<HTMLInputElement>('#ip-input');
    await page.type(input, '203.0.113.9,');
    expect(input.value).toBe('');
    expect(page.read()?.ipEntries).toEqual([...initialIps, '203.0.113.9']);
  });

  test('text not yet committed counts as typed, after the chips', async () => {
    const page = await load('en-chips.html');
    await page.type(page.$('#ip-input'), '203.0.113.50');
    expect(page.read()?.ipEntries).toEqual([...initialIps, '203.0.113.50']);
  });

  test("the chip's × removes it from the entries", async () => {
    const page = await load('en-chips.html');
    const chip = page.text('8.8.8.8');
    await page.click(chip.querySelector('button')!);
    expect(page.read()?.ipEntries).toEqual(['2001:4860:4860::8888']);
  });

  test('clicking Withdraw ticks it and clicking Trade unticks it; Read is disabled', async () => {
    const page = await load('en-chips.html');
    const form = page.keyForm();
    await page.click(page.text('Withdraw', form));
    expect(page.read()?.permissions).toEqual(['read', 'trade', 'withdraw']);
    await page.click(page.text('Trade', form));
    await page.click(page.text('Read', form));
    expect(page.read()?.permissions).toEqual(['read', 'withdraw']);
  });
});

describe('late-modal.html: the form exists only in the modal', () => {
  test('before "Create API key" is clicked there is no form, though the key list shows Permissions, Read, Trade', async () => {
    const page = await load('late-modal.html', { open: false });
    expect(page.text('Trade', page.$('main')).tagName).toBe('SPAN');
    expect(page.form()).toBeUndefined();
  });

  test('the form found is inside the dialog, and it goes when the dialog closes', async () => {
    const page = await load('late-modal.html');
    expect(page.keyForm().closest('[role="dialog"]')).not.toBeNull();
    await page.click(page.text('Cancel'));
    expect(page.form()).toBeUndefined();
  });

  test('ticking Trade and typing an IP in the modal', async () => {
    const page = await load('late-modal.html');
    await page.click(page.text('Trade', page.keyForm()));
    await page.type(page.$('#ck-ip'), '203.0.113.7');
    expect(page.read()).toMatchObject({ permissions: ['read', 'trade'], ipEntries: ['203.0.113.7'] });
  });
});

describe('zh-okui.html: 提币 and IP地址白名单', () => {
  test('unticking 提币 removes withdraw; ticking 交易 adds trade', async () => {
    const page = await load('zh-okui.html');
    const form = page.keyForm();
    await page.click(page.text('提币', form));
    await page.click(page.text('交易', form));
    expect(page.read()?.permissions).toEqual(['read', 'trade']);
  });
});

describe('not-api.html: the same words, no key form', () => {
  test('ticking the Trade and Transfer bill filters and the Read notice filter still finds no form', async () => {
    const page = await load('not-api.html');
    const filters = page.$('[aria-label="Bill type"]');
    await page.click(page.text('Transfer', filters));
    await page.click(page.text('Trade', filters));
    await page.click(page.text('Read', page.$('[aria-label="Notifications"]')));
    expect(page.$<HTMLInputElement>('[aria-label="Bill type"] input').checked).toBe(false);
    expect(page.form()).toBeUndefined();
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import { findKeyForm, readForm } from '../../src/content/read/read-form';
import { evaluate, verdictOf } from '../../src/core/evaluate';
import { lookalikeOf } from '../../src/core/lookalike';
import { ADAPTERS, adapterForHost, isKeyPage } from '../../src/exchanges';
import { okx } from '../../src/exchanges/okx';
import { closePages, loadFixture, replicaWindow, type FixturePage } from './fixture-page';

// OKX as the evidence of December 2026 shows it (test/fixtures/okx/README.md): "Used for" → "Binding third-party apps"
// with the broker picked and no IP field; a permission switch KeyScope does not know; OKX TR's host; demo trading on
// the same path; the older V5-era form ("Label", "Link IP Address (Optional)", "Confirm").

afterEach(closePages);

const open = (file: string): Promise<FixturePage> => loadFixture(okx, file);
const bot = { purpose: 'trading-bot', rotationDays: 30, exchangeName: okx.name, rules: okx.rules } as const;

describe('third-party.html: "Binding third-party apps"', () => {
  test('the chosen app is the partner; another app chosen is read as such', async () => {
    const page = await open('third-party.html');
    expect(page.read()?.partnerBinding).toEqual({ choice: 'Binding third-party apps', partner: '3Commas' });
    const select = page.$<HTMLSelectElement>('#partner');
    select.value = 'tradingview';
    select.dispatchEvent(new page.document.defaultView!.Event('change', { bubbles: true }));
    expect(page.read()?.partnerBinding?.partner).toBe('TradingView');
  });

  test('the key is bound by OKX: no IP finding, no unbound-key deletion, though there is no IP field', async () => {
    const page = await open('third-party.html');
    const ids = evaluate(page.read()!, bot).map((f) => f.id);
    expect(ids).not.toContain('ip.missing');
    expect(ids).not.toContain('form.ip-unreadable');
    expect(ids).not.toContain('exchange.unbound-expiry');
  });

  test('"API trading" chosen instead: no partner, the empty IP allowlist is found and the key is unbound', async () => {
    const page = await open('third-party.html');
    await page.clickText('API trading');
    const read = page.read()!;
    expect(read).toMatchObject({ ipFieldFound: true, ipEntries: [] });
    expect(read.partnerBinding).toBeUndefined();
    expect(evaluate(read, bot).map((f) => f.id)).toContain('exchange.unbound-expiry');
  });
});

describe('unknown-toggle.html: a switch no label names', () => {
  test('on, it is reported by its text and the key is never ready; off, nothing is unknown', async () => {
    const page = await open('unknown-toggle.html');
    const on = page.read()!;
    expect(on.unknownPermissions).toEqual(['Earn']);
    expect(verdictOf(evaluate(on, bot)).ready).toBe(false);
    await page.click(page.$('#earn-switch'));
    expect(page.read()?.unknownPermissions).toBeUndefined();
    expect(page.read()?.permissions).toEqual(['read', 'trade']);
  });
});

describe('sites and paths', () => {
  test('OKX TR (tr.okx.com) is OKX, on its own domain, never a look-alike', () => {
    expect(adapterForHost('tr.okx.com')).toBe(okx);
    expect(lookalikeOf('tr.okx.com', ADAPTERS)).toBeUndefined();
  });

  test('demo trading (?go-demo-trading=1) is the same key page', () => {
    for (const url of [
      'https://www.okx.com/account/my-api?go-demo-trading=1',
      'https://tr.okx.com/account/my-api',
      'https://my.okx.com/en-eu/account/my-api?go-demo-trading=1',
    ]) {
      expect(isKeyPage(okx, new URL(url).pathname), url).toBe(true);
    }
  });
});

test('the older V5-era form: "Label", "Link IP Address (Optional)", "Confirm"', async () => {
  const window = await replicaWindow(
    'https://www.okx.com/account/my-api',
    `<!DOCTYPE html><html><body><nav><a href="/trade-spot">Trade</a></nav><form>
      <label for="l">Label</label><input id="l" value="old-bot">
      <label for="ip">Link IP Address (Optional)</label><input id="ip" value="8.8.8.8">
      <p>Permissions</p>
      <label><input type="checkbox" checked disabled> Read</label><label><input type="checkbox" checked> Trade</label>
      <label><input type="checkbox"> Withdraw</label>
      <input type="password" value="CANARY-PASSPHRASE-OLD"><button type="submit">Confirm</button></form></body></html>`,
  );
  const root = window.document.documentElement as unknown as Element;
  const form = findKeyForm(root, okx);
  expect(form && readForm(form, okx)).toEqual({
    exchange: 'okx',
    permissions: ['read', 'trade'],
    ipEntries: ['8.8.8.8'],
    ipFieldFound: true,
    keyName: 'old-bot',
  });
  await window.happyDOM.close();
});

// The browser's language picks KeyScope's: Chromium started with `--lang` (honoured headless on Linux) shows the
// panel and the popup in that language, read from the built _locales, while the contract attributes stay the same.
// (Firefox takes its UI language from installed language packs, which the test machine has none of.)
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePopup, fixture, launchChromium, openPopup } from '../../scripts/browsers.mjs';
import { OKX, panelText, waitForOverlay } from './harness';
import { openOkx } from './okx-scenarios';

describe.each([
  {
    lang: 'ja',
    verdict: '停止：要修正 3 件',
    step: '1. 用途',
    worst: 'IP アドレスがバインドされていません。このキーを使う',
    popup: 'あなたのキー',
  },
  {
    lang: 'zh-CN',
    verdict: '停：有 3 处需要修改',
    step: '1. 用途',
    worst: '未绑定 IP 地址。填写将使用',
    popup: '你的密钥',
  },
])('Chromium in $lang', ({ lang, verdict, step, worst, popup: popupTitle }) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ headless: true, args: [`--lang=${lang}`] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the panel speaks the browser's language; its contract attributes do not change", async () => {
    const page = await openOkx(browser, OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-native.html') });
    const state = await waitForOverlay(page, { exchange: 'okx', permissions: 'read' });
    expect(state.findings).toEqual(['ip.missing', 'purpose.unset', 'rotation.none']);
    const text = await panelText(page);
    expect(text).toContain(verdict);
    expect(text).toContain(step);
    // The worst finding's title and fix, joined the way the language writes sentences (no space after 。).
    expect(text).toContain(worst);
    expect(text).not.toMatch(/Stop:|Ready to create|Purpose/);
    const panelLang = await page.evaluate(() =>
      document.querySelector('[data-keyscope-overlay]')?.shadowRoot?.querySelector('.ks-panel')?.getAttribute('lang'),
    );
    expect(panelLang).toBe(lang);

    const popup = await openPopup(browser, page);
    try {
      await popup.waitForFunction((title) => document.body.innerText.includes(title), { timeout: 10_000 }, popupTitle);
      const status = await popup.$eval('[data-keyscope-status]', (block) => (block as HTMLElement).innerText);
      expect(status).toContain(verdict);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    } finally {
      await closePopup(popup);
      await page.close();
    }
  });
});

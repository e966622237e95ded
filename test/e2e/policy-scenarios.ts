// An organisation's managed policy in the real browsers (policy-chromium.test.ts, policy-firefox.test.ts): each test
// file puts POLICY where its browser reads enterprise policies, then runs these checks on the OKX replica.
import type { Browser, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { fixture } from '../../scripts/browsers.mjs';
import { panelText, waitForOverlay } from './harness';
import { openOkx } from './okx-scenarios';

export const MESSAGE = 'Acme security team: see wiki/keys';

/** The sample policy of docs/policy.md: every field, plus one KeyScope does not know (Chrome's schema drops it). */
export const POLICY = {
  forbidWithdraw: true,
  requireIpBinding: true,
  maxRotationDays: 30,
  lockSettings: true,
  message: MESSAGE,
  allowEverything: true,
};

/** OKX's Chinese replica: Withdraw ticked, only reserved addresses typed, so every policy rule applies. */
const ZH_OKUI = 'https://www.okx.com/zh-hans/account/my-api';

/**
 * The panel shows each policy finding with the organisation's message and offers no rotation beyond 30 days. The
 * browser may apply the policy a moment after start-up (Chromium: ~3 s): the guard then hears storage.onChanged.
 */
export async function expectPolicyOnPanel(browser: Browser): Promise<Page> {
  const page = await openOkx(browser, ZH_OKUI, { [ZH_OKUI]: fixture('okx/zh-okui.html') });
  await waitForOverlay(
    page,
    { has: ['policy.withdraw', 'policy.ip-binding', 'policy.rotation'], risk: 'critical' },
    20_000,
  );
  const messages = await page.$eval('[data-keyscope-overlay]', (host) =>
    Array.from(host.shadowRoot!.querySelectorAll('[data-finding-id^="policy."]')).map((item) => [
      item.getAttribute('data-finding-id'),
      item.querySelector('.ks-policy-message')?.textContent,
    ]),
  );
  expect(Object.fromEntries(messages)).toEqual({
    'policy.withdraw': MESSAGE,
    'policy.ip-binding': MESSAGE,
    'policy.rotation': MESSAGE,
  });
  const choices = await page.$eval('[data-keyscope-overlay]', (host) =>
    Array.from(host.shadowRoot!.querySelectorAll('[aria-label="Rotation reminder"] button')).map((b) => b.textContent),
  );
  expect(choices).toEqual(['30 days (suggested)']);
  expect(await panelText(page)).toContain('your organisation allows at most 30 days');
  return page;
}

// An organisation's policy in Firefox, through policies.json's `3rdparty.Extensions["keyscope@keyscope.dev"]`: the
// file is a temporary one that this Firefox alone reads (launchFirefox's `policies`), so no system file is written
// and Firefox instances other tests run at the same time are not affected.
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FIREFOX_PATH, fixture, launchFirefox } from '../../scripts/browsers.mjs';
import { waitForOverlay } from './harness';
import { openOkx } from './okx-scenarios';
import { expectPolicyOnPanel, POLICY } from './policy-scenarios';

// Firefox reads the alternate file only when the installation has no policies.json of its own.
const SYSTEM_POLICIES = join(dirname(realpathSync(FIREFOX_PATH)), 'distribution', 'policies.json');

describe.skipIf(existsSync(SYSTEM_POLICIES))(
  `Managed policy in Firefox (skipped when ${SYSTEM_POLICIES} exists: it would win)`,
  () => {
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'keyscope-policies-'));
      const file = join(dir, 'policies.json');
      writeFileSync(
        file,
        JSON.stringify({ policies: { '3rdparty': { Extensions: { 'keyscope@keyscope.dev': POLICY } } } }),
      );
      browser = await launchFirefox({ policies: file });
    });
    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("policy findings with the organisation's message, and rotation capped at its maximum", async () => {
      await expectPolicyOnPanel(browser);
    });
  },
);

describe('No policy in Firefox: storage.managed.get() rejects, and KeyScope carries on', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the panel works and shows no policy finding', async () => {
    const url = 'https://www.okx.com/zh-hans/account/my-api';
    const page = await openOkx(browser, url, { [url]: fixture('okx/zh-okui.html') });
    await waitForOverlay(page, {
      has: ['scope.withdraw'],
      lacks: ['policy.withdraw', 'policy.ip-binding', 'policy.rotation'],
    });
  });
});

// A hostile exchange page against the built extension, in both real browsers (hostile-chromium.test.ts,
// hostile-firefox.test.ts): markup alone must not switch KeyScope off.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/browsers.mjs';
import { OKX, waitForOverlay } from './harness';
import { useBrowser, type BrowserUnderTest } from './okx-scenarios';

/**
 * Elements whose id or name was the name of a KeyScope global before 2026-12: the page's named elements are
 * properties of the window in the content scripts' world too, and shadowed the bootstrap's and the guard's handles.
 */
const SHADOWING_MARKUP = '<div id="__keyscopeBootstrap"></div><a id="__keyscopeGuard" href="#"></a><img name="__keyscopeGuard" alt=""><form name="__keyscopeAdapter"></form>';

export function hostileScenarios(target: BrowserUnderTest): void {
  describe(`a hostile page in ${target.name}`, () => {
    const open = useBrowser(target);

    it('elements named like KeyScope\'s handles (no script needed) leave the panel and its verdict in place', async () => {
      const html = readFileSync(fixture('okx/en-native.html'), 'utf8').replace(/<body([^>]*)>/, `<body$1>${SHADOWING_MARKUP}`);
      expect(html).toContain('id="__keyscopeBootstrap"');
      const page = await open(OKX.keyPage, { [OKX.keyPage]: { body: html } });
      const state = await waitForOverlay(page, { exchange: 'okx' });
      expect(state.permissions).toEqual(['read']);
    });
  });
}

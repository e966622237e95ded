import browser from 'webextension-polyfill';
import guardScript from '../content/guard.ts?script';
import { adapterForHost } from '../exchanges';
import { t } from '../i18n';
import { isGuardedSite } from './guarded-sites';

/**
 * Injects the guard (reader, rules, panel) into the frame whose bootstrap found a key page: only on a supported
 * exchange or a site the user chose to guard, which is also all the host permissions cover.
 */
export async function injectGuard(tabId: number, sender: browser.Runtime.MessageSender): Promise<void> {
  const host = sender.url ? new URL(sender.url).hostname : '';
  if (!adapterForHost(host) && !(await isGuardedSite(sender.url ?? ''))) throw new Error(host ? t('inject_error_host', host) : t('inject_error_page'));
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [guardScript] });
}

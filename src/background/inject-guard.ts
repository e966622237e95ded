import browser from 'webextension-polyfill';
import guardScript from '../content/guard.ts?script';
import { adapterForHost } from '../exchanges';
import { exchangeEnabled } from '../inventory/settings';
import { loadSettings } from '../storage';
import { isGuardedSite } from './guarded-sites';

/**
 * Injects the guard (reader, rules, panel) into the frame whose bootstrap found a key page: only on a supported
 * exchange the user has not turned off, or a site the user chose to guard, which is also all the host permissions
 * cover. Resolves false, injecting nothing, on an exchange turned off in the settings.
 */
export async function injectGuard(tabId: number, sender: browser.Runtime.MessageSender): Promise<boolean> {
  const host = sender.url ? new URL(sender.url).hostname : '';
  const adapter = adapterForHost(host);
  if (!adapter && !(await isGuardedSite(sender.url ?? ''))) throw new Error(`KeyScope does not guard ${host || 'this page'}.`);
  if (adapter && !exchangeEnabled(await loadSettings(), adapter.id)) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [guardScript] });
  return true;
}

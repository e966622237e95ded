import browser from 'webextension-polyfill';
import guardScript from '../content/guard.ts?script';
import { adapterForHost } from '../exchanges';

/**
 * Injects the guard (reader, rules, panel) into the frame whose bootstrap found a key page. Only into a page of a
 * supported exchange: the bootstrap runs nowhere else, and the host permissions cover nothing else either.
 */
export async function injectGuard(tabId: number, sender: browser.Runtime.MessageSender): Promise<void> {
  const host = sender.url ? new URL(sender.url).hostname : '';
  if (!adapterForHost(host)) throw new Error(`KeyScope does not guard ${host || 'this page'}.`);
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [guardScript] });
}

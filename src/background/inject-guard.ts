import browser from 'webextension-polyfill';
import describeScript from '../content/describe.ts?script';
import guardScript from '../content/guard.ts?script';
import { adapterForHost } from '../exchanges';
import { generic } from '../exchanges/generic';
import { toWire } from '../exchanges/wire';
import { provideAdapter } from '../content/guard-handle';
import { t } from '../i18n';
import { exchangeEnabled } from '../settings/settings';
import { loadItem } from '../storage';
import { isGuardedSite } from './guarded-sites';

/**
 * Injects the guard (reader, rules, panel) into the frame whose bootstrap found a key page: only on a supported
 * exchange the user has not turned off, or a site the user chose to guard, which is also all the host permissions
 * cover. Resolves false, injecting nothing, on an exchange turned off in the settings.
 */
export async function injectGuard(tabId: number, sender: browser.Runtime.MessageSender): Promise<boolean> {
  const host = sender.url ? new URL(sender.url).hostname : '';
  const known = adapterForHost(host);
  const adapter = known ?? ((await isGuardedSite(sender.url ?? '')) ? generic : undefined);
  if (!adapter) throw new Error(host ? t('inject_error_host', host) : t('inject_error_page'));
  // Off is per supported exchange; a site the user added is turned off by removing it.
  if (known && !exchangeEnabled(await loadItem('settings'), known.id)) return false;
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  // Two injections into the same isolated world, in order: the page's adapter as data, then the guard that takes it.
  await browser.scripting.executeScript({ target, func: provideAdapter, args: [toWire(adapter)] });
  await browser.scripting.executeScript({ target, files: [guardScript] });
  return true;
}

/**
 * Injects the page describer into the frame whose guard asks for it: the user asked "This page is not read right?"
 * there (panel or popup). Only a content script on a supported exchange or a guarded site gets here (./senders.ts),
 * into its own frame; the describer only reads the page, and only when the guard calls it.
 */
export async function injectDescriber(tabId: number, sender: browser.Runtime.MessageSender): Promise<boolean> {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [describeScript],
  });
  return true;
}

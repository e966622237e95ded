import browser from 'webextension-polyfill';
import type { PageDescription } from '../content/read/page-description';
import { t } from '../i18n';
import {
  POPUP_PORT,
  VERDICT_UNKNOWN,
  type Envelope,
  type TabState,
  type TabVerdict,
  type VerdictPush,
} from '../messages';

// Live verdicts per tab live in session storage: the service worker may be stopped at any moment (MV3),
// and the popup must still find the verdict of a tab that has not changed since.
const key = (tabId: number) => `verdict:${tabId}`;
const popups = new Set<browser.Runtime.Port>();

/**
 * Live verdict pushes go to the popup only: every tab's verdict (its IP list too) passes through this port, so a
 * content script that opens it under the popup's name is turned away.
 */
export function acceptPopupPorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== POPUP_PORT) return;
    const fromPopup =
      port.sender?.id === browser.runtime.id && !!port.sender.url?.startsWith(browser.runtime.getURL('src/popup/'));
    if (!fromPopup) {
      port.disconnect();
      return;
    }
    popups.add(port);
    port.onDisconnect.addListener(() => popups.delete(port));
  });
}

function push(message: VerdictPush): void {
  for (const port of popups) port.postMessage(message);
}

/** Tabs whose latest verdict could not be kept, remembered here too in case not even the small mark could be stored. */
const unknownTabs = new Set<number>();

/**
 * Keeps a tab's verdict for the popup. When it cannot be stored (session storage full or refusing), the tab's older
 * verdict is removed and the tab marked unknown, so that the popup never shows a stale verdict as current; the error
 * still reaches the sender.
 */
export async function setVerdict(tabId: number, verdict: TabVerdict | null): Promise<void> {
  if (!verdict) {
    unknownTabs.delete(tabId);
    await browser.storage.session.remove(key(tabId));
    push({ tabId, verdict: null });
    return;
  }
  try {
    await browser.storage.session.set({ [key(tabId)]: verdict });
  } catch (error) {
    await verdictUnknown(tabId);
    throw error;
  }
  unknownTabs.delete(tabId);
  push({ tabId, verdict });
}

/** The tab's verdict is not known any more (not kept, or its update refused): say so, never show the older one. */
export async function verdictUnknown(tabId: number): Promise<void> {
  unknownTabs.add(tabId);
  push({ tabId, verdict: VERDICT_UNKNOWN });
  // Removing frees the old verdict's space, so the small mark fits even when storage is full.
  await browser.storage.session.remove(key(tabId)).catch(() => undefined);
  await browser.storage.session.set({ [key(tabId)]: VERDICT_UNKNOWN }).catch(() => undefined);
}

export async function getVerdict(tabId: number): Promise<TabState> {
  if (unknownTabs.has(tabId)) return VERDICT_UNKNOWN;
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabState | undefined) ?? null;
}

/**
 * "This page is not read right?" from the popup: asks the guard in the tab for its description of the page (and to save
 * it, when asked). Only the extension's own pages may ask: a tab never gets another tab's page.
 */
export async function describeTab(
  tabId: number,
  save: boolean,
  sender: browser.Runtime.MessageSender,
): Promise<PageDescription> {
  if (sender.tab) throw new Error('This message must come from the popup.');
  const request: Envelope<'page:describe'> = { type: 'page:describe', payload: { tabId, ...(save ? { save } : {}) } };
  // No guard in the tab (not a key page, KeyScope off there, page loaded before KeyScope): nobody answers.
  const reply: unknown = await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
  const failed = (reply as { error?: unknown } | undefined)?.error;
  if (typeof failed === 'string') throw new Error(failed);
  if (typeof reply !== 'object' || reply === null || (reply as PageDescription).keyscope !== 'page-description') {
    throw new Error(t('page_report_not_running'));
  }
  return reply as PageDescription;
}

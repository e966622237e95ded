import browser from 'webextension-polyfill';
import type { Envelope } from '../messages';
import { CHECK_ALARM, handleNotificationClicks, runCheck, scheduleChecks } from './checks';
import { addGrantedSites, reconcileGuardedSites } from './guarded-sites';
import { contentRequest } from './content-requests';
import { handlers } from './handlers';
import { classifySender, mayAsk } from './senders';
import { closeStorageToContentScripts } from './storage-access';
import { onInventoryChange } from './reminders';
import { pullFromSync, pushToSync, watchSync } from './sync';
import { acceptPopupPorts, setVerdict, verdictUnknown } from './verdicts';

// Every listener is registered synchronously at start-up, so that a restarted service worker (MV3 stops it at any
// moment) receives the event that woke it. State lives in storage; nothing here survives a restart, nor needs to.

function warn(what: string) {
  return (error: unknown) => console.warn(`KeyScope: ${what}`, error);
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Envelope).type === 'string' &&
    (message as Envelope).type in handlers
  );
}

/**
 * One message, by who sent it: the extension's pages may ask anything; a content script only what the guard needs,
 * checked and bound to the exchange of the page it runs on (./senders.ts, ./content-requests.ts).
 */
async function receive(message: Envelope, sender: browser.Runtime.MessageSender): Promise<unknown> {
  const from = await classifySender(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') });
  if (!mayAsk(from, message.type)) throw new Error(`KeyScope refused "${message.type}" from this sender.`);
  let payload: unknown = message.payload;
  if (from.kind === 'content') {
    try {
      payload = contentRequest(message.type, message.payload, from.exchange, from.url);
    } catch (error) {
      // A tab whose verdict was refused has no current verdict: the popup must not keep showing the one before.
      if (message.type === 'verdict:update') await verdictUnknown(from.tabId);
      throw error;
    }
  }
  const handle = handlers[message.type] as (payload: unknown, s: typeof sender) => Promise<unknown>;
  return handle(payload, sender);
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isEnvelope(message)) return undefined;
  return receive(message, sender).then(
    (result) => result ?? null,
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
});

closeStorageToContentScripts().catch(warn('could not close storage to content scripts'));

acceptPopupPorts();

// A tab that closes or loads another page has no live form any more; its guard cannot say so itself.
// (Neither event needs the `tabs` permission; a new key page reports its own verdict once read.)
const forget = (tabId: number): void => {
  setVerdict(tabId, null).catch(warn('could not clear the verdict of a tab'));
};
browser.tabs.onRemoved.addListener(forget);
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') forget(tabId);
});

onInventoryChange(() => {
  pushToSync().catch(warn('could not sync'));
});
// The badge follows the stored data itself, whoever wrote it (this worker, an earlier one, or a restore).
browser.storage.local.onChanged.addListener((changes) => {
  if ('reminders' in changes || 'settings' in changes) runCheck().catch(warn('the reminder check failed'));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === CHECK_ALARM) runCheck().catch(warn('the reminder check failed'));
});
const startUp = () => {
  scheduleChecks().catch(warn('could not schedule reminder checks'));
  reconcileGuardedSites().catch(warn('could not restore the guarded sites'));
  pullFromSync().catch(warn('could not read synced keys'));
  runCheck().catch(warn('the reminder check failed'));
};
browser.runtime.onStartup.addListener(startUp);
browser.runtime.onInstalled.addListener(startUp);

handleNotificationClicks();
browser.permissions.onRemoved.addListener((removed) => {
  if (removed.origins?.length) reconcileGuardedSites().catch(warn('could not update the guarded sites'));
});
browser.permissions.onAdded.addListener((granted) => {
  if (granted.origins?.length) addGrantedSites(granted.origins).catch(warn('could not guard the site just allowed'));
  if (granted.permissions?.includes('notifications')) {
    handleNotificationClicks();
    runCheck().catch(warn('the reminder check failed'));
  }
});
watchSync();

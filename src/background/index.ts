import browser from 'webextension-polyfill';
import { CHECK_ALARM, handleNotificationClicks, runCheck, scheduleChecks } from './checks';
import { addGrantedSites, reconcileGuardedSites } from './guarded-sites';
import { answerMessage } from './receive';
import { closeStorageToContentScripts } from './storage-access';
import { onInventoryChange } from './reminders';
import { pullFromSync, pushToSync, watchSync } from './sync';
import { acceptPopupPorts, setVerdict } from './verdicts';

// Every listener is registered synchronously at start-up, so that a restarted service worker (MV3 stops it at any
// moment) receives the event that woke it. State lives in storage; nothing here survives a restart, nor needs to.

function warn(what: string) {
  return (error: unknown) => console.warn(`KeyScope: ${what}`, error);
}

browser.runtime.onMessage.addListener(answerMessage);

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

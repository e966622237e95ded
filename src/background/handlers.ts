import type browser from 'webextension-polyfill';
import { localCalendarDate } from '../core/rotation';
import { t } from '../i18n';
import { DUE_SOON_RANGE, type Settings } from '../inventory/settings';
import type { MessageName, Request, Response } from '../messages';
import { loadPurpose, loadSettings, savePurpose, saveSettings } from '../storage';
import { addGuardedSite, guardedSites, removeGuardedSite } from './guarded-sites';
import { injectGuard } from './inject-guard';
import { readPolicy, refuseWhenLocked, withinPolicy } from './policy';
import * as store from './reminders';
import { startSync } from './sync';
import { getVerdict, setVerdict } from './verdicts';

type Handlers = { [K in MessageName]: (payload: Request<K>, sender: browser.Runtime.MessageSender) => Promise<Response<K>> };

function senderTab(sender: browser.Runtime.MessageSender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('This message must come from a tab.');
  return id;
}

/** The background's clock is the only clock: every date is today's local calendar date here. */
const today = () => localCalendarDate(new Date());

async function updateSettings(changes: Partial<Pick<Settings, 'dueSoonDays' | 'sync'>>): Promise<Settings> {
  const current = await loadSettings();
  const days = changes.dueSoonDays;
  if (days !== undefined && !(Number.isInteger(days) && days >= DUE_SOON_RANGE.min && days <= DUE_SOON_RANGE.max)) {
    throw new Error(t('settings_error_due_soon', DUE_SOON_RANGE.min, DUE_SOON_RANGE.max));
  }
  const { syncProblem: _cleared, ...rest } = current;
  const next: Settings = { ...(changes.sync ? rest : current), ...changes };
  await saveSettings(next);
  if (changes.sync && !current.sync) await startSync();
  return loadSettings();
}

/** One handler per message name; the map's type makes a missing handler a compile error. */
export const handlers: Handlers = {
  'guard:inject': (_payload, sender) => injectGuard(senderTab(sender), sender),
  'verdict:update': ({ verdict }, sender) => setVerdict(senderTab(sender), verdict),
  'verdict:clear': (_payload, sender) => setVerdict(senderTab(sender), null),
  'verdict:get': ({ tabId }) => getVerdict(tabId),
  'purpose:get': ({ exchange }) => loadPurpose(exchange),
  'purpose:set': ({ exchange, purpose }) => savePurpose(exchange, purpose),
  'reminder:record': (key) => withinPolicy(key).then((allowed) => store.recordSubmitted(allowed, today())),
  'reminder:confirm-pending': ({ exchange, name }) => store.confirmPending(exchange, name, today()),
  'reminder:track': (key) => withinPolicy(key).then((allowed) => store.trackListed(allowed, today())),
  'reminders:tracked-names': ({ exchange }) => store.trackedNames(exchange),
  'reminders:list': () => store.listReminders(today()),
  'reminder:add': (key) => withinPolicy(key).then((allowed) => store.addManual(allowed, today())),
  'reminder:edit': ({ id, changes }) => withinPolicy(changes).then((allowed) => store.editReminder(id, allowed, today())),
  'reminder:rotate': ({ id }) => readPolicy().then(({ policy }) => store.rotateReminder(id, today(), policy?.maxRotationDays)),
  'reminder:revoke': ({ id }) => store.revokeReminder(id, today()),
  'reminder:confirm': ({ id }) => store.confirmReminder(id, today()),
  'reminder:snooze': ({ id, days }) => store.snoozeReminder(id, days, today()),
  'reminder:delete': ({ id }) => store.deleteReminder(id),
  'reminder:restore': ({ reminder }) => store.restoreReminder(reminder),
  'reminders:import': ({ text }) => store.importReminders(text),
  'settings:set': (changes) => refuseWhenLocked().then(() => updateSettings(changes)),
  'sites:add': ({ origin, tabId }) => addGuardedSite(origin, tabId),
  'sites:remove': ({ origin }) => removeGuardedSite(origin),
  'sites:list': () => guardedSites(),
  'policy:get': () => readPolicy(),
};

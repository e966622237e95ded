import type browser from 'webextension-polyfill';
import type { ManagedPolicy } from '../core/policy';
import { localCalendarDate } from '../core/rotation';
import { say } from '../i18n';
import { settingsChangeProblem, validSettingFields, type Settings, type SettingsChange } from '../settings/settings';
import type { MessageName, Request, Response } from '../messages';
import type { Purpose } from '../core/types';
import { loadItem, loadPurpose } from '../storage';
import { addGuardedSite, guardedSites, removeGuardedSite } from './guarded-sites';
import { injectDescriber, injectGuard } from './inject-guard';
import { readPolicy, refuseWhenLocked, withinPolicy } from './policy';
import * as store from './reminders';
import { bringBack, startSync } from './sync';
import { describeTab, getVerdict, setVerdict } from './verdicts';
import { change } from './writer';

type Handlers = {
  [K in MessageName]: (payload: Request<K>, sender: browser.Runtime.MessageSender) => Promise<Response<K>>;
};

function senderTab(sender: browser.Runtime.MessageSender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('This message must come from a tab.');
  return id;
}

/** The background's clock is the only clock: every date is today's local calendar date here. */
const today = () => localCalendarDate(new Date());

/** A settings change, applied to the settings as stored when the writer runs it (./writer.ts), not as read earlier. */
async function updateSettings(request: SettingsChange): Promise<Settings> {
  const problem = settingsChangeProblem(request);
  if (problem) throw new Error(say(problem));
  const changes = validSettingFields(request);
  const wasSyncing = await change('settings', (current) => {
    const { syncProblem: _cleared, ...rest } = current;
    return { next: { ...(changes.sync ? rest : current), ...changes }, result: current.sync };
  });
  if (changes.sync && !wasSyncing) await startSync();
  return loadItem('settings');
}

function savePurpose(exchange: string, purpose: Purpose): Promise<void> {
  return change('purposes', (purposes) => ({
    next: purposes[exchange] === purpose ? purposes : { ...purposes, [exchange]: purpose },
    result: undefined,
  }));
}

/**
 * What a reminder brought in from outside (a file, an undo) is fitted to, as a new key is: today and the organisation's
 * maximum interval, read afresh (src/inventory/fit-reminder.ts).
 */
const limitsOf = (policy: ManagedPolicy | undefined): store.PolicyLimits => ({
  today: today(),
  maxRotationDays: policy?.maxRotationDays,
});

/**
 * A full import: the store merges reminders (fitted to the policy) and records kept aside; the file's settings are
 * written after, unless the organisation's policy locks them (as settings:set refuses): then none is written and the
 * report says why.
 */
async function importData(text: string) {
  const [settings, sites, { policy }] = await Promise.all([loadItem('settings'), guardedSites(), readPolicy()]);
  // A key deleted earlier and in the file comes back on purpose: its synced deletion is withdrawn (./sync.ts).
  const result = await bringBack(
    () => store.importReminders(text, settings, sites, limitsOf(policy)),
    (done) => done.broughtIn,
  );
  if (policy?.lockSettings) {
    return result.report.settings
      ? { ...result.report, settings: { applied: [], rejected: [], managed: true as const } }
      : result.report;
  }
  // The fields the file changed, over the settings as they are by now (another change may have landed meanwhile).
  const applied = result.report.settings?.applied ?? [];
  if (result.settings !== settings && applied.length) {
    const fromFile = Object.fromEntries(applied.map((name) => [name, result.settings[name]]));
    await change('settings', (current) => ({ next: { ...current, ...fromFile }, result: undefined }));
  }
  return result.report;
}

/** One handler per message name; the map's type makes a missing handler a compile error. */
export const handlers: Handlers = {
  'guard:inject': (_payload, sender) => injectGuard(senderTab(sender), sender),
  'describer:inject': (_payload, sender) => injectDescriber(senderTab(sender), sender),
  'verdict:update': ({ verdict }, sender) => setVerdict(senderTab(sender), verdict),
  'verdict:clear': (_payload, sender) => setVerdict(senderTab(sender), null),
  'verdict:get': ({ tabId }) => getVerdict(tabId),
  'page:describe': ({ tabId, save }, sender) => describeTab(tabId, save === true, sender),
  'purpose:get': ({ exchange }) => loadPurpose(exchange),
  'purpose:set': ({ exchange, purpose }) => savePurpose(exchange, purpose),
  'reminder:record': (key) => withinPolicy(key).then((allowed) => store.recordSubmitted(allowed, today())),
  'reminder:restrictions': ({ rotationChosen, ...key }) =>
    withinPolicy(key).then((allowed) => store.updateRestrictions(allowed, rotationChosen, today())),
  'reminder:confirm-pending': ({ exchange, origin, name }) =>
    store.confirmPending({ exchange, ...(origin ? { origin } : {}) }, name, today()),
  'reminder:track': (key) => withinPolicy(key).then((allowed) => store.trackListed(allowed, today())),
  'reminders:tracked-names': ({ exchange }) => store.trackedNames(exchange),
  'reminders:list': () => store.listReminders(today()),
  'reminder:add': (key) => withinPolicy(key).then((allowed) => store.addManual(allowed, today())),
  'reminder:edit': ({ id, changes }) =>
    withinPolicy(changes).then((allowed) => store.editReminder(id, allowed, today())),
  'reminder:rotate': ({ id }) =>
    readPolicy().then(({ policy }) => store.rotateReminder(id, today(), policy?.maxRotationDays)),
  'reminder:revoke': ({ id }) => store.revokeReminder(id, today()),
  'reminder:confirm': ({ id }) => store.confirmReminder(id, today()),
  'reminder:snooze': ({ id, days }) => store.snoozeReminder(id, days, today()),
  'reminder:delete': ({ id }) => store.deleteReminder(id, today()),
  'reminder:restore': ({ reminder }) =>
    readPolicy().then(({ policy }) =>
      bringBack(
        () => store.restoreReminder(reminder, limitsOf(policy)),
        (restored) => [restored.id],
      ),
    ),
  'reminders:discard-pending': ({ ids }) => store.discardPending(ids, today()),
  'kept-aside:delete': ({ records }) => store.deleteKeptAside(records),
  'reminders:import': ({ text }) => importData(text),
  'settings:set': (changes) => refuseWhenLocked().then(() => updateSettings(changes)),
  'settings:get': () => loadItem('settings'),
  'sites:add': ({ origin, tabId }) => addGuardedSite(origin, tabId),
  'sites:remove': ({ origin }) => removeGuardedSite(origin),
  'sites:list': () => guardedSites(),
  'policy:get': () => readPolicy(),
};

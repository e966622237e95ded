import type browser from 'webextension-polyfill';
import type { ManagedPolicy } from '../core/policy';
import { localCalendarDate } from '../core/rotation';
import { say } from '../i18n';
import { settingsChangeProblem, validSettingFields, type Settings, type SettingsChange } from '../inventory/settings';
import type { MessageName, Request, Response } from '../messages';
import { loadPurpose, loadSettings, savePurpose, saveSettings } from '../storage';
import { addGuardedSite, guardedSites, removeGuardedSite } from './guarded-sites';
import { injectGuard } from './inject-guard';
import { readPolicy, refuseWhenLocked, withinPolicy } from './policy';
import * as store from './reminders';
import { bringBack, startSync } from './sync';
import { describeTab, getVerdict, setVerdict } from './verdicts';

type Handlers = { [K in MessageName]: (payload: Request<K>, sender: browser.Runtime.MessageSender) => Promise<Response<K>> };

function senderTab(sender: browser.Runtime.MessageSender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('This message must come from a tab.');
  return id;
}

/** The background's clock is the only clock: every date is today's local calendar date here. */
const today = () => localCalendarDate(new Date());

async function updateSettings(request: SettingsChange): Promise<Settings> {
  const current = await loadSettings();
  const problem = settingsChangeProblem(request);
  if (problem) throw new Error(say(problem));
  const changes = validSettingFields(request);
  const { syncProblem: _cleared, ...rest } = current;
  const next: Settings = { ...(changes.sync ? rest : current), ...changes };
  await saveSettings(next);
  if (changes.sync && !current.sync) await startSync();
  return loadSettings();
}

/**
 * What a reminder brought in from outside (a file, an undo) is fitted to, as a new key is: today and the organisation's
 * maximum interval, read afresh (src/inventory/fit-reminder.ts).
 */
const limitsOf = (policy: ManagedPolicy | undefined): store.PolicyLimits => ({ today: today(), maxRotationDays: policy?.maxRotationDays });

/**
 * A full import: the store merges reminders (fitted to the policy) and records kept aside; the file's settings are
 * written after, unless the organisation's policy locks them (as settings:set refuses): then none is written and the
 * report says why.
 */
async function importData(text: string) {
  const [settings, sites, { policy }] = await Promise.all([loadSettings(), guardedSites(), readPolicy()]);
  // A key deleted earlier and in the file comes back on purpose: its synced deletion is withdrawn (./sync.ts).
  const result = await bringBack(() => store.importReminders(text, settings, sites, limitsOf(policy)), (done) => done.broughtIn);
  if (policy?.lockSettings) {
    return result.report.settings ? { ...result.report, settings: { applied: [], rejected: [], managed: true as const } } : result.report;
  }
  if (result.settings !== settings) await saveSettings(result.settings);
  return result.report;
}

/** One handler per message name; the map's type makes a missing handler a compile error. */
export const handlers: Handlers = {
  'guard:inject': (_payload, sender) => injectGuard(senderTab(sender), sender),
  'verdict:update': ({ verdict }, sender) => setVerdict(senderTab(sender), verdict),
  'verdict:clear': (_payload, sender) => setVerdict(senderTab(sender), null),
  'verdict:get': ({ tabId }) => getVerdict(tabId),
  'page:describe': ({ tabId, save }, sender) => describeTab(tabId, save === true, sender),
  'purpose:get': ({ exchange }) => loadPurpose(exchange),
  'purpose:set': ({ exchange, purpose }) => savePurpose(exchange, purpose),
  'reminder:record': (key) => withinPolicy(key).then((allowed) => store.recordSubmitted(allowed, today())),
  'reminder:restrictions': ({ rotationChosen, ...key }) => withinPolicy(key).then((allowed) => store.updateRestrictions(allowed, rotationChosen, today())),
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
  'reminder:delete': ({ id }) => store.deleteReminder(id, today()),
  'reminder:restore': ({ reminder }) =>
    readPolicy().then(({ policy }) => bringBack(() => store.restoreReminder(reminder, limitsOf(policy)), (restored) => [restored.id])),
  'reminders:import': ({ text }) => importData(text),
  'settings:set': (changes) => refuseWhenLocked().then(() => updateSettings(changes)),
  'settings:get': () => loadSettings(),
  'sites:add': ({ origin, tabId }) => addGuardedSite(origin, tabId),
  'sites:remove': ({ origin }) => removeGuardedSite(origin),
  'sites:list': () => guardedSites(),
  'policy:get': () => readPolicy(),
};

import type browser from 'webextension-polyfill';
import { localCalendarDate } from '../core/rotation';
import type { MessageName, Request, Response } from '../messages';
import { loadPurpose, savePurpose } from '../storage';
import { injectGuard } from './inject-guard';
import { listReminders, recordReminder } from './reminders';
import { getVerdict, setVerdict } from './verdicts';

type Handlers = { [K in MessageName]: (payload: Request<K>, sender: browser.Runtime.MessageSender) => Promise<Response<K>> };

function senderTab(sender: browser.Runtime.MessageSender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('This message must come from a tab.');
  return id;
}

/** One handler per message name; the map's type makes a missing handler a compile error. */
export const handlers: Handlers = {
  'guard:inject': (_payload, sender) => injectGuard(senderTab(sender), sender),
  'verdict:update': ({ verdict }, sender) => setVerdict(senderTab(sender), verdict),
  'verdict:clear': (_payload, sender) => setVerdict(senderTab(sender), null),
  'verdict:get': ({ tabId }) => getVerdict(tabId),
  'purpose:get': ({ exchange }) => loadPurpose(exchange),
  'purpose:set': ({ exchange, purpose }) => savePurpose(exchange, purpose),
  'reminder:record': (created) => recordReminder(created, localCalendarDate(new Date())),
  'reminders:list': () => listReminders(),
};

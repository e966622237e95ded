import browser from 'webextension-polyfill';
import type { Envelope, MessageName } from '../messages';
import { handlers } from './handlers';
import { acceptPopupPorts, setVerdict } from './verdicts';

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string' && (message as Envelope).type in handlers;
}

// Listeners are registered synchronously at start-up so that a restarted service worker receives the event that woke it.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || !isEnvelope(message)) return undefined;
  const handle = handlers[message.type as MessageName] as (payload: unknown, s: typeof sender) => Promise<unknown>;
  return handle(message.payload, sender).then(
    (result) => result ?? null,
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
});

acceptPopupPorts();

// A tab that closes or loads another page has no live form any more; its guard cannot say so itself.
// (Neither event needs the `tabs` permission; a new key page reports its own verdict once read.)
const forget = (tabId: number) =>
  setVerdict(tabId, null).catch((error: unknown) => console.warn('KeyScope: could not clear the verdict of a tab', error));
browser.tabs.onRemoved.addListener(forget);
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') forget(tabId);
});

import browser from 'webextension-polyfill';
import type { Envelope } from '../messages';
import { contentRequest } from './content-requests';
import { handlers } from './handlers';
import { classifySender, mayAsk } from './senders';
import { verdictUnknown } from './verdicts';
import { errorText } from '../ui/errors';

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

/**
 * The background's `runtime.onMessage` listener: a KeyScope message gets its answer (`null` for none) or
 * `{ error }` with the reason, which `send` (src/messages.ts) turns back into a rejection; anything else is left for
 * no one (undefined).
 */
export function answerMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  if (!isEnvelope(message)) return undefined;
  return receive(message, sender).then(
    (result) => result ?? null,
    (error: unknown) => ({ error: errorText(error) }),
  );
}

import type browser from 'webextension-polyfill';
import { adapterForHost } from '../exchanges';
import { generic } from '../exchanges/generic';
import type { MessageName } from '../messages';
import { isGuardedSite } from './guarded-sites';

// Who is asking. The background is the single writer of the user's data, so it decides by the sender, never by what
// a message says of itself: a content script runs in a web page's renderer, which a renderer bug or a hostile
// guarded site may control, and must not be able to do what the popup and the settings page do (read every key,
// delete keys, change settings), nor speak for another exchange.

/** The extension's own pages, by their path in the built extension. */
export type ExtensionPage = 'popup' | 'options';

export type Sender =
  | { kind: 'extension'; page: ExtensionPage }
  /** A content script, with its tab and the exchange (adapter id) of the page it runs on; 'generic' on a guarded site. */
  | { kind: 'content'; tabId: number; frameId: number; url: URL; exchange: string }
  | { kind: 'refused'; reason: string };

/** What a content script may ask: the guard's and the bootstrap's needs, nothing of the popup's or settings page's. */
const CONTENT_MESSAGES: ReadonlySet<MessageName> = new Set<MessageName>([
  'guard:inject',
  'describer:inject',
  'verdict:update',
  'verdict:clear',
  'purpose:get',
  'purpose:set',
  'reminder:record',
  'reminder:restrictions',
  'reminder:confirm-pending',
  'reminder:track',
  'reminders:tracked-names',
  'settings:get',
  'policy:get',
]);

const PAGES: ReadonlyArray<[ExtensionPage, RegExp]> = [
  ['popup', /^\/src\/popup\/index\.html$/],
  ['options', /^\/src\/options\/index\.html$/],
];

/**
 * Classifies a message's sender: an extension page by its URL under the extension's own base URL; a content script
 * by its tab and its frame's URL, whose host names the exchange (a supported one, or a site the user chose to guard).
 * Anything else is refused, with the reason.
 */
export async function classifySender(
  sender: browser.Runtime.MessageSender,
  self: { id: string; baseUrl: string },
): Promise<Sender> {
  if (sender.id !== self.id) return { kind: 'refused', reason: 'not this extension' };
  const url = sender.url ?? '';
  if (url.startsWith(self.baseUrl)) {
    const path = new URL(url).pathname;
    const page = PAGES.find(([, pattern]) => pattern.test(path))?.[0];
    return page ? { kind: 'extension', page } : { kind: 'refused', reason: `unknown extension page ${path}` };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || !/^https:\/\//.test(url))
    return { kind: 'refused', reason: 'no tab or not an https page' };
  const parsed = new URL(url);
  const known = adapterForHost(parsed.hostname);
  if (known) return { kind: 'content', tabId, frameId: sender.frameId ?? 0, url: parsed, exchange: known.id };
  if (await isGuardedSite(url))
    return { kind: 'content', tabId, frameId: sender.frameId ?? 0, url: parsed, exchange: generic.id };
  return { kind: 'refused', reason: `${parsed.hostname} is neither a supported exchange nor a guarded site` };
}

/** Whether this sender may send this message at all. */
export function mayAsk(sender: Sender, type: MessageName): boolean {
  if (sender.kind === 'extension') return true;
  return sender.kind === 'content' && CONTENT_MESSAGES.has(type);
}

import type { PolicyReading } from './core/policy';
import type { PageDescription } from './content/read/page-description';
import type { ListedKey } from './core/key-list-flags';
import type { Finding, Permission, Purpose, Risk } from './core/types';
import type { ReminderEdit } from './inventory/lifecycle';
import type { KeyCreated, Reminder } from './inventory/reminder';
import type { Settings, SettingsChange } from './settings/settings';
import type { ImportReport } from './inventory/transfer';

/** The live verdict of one tab's key form: what the overlay shows, kept by the background for the popup. */
export interface TabVerdict {
  exchange: string;
  exchangeName: string;
  permissions: Permission[];
  ipEntries: string[];
  findings: Finding[];
  risk: Risk;
  /** Sorted finding ids. */
  ids: string[];
  ready: boolean;
  toFix: number;
}

/**
 * A tab on a key page whose latest verdict the background could not keep (session storage full or refusing, or a
 * verdict refused as malformed): the popup says it does not know, never shows an older verdict as current.
 */
export const VERDICT_UNKNOWN = 'unknown';

/** What the popup knows of a tab: its verdict, not a key page (null), or not known ({@link VERDICT_UNKNOWN}). */
export type TabState = TabVerdict | null | typeof VERDICT_UNKNOWN;

/** The stored reminders as the popup lists them. */
export interface ReminderList {
  reminders: Reminder[];
  /** Stored records that failed validation: kept aside, shown, never dropped. */
  quarantined: number;
  /** The quarantined records themselves, as found, for the user to inspect or export. */
  quarantine: unknown[];
  settings: Settings;
  /** Today, by the background's clock: the one clock statuses are computed with. */
  today: string;
}

/** Every message between the extension's parts: request and response per name. Direction in the comment. */
export interface MessageMap {
  /**
   * content → background: this tab is on a key page; inject the guard script into the sending frame. False when
   * the user turned KeyScope off for this exchange (nothing injected; asked again on the next key page).
   */
  'guard:inject': { request: Record<string, never>; response: boolean };
  /** content → background: inject the page describer into the sender's frame (src/content/describe.ts). */
  'describer:inject': { request: Record<string, never>; response: boolean };
  /** content → background: the tab's verdict changed. */
  'verdict:update': { request: { verdict: TabVerdict }; response: void };
  /** content → background: the tab left the key page. */
  'verdict:clear': { request: Record<string, never>; response: void };
  /** popup → background: the verdict of a tab, if it is on a key page. */
  'verdict:get': { request: { tabId: number }; response: TabState };
  /**
   * popup → background → the tab's guard: "This page is not read right?", the description of the page's form area
   * (content/read/describe-page.ts); with `save`, the tab also saves it as a file. Refused from a tab.
   */
  'page:describe': { request: { tabId: number; save?: boolean }; response: PageDescription };
  /** content → background: the purpose the user last chose on this exchange. */
  'purpose:get': { request: { exchange: string }; response: Purpose | null };
  /** content → background: remember the purpose chosen on this exchange. */
  'purpose:set': { request: { exchange: string; purpose: Purpose }; response: void };
  /** content → background: the user submitted the guarded form; record a pending reminder. */
  'reminder:record': { request: KeyCreated; response: Reminder };
  /**
   * content → background: the user saved the restrictions of a key that already exists (Binance "Edit restrictions"):
   * update its reminder, or start an active one. `rotationChosen` says whether `rotationDays` is the user's choice
   * (then it replaces the reminder's interval) or only the suggestion (then an existing interval stays).
   */
  'reminder:restrictions': { request: KeyCreated & { rotationChosen: boolean }; response: Reminder };
  /**
   * content → background: the exchange shows the key it just created; confirm the newest pending one (of that site,
   * on a guarded site: `origin` is the sender's, set by the background).
   */
  'reminder:confirm-pending': {
    request: { exchange: string; origin?: string; name?: string };
    response: Reminder | null;
  };
  /** content → background: "track this key" on the exchange's key list. */
  'reminder:track': {
    request: ListedKey & { exchange: string; rotationDays: number; origin?: string };
    response: Reminder;
  };
  /** content → background: which listed keys are already tracked (by exchange and name). */
  'reminders:tracked-names': { request: { exchange: string }; response: string[] };
  /** popup/options → background: the reminder list with settings. */
  'reminders:list': { request: Record<string, never>; response: ReminderList };
  /** popup → background: a key added by hand. */
  'reminder:add': { request: KeyCreated & { created: string }; response: Reminder };
  'reminder:edit': { request: { id: string; changes: ReminderEdit }; response: Reminder };
  /** The key was replaced today: archive it and start its successor. */
  'reminder:rotate': { request: { id: string }; response: Reminder };
  'reminder:revoke': { request: { id: string }; response: Reminder };
  'reminder:confirm': { request: { id: string }; response: Reminder };
  'reminder:snooze': { request: { id: string; days: number }; response: Reminder };
  /** Deletes a reminder and returns it, so that "undo" can restore it exactly. */
  'reminder:delete': { request: { id: string }; response: Reminder };
  'reminder:restore': { request: { reminder: Reminder }; response: Reminder };
  /**
   * popup → background: "Discard all pending from this site": deletes these reminders if they are still pending, and
   * returns the ones deleted, so that "Undo" can restore them. Refused from a tab.
   */
  'reminders:discard-pending': { request: { ids: string[] }; response: Reminder[] };
  /**
   * options → background: "Delete records kept aside": deletes the records kept aside that the page showed (as data),
   * none kept aside after; answers how many were deleted. Refused from a tab.
   */
  'kept-aside:delete': { request: { records: unknown[] }; response: number };
  /** popup → background: guard this site (the popup has just been granted its host permission). */
  'sites:add': { request: { origin: string; tabId?: number }; response: string[] };
  /** options → background: stop guarding a site and give its permission back. */
  'sites:remove': { request: { origin: string }; response: string[] };
  'sites:list': { request: Record<string, never>; response: string[] };
  /**
   * options → background: merge an exported file (reminders; in a full export also settings, records kept aside,
   * and the guarded sites listed for the user to add again); says what was imported or rejected and why.
   */
  'reminders:import': { request: { text: string }; response: ImportReport };
  /** options → background: change some settings; each field is validated, a bad one refuses the whole change. */
  'settings:set': { request: SettingsChange; response: Settings };
  /** content → background: the settings the guard follows (suggested rotation, confirm before critical). */
  'settings:get': { request: Record<string, never>; response: Settings };
  /** content/options → background: the organisation's managed policy, with a note for every field ignored. */
  'policy:get': { request: Record<string, never>; response: PolicyReading };
}

export type MessageName = keyof MessageMap;
export type Request<K extends MessageName> = MessageMap[K]['request'];
export type Response<K extends MessageName> = MessageMap[K]['response'];
export type Envelope<K extends MessageName = MessageName> = { type: K; payload: Request<K> };

/** A failure the background reports back, so the caller can say what went wrong. */
export interface Failure {
  error: string;
}

export function isFailure(value: unknown): value is Failure {
  return (
    typeof value === 'object' && value !== null && 'error' in value && typeof (value as Failure).error === 'string'
  );
}

interface RuntimeSender {
  sendMessage(message: unknown): Promise<unknown>;
}

// Both browsers' MV3 `runtime.sendMessage` return a promise, so the content script needs no polyfill for it:
// every byte of the content script is paid on every exchange page (webextension-polyfill is ~3 KB gzip).
function runtime(): RuntimeSender {
  const scope = globalThis as { browser?: { runtime?: RuntimeSender }; chrome?: { runtime?: RuntimeSender } };
  const api = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (!api) throw new Error('KeyScope is not running as an extension here.');
  return api;
}

/** Sends a typed message to the background; rejects with the background's own message on failure. */
export async function send<K extends MessageName>(type: K, payload: Request<K>): Promise<Response<K>> {
  const reply: unknown = await runtime().sendMessage({ type, payload } satisfies Envelope<K>);
  if (isFailure(reply)) throw new Error(reply.error);
  return reply as Response<K>;
}

/** Name of the port the popup opens to get live verdict pushes. */
export const POPUP_PORT = 'keyscope-popup';

/** background → popup over the port: a tab's verdict changed (null: the tab left the key page). */
export interface VerdictPush {
  tabId: number;
  verdict: TabState;
}

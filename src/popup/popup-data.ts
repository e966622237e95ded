import browser from 'webextension-polyfill';
import { POPUP_PORT, send, type ReminderList, type Request, type Response, type TabVerdict, type VerdictPush } from '../messages';

/** The messages the popup sends to change the inventory. */
export type PopupMessage =
  | 'reminder:add'
  | 'reminder:edit'
  | 'reminder:rotate'
  | 'reminder:revoke'
  | 'reminder:confirm'
  | 'reminder:snooze'
  | 'reminder:delete'
  | 'reminder:restore';

/** What the popup needs from the extension, behind one seam so components can be tested without a browser. */
export interface PopupData {
  /** The verdict of the active tab now, or null when it is not on a guarded key page. */
  verdict(): Promise<TabVerdict | null>;
  /** Calls back whenever the active tab's verdict changes while the popup is open; returns a stop function. */
  onVerdict(callback: (verdict: TabVerdict | null) => void): () => void;
  reminders(): Promise<ReminderList>;
  /** One change to the inventory; rejects with the background's own words when it fails. */
  send<K extends PopupMessage>(type: K, payload: Request<K>): Promise<Response<K>>;
  notificationsAllowed(): Promise<boolean>;
  /** Asks the browser for the notifications permission: call it straight from a click (a user gesture). */
  requestNotifications(): Promise<boolean>;
  openOptions(): Promise<void>;
}

async function activeTabId(): Promise<number | undefined> {
  // No `tabs` permission needed: the id of the active tab is given without it (its URL is not).
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const NOTIFICATIONS = { permissions: ['notifications' as const] };

export function connectPopupData(): PopupData {
  const tabId = activeTabId();
  return {
    async verdict() {
      const id = await tabId;
      return id === undefined ? null : send('verdict:get', { tabId: id });
    },
    onVerdict(callback) {
      const port = browser.runtime.connect({ name: POPUP_PORT });
      port.onMessage.addListener(async (message: unknown) => {
        const push = message as VerdictPush;
        if (push.tabId === (await tabId)) callback(push.verdict);
      });
      return () => port.disconnect();
    },
    reminders: () => send('reminders:list', {}),
    send: (type, payload) => send(type, payload),
    notificationsAllowed: () => browser.permissions.contains(NOTIFICATIONS),
    requestNotifications: () => browser.permissions.request(NOTIFICATIONS),
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}

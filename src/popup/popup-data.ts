import browser from 'webextension-polyfill';
import type { PageDescription } from '../content/read/page-description';
import {
  POPUP_PORT,
  send,
  type ReminderList,
  type Request,
  type Response,
  type TabState,
  type VerdictPush,
} from '../messages';
import { t } from '../i18n';
import { notificationsAllowed, requestNotifications, requestSite } from '../optional-permissions';
import type { NotificationsSource } from '../ui/use-notifications';

/** The messages the popup sends to change the inventory. */
export type PopupMessage =
  | 'reminder:add'
  | 'reminder:edit'
  | 'reminder:rotate'
  | 'reminder:revoke'
  | 'reminder:confirm'
  | 'reminder:snooze'
  | 'reminder:delete'
  | 'reminder:restore'
  | 'reminders:discard-pending';

/** What the popup needs from the extension, behind one seam so components can be tested without a browser. */
export interface PopupData extends NotificationsSource {
  /** The verdict of the active tab now, null when it is not on a guarded key page, 'unknown' when it was not kept. */
  verdict(): Promise<TabState>;
  /** Calls back whenever the active tab's verdict changes while the popup is open; returns a stop function. */
  onVerdict(callback: (verdict: TabState) => void): () => void;
  reminders(): Promise<ReminderList>;
  /** One change to the inventory; rejects with the background's own words when it fails. */
  send<K extends PopupMessage>(type: K, payload: Request<K>): Promise<Response<K>>;
  openOptions(): Promise<void>;
  /** The tab the popup was opened on. */
  activeTab(): Promise<ActiveTab>;
  /** The sites the user chose to guard, as origins (`https://exchange.example`). */
  guardedSites(): Promise<string[]>;
  /**
   * Asks the browser for one site's host permission (`origin/*`): call it straight from a click, before any await,
   * since browsers grant a permission only during a user gesture.
   */
  requestSite(origin: string): Promise<boolean>;
  /** Guards a site whose permission the user has just granted, starting in the given tab; resolves to the guarded sites. */
  guardSite(origin: string, tabId: number | undefined): Promise<string[]>;
  /**
   * "This page is not read right?": the description of the active tab's form area, from KeyScope's guard in that tab;
   * with `save`, the tab saves it as a file too. Rejects when KeyScope is not running there.
   */
  describePage?(save: boolean): Promise<PageDescription>;
}

/** The tab the popup was opened on: its URL is given only while the popup holds `activeTab` for it. */
export interface ActiveTab {
  id?: number;
  url?: string;
}

async function activeTab(): Promise<ActiveTab> {
  // No `tabs` permission needed: the id of the active tab is always given, and its URL too once the user has opened
  // the popup on it (the toolbar click grants `activeTab`).
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

export function connectPopupData(): PopupData {
  const tab = activeTab();
  return {
    async verdict() {
      const { id } = await tab;
      return id === undefined ? null : send('verdict:get', { tabId: id });
    },
    onVerdict(callback) {
      const port = browser.runtime.connect({ name: POPUP_PORT });
      port.onMessage.addListener((message: unknown) => {
        const push = message as VerdictPush;
        void tab.then(({ id }) => {
          if (push.tabId === id) callback(push.verdict);
        });
      });
      return () => port.disconnect();
    },
    reminders: () => send('reminders:list', {}),
    send: (type, payload) => send(type, payload),
    notificationsAllowed,
    requestNotifications,
    openOptions: () => browser.runtime.openOptionsPage(),
    activeTab: () => tab,
    guardedSites: () => send('sites:list', {}),
    requestSite,
    guardSite: (origin, tabId) => send('sites:add', { origin, tabId }),
    async describePage(save) {
      const { id } = await tab;
      if (id === undefined) throw new Error(t('page_report_not_running'));
      return send('page:describe', { tabId: id, ...(save ? { save } : {}) });
    },
  };
}

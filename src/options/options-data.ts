import type { PolicyReading } from '../core/policy';
import { send, type ReminderList, type Request, type Response } from '../messages';
import { notificationsAllowed, removeNotifications, requestNotifications, requestSite } from '../optional-permissions';
import type { Settings } from '../settings/settings';
import type { Inventory } from '../ui/use-inventory';
import type { NotificationsSource } from '../ui/use-notifications';

/** The messages the options page sends. */
export type OptionsMessage = 'reminders:import' | 'settings:set' | 'sites:add' | 'sites:remove' | 'kept-aside:delete';

/** What the options page needs from the extension, behind one seam so it can be tested without a browser. */
export interface OptionsData extends NotificationsSource {
  reminders(): Promise<ReminderList>;
  /** The sites the user chose to guard ("Guard this page"), as origins. */
  guardedSites(): Promise<string[]>;
  /** Rejects with the background's own words when it fails. */
  send<K extends OptionsMessage>(type: K, payload: Request<K>): Promise<Response<K>>;
  /** The organisation's managed policy; a seam that does not offer it stands for "no policy". */
  policy?(): Promise<PolicyReading>;
  /** Gives the notifications permission back; resolves true when it is gone. */
  removeNotifications(): Promise<boolean>;
  /** Asks the browser for one site's host permission (`origin/*`): call it straight from a click, before any await. */
  requestSite(origin: string): Promise<boolean>;
}

/** What one setting of the options page is given: the stored settings, the page's runner for changes, the extension. */
export interface SettingProps {
  settings: Settings;
  inventory: Inventory;
  data: OptionsData;
}

export function connectOptionsData(): OptionsData {
  return {
    reminders: () => send('reminders:list', {}),
    guardedSites: () => send('sites:list', {}),
    send: (type, payload) => send(type, payload),
    notificationsAllowed,
    requestNotifications,
    removeNotifications,
    requestSite,
    policy: () => send('policy:get', {}),
  };
}

import type { PolicyReading } from '../core/policy';
import { send, type ReminderList, type Request, type Response } from '../messages';

/** The messages the options page sends. */
export type OptionsMessage = 'reminders:import' | 'settings:set' | 'sites:remove';

/** What the options page needs from the extension, behind one seam so it can be tested without a browser. */
export interface OptionsData {
  reminders(): Promise<ReminderList>;
  /** The sites the user chose to guard ("Guard this page"), as origins. */
  guardedSites(): Promise<string[]>;
  /** Rejects with the background's own words when it fails. */
  send<K extends OptionsMessage>(type: K, payload: Request<K>): Promise<Response<K>>;
  /** The organisation's managed policy; a seam that does not offer it stands for "no policy". */
  policy?(): Promise<PolicyReading>;
}

export function connectOptionsData(): OptionsData {
  return {
    reminders: () => send('reminders:list', {}),
    guardedSites: () => send('sites:list', {}),
    send: (type, payload) => send(type, payload),
    policy: () => send('policy:get', {}),
  };
}

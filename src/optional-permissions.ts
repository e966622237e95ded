import browser from 'webextension-polyfill';
import { sitePattern } from './settings/site-origin';

// The optional permissions, asked only on a click, never at install. "Notifications on" is the `notifications`
// permission itself, kept by the browser: one fact, no copy in the settings that could disagree with it.

const NOTIFICATIONS = { permissions: ['notifications' as const] };

export function notificationsAllowed(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS);
}

/** Asks the browser for the permission: call it straight from a click, before any await (a user gesture). */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS);
}

/** Gives the permission back: checks then announce nothing (the badge still counts overdue keys). */
export function removeNotifications(): Promise<boolean> {
  return browser.permissions.remove(NOTIFICATIONS);
}

/** Asks the browser for one site's host permission: call it straight from a click, before any await. */
export function requestSite(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [sitePattern(origin)] });
}

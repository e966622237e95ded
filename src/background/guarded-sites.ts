import browser from 'webextension-polyfill';
import bootstrapScript from '../content/bootstrap.ts?script';
import { adapterForHost } from '../exchanges';
import { t } from '../i18n';
import { siteOrigin, sitePattern as pattern } from '../settings/site-origin';
import { loadItem } from '../storage';
import { serial } from './serial';
import { change } from './writer';

// "Guard this page": sites the user chose, each with its own optional host permission, asked for in the popup at
// that moment and never at install. The bootstrap content script is registered for exactly that origin; removing
// the site unregisters it and gives the permission back.

const SCRIPT_PREFIX = 'keyscope-site:';
// The popup, the permission event and start-up may change the sites at the same moment: one at a time (the list
// itself is written by the background's one writer, ./writer.ts).
const changes = serial();

export async function guardedSites(): Promise<string[]> {
  return loadItem('guardedSites');
}

/** The stored list, changed by `step` as it is when written; kept sorted and without duplicates. */
function saveSites(step: (sites: string[]) => string[]): Promise<void> {
  return change('guardedSites', (sites) => ({ next: [...new Set(step(sites))].sort(), result: undefined }));
}

export async function isGuardedSite(url: string): Promise<boolean> {
  const origin = siteOrigin(url);
  return origin !== undefined && (await guardedSites()).includes(origin);
}

async function register(origin: string): Promise<void> {
  const id = `${SCRIPT_PREFIX}${origin}`;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [pattern(origin)], js: [bootstrapScript], runAt: 'document_idle' },
  ]);
}

/** Adds a site once the popup holds its permission, and starts guarding the tab right away (no reload needed). */
export function addGuardedSite(origin: string, tabId: number | undefined): Promise<string[]> {
  return changes(() => addSite(origin, tabId));
}

async function addSite(origin: string, tabId: number | undefined): Promise<string[]> {
  if (siteOrigin(origin) !== origin) throw new Error(t('sites_error_not_site', origin));
  if (adapterForHost(new URL(origin).hostname)) throw new Error(t('sites_error_known'));
  if (!(await browser.permissions.contains({ origins: [pattern(origin)] }))) {
    throw new Error(t('sites_error_permission'));
  }
  await register(origin);
  await saveSites((sites) => [...sites, origin]);
  // The bootstrap runs once per page even when both the popup and the permission event inject it.
  if (tabId !== undefined) await browser.scripting.executeScript({ target: { tabId }, files: [bootstrapScript] });
  return guardedSites();
}

/**
 * A host permission was just granted. In Chromium the popup closes as soon as the browser's permission dialog
 * opens, so its own "add this site" never runs: the grant itself is the user's answer. Sites covered by an
 * exchange adapter are not user sites and are left alone.
 */
export async function addGrantedSites(patterns: readonly string[]): Promise<void> {
  const known = await guardedSites();
  for (const granted of patterns) {
    const origin = granted.endsWith('/*') ? siteOrigin(granted.slice(0, -2)) : undefined;
    if (!origin || known.includes(origin) || adapterForHost(new URL(origin).hostname)) continue;
    const [tab] = await browser.tabs.query({ url: granted, active: true });
    await addGuardedSite(origin, tab?.id);
  }
}

/** Stops guarding a site: unregisters the script and gives the permission back. */
export function removeGuardedSite(origin: string): Promise<string[]> {
  return changes(() => removeSite(origin));
}

async function removeSite(origin: string): Promise<string[]> {
  const id = `${SCRIPT_PREFIX}${origin}`;
  if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length) {
    await browser.scripting.unregisterContentScripts({ ids: [id] });
  }
  await saveSites((sites) => sites.filter((site) => site !== origin));
  await browser.permissions.remove({ origins: [pattern(origin)] });
  return guardedSites();
}

/**
 * Keeps registrations and permissions in step: at start-up (registrations may not persist across sessions)
 * and when the user revokes a site's permission in the browser's own settings.
 */
export function reconcileGuardedSites(): Promise<void> {
  return changes(reconcile);
}

async function reconcile(): Promise<void> {
  const sites = await guardedSites();
  const withdrawn: string[] = [];
  for (const origin of sites) {
    if (await browser.permissions.contains({ origins: [pattern(origin)] })) {
      await register(origin);
    } else {
      withdrawn.push(origin);
      const id = `${SCRIPT_PREFIX}${origin}`;
      if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length)
        await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
  }
  if (withdrawn.length) await saveSites((current) => current.filter((site) => !withdrawn.includes(site)));
}

import browser from 'webextension-polyfill';

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
interface AccessControlled {
  setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void>;
}

/**
 * Closes the stored reminders and settings to content scripts, where the browser can: a content script runs in a web
 * page's renderer and must go through the background's checked messages, never write `storage.local` itself (which
 * would also go around a locked managed policy). Chromium has `setAccessLevel` on local and sync storage; Firefox has
 * it on session storage only (bugzilla 1724754), where session storage is already closed to content scripts: there
 * the guard reads nothing from storage, and only the background writes (checked in the real-browser tests).
 * Returns the areas it closed.
 */
export async function closeStorageToContentScripts(): Promise<string[]> {
  const closed: string[] = [];
  for (const [name, area] of [
    ['local', browser.storage.local],
    ['sync', browser.storage.sync],
  ] as const) {
    const controlled = area as unknown as AccessControlled;
    if (typeof controlled.setAccessLevel !== 'function') continue;
    try {
      await controlled.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      closed.push(name);
    } catch {
      // Firefox exposes the method on every area but accepts it for session storage only.
    }
  }
  return closed;
}

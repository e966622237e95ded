import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `_locales/<code>/messages.json`: message name → its entry. */
export type MessageFile = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern into an asset URL.
export const LOCALES_DIR = join(import.meta.dirname, '../../_locales');

/** The locale folders, `en` first. */
export function localeCodes(): string[] {
  return readdirSync(LOCALES_DIR).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

export function readMessages(code: string): MessageFile {
  return JSON.parse(readFileSync(join(LOCALES_DIR, code, 'messages.json'), 'utf8')) as MessageFile;
}

/**
 * `i18n.getMessage` as Chrome and Firefox do it: names are case-insensitive; named placeholders (`$NAME$`) become
 * their `content`; then `$1`…`$9` become the substitutions (missing ones: empty) and `$$` a single `$`. Unknown
 * names give "" as in the browsers.
 */
export function getMessageFrom(messages: MessageFile): (name: string, substitutions?: string | string[]) => string {
  const byName = new Map(Object.entries(messages).map(([name, entry]) => [name.toLowerCase(), entry]));
  return (name, substitutions = []) => {
    const entry = byName.get(name.toLowerCase());
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]),
    );
    const message = entry.message.replace(
      /\$([A-Za-z0-9_@]+)\$/g,
      (whole, key: string) => placeholders.get(key.toLowerCase()) ?? whole,
    );
    return message.replace(/\$(?:([1-9])|(\$+))/g, (_whole, index: string | undefined, dollars: string | undefined) =>
      index ? (subs[Number(index) - 1] ?? '') : dollars!.slice(1),
    );
  };
}

/** Installs `browser.i18n` reading one locale's real file, as the browser would for a user of that language. */
export function installI18n(code: string): void {
  const getMessage = getMessageFrom(readMessages(code));
  (globalThis as { browser?: unknown }).browser = { i18n: { getMessage } };
}

import type { CappedPart, ReadCap } from '../../core/types';
import { NAME_MAX } from '../../inventory/reminder';

// A page may show any amount: KeyScope reads a bounded part of it, and says so (snapshot `capped`, finding
// `form.read-capped`, docs/design.md). The caps keep every verdict within what the background accepts from a content
// script (background/content-requests.ts: lists of at most 200 texts of at most 200 characters).

/** How much of each part is read: entries, or characters (code points). */
export const READ_CAPS: Readonly<Record<CappedPart, number>> = {
  // Exchanges take 10 to 30 (docs/exchanges.md).
  'ip-entries': 100,
  // The longest address with a prefix, "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128", has 49.
  'ip-entry': 64,
  'unknown-permissions': 20,
  // What the inventory keeps of a name.
  'key-name': NAME_MAX,
};

function note(capped: ReadCap[], part: CappedPart): void {
  if (!capped.some((cap) => cap.part === part)) capped.push({ part, limit: READ_CAPS[part] });
}

/** The first items, as many as `part` allows; a longer list is noted in `capped`. */
export function capList<T>(items: readonly T[], part: CappedPart, capped: ReadCap[]): T[] {
  if (items.length > READ_CAPS[part]) note(capped, part);
  return items.slice(0, READ_CAPS[part]);
}

/**
 * The text, or its first characters ending in "…" when it has more than `part` allows (noted in `capped`): a cut IP
 * entry can never pass for an address. Never splits a character; never copies more of a long text than it keeps.
 */
export function capText(text: string, part: CappedPart, capped: ReadCap[]): string {
  const limit = READ_CAPS[part];
  if (text.length <= limit) return text;
  const head = Array.from(text.slice(0, 2 * limit));
  if (head.length <= limit && text.length <= 2 * limit) return text;
  note(capped, part);
  return `${head.slice(0, limit - 1).join('')}…`;
}

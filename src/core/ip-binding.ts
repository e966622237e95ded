import type { IpEntry } from './ip-allowlist';
import { text, type Sub } from './text';
import type { KeyFormSnapshot } from './types';

/** The key is bound when at least one entry is an address the exchange accepts. */
export function isBound(ips: readonly IpEntry[]): boolean {
  return ips.some((entry) => entry.kind !== 'invalid');
}

/**
 * Whether the key that the form will create is bound: to an address the user listed, or by the exchange itself to a
 * partner's servers (OKX "Binding third-party apps"), which has no IP list of the user's on purpose.
 */
export function keyIsBound(snapshot: Pick<KeyFormSnapshot, 'partnerBinding'>, ips: readonly IpEntry[]): boolean {
  return snapshot.partnerBinding !== undefined || isBound(ips);
}

/** Bound to public addresses only, with nothing broad or invalid beside them. */
export function isTightlyBound(ips: readonly IpEntry[]): boolean {
  return ips.length > 0 && ips.every((entry) => entry.kind === 'public');
}

/** The entries of one kind, as typed, for naming them in a message. */
export function entriesOfKind(ips: readonly IpEntry[], kind: IpEntry['kind']): string[] {
  return ips.filter((entry) => entry.kind === kind).map((entry) => entry.text);
}

/** "a, b, c and 7 more": names entries without flooding the panel. */
export function listEntries(texts: readonly string[], shown = 3): Sub {
  const head = texts.slice(0, shown);
  return texts.length > shown ? text('list_more', head, texts.length - shown) : head;
}

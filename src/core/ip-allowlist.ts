import ipaddr from 'ipaddr.js';

/**
 * How one allow-list entry was judged.
 * Exported with classifyIpEntry, one entry's judgement, which tests check over any input (property tests).
 */
export type IpEntryKind =
  /** A public address or a narrow public range: what an exchange expects. */
  | 'public'
  /** Private, loopback, link-local or reserved: the exchange never sees it. */
  | 'private'
  /** Wider than a /24 (IPv4) or /48 (IPv6), or a "match all" entry. */
  | 'broad'
  /** Not an IPv4/IPv6 address or CIDR as an exchange accepts it. */
  | 'invalid';

/** One parsed allow-list entry. */
export interface IpEntry {
  /** The entry as typed (trimmed). */
  text: string;
  kind: IpEntryKind;
}

/** Widest ranges still considered bound to one network. */
export const NARROWEST_BROAD_PREFIX = { ipv4: 24, ipv6: 48 } as const;

// Exchanges' forms take a comma or white space between entries (OKX: "with a comma or a space").
const SEPARATORS = /[\s,]+/u;
// Only ASCII digits, hex letters and IP punctuation: rejects Unicode digits and zone ids before ipaddr.js sees them.
const IP_CHARACTERS = /^[0-9a-f:./]+$/i;
const MATCH_ALL = new Set(['*', 'any', 'all']);

/** Splits an allow-list field's text into entries, as the exchange does. */
export function splitAllowList(text: string): string[] {
  return text.split(SEPARATORS).filter(Boolean);
}

/**
 * Judges one entry. Never throws, whatever the input.
 * Exported for the property tests: one entry, any text, never a throw.
 */
export function classifyIpEntry(text: string): IpEntry {
  const kind = MATCH_ALL.has(text.toLowerCase())
    ? 'broad'
    : IP_CHARACTERS.test(text)
      ? classifyAddress(text)
      : 'invalid';
  return { text, kind };
}

/** Parses every entry of an allow-list. */
export function parseAllowList(entries: readonly string[]): IpEntry[] {
  return entries.map(classifyIpEntry);
}

function classifyAddress(text: string): IpEntryKind {
  const parsed = parseStrict(text);
  if (!parsed) return 'invalid';
  const [address, prefix] = parsed;
  // An IPv4-mapped IPv6 entry (::ffff:a.b.c.d/N) is an IPv4 range: judge it by its IPv4 width.
  const mapped = address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress();
  const width = mapped
    ? { prefix: prefix - 96, narrowest: NARROWEST_BROAD_PREFIX.ipv4 }
    : { prefix, narrowest: address.kind() === 'ipv4' ? NARROWEST_BROAD_PREFIX.ipv4 : NARROWEST_BROAD_PREFIX.ipv6 };
  if (width.prefix < width.narrowest) return 'broad';
  const view = mapped ? address.toIPv4Address() : address;
  // 0.0.0.0 and :: mean "any address" to many forms; other 0.x.x.x addresses are merely reserved.
  if (view.toByteArray().every((byte) => byte === 0)) return 'broad';
  return view.range() === 'unicast' ? 'public' : 'private';
}

/** Dotted-quad IPv4 (no octal, hex or short forms) or IPv6 without a zone, optionally with a prefix length. */
function parseStrict(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  const [host, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || host === undefined) return undefined;
  if (prefix !== undefined && !/^(0|[1-9][0-9]{0,2})$/.test(prefix)) return undefined;
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(host)) {
      return withPrefix(ipaddr.IPv4.parse(host), prefix, 32);
    }
    if (host.includes(':') && ipaddr.IPv6.isValid(host)) {
      return withPrefix(ipaddr.IPv6.parse(host), prefix, 128);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function withPrefix<T extends ipaddr.IPv4 | ipaddr.IPv6>(
  address: T,
  prefix: string | undefined,
  max: number,
): [T, number] | undefined {
  const length = prefix === undefined ? max : Number(prefix);
  return length <= max ? [address, length] : undefined;
}

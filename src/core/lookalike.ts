// Look-alike domains (issue 6): is this host pretending to be a supported exchange? A pure check on the host name
// alone, for the popup. A false alarm on a real site ("This is not Binance" on Binance's own US or Turkish site, on a
// library's documentation) teaches the user to ignore the warning, so only precise signals count:
//
// - the exchange's own domain inside another one: `www.okx.com.secure-login.io`, `binance.com-verify.site`;
// - a label that reads as the brand but is not it: other scripts' letters (`оkx.com` with a Cyrillic "о", which the URL
//   API hands over as `xn--kx-emc.com`), accents, 0 for o, 1 or l for i, rn for m (see confusable-skeleton.ts);
// - the brand beside a lure word: `okx-api-login.com`, `secure-binance.net`, `binanceverify.com`;
// - one typo from the brand: a doubled letter (`okxx`, `binnance`) for every brand; two letters swapped (`kucion`) from
//   five letters on; a letter dropped inside the word (`binace`) or a neighbouring key hit (`binamce`) from six on.
//
// What does not count, on purpose: the brand under another suffix (`binance.us`, `bybit.eu`, `gate.com.tr`,
// `huobi.pro` are the exchanges' own regional or older sites; `kraken.io` is someone else's), and the brand alone in
// another site's address without a lure (`python-binance.readthedocs.io`, `binance-docs.github.io`, `seattle-kraken`).
// Short brands (OKX, HTX, Gate, MEXC) get no swapped, dropped or mistyped letter: `thx.com`, `htc.com` and `date.com`
// are all one edit away from one of them. Without a public-suffix list, a two-label suffix is recognised only as a
// generic second level under a two-letter country (`com.tr`, `co.uk`).
//
// Core knows no exchange: the brands are data the caller passes (the popup passes src/exchanges' adapters).

import { skeleton } from './confusable-skeleton';
import { labelToUnicode } from './punycode';

/**
 * Why a host was taken for a look-alike:
 * - `punycode`: an internationalised label (`xn--…`) whose letters from other scripts, or accents, read as the brand;
 * - `confusable`: an ASCII label that reads as the brand through look-alike characters (`0kx`, `b1nance`, `rnexc`);
 * - `brand-in-domain`: the exchange's domain, or its brand beside a lure word, inside another site's address;
 * - `edit-distance`: a label one typo away from the brand.
 */
export type LookalikeReason = 'punycode' | 'confusable' | 'brand-in-domain' | 'edit-distance';

/** A host that imitates a supported exchange. */
export interface Lookalike {
  /** The imitated exchange's adapter id (`okx`). */
  exchange: string;
  reason: LookalikeReason;
  /** The exchange's real main host (`www.okx.com`), to send the user there. */
  official: string;
}

/**
 * Words phishing addresses put beside a brand to look like one of its services, matched as whole hyphen-separated
 * parts or glued to the brand (`binanceverify`). Words a third party's own site would use ("docs", "api", "python",
 * "tax", "bot") are left out, so that tools and documentation about an exchange stay quiet, and so are those the
 * exchanges' own mirror sites use: "app", "apps", "cn" (bitgetapp.com, bitgetapps.com and cnbitget.com are Bitget's).
 */
const LURES: ReadonlySet<string> = new Set([
  'login',
  'signin',
  'logon',
  'auth',
  'verify',
  'verification',
  'validate',
  'secure',
  'security',
  'safe',
  'support',
  'help',
  'helpdesk',
  'service',
  'account',
  'accounts',
  'wallet',
  'kyc',
  'unlock',
  'recover',
  'recovery',
  'restore',
  'reset',
  'claim',
  'airdrop',
  'reward',
  'rewards',
  'bonus',
  'gift',
  'promo',
  'official',
  'update',
  'confirm',
  'connect',
  'online',
  'portal',
  'my',
]);

/** Generic second-level labels under which a country's registry sells names (`com.tr`, `co.uk`, `ac.jp`). */
const SECOND_LEVEL = new Set(['com', 'co', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'mil', 'nic']);

/** An exchange whose look-alikes are looked for; an exchange adapter (src/exchanges/adapter.ts) is one. */
export interface Brand {
  /** The exchange's id (`okx`), reported as {@link Lookalike.exchange}. */
  id: string;
  /** Its hosts, the main one first: the first is reported as {@link Lookalike.official}. */
  hosts: readonly string[];
  /** The domains it owns (`okx.com`): a host under one is never a look-alike; a brand with none is not looked for. */
  officialDomains: readonly string[];
}

interface Domain {
  exchange: string;
  official: string;
  domain: string;
}

/** A brand's word (`binance`, the first label of an official domain) and how it reads (confusable-skeleton.ts). */
interface Word {
  exchange: string;
  official: string;
  word: string;
  skeleton: string;
}

interface Brands {
  domains: readonly Domain[];
  words: readonly Word[];
}

/** The domains and words of each list of brands, worked out once per list. */
const compiled = new WeakMap<readonly Brand[], Brands>();

function compile(brands: readonly Brand[]): Brands {
  const known = compiled.get(brands);
  if (known) return known;
  const sites = brands.filter((brand) => brand.officialDomains.length > 0);
  const domains = sites.flatMap((brand) =>
    brand.officialDomains.map((domain) => ({ exchange: brand.id, official: brand.hosts[0]!, domain })),
  );
  const words = sites.flatMap((brand) =>
    [...new Set(brand.officialDomains.map((domain) => domain.split('.')[0]!))].map((word) => ({
      exchange: brand.id,
      official: brand.hosts[0]!,
      word,
      skeleton: skeleton(word),
    })),
  );
  const result = { domains, words };
  compiled.set(brands, result);
  return result;
}

/** A label of the host, before its public suffix. */
interface Label {
  /** The label as a person reads it (an `xn--` label decoded). */
  text: string;
  /** The label just before the suffix (`binance` in `www.binance.us`). */
  registrable: boolean;
}

/** The labels before the public suffix; undefined for IP addresses and single-label names (`localhost`). */
function labelsOf(host: string): Label[] | undefined {
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return undefined;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return undefined;
  const [last, secondLast] = [labels.at(-1)!, labels.at(-2)!];
  const suffix = labels.length > 2 && /^[a-z]{2}$/.test(last) && SECOND_LEVEL.has(secondLast) ? 2 : 1;
  const named = labels.slice(0, labels.length - suffix);
  return named.map((label, index) => ({ text: labelToUnicode(label), registrable: index === named.length - 1 }));
}

function isOfficial(host: string, domains: readonly Domain[]): boolean {
  return domains.some(({ domain }) => host === domain || host.endsWith(`.${domain}`));
}

/** The official domain at a label boundary, followed by more address (`okx.com.example.io`, `okx.com-verify.site`). */
function embeddedDomain(host: string, domains: readonly Domain[]): Lookalike | undefined {
  for (const { exchange, official, domain } of domains) {
    for (let at = host.indexOf(domain); at >= 0; at = host.indexOf(domain, at + 1)) {
      const before = at === 0 ? '.' : host[at - 1]!;
      const rest = host.slice(at + domain.length);
      // `gate.com.tr`: the brand under a country's second level is a site of its own, like `gate.tr` would be.
      if ('.-'.includes(before) && /^[.-]/.test(rest) && !/^\.[a-z]{2}$/.test(rest))
        return { exchange, official, reason: 'brand-in-domain' };
    }
  }
  return undefined;
}

/** The label and its hyphen-separated parts: `secure-binance` → secure-binance, secure, binance. */
function partsOf(label: Label): string[] {
  const parts = label.text.split('-').filter(Boolean);
  return parts.length > 1 ? [label.text, ...parts] : [label.text];
}

/** A part that reads as the brand without being it. */
function confusable(labels: readonly Label[], words: readonly Word[]): Lookalike | undefined {
  for (const part of labels.flatMap(partsOf)) {
    const shape = skeleton(part);
    const brand = words.find((b) => b.skeleton === shape && b.word !== part);
    if (brand)
      return {
        exchange: brand.exchange,
        official: brand.official,
        reason: /\P{ASCII}/u.test(part) ? 'punycode' : 'confusable',
      };
  }
  return undefined;
}

/** Whether `text` is made of lure words only (`securelogin`); the empty string is. */
function onlyLures(text: string): boolean {
  if (text === '') return true;
  for (let end = 1; end <= text.length; end++) {
    if (LURES.has(text.slice(0, end)) && onlyLures(text.slice(end))) return true;
  }
  return false;
}

/** The brand as a part beside a lure word elsewhere in the address, or glued to lure words in one part. */
function brandWithLure(labels: readonly Label[], words: readonly Word[]): Lookalike | undefined {
  const parts = labels.flatMap((label) => label.text.split('-'));
  const lured = parts.some((part) => LURES.has(part));
  for (const label of labels) {
    for (const part of label.text.split('-')) {
      for (const brand of words) {
        // The brand as the whole name under another suffix (`binance.us`) is the brand's own or someone else's site.
        const alone = part === brand.word && !(label.registrable && label.text === brand.word) && lured;
        const glued = part !== brand.word && part.includes(brand.word) && part.split(brand.word).every(onlyLures);
        if (alone || glued) return { exchange: brand.exchange, official: brand.official, reason: 'brand-in-domain' };
      }
    }
  }
  return undefined;
}

/** QWERTY neighbours, for mistyped letters. */
const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbours(a: string, b: string): boolean {
  const place = (key: string) => {
    const row = KEY_ROWS.findIndex((keys) => keys.includes(key));
    return row < 0 ? undefined : { row, column: KEY_ROWS[row]!.indexOf(key) + row * 0.5 };
  };
  const [p, q] = [place(a), place(b)];
  return (
    p !== undefined && q !== undefined && Math.abs(p.row - q.row) <= 1 && Math.abs(p.column - q.column) <= 1 && a !== b
  );
}

/** One typo of `word`, of the kinds described at the top of this file for its length. */
function isTypo(label: string, word: string): boolean {
  if (label === word) return false;
  if (label.length === word.length + 1) {
    return [...word].some((char, i) => label === word.slice(0, i + 1) + char + word.slice(i + 1));
  }
  if (label.length === word.length && word.length >= 5) {
    const diff = [...word].flatMap((char, i) => (label[i] === char ? [] : [i]));
    const [i, j] = diff;
    if (diff.length === 2 && j === i! + 1 && label[i!] === word[j] && label[j] === word[i!]) return true;
    if (diff.length === 1 && word.length >= 6 && neighbours(label[i!]!, word[i!]!)) return true;
  }
  if (label.length === word.length - 1 && word.length >= 6) {
    return [...word].some((_char, i) => i > 0 && i < word.length - 1 && label === word.slice(0, i) + word.slice(i + 1));
  }
  return false;
}

function typo(labels: readonly Label[], words: readonly Word[]): Lookalike | undefined {
  for (const label of labels) {
    const brand = words.find((b) => isTypo(label.text, b.word));
    if (brand) return { exchange: brand.exchange, official: brand.official, reason: 'edit-distance' };
  }
  return undefined;
}

/**
 * The brand this host imitates, and why; undefined for the brands' own hosts (any host under one of their
 * `officialDomains`), for unrelated sites, IP addresses and single-label names. Takes the host as the URL API gives it
 * (`new URL(url).hostname`: lower case, internationalised labels as `xn--`). Pass the same `brands` list each time: what
 * is worked out from it is kept per list.
 */
export function lookalikeOf(hostname: string, brands: readonly Brand[]): Lookalike | undefined {
  const { domains, words } = compile(brands);
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isOfficial(host, domains)) return undefined;
  const labels = labelsOf(host);
  if (!labels) return undefined;
  return (
    embeddedDomain(host, domains) ?? confusable(labels, words) ?? brandWithLure(labels, words) ?? typo(labels, words)
  );
}

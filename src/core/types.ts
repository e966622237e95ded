import type { IpEntry } from './ip-allowlist';
import type { ManagedPolicy } from './policy';
import type { Text } from './text';

/** Canonical permission names; every exchange adapter maps its own labels onto these. */
export const PERMISSIONS = ['read', 'trade', 'withdraw', 'transfer', 'futures', 'margin', 'options', 'other'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Kinds of key an exchange may offer to create: a shared HMAC secret, or a key pair of which the exchange holds only
 * the public half (Ed25519, RSA, ECDSA).
 */
export const KEY_TYPES = ['ed25519', 'hmac', 'rsa', 'ecdsa'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** Severities, mildest first; the order is used to rank findings. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** The worst severity present, or `none`. */
export const RISKS = ['none', ...SEVERITIES] as const;
export type Risk = (typeof RISKS)[number];

/** The four steps of the user's path, in the order the panel shows them. */
export const STEPS = ['purpose', 'scope', 'ip', 'rotation'] as const;
export type Step = (typeof STEPS)[number];

/**
 * What the content script read from an exchange's key-creation form: plain data, nothing else.
 * There is deliberately no field for key material (API key, secret, passphrase, 2FA codes).
 */
export interface KeyFormSnapshot {
  /** Adapter id, e.g. `okx`. */
  exchange: string;
  /** Ticked permissions, canonical, sorted, unique. */
  permissions: Permission[];
  /** IP allow-list entries as typed, trimmed, in page order. */
  ipEntries: string[];
  /**
   * Whether the IP allow-list field was found on the page at all; also true when the exchange's "no IP restriction"
   * choice is selected (Binance "Unrestricted"), which says as surely that no IP is bound.
   */
  ipFieldFound: boolean;
  /** The key's label ("API key name") as typed; empty when not found or not typed. */
  keyName: string;
  /** The kind of key chosen, on exchanges that offer a choice (Binance: Ed25519, HMAC, RSA); absent elsewhere. */
  keyType?: KeyType;
  /**
   * Permissions whose label is on the page but whose on/off state could not be read (no checkbox, switch or toggled
   * element found for it); absent when every permission found was read. Unknown is not safe: see `form.permission-unreadable`.
   */
  unreadPermissions?: Permission[];
  /**
   * Labels, as the page shows them (white space folded, at most {@link MAX_LABEL_CHARS} characters), of the controls
   * that are on in the permission area and that neither the adapter nor the money words name; absent when there are
   * none. Unknown is never absent: see `form.permission-unknown`. An empty string stands for a control with no text.
   */
  unknownPermissions?: string[];
  /**
   * The exchange binds this key to a partner's servers itself (OKX "Binding third-party apps", KuCoin "Link
   * Third-Party Applications", Bybit "Connect to Third-Party Applications"): there is no IP field on purpose.
   * `choice` is the chosen option's text, `partner` the partner's name as the page shows it, when it shows one.
   */
  partnerBinding?: { choice: string; partner?: string };
  /**
   * Days until the exchange itself expires the key, as chosen on the form (Kraken Pro "Key expiration", KuCoin's
   * 30–360 days); absent when the form offers none or "never" is chosen.
   */
  keyExpiryDays?: number;
  /**
   * The form edits a key that already exists (Binance "Edit restrictions" on a listed key's card): saving it changes
   * that key, it creates none. `keyName` is then the card's title.
   */
  listedKey?: true;
  /**
   * The parts of the form that were read only up to a cap (a page may show any amount: src/content/read/read-caps.ts);
   * absent when everything was read. KeyScope cannot judge what it did not read: see `form.read-capped`.
   */
  capped?: ReadCap[];
}

/** A part of the form that a page can make as large as it likes: the IP entries, one entry, the unknown permissions, the key name. */
export type CappedPart = 'ip-entries' | 'ip-entry' | 'unknown-permissions' | 'key-name';

/** One cap reached while reading a form: what was cut, and how many entries or characters of it were read. */
export interface ReadCap {
  part: CappedPart;
  limit: number;
}

/** The longest label text a snapshot carries: longer page texts are not labels (a key, a secret, a paragraph). */
export const MAX_LABEL_CHARS = 60;

/** What an exchange does to a key it removes on its own, in its own word. */
export type KeyOutcome = 'deleted' | 'expired' | 'deactivated';

/** A rule about an exchange's unbound keys, e.g. OKX deletes unbound Trade/Withdraw keys after 14 idle days. */
export interface UnboundKeyExpiry {
  /** Days until the exchange expires or deletes the key. */
  days: number;
  /** True when the clock counts days without use (idle), false when it counts from creation. */
  idle: boolean;
  /** The rule applies when any of these permissions is ticked; empty means any key. */
  permissions: Permission[];
  /** What happens, as the exchange says it. */
  outcome: KeyOutcome;
}

/**
 * An exchange that deletes unbound keys but names no period, e.g. Binance: "if the IP is unrestricted and any
 * permission other than Reading is enabled, this API key will be deleted".
 */
export interface UnboundKeyDeletion {
  /** The rule applies when any of these permissions is ticked; empty means any key. */
  permissions: Permission[];
  /** What happens, as the exchange says it. */
  outcome: KeyOutcome;
}

/** An exchange's own rules, as documented; unknown facts are left undefined. */
export interface ExchangeRules {
  /** Most IP entries one key accepts. */
  maxIps?: number;
  unboundExpiry?: UnboundKeyExpiry;
  /** Unbound keys are removed at a time the exchange does not state; {@link unboundExpiry} wins when both apply. */
  unboundDeletion?: UnboundKeyDeletion;
  /** True when the exchange refuses Withdraw without an IP allow-list. */
  withdrawNeedsIp?: boolean;
  /** Extra sentences per permission the user should know on this exchange. */
  permissionNotes?: Partial<Record<Permission, Text>>;
  /** The key type the exchange recommends, named in the advice when a discouraged one is chosen. */
  recommendedKeyType?: KeyType;
  /** Key types the exchange itself advises against (Binance: HMAC, "not recommended"). */
  discouragedKeyTypes?: readonly KeyType[];
  /** The form lets the user give the key an expiry of the exchange's own (Kraken Pro, KuCoin): suggested as the plan. */
  offersKeyExpiry?: boolean;
}

/** What the user says the key is for. */
export const PURPOSES = ['read-only', 'trading-bot', 'withdrawals', 'market-data', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** What a rule needs besides the snapshot: the user's answers and the exchange's rules. */
export interface EvaluationContext {
  purpose?: Purpose;
  /** Days until the planned rotation reminder; undefined when none is set. */
  rotationDays?: number;
  exchangeName: string;
  rules: ExchangeRules;
  /** The organisation's managed policy, when one is set: the `policy.*` rules judge against it. */
  policy?: ManagedPolicy;
}

/** One warning, with one line of why and one line of what to do. */
export interface Finding {
  /** Stable id, e.g. `scope.withdraw`; never renamed (see docs/design.md). */
  id: string;
  severity: Severity;
  step: Step;
  title: Text;
  /** One sentence, or several shown in a row. */
  why: Text | readonly Text[];
  fix: Text;
  /** Counts against "Ready to create". Every finding above `info` does; an `info` one only when it says so. */
  blocking: boolean;
  /** The organisation's own words from its managed policy, shown with a `policy.*` finding as they are. */
  policyMessage?: string;
}

/** Everything a rule may look at: the snapshot, the context, and the allow-list parsed once for all rules. */
export interface RuleInput {
  snapshot: KeyFormSnapshot;
  context: EvaluationContext;
  ips: readonly IpEntry[];
}

/** A rule judges the data and nothing else: no DOM, no browser APIs, no clock. */
export interface Rule {
  /** The finding id this rule emits. */
  id: string;
  evaluate(input: RuleInput): Finding | undefined;
}

import type { ExchangeRules, KeyType, Permission } from '../core/types';

/**
 * Visible texts that identify the parts of an exchange's key-creation form, in every language the
 * exchange serves. Matching is case-insensitive on trimmed text, trailing ":" and "*" ignored.
 */
export interface FormLabels {
  /** Permission control labels, matched exactly, per canonical permission. */
  permissions: Partial<Record<Permission, readonly string[]>>;
  /** Heading of the permission group, matched exactly. */
  permissionSection: readonly string[];
  /** IP allow-list field: the label, aria-label or placeholder contains one of these. */
  ipField: readonly string[];
  /** The key's own name or note field, matched exactly. */
  keyName: readonly string[];
  /** The button that creates the key, matched exactly. */
  submit: readonly string[];
  /**
   * Headings of permission areas, matched exactly, per the canonical permission that write access in the area grants
   * (Gate: "Spot" → trade, "Perpetual Futures" → futures; Bybit: "Contract" → futures). A control inside an area counts
   * as the area's permission when it is on, unless its own label is one of {@link permissions} (Gate's "Read Only"
   * → read; Bybit's "Withdrawal"). An area heading with a control of its own counts the same way.
   */
  permissionAreas?: Partial<Record<Permission, readonly string[]>>;
  /** The key-wide read-only choice (Bybit "Read-Only"), matched exactly: when it is on, the key can only read. */
  readOnlyMode?: readonly string[];
  /**
   * The choice that leaves the key without IP restriction (Binance "Unrestricted (Less Secure)"), matched exactly:
   * when it is on, no IP is bound, whatever a hidden IP field still holds.
   */
  ipUnrestricted?: readonly string[];
  /** The key-type choices, matched exactly, on exchanges that offer one (Binance: Ed25519, HMAC, RSA). */
  keyTypes?: Partial<Record<KeyType, readonly string[]>>;
  /**
   * Controls in the permission area that grant nothing by themselves, matched exactly: Bitget's "Select all" (the
   * boxes it ticks are read one by one), Binance's "Enable Symbol Whitelist" (a restriction). Every other control
   * there that no label names is reported as unknown when it is on.
   */
  neutral?: readonly string[];
  /**
   * The choice (tab, radio, option, dropdown value) that makes the exchange bind the key to a partner's servers, matched
   * exactly: OKX "Binding third-party apps", KuCoin "Link Third-Party Applications". Chosen, the key is IP-bound by the
   * exchange and has no IP field.
   */
  partnerBinding?: readonly string[];
  /** The label of the field naming the partner (OKX: the app picker), matched exactly; its chosen value is shown. */
  partnerField?: readonly string[];
  /** The label of the key's own expiry (Kraken Pro "Key expiration", KuCoin's expiry), matched exactly. */
  keyExpiry?: readonly string[];
  /**
   * The button on a listed key's card that opens its restrictions for editing (Binance "Edit restrictions"). On such
   * an exchange permissions and IPs are set after creation: a form counts only by its enabled controls (every card
   * shows its restrictions disabled until one is edited), its key is the card's, named by the card's title, and
   * saving it changes that key's reminder instead of recording a new key.
   */
  editRestrictions?: readonly string[];
}

/**
 * Visible texts of the exchange's list of existing keys (its API-management page). Each listed key shows fields as
 * "label" + value (in the next element, or after "label:" in the same text); matching is case-insensitive with
 * white space folded. A key's own value and secret are never read: their labels only mark what to skip.
 */
export interface KeyListLabels {
  /** The key's name or note, when it is a labelled field (often it is the card's title instead). */
  name: readonly string[];
  /** The field listing the key's permissions; its values are matched with {@link FormLabels.permissions}. */
  permissions: readonly string[];
  /** The IP allow-list or binding field. */
  ip: readonly string[];
  /** What the IP field shows for a key bound to no IP, matched exactly. */
  notBound: readonly string[];
  /** The creation date field. */
  created: readonly string[];
  /** Fields holding the key itself (API key, access key): their values are skipped unread. Never a prefix of another label. */
  keyValue: readonly string[];
}

/**
 * Visible texts of the view an exchange shows right after it created a key: the key and its secret, shown once.
 * KeyScope recognises the view from these labels alone, matched exactly on short texts, and never reads the values.
 */
export interface SuccessViewLabels {
  /** A heading that by itself says the key was created. */
  created: readonly string[];
  /** Label of the new key's value. */
  apiKey: readonly string[];
  /** Label of the secret's value; shown together with an {@link apiKey} label it means the success view. */
  secretKey: readonly string[];
}

/** Everything KeyScope knows about one exchange: data only, no logic. */
export interface ExchangeAdapter {
  /** Lower-case id: the `data-exchange` value, storage key and fixture folder name. */
  id: string;
  name: string;
  /** Hosts the content script runs on; the manifest must list exactly these. */
  hosts: readonly string[];
  /** Path of the API-key page, locale prefix included where the exchange uses one. */
  keyPagePath: RegExp;
  /** Where the user manages keys, for links from reminders. */
  keyPageUrl: string;
  /**
   * The exchange's own registrable domains, its main one first: every host at or under one of them is the exchange's
   * (`my.okx.com`, `accounts.binance.com`), and {@link hosts} must lie under them. Their first labels are the brand
   * words that the look-alike check (`core/lookalike.ts`) looks for in other sites' addresses. Empty for the generic
   * adapter.
   */
  officialDomains: readonly string[];
  labels: FormLabels;
  keyList: KeyListLabels;
  successView: SuccessViewLabels;
  rules: ExchangeRules;
  /** Permissions every key of this exchange has, whatever the form shows (HTX: Read). */
  alwaysOn?: readonly Permission[];
  /** What else a page must show before KeyScope takes it for a key form; an exchange's own key page needs nothing more. */
  recognition?: FormRecognition;
}

/**
 * Evidence a key form must show beyond its labels, for adapters that run on pages they do not know (the generic one,
 * on sites the user guards): there the same words appear on login forms, notification settings and articles.
 */
export interface FormRecognition {
  /** Fewest distinct permission controls (checkboxes, switches) the form must hold. */
  minPermissionControls: number;
  /**
   * One of these must appear in the form's short texts or in the nearest heading before it; Latin terms as whole
   * words ("API", not "capital"), case-insensitive.
   */
  requiredContext: readonly string[];
}

/**
 * What the bootstrap content script needs to recognise a key page, and nothing more: it runs on every page of every
 * supported exchange and must stay small, so each adapter file exports this part on its own as well.
 */
export type ExchangeSite = Pick<ExchangeAdapter, 'id' | 'hosts' | 'keyPagePath'>;

/**
 * Key-list labels for an exchange whose key list wording is [unknown] (docs/exchanges.md): nothing matches, so
 * KeyScope puts no flags beside that exchange's listed keys rather than guess at its words.
 */
export const UNKNOWN_KEY_LIST: KeyListLabels = {
  name: [],
  permissions: [],
  ip: [],
  notBound: [],
  created: [],
  keyValue: [],
};

/**
 * Success-view labels for an exchange whose "key created" wording is [unknown]: the view is never recognised, so a
 * reminder recorded on submit stays pending there until the user confirms it in the popup.
 */
export const UNKNOWN_SUCCESS_VIEW: SuccessViewLabels = { created: [], apiKey: [], secretKey: [] };

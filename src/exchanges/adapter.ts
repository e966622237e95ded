import type { ExchangeRules, Permission } from '../core/types';

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
  labels: FormLabels;
  keyList: KeyListLabels;
  successView: SuccessViewLabels;
  rules: ExchangeRules;
}

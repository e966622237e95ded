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
  rules: ExchangeRules;
}

import { MAX_ROTATION_DAYS } from './rotation';
import { text, type Text } from './text';
import type { Finding } from './types';

/**
 * What an organisation enforces through the browser's managed storage (Chrome `storage.managed`, described by
 * `managed_schema.json`; Firefox `policies.json` → `3rdparty.Extensions`). Each field is optional in the stored
 * data; here a missing flag is `false` and a missing limit is `undefined`.
 */
export interface ManagedPolicy {
  /** Withdraw must never be ticked: `policy.withdraw` (critical). */
  forbidWithdraw: boolean;
  /** The key must be bound to at least one public IP address: `policy.ip-binding` (high). */
  requireIpBinding: boolean;
  /** Longest rotation interval allowed, in days: `policy.rotation` (high); also caps the intervals offered. */
  maxRotationDays?: number;
  /** The user cannot change KeyScope's settings; the background refuses every settings write. */
  lockSettings: boolean;
  /** The organisation's own words, shown with every policy finding (e.g. "Acme security team: see wiki/keys"). */
  message?: string;
}

/** The managed policy as read: the policy when one is set, and a note for every field that was ignored. */
export interface PolicyReading {
  /** Undefined when no policy is set (Firefox rejects the read, Chrome returns `{}`) or nothing in it is usable. */
  policy?: ManagedPolicy;
  /** One sentence per ignored field, saying why, for the settings page to show whoever manages the policy. */
  notes: Text[];
}

/**
 * The longest organisation message kept; anything longer is cut, so that a policy cannot flood the panel.
 * Exported: tests write a message just over it.
 */
export const MAX_POLICY_MESSAGE = 300;

const FLAGS = ['forbidWithdraw', 'requireIpBinding', 'lockSettings'] as const;
const KNOWN = new Set<string>([...FLAGS, 'maxRotationDays', 'message']);

/**
 * Validates managed data like any other stored data: each field on its own, unknown or invalid fields ignored with
 * a note, never a throw. Anything that is not an object with at least one usable field reads as "no policy".
 */
export function parsePolicy(raw: unknown): PolicyReading {
  if (raw === undefined || raw === null) return { notes: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { notes: [text('policy_note_not_object')] };
  const value = raw as Record<string, unknown>;
  const notes: Text[] = [];
  const policy: ManagedPolicy = { forbidWithdraw: false, requireIpBinding: false, lockSettings: false };
  let usable = false;

  for (const key of Object.keys(value)
    .filter((k) => !KNOWN.has(k))
    .sort()) {
    notes.push(text('policy_note_unknown', key));
  }
  for (const flag of FLAGS) {
    const field = value[flag];
    if (field === undefined) continue;
    if (typeof field === 'boolean') {
      policy[flag] = field;
      usable = true;
    } else notes.push(text('policy_note_flag', flag));
  }
  const days = value.maxRotationDays;
  if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_ROTATION_DAYS) {
    policy.maxRotationDays = days;
    usable = true;
  } else if (days !== undefined) {
    notes.push(text('policy_note_days', 'maxRotationDays', 1, MAX_ROTATION_DAYS));
  }
  const message = value.message;
  if (typeof message === 'string' && message.trim() !== '') {
    const characters = [...message.trim()];
    policy.message =
      characters.length > MAX_POLICY_MESSAGE
        ? `${characters.slice(0, MAX_POLICY_MESSAGE - 1).join('')}…`
        : characters.join('');
    usable = true;
  } else if (message !== undefined) {
    notes.push(text('policy_note_message', 'message'));
  }
  return usable ? { policy, notes } : { notes };
}

/** What every `policy.*` finding carries besides its own words: the organisation's message, when it gave one. */
export function policyMessageOf(policy: ManagedPolicy): Pick<Finding, 'policyMessage'> {
  return policy.message === undefined ? {} : { policyMessage: policy.message };
}

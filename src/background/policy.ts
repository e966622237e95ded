import browser from 'webextension-polyfill';
import { parsePolicy, type PolicyReading } from '../core/policy';
import { gapAfter, t } from '../i18n';

/**
 * The organisation's policy, read afresh each time (a service worker keeps nothing, and Chrome applies a changed
 * policy at any moment). With no policy set, Firefox rejects the read ("Managed storage manifest not found") and
 * Chrome answers `{}`: both mean "no policy", as does any other failure to read it.
 */
export async function readPolicy(): Promise<PolicyReading> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch {
    return { notes: [] };
  }
  return parsePolicy(raw);
}

/** Rejects a settings change when the organisation has locked KeyScope's settings, saying who decided it. */
export async function refuseWhenLocked(): Promise<void> {
  const { policy } = await readPolicy();
  if (!policy?.lockSettings) return;
  const refusal = t('policy_settings_locked');
  // The organisation's message is its own words, added as they are.
  throw new Error(policy.message ? `${refusal}${gapAfter(refusal)}${policy.message}` : refusal);
}

/** A key's rotation interval cut to the organisation's maximum, when it sets one (the request is not changed). */
export async function withinPolicy<T extends { rotationDays?: number }>(key: T): Promise<T> {
  const max = (await readPolicy()).policy?.maxRotationDays;
  return max === undefined || key.rotationDays === undefined || key.rotationDays <= max
    ? key
    : { ...key, rotationDays: max };
}

import browser from 'webextension-polyfill';
import { parsePolicy, type PolicyReading } from '../core/policy';

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
  const message = policy.message ? ` ${policy.message}` : '';
  throw new Error(`Your organisation manages KeyScope’s settings: they cannot be changed here.${message}`);
}

/** A key's rotation interval cut to the organisation's maximum, when it sets one (the request is not changed). */
export async function withinPolicy<T extends { rotationDays?: number }>(key: T): Promise<T> {
  const max = (await readPolicy()).policy?.maxRotationDays;
  return max === undefined || key.rotationDays === undefined || key.rotationDays <= max ? key : { ...key, rotationDays: max };
}

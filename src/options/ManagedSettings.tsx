import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy, PolicyReading } from '../core/policy';
import './managed-settings.css';
import type { OptionsData } from './options-data';

/** What the policy enforces, one line each, in the order of the user's path. */
function enforced(policy: ManagedPolicy): string[] {
  return [
    policy.forbidWithdraw && 'Keys may not have the Withdraw permission.',
    policy.requireIpBinding && 'Keys must be bound to the public IP addresses they run from.',
    policy.maxRotationDays !== undefined && `Keys must be rotated or deleted within ${policy.maxRotationDays} days.`,
    policy.lockSettings && 'The settings below are read-only: your organisation manages them.',
  ].filter((line): line is string => typeof line === 'string');
}

/**
 * The organisation's policy on the settings page: a "Managed by your organisation" notice with its message and what it
 * enforces, and the settings it wraps made read-only when it locks them (the background refuses the writes anyway).
 */
export function ManagedSettings({ data, children }: { data: OptionsData; children: ComponentChildren }) {
  const [reading, setReading] = useState<PolicyReading>({ notes: [] });
  useEffect(() => {
    data.policy?.().then(setReading, () => setReading({ notes: ['KeyScope could not read your organisation’s policy.'] }));
  }, [data]);
  const { policy, notes } = reading;
  return (
    <>
      {(policy || notes.length > 0) && (
        <section class="ks-card ks-managed" aria-labelledby="ks-managed" data-keyscope-managed="">
          <h2 id="ks-managed">Managed by your organisation</h2>
          {policy?.message && <p class="ks-managed-message">{policy.message}</p>}
          {policy && (
            <ul class="ks-managed-rules">
              {enforced(policy).map((line) => <li key={line}>{line}</li>)}
            </ul>
          )}
          {notes.length > 0 && (
            <>
              <p class="ks-muted">Parts of the policy KeyScope could not use (tell whoever manages it):</p>
              <ul class="ks-rejected">
                {notes.map((note) => <li key={note}>{note}</li>)}
              </ul>
            </>
          )}
        </section>
      )}
      <fieldset class="ks-managed-fieldset" disabled={policy?.lockSettings === true}>
        {policy?.lockSettings && <legend class="ks-managed-legend">Read-only: managed by your organisation</legend>}
        {children}
      </fieldset>
    </>
  );
}

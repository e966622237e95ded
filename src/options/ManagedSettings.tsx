import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy, PolicyReading } from '../core/policy';
import { text, type Text } from '../core/text';
import { say, t } from '../i18n';
import './managed-settings.css';
import type { OptionsData } from './options-data';

/** What the policy enforces, one line each, in the order of the user's path. */
function enforced(policy: ManagedPolicy): Text[] {
  return [
    policy.forbidWithdraw && text('managed_rule_withdraw'),
    policy.requireIpBinding && text('managed_rule_ip_binding'),
    policy.maxRotationDays !== undefined && text('managed_rule_rotation', policy.maxRotationDays),
    policy.lockSettings && text('managed_rule_locked'),
  ].filter((line): line is Text => typeof line === 'object');
}

/**
 * The organisation's policy on the settings page: a "Managed by your organisation" notice with its message and what it
 * enforces, and the settings it wraps made read-only when it locks them (the background refuses the writes anyway).
 * The organisation's message is its own words: shown as they are, in whatever language it wrote them.
 */
export function ManagedSettings({ data, children }: { data: OptionsData; children: ComponentChildren }) {
  const [reading, setReading] = useState<PolicyReading>({ notes: [] });
  useEffect(() => {
    data.policy?.().then(setReading, () => setReading({ notes: [text('managed_read_failed')] }));
  }, [data]);
  const { policy, notes } = reading;
  return (
    <>
      {(policy || notes.length > 0) && (
        <section class="ks-card ks-managed" aria-labelledby="ks-managed" data-keyscope-managed="">
          <h2 id="ks-managed">{t('managed_title')}</h2>
          {policy?.message && (
            <p class="ks-managed-message" dir="auto">
              {policy.message}
            </p>
          )}
          {policy && (
            <ul class="ks-managed-rules">
              {enforced(policy).map((line) => (
                <li key={line.id}>{say(line)}</li>
              ))}
            </ul>
          )}
          {notes.length > 0 && (
            <>
              <p class="ks-muted">{t('managed_notes_intro')}</p>
              <ul class="ks-rejected">
                {notes
                  .map((note) => say(note))
                  .map((note) => (
                    <li key={note}>{note}</li>
                  ))}
              </ul>
            </>
          )}
        </section>
      )}
      <fieldset class="ks-managed-fieldset" disabled={policy?.lockSettings === true}>
        {policy?.lockSettings && <legend class="ks-managed-legend">{t('managed_locked_legend')}</legend>}
        {children}
      </fieldset>
    </>
  );
}

import { useState } from 'preact/hooks';
import type { Verdict } from '../../core/evaluate';
import { PURPOSE_INFO } from '../../core/purposes';
import { parseRotationDays, ROTATION_CHOICES, MAX_ROTATION_DAYS } from '../../core/rotation';
import { PURPOSES, type Finding, type KeyFormSnapshot, type Purpose, type Step } from '../../core/types';
import { FindingList } from '../../ui/FindingList';
import { stepStatus, STEP_STATUS_TEXT } from '../../ui/step-status';
import { VerdictLine } from '../../ui/Verdict';

/** Everything the panel shows; computed by the key-page session, rendered here. */
export interface PanelView {
  exchangeName: string;
  snapshot: KeyFormSnapshot;
  findings: Finding[];
  verdict: Verdict;
  purpose?: Purpose;
  rotationDays?: number;
  suggestedDays: number;
  /** The exchange's own deadline for this key, when it has one. */
  deadlineDays?: number;
  /** Whether at least one IP entry is an address the exchange accepts. */
  bound: boolean;
  /** Exchange-specific notes on the ticked permissions (e.g. OKX Trade moves funds). */
  permissionNotes: string[];
  /** What happened after the last submit: reminder saved, or why not. */
  notice?: string;
  /** The exchange now shows the key it created (the form is gone): the panel says only what became of the reminder. */
  keyCreated?: boolean;
  /** The create click is held back (confirm before critical, a setting): the critical findings to confirm. */
  confirm?: { findings: Finding[] };
}

export interface PanelActions {
  onPurpose(purpose: Purpose): void;
  onRotation(days: number): void;
  /** The answer to "Create anyway?": true lets the held-back click through, false drops it. */
  onConfirm(create: boolean): void;
}

/** "Create anyway?": asked once, inline, while the exchange has not received the click. */
function ConfirmCritical({ view, onConfirm }: { view: PanelView; onConfirm: PanelActions['onConfirm'] }) {
  return (
    <div class="ks-confirm" role="group" aria-label="Create anyway?">
      <p class="ks-confirm-title" role="alert">
        <strong>Create this key anyway?</strong> {view.exchangeName} has not received your click yet.
      </p>
      <ul class="ks-confirm-list">
        {view.confirm?.findings.map((f) => <li key={f.id} data-finding-id={f.id}>{f.title}</li>)}
      </ul>
      <div class="ks-buttons">
        <button type="button" class="ks-button ks-button-danger" onClick={() => onConfirm(true)}>Create anyway</button>
        <button type="button" class="ks-button" onClick={() => onConfirm(false)}>Go back</button>
      </div>
    </div>
  );
}

function Step({ step, title, findings, children }: { step: Step; title: string; findings: Finding[]; children?: preact.ComponentChildren }) {
  const status = stepStatus(findings, step);
  return (
    <li class={`ks-step ks-step-${status}`} data-step={step} data-status={status}>
      <h3 class="ks-step-title">
        {title}
        <span class="ks-step-status">{STEP_STATUS_TEXT[status]}</span>
      </h3>
      {children}
      <FindingList findings={findings.filter((f) => f.step === step)} />
    </li>
  );
}

function PurposePicker({ purpose, onPurpose }: { purpose?: Purpose; onPurpose: PanelActions['onPurpose'] }) {
  return (
    <fieldset class="ks-choices">
      <legend class="ks-sr">What is this key for?</legend>
      {PURPOSES.map((p) => (
        <label key={p} class="ks-choice">
          <input type="radio" name="ks-purpose" value={p} checked={purpose === p} onChange={() => onPurpose(p)} />
          {PURPOSE_INFO[p].label}
        </label>
      ))}
      {purpose && <p class="ks-hint">{PURPOSE_INFO[purpose].explains}</p>}
    </fieldset>
  );
}

function RotationPicker({ view, onRotation }: { view: PanelView; onRotation: PanelActions['onRotation'] }) {
  const [custom, setCustom] = useState('');
  const [error, setError] = useState('');
  const choices = [...new Set([...ROTATION_CHOICES, view.suggestedDays])].sort((a, b) => a - b);
  const applyCustom = (event: Event) => {
    event.preventDefault();
    const days = parseRotationDays(custom);
    if (days === undefined) {
      setError(`Enter a whole number of days from 1 to ${MAX_ROTATION_DAYS}.`);
      return;
    }
    setError('');
    onRotation(days);
  };
  return (
    <div class="ks-rotation">
      <p class="ks-hint">
        Remind me to rotate or delete this key in:
        {view.deadlineDays !== undefined && ` (${view.exchangeName} removes it after ${view.deadlineDays} days unbound)`}
      </p>
      <div class="ks-buttons" role="group" aria-label="Rotation reminder">
        {choices.map((days) => (
          <button
            key={days}
            type="button"
            class="ks-button"
            aria-pressed={view.rotationDays === days}
            onClick={() => onRotation(days)}
          >
            {days} days{days === view.suggestedDays ? ' (suggested)' : ''}
          </button>
        ))}
      </div>
      <form class="ks-custom" onSubmit={applyCustom}>
        <label>
          Custom
          <input type="text" inputMode="numeric" size={4} value={custom} onInput={(e) => setCustom(e.currentTarget.value)} aria-invalid={error !== ''} />
          days
        </label>
        <button type="submit" class="ks-button">Set</button>
      </form>
      {error && <p class="ks-error" role="alert">{error}</p>}
      {view.rotationDays !== undefined && <p class="ks-hint">Reminder set: {view.rotationDays} days after creation.</p>}
    </div>
  );
}

const PERMISSION_NAMES: Record<string, string> = { read: 'Read', trade: 'Trade', withdraw: 'Withdraw', transfer: 'Transfer', futures: 'Futures', margin: 'Margin', options: 'Options', other: 'Other' };

/** The KeyScope panel beside the exchange's form: verdict, then purpose → scope → IP → rotation. */
export function Panel({ view, actions }: { view: PanelView; actions: PanelActions }) {
  const [collapsed, setCollapsed] = useState(false);
  const { snapshot, findings } = view;
  // Findings arrive worst first: the one to fix first stands right under the verdict, even when collapsed.
  const worst = view.verdict.ready ? undefined : findings.find((f) => f.blocking);
  return (
    <section class="ks-panel" aria-label="KeyScope" data-collapsed={String(collapsed)}>
      <header class="ks-header">
        <span class="ks-brand">KeyScope · {view.exchangeName}</span>
        <button type="button" class="ks-collapse" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      {view.keyCreated ? (
        <p class="ks-hint">KeyScope never reads the key, secret or passphrase the exchange shows now.</p>
      ) : (
        <VerdictLine verdict={view.verdict} />
      )}
      {view.confirm && !view.keyCreated && <ConfirmCritical view={view} onConfirm={actions.onConfirm} />}
      {worst && !view.keyCreated && (
        <p class="ks-worst" data-finding-id={worst.id}>
          <strong>{worst.title}.</strong> {worst.fix}
        </p>
      )}
      {!collapsed && !view.keyCreated && (
        <ol class="ks-steps">
          <Step step="purpose" title="1. Purpose" findings={findings}>
            <PurposePicker purpose={view.purpose} onPurpose={actions.onPurpose} />
          </Step>
          <Step step="scope" title="2. Permissions" findings={findings}>
            <p class="ks-read">
              Ticked: {snapshot.permissions.length ? snapshot.permissions.map((p) => PERMISSION_NAMES[p] ?? p).join(', ') : 'none'}
            </p>
            {view.permissionNotes.map((note) => (
              <p key={note} class="ks-hint">{note}</p>
            ))}
          </Step>
          <Step step="ip" title="3. IP restriction" findings={findings}>
            <p class="ks-read">
              {snapshot.ipEntries.length ? `${snapshot.ipEntries.length} IP ${snapshot.ipEntries.length === 1 ? 'entry' : 'entries'}` : 'No IP entered'}
            </p>
          </Step>
          <Step step="rotation" title="4. Rotation" findings={findings}>
            <RotationPicker view={view} onRotation={actions.onRotation} />
          </Step>
        </ol>
      )}
      {view.notice && <p class="ks-notice" role="status">{view.notice}</p>}
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Verdict } from '../../core/evaluate';
import { PURPOSE_INFO } from '../../core/purposes';
import { parseRotationDays, ROTATION_CHOICES, MAX_ROTATION_DAYS } from '../../core/rotation';
import { text, type Text } from '../../core/text';
import { PURPOSES, type Finding, type KeyFormSnapshot, type Purpose, type Step } from '../../core/types';
import { gapAfter, say, t, uiLanguage } from '../../i18n';
import { FindingList } from '../../ui/FindingList';
import { PageReport } from '../../ui/PageReport';
import { stepStatus, STEP_STATUS_TEXT } from '../../ui/step-status';
import { VerdictLine } from '../../ui/Verdict';
import { VerdictAnnouncement, worstFinding } from '../../ui/VerdictAnnouncement';
import type { PageDescription } from '../read/page-description';
import { byUser } from '../guard/user-action';

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
  /** The longest interval the organisation's policy allows, when it sets one: longer choices are not offered. */
  maxRotationDays?: number;
  /** Whether at least one IP entry is an address the exchange accepts. */
  bound: boolean;
  /** Exchange-specific notes on the ticked permissions (e.g. OKX Trade moves funds). */
  permissionNotes: Text[];
  /** The exchange's form offers a key expiry of its own (Kraken Pro, KuCoin): the rotation step suggests it. */
  offersKeyExpiry?: boolean;
  /** What happened after the last submit: reminder saved, or why not. */
  notice?: Text;
  /** The exchange now shows the key it created (the form is gone): the panel says only what became of the reminder. */
  keyCreated?: boolean;
  /** The create click is held back (confirm before critical, a setting): the critical findings to confirm. */
  confirm?: { findings: Finding[] };
}

export interface PanelActions {
  // Function-typed properties, not methods: the panel hands them on as callbacks, detached from `actions`.
  onPurpose: (purpose: Purpose) => void;
  onRotation: (days: number) => void;
  /** The answer to "Create anyway?": true lets the held-back click through, false drops it. */
  onConfirm: (create: boolean) => void;
  /** "This page is not read right?": the description of the page's form area, built at the click (its describer loaded then). */
  onDescribe?: () => PageDescription | Promise<PageDescription>;
}

/**
 * "Create anyway?": asked once, inline, while the exchange has not received the click. The click came from the
 * exchange's button, outside the panel: the safe answer takes the focus, so a keyboard user answers right away.
 * Only the user answers: a click the page's script makes through the open shadow root is no answer.
 */
function ConfirmCritical({ view, onConfirm }: { view: PanelView; onConfirm: PanelActions['onConfirm'] }) {
  const goBack = useRef<HTMLButtonElement>(null);
  useEffect(() => goBack.current?.focus(), []);
  const title = t('confirm_title');
  return (
    <div class="ks-confirm" role="group" aria-label={t('confirm_label')}>
      <p class="ks-confirm-title" role="alert">
        <strong>{title}</strong>
        {gapAfter(title)}
        {t('confirm_not_received', view.exchangeName)}
      </p>
      <ul class="ks-confirm-list">
        {view.confirm?.findings.map((f) => (
          <li key={f.id} data-finding-id={f.id}>
            {say(f.title)}
          </li>
        ))}
      </ul>
      <div class="ks-buttons">
        <button type="button" class="ks-button ks-button-danger" onClick={byUser(() => onConfirm(true))}>
          {t('confirm_create')}
        </button>
        <button type="button" class="ks-button" ref={goBack} onClick={byUser(() => onConfirm(false))}>
          {t('confirm_go_back')}
        </button>
      </div>
    </div>
  );
}

function Step({
  step,
  title,
  findings,
  children,
}: {
  step: Step;
  title: string;
  findings: Finding[];
  children?: preact.ComponentChildren;
}) {
  const status = stepStatus(findings, step);
  return (
    <li class={`ks-step ks-step-${status}`} data-step={step} data-status={status}>
      <h3 class="ks-step-title">
        {title}
        <span class="ks-step-status">{t(STEP_STATUS_TEXT[status])}</span>
      </h3>
      {children}
      <FindingList findings={findings.filter((f) => f.step === step)} />
    </li>
  );
}

function PurposePicker({ purpose, onPurpose }: { purpose?: Purpose; onPurpose: PanelActions['onPurpose'] }) {
  return (
    <fieldset class="ks-choices">
      <legend class="ks-sr">{t('panel_purpose_question')}</legend>
      {PURPOSES.map((p) => (
        <label key={p} class="ks-choice">
          <input
            type="radio"
            name="ks-purpose"
            value={p}
            checked={purpose === p}
            onChange={byUser(() => onPurpose(p))}
          />
          {say(PURPOSE_INFO[p].label)}
        </label>
      ))}
      {purpose && <p class="ks-hint">{say(PURPOSE_INFO[purpose].explains)}</p>}
    </fieldset>
  );
}

function RotationPicker({ view, onRotation }: { view: PanelView; onRotation: PanelActions['onRotation'] }) {
  const [custom, setCustom] = useState('');
  const [error, setError] = useState('');
  const max = view.maxRotationDays ?? MAX_ROTATION_DAYS;
  const choices = [...new Set([...ROTATION_CHOICES, view.suggestedDays])]
    .filter((days) => days <= max)
    .sort((a, b) => a - b);
  const applyCustom = (event: Event) => {
    event.preventDefault();
    // The page's own requestSubmit() (an untrusted submit) sets nothing; the form never leaves the panel either way.
    if (!event.isTrusted) return;
    const days = parseRotationDays(custom);
    if (days === undefined) {
      setError(t('error_days_range', 1, MAX_ROTATION_DAYS));
      return;
    }
    if (days > max) {
      setError(t('panel_policy_max_error', max));
      return;
    }
    setError('');
    onRotation(days);
  };
  return (
    <div class="ks-rotation">
      <p class="ks-hint">
        {t('panel_remind_in')}
        {view.deadlineDays !== undefined && ` ${t('panel_deadline_note', view.exchangeName, view.deadlineDays)}`}
        {view.maxRotationDays !== undefined && ` ${t('panel_policy_max_note', view.maxRotationDays)}`}
      </p>
      <div class="ks-buttons" role="group" aria-label={t('panel_rotation_group')}>
        {choices.map((days) => (
          <button
            key={days}
            type="button"
            class="ks-button"
            aria-pressed={view.rotationDays === days}
            onClick={byUser(() => onRotation(days))}
          >
            {t(days === view.suggestedDays ? 'days_suggested' : 'days_count', days)}
          </button>
        ))}
      </div>
      <form class="ks-custom" onSubmit={applyCustom}>
        <label>
          {t('panel_custom')}
          <input
            type="text"
            inputMode="numeric"
            size={4}
            value={custom}
            onInput={(e) => setCustom(e.currentTarget.value)}
            aria-invalid={error !== ''}
          />
          {t('panel_custom_days')}
        </label>
        <button type="submit" class="ks-button">
          {t('panel_set')}
        </button>
      </form>
      {error && (
        <p class="ks-error" role="alert">
          {error}
        </p>
      )}
      {view.rotationDays !== undefined && <p class="ks-hint">{t('panel_reminder_set', view.rotationDays)}</p>}
    </div>
  );
}

/** What the IP step read: the entries, or the partner the exchange binds the key to, in the page's own words. */
function IpRead({ view }: { view: PanelView }) {
  const { ipEntries, partnerBinding } = view.snapshot;
  if (partnerBinding) {
    return (
      <p class="ks-read" data-partner-bound="">
        {partnerBinding.partner
          ? t('partner_bound_named', view.exchangeName, partnerBinding.partner, partnerBinding.choice)
          : t('partner_bound_unnamed', view.exchangeName, partnerBinding.choice)}
      </p>
    );
  }
  return (
    <p class="ks-read">
      {ipEntries.length
        ? t(ipEntries.length === 1 ? 'panel_ip_one' : 'panel_ip_many', ipEntries.length)
        : t('panel_ip_none')}
    </p>
  );
}

/** The exchange's own expiry: chosen on its form, it is the plan; offered and not chosen, it is suggested. */
function ExchangeExpiry({ view }: { view: PanelView }) {
  const days = view.snapshot.keyExpiryDays;
  if (days !== undefined)
    return (
      <p class="ks-read" data-key-expiry={days}>
        {t('key_expiry_counts', view.exchangeName, days)}
      </p>
    );
  return view.offersKeyExpiry ? <p class="ks-hint">{t('key_expiry_offer', view.exchangeName)}</p> : null;
}

/** The KeyScope panel beside the exchange's form: verdict, then purpose → scope → IP → rotation. */
export function Panel({ view, actions }: { view: PanelView; actions: PanelActions }) {
  const [collapsed, setCollapsed] = useState(false);
  const { snapshot, findings } = view;
  // The finding to fix first stands right under the verdict, even when collapsed.
  const worst = worstFinding(view.verdict, findings);
  const worstTitle = worst && t('sentence', say(worst.title));
  return (
    <section class="ks-panel" aria-label="KeyScope" lang={uiLanguage()} data-collapsed={String(collapsed)}>
      <header class="ks-header">
        <h2 class="ks-brand">KeyScope · {view.exchangeName}</h2>
        <button type="button" class="ks-collapse" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {t(collapsed ? 'panel_show' : 'panel_hide')}
        </button>
      </header>
      {view.keyCreated ? <p class="ks-hint">{t('panel_key_shown')}</p> : <VerdictLine verdict={view.verdict} />}
      {view.confirm && !view.keyCreated && <ConfirmCritical view={view} onConfirm={actions.onConfirm} />}
      {!view.keyCreated && <VerdictAnnouncement verdict={view.verdict} findings={findings} />}
      {worst && !view.keyCreated && (
        <p class="ks-worst" data-finding-id={worst.id}>
          <strong>{worstTitle}</strong>
          {gapAfter(worstTitle ?? '')}
          {say(worst.fix)}
        </p>
      )}
      {!collapsed && !view.keyCreated && (
        <ol class="ks-steps">
          <Step step="purpose" title={t('step_purpose')} findings={findings}>
            <PurposePicker purpose={view.purpose} onPurpose={actions.onPurpose} />
          </Step>
          <Step step="scope" title={t('step_scope')} findings={findings}>
            <p class="ks-read">
              {t(
                'panel_ticked',
                snapshot.permissions.length ? snapshot.permissions.map((p) => text(`permission_${p}`)) : text('none'),
              )}
            </p>
            {view.permissionNotes.map((note) => (
              <p key={note.id} class="ks-hint">
                {say(note)}
              </p>
            ))}
          </Step>
          <Step step="ip" title={t('step_ip')} findings={findings}>
            <IpRead view={view} />
          </Step>
          <Step step="rotation" title={t('step_rotation')} findings={findings}>
            <ExchangeExpiry view={view} />
            <RotationPicker view={view} onRotation={actions.onRotation} />
          </Step>
        </ol>
      )}
      {view.notice && (
        <p class="ks-notice" role="status">
          {say(view.notice)}
        </p>
      )}
      {actions.onDescribe && !collapsed && !view.keyCreated && <PageReport describe={actions.onDescribe} />}
    </section>
  );
}

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { daysBetween } from '../core/rotation';
import { isLive, isSnoozed, reminderStatus, type ReminderStatus } from '../inventory/lifecycle';
import type { Reminder } from '../inventory/reminder';
import { text, type MessageId } from '../core/text';
import { t } from '../i18n';
import { siteName, unboundExpiryText } from '../ui/exchange-text';

/** What the user can do to one key from its row. */
export type RowAction = 'rotate' | 'revoke' | 'confirm' | 'snooze-1' | 'snooze-7' | 'edit' | 'delete';

/** "Due in 12 days (2027-02-24)", "Due today (…)", "Overdue by 3 days (…)". */
export function dueText(due: string, today: string): string {
  const left = daysBetween(today, due);
  if (left < 0) return t(left === -1 ? 'due_overdue_one' : 'due_overdue_many', -left, due);
  if (left === 0) return t('due_today', due);
  return t(left === 1 ? 'due_in_one' : 'due_in_many', left, due);
}

/** The day the key was archived, from its history. */
function archivedText(reminder: Reminder): string {
  const kind = reminder.state === 'rotated' ? 'rotated' : 'revoked';
  const on = reminder.history.findLast((e) => e.kind === kind)?.on;
  if (kind === 'rotated') return on ? t('archived_rotated_on', on) : t('archived_rotated');
  return on ? t('archived_revoked_on', on) : t('archived_revoked');
}

// Rotating and revoking cannot be undone (a rotation starts a successor), so each asks once, in the row itself.
const QUESTIONS = {
  rotate: { text: 'ask_rotate', yes: 'ask_rotate_yes' },
  revoke: { text: 'ask_revoke', yes: 'ask_revoke_yes' },
} as const;

// Colour is never the only signal: a row due soon or overdue also says so in words.
const STATUS_CHIP: Partial<Record<ReminderStatus, MessageId>> = {
  'due-soon': 'row_chip_due_soon',
  overdue: 'row_chip_overdue',
};

/** One key: what it can do, where it is bound, when it is due, and what the user can do about it. */
export function KeyRow({
  reminder: r,
  today,
  dueSoonDays,
  busy,
  onAction,
}: {
  reminder: Reminder;
  today: string;
  dueSoonDays: number;
  busy: boolean;
  onAction: (action: RowAction, reminder: Reminder) => void;
}) {
  const [asking, setAsking] = useState<'rotate' | 'revoke' | undefined>(undefined);
  // The question replaces the buttons: focus moves to it, and back to the button that asked when it is cancelled.
  const question = useRef<HTMLDivElement>(null);
  const askers = { rotate: useRef<HTMLButtonElement>(null), revoke: useRef<HTMLButtonElement>(null) };
  const returnTo = useRef<'rotate' | 'revoke' | undefined>(undefined);
  useEffect(() => {
    if (asking) {
      question.current?.focus();
      return;
    }
    const back = returnTo.current;
    returnTo.current = undefined;
    if (back) askers[back].current?.focus();
    // Runs when the question opens or closes; `askers` is a new object (of the same refs) each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asking]);
  const questionId = useId();
  // Every row has an "Edit", a "Delete"…: each button is described by its key's name for screen readers.
  const nameId = useId();
  const status: ReminderStatus = reminderStatus(r, today, dueSoonDays);
  const live = isLive(r);
  const expiry = live ? unboundExpiryText(r) : undefined;
  const cancel = () => {
    returnTo.current = asking;
    setAsking(undefined);
  };
  const act = (action: RowAction) => () => {
    setAsking(undefined);
    onAction(action, r);
  };
  const button = (label: string, action: RowAction, style = 'ks-small') => (
    <button type="button" class={style} aria-describedby={nameId} disabled={busy} onClick={act(action)}>
      {label}
    </button>
  );
  // Visible as "Snooze [1 day] [7 days]"; each button's name still says what it does.
  const snooze = (label: string, action: RowAction) => (
    <button
      type="button"
      class="ks-small"
      aria-label={t('snooze_for', label)}
      aria-describedby={nameId}
      disabled={busy}
      onClick={act(action)}
    >
      {label}
    </button>
  );

  return (
    <li
      class="ks-row"
      data-keyscope-reminder=""
      data-status={status}
      data-state={r.state}
      data-reminder-id={r.id}
      tabIndex={-1}
      aria-labelledby={nameId}
    >
      <div class="ks-row-head">
        <strong class="ks-row-name" id={nameId}>
          {r.name ? <bdi>{r.name}</bdi> : t('unnamed_key_row')}
        </strong>
        {STATUS_CHIP[status] && <span class="ks-chip">{t(STATUS_CHIP[status])}</span>}
        <span class="ks-row-tools">
          {live && button(t('edit'), 'edit', 'ks-link')}
          {r.state !== 'pending' && button(t('delete'), 'delete', 'ks-link ks-danger')}
        </span>
      </div>
      <span class="ks-row-meta">
        {t(
          'row_meta',
          siteName(r),
          r.permissions.length ? r.permissions.map((p) => text(`permission_${p}`)) : text('row_no_permissions'),
          text(r.ipBound ? 'row_ip_bound' : 'row_not_ip_bound'),
        )}
      </span>
      <span class="ks-row-due">{live ? dueText(r.due, today) : archivedText(r)}</span>
      {expiry && <span class="ks-expiry">{expiry}</span>}
      {live && isSnoozed(r, today) && <span class="ks-note">{t('row_snoozed', r.snoozedUntil ?? '')}</span>}
      {r.state === 'pending' && (
        <div class="ks-pending">
          <span>{t('row_pending')}</span>
          <span class="ks-actions">
            {button(t('confirm'), 'confirm', 'ks-small ks-primary')}
            {button(t('discard'), 'delete')}
          </span>
        </div>
      )}
      {asking ? (
        <div class="ks-ask" role="group" aria-labelledby={questionId} tabIndex={-1} ref={question}>
          <span id={questionId}>{t(QUESTIONS[asking].text)}</span>
          <span class="ks-actions">
            {button(t(QUESTIONS[asking].yes), asking, 'ks-small ks-primary')}
            <button type="button" class="ks-small" onClick={cancel}>
              {t('cancel')}
            </button>
          </span>
        </div>
      ) : (
        r.state === 'active' && (
          <div class="ks-actions">
            <button
              type="button"
              class="ks-small"
              ref={askers.rotate}
              aria-describedby={nameId}
              disabled={busy}
              onClick={() => setAsking('rotate')}
            >
              {t('row_rotated_today')}
            </button>
            <button
              type="button"
              class="ks-small"
              ref={askers.revoke}
              aria-describedby={nameId}
              disabled={busy}
              onClick={() => setAsking('revoke')}
            >
              {t('row_revoked')}
            </button>
            {status !== 'ok' && (
              <span class="ks-snooze">
                {t('snooze')}
                {snooze(t('days_one', 1), 'snooze-1')}
                {snooze(t('days_count', 7), 'snooze-7')}
              </span>
            )}
          </div>
        )
      )}
    </li>
  );
}

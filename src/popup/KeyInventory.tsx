import { useEffect, useState } from 'preact/hooks';
import { isolated } from '../core/text';
import { adapterById } from '../exchanges';
import { byUrgency, deadlineFor, isLive } from '../inventory/lifecycle';
import { QUARANTINE_MAX, type Reminder } from '../inventory/reminder';
import { t } from '../i18n';
import type { Inventory } from '../ui/use-inventory';
import { KeyForm, type KeyFormValues } from './KeyForm';
import { useKeepFocus, type FocusTarget } from './keep-focus';
import { KeyRow, type RowAction } from './KeyRow';
import { PendingGroups, type PendingGroup } from './PendingGroups';
import type { PopupData } from './popup-data';

/** How long "Undo" stays offered after a delete. */
const UNDO_MS = 8000;

type FormState = { mode: 'add' } | { mode: 'edit'; reminder: Reminder } | undefined;

/** What "Undo" puts back: one deleted key, or the pending keys of a site discarded together; and what to say. */
interface Deleted {
  records: Reminder[];
  said: string;
}

const keyName = (r: Reminder) => t('quoted', r.name ? isolated(r.name) : t('unnamed_key'));

/** The user's keys, most urgent first, with their history, the add/edit form and undo of a delete. */
export function KeyInventory({
  data,
  inventory,
  openOptions,
}: {
  data: PopupData;
  inventory: Inventory;
  openOptions: () => void;
}) {
  const { list, busy, run } = inventory;
  const [form, setForm] = useState<FormState>(undefined);
  const [deleted, setDeleted] = useState<Deleted | undefined>(undefined);
  const focus = useKeepFocus(!busy);

  useEffect(() => {
    if (!deleted) return undefined;
    const timer = setTimeout(() => {
      focus.after('list');
      setDeleted(undefined);
    }, UNDO_MS);
    return () => clearTimeout(timer);
    // Only a new delete restarts the undo timer; `focus` is a new object each render and must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deleted]);

  if (!list) return <p class="ks-muted">{t('keys_reading')}</p>;
  const { today, settings } = list;

  const onAction = (action: RowAction, r: Reminder) => {
    const name = keyName(r);
    const id = r.id;
    focus.after(action === 'delete' ? 'undo' : focus.row(id));
    switch (action) {
      case 'rotate':
        void run(t('error_mark_rotated', name), () => data.send('reminder:rotate', { id }));
        break;
      case 'revoke':
        void run(t('error_mark_revoked', name), () => data.send('reminder:revoke', { id }));
        break;
      case 'confirm':
        void run(t('error_confirm', name), () => data.send('reminder:confirm', { id }));
        break;
      case 'snooze-1':
      case 'snooze-7':
        void run(t('error_snooze', name), () =>
          data.send('reminder:snooze', { id, days: action === 'snooze-1' ? 1 : 7 }),
        );
        break;
      case 'edit':
        setForm({ mode: 'edit', reminder: r });
        break;
      case 'delete':
        // The record the background returns is the one "Undo" puts back, exactly.
        void run(t('error_delete', name), () => data.send('reminder:delete', { id })).then(
          (removed) => removed && setDeleted({ records: [removed], said: t('keys_deleted', keyName(removed)) }),
        );
        break;
    }
  };

  const discardGroup = ({ site, records }: PendingGroup) => {
    focus.after('undo');
    const ids = records.map((r) => r.id);
    void run(t('error_discard_pending', site), () => data.send('reminders:discard-pending', { ids })).then(
      (removed) => {
        if (removed?.length)
          setDeleted({
            records: removed,
            said: t(removed.length === 1 ? 'keys_discarded_one' : 'keys_discarded_many', removed.length, site),
          });
      },
    );
  };

  // The records the background returned are the ones put back, exactly, each through the same restore as one delete.
  const undo = async ({ records }: Deleted) => {
    focus.after({ row: records[0]!.id, index: 0 });
    setDeleted(undefined);
    const what =
      records.length === 1 ? t('error_restore', keyName(records[0]!)) : t('error_restore_many', records.length);
    await run(what, () => Promise.all(records.map((reminder) => data.send('reminder:restore', { reminder }))));
  };

  const save = async (values: KeyFormValues) => {
    const saved =
      form?.mode === 'edit'
        ? await run(t('error_save', keyName(form.reminder)), () =>
            data.send('reminder:edit', { id: form.reminder.id, changes: values }),
          )
        : await run(t('error_add'), () =>
            data.send('reminder:add', {
              ...values,
              deadlineDays: deadlineFor(adapterById(values.exchange)?.rules, values),
            }),
          );
    // On failure the form stays open with what the user typed; the error says why.
    if (saved) closeForm({ row: saved.id, index: 0 });
  };

  const closeForm = (target: FocusTarget) => {
    focus.after(target);
    setForm(undefined);
  };

  if (form) {
    return (
      <KeyForm
        key={form.mode === 'edit' ? form.reminder.id : 'add'}
        initial={form.mode === 'edit' ? form.reminder : undefined}
        today={today}
        defaultDays={settings.rotationDays}
        busy={busy}
        onSubmit={save}
        onCancel={() => closeForm(form.mode === 'edit' ? { row: form.reminder.id, index: 0 } : 'add')}
      />
    );
  }

  const sorted = [...list.reminders].sort(byUrgency(today, settings.dueSoonDays));
  const live = sorted.filter(isLive);
  const history = sorted.filter((r) => !isLive(r));
  const row = (r: Reminder) => (
    <KeyRow key={r.id} reminder={r} today={today} dueSoonDays={settings.dueSoonDays} busy={busy} onAction={onAction} />
  );

  return (
    <section class="ks-reminders" aria-label={t('keys_title')} ref={focus.section} tabIndex={-1}>
      <div class="ks-bar">
        <h2 class="ks-subtitle">{t('keys_title_count', live.length)}</h2>
        <button type="button" class="ks-small" onClick={() => setForm({ mode: 'add' })}>
          {t('form_add')}
        </button>
      </div>
      {list.quarantined > 0 && (
        <p class="ks-warning">
          {t(list.quarantined === 1 ? 'keys_quarantined_one' : 'keys_quarantined_many', list.quarantined)}{' '}
          {list.quarantined >= QUARANTINE_MAX && `${t('keys_quarantined_full', QUARANTINE_MAX)} `}
          <button type="button" class="ks-link" onClick={openOptions}>
            {t(list.quarantined === 1 ? 'keys_export_it' : 'keys_export_them')}
          </button>
        </p>
      )}
      <PendingGroups reminders={live} busy={busy} onDiscard={discardGroup} />
      {live.length === 0 && <p class="ks-empty">{t('keys_empty')}</p>}
      {live.length > 0 && <ul class="ks-rows">{live.map(row)}</ul>}
      {history.length > 0 && (
        <details class="ks-history">
          <summary>{t('keys_history', history.length)}</summary>
          <ul class="ks-rows">{history.map(row)}</ul>
        </details>
      )}
      {deleted && (
        <div class="ks-undo" role="status">
          <span>{deleted.said}</span>
          <button type="button" class="ks-small" onClick={() => void undo(deleted)}>
            {t('undo')}
          </button>
        </div>
      )}
    </section>
  );
}

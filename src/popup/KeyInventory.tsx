import { useEffect, useState } from 'preact/hooks';
import { adapterById } from '../exchanges';
import { byUrgency, deadlineFor, isLive } from '../inventory/lifecycle';
import type { Reminder } from '../inventory/reminder';
import type { Inventory } from '../ui/use-inventory';
import { KeyForm, type KeyFormValues } from './KeyForm';
import { KeyRow, type RowAction } from './KeyRow';
import type { PopupData } from './popup-data';

/** How long "Undo" stays offered after a delete. */
const UNDO_MS = 8000;

type FormState = { mode: 'add' } | { mode: 'edit'; reminder: Reminder } | undefined;

const keyName = (r: Reminder) => `“${r.name || 'unnamed key'}”`;

/** The user's keys, most urgent first, with their history, the add/edit form and undo of a delete. */
export function KeyInventory({ data, inventory, openOptions }: { data: PopupData; inventory: Inventory; openOptions: () => void }) {
  const { list, busy, run } = inventory;
  const [form, setForm] = useState<FormState>(undefined);
  const [deleted, setDeleted] = useState<Reminder | undefined>(undefined);

  useEffect(() => {
    if (!deleted) return undefined;
    const timer = setTimeout(() => setDeleted(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  if (!list) return <p class="ks-muted">Reading your keys…</p>;
  const { today, settings } = list;

  const onAction = (action: RowAction, r: Reminder) => {
    const name = keyName(r);
    const id = r.id;
    switch (action) {
      case 'rotate':
        void run(`Could not mark ${name} rotated`, () => data.send('reminder:rotate', { id }));
        break;
      case 'revoke':
        void run(`Could not mark ${name} revoked`, () => data.send('reminder:revoke', { id }));
        break;
      case 'confirm':
        void run(`Could not confirm ${name}`, () => data.send('reminder:confirm', { id }));
        break;
      case 'snooze-1':
      case 'snooze-7':
        void run(`Could not snooze ${name}`, () => data.send('reminder:snooze', { id, days: action === 'snooze-1' ? 1 : 7 }));
        break;
      case 'edit':
        setForm({ mode: 'edit', reminder: r });
        break;
      case 'delete':
        // The record the background returns is the one "Undo" puts back, exactly.
        void run(`Could not delete ${name}`, () => data.send('reminder:delete', { id })).then((removed) => removed && setDeleted(removed));
        break;
    }
  };

  const undo = async (record: Reminder) => {
    setDeleted(undefined);
    await run(`Could not restore ${keyName(record)}`, () => data.send('reminder:restore', { reminder: record }));
  };

  const save = async (values: KeyFormValues) => {
    const saved =
      form?.mode === 'edit'
        ? await run(`Could not save ${keyName(form.reminder)}`, () => data.send('reminder:edit', { id: form.reminder.id, changes: values }))
        : await run('Could not add the key', () =>
            data.send('reminder:add', { ...values, deadlineDays: deadlineFor(adapterById(values.exchange)?.rules, values) }),
          );
    // On failure the form stays open with what the user typed; the error says why.
    if (saved) setForm(undefined);
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
        onCancel={() => setForm(undefined)}
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
    <section class="ks-reminders" aria-label="Your keys">
      <div class="ks-bar">
        <h2 class="ks-subtitle">Your keys ({live.length})</h2>
        <button type="button" class="ks-small" onClick={() => setForm({ mode: 'add' })}>Add a key by hand</button>
      </div>
      {list.quarantined > 0 && (
        <p class="ks-warning">
          {list.quarantined} stored {list.quarantined === 1 ? 'record' : 'records'} could not be read and{' '}
          {list.quarantined === 1 ? 'is' : 'are'} kept aside unchanged.{' '}
          <button type="button" class="ks-link" onClick={openOptions}>Export {list.quarantined === 1 ? 'it' : 'them'} from Settings</button>
        </p>
      )}
      {live.length === 0 && (
        <p class="ks-empty">
          No keys yet. Create one on a guarded exchange page and KeyScope keeps its rotation date here, or add a key you already have by hand.
        </p>
      )}
      {live.length > 0 && <ul class="ks-rows">{live.map(row)}</ul>}
      {history.length > 0 && (
        <details class="ks-history">
          <summary>History ({history.length})</summary>
          <ul class="ks-rows">{history.map(row)}</ul>
        </details>
      )}
      {deleted && (
        <div class="ks-undo" role="status">
          <span>Deleted {keyName(deleted)}.</span>
          <button type="button" class="ks-small" onClick={() => void undo(deleted)}>Undo</button>
        </div>
      )}
    </section>
  );
}

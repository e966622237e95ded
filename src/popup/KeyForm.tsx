import { useEffect, useRef, useState } from 'preact/hooks';
import { daysBetween, DEFAULT_ROTATION_DAYS, MAX_ROTATION_DAYS, parseCalendarDate, parseRotationDays, ROTATION_CHOICES, rotationDueDate } from '../core/rotation';
import { PERMISSIONS, type Permission } from '../core/types';
import { ADAPTERS, adapterById } from '../exchanges';
import { deadlineFor } from '../inventory/lifecycle';
import { NAME_MAX, type Reminder } from '../inventory/reminder';
import { exchangeName, unboundExpiryText } from '../ui/exchange-text';

/** A key as typed in the form: what 'reminder:add' and 'reminder:edit' need. */
export interface KeyFormValues {
  exchange: string;
  name: string;
  permissions: Permission[];
  ipBound: boolean;
  created: string;
  rotationDays: number;
}

type Field = 'exchange' | 'name' | 'permissions' | 'created' | 'interval';
type Errors = Partial<Record<Field, string>>;

const PERMISSION_LABELS: Record<Permission, string> = {
  read: 'Read', trade: 'Trade', withdraw: 'Withdraw', transfer: 'Transfer',
  futures: 'Futures', margin: 'Margin', options: 'Options', other: 'Other',
};

const CUSTOM = 'custom';

interface Draft {
  exchange: string;
  name: string;
  permissions: Permission[];
  ipBound: boolean;
  created: string;
  interval: string;
  customDays: string;
}

/** The intervals offered: the usual ones and the user's default (settings). */
const intervalChoices = (defaultDays: number) => [...new Set([...ROTATION_CHOICES, defaultDays])].sort((a, b) => a - b);

function draftOf(initial: Reminder | undefined, today: string, defaultDays: number): Draft {
  if (!initial) {
    return { exchange: '', name: '', permissions: ['read'], ipBound: true, created: today, interval: String(defaultDays), customDays: '' };
  }
  const choice = intervalChoices(defaultDays).includes(initial.rotationDays);
  return {
    exchange: initial.exchange,
    name: initial.name,
    permissions: [...initial.permissions],
    ipBound: initial.ipBound,
    created: initial.created,
    interval: choice ? String(initial.rotationDays) : CUSTOM,
    customDays: choice ? '' : String(initial.rotationDays),
  };
}

function intervalDays(draft: Draft): number | undefined {
  return draft.interval === CUSTOM ? parseRotationDays(draft.customDays) : Number(draft.interval);
}

/** The values when the draft is valid, else what to fix, field by field. */
function check(draft: Draft, today: string): { values: KeyFormValues } | { errors: Errors } {
  const errors: Errors = {};
  if (!draft.exchange) errors.exchange = 'Choose the exchange this key is on.';
  const name = draft.name.trim();
  if (!name) errors.name = 'Type the key’s name as the exchange shows it.';
  else if (name.length > NAME_MAX) errors.name = `Keep the name to ${NAME_MAX} characters.`;
  if (draft.permissions.length === 0) errors.permissions = 'Tick at least one permission the key has (Read if unsure).';
  if (parseCalendarDate(draft.created) === undefined) errors.created = 'Enter the date the key was created, as YYYY-MM-DD.';
  else if (daysBetween(today, draft.created) > 0) errors.created = 'The created date cannot be in the future.';
  const rotationDays = intervalDays(draft);
  if (rotationDays === undefined) errors.interval = `Enter a whole number of days from 1 to ${MAX_ROTATION_DAYS}.`;
  if (Object.keys(errors).length > 0 || rotationDays === undefined) return { errors };
  const permissions = PERMISSIONS.filter((p) => draft.permissions.includes(p));
  return { values: { exchange: draft.exchange, name, permissions, ipBound: draft.ipBound, created: draft.created, rotationDays } };
}

function FieldError({ field, errors }: { field: Field; errors: Errors }) {
  const message = errors[field];
  return message ? <p class="ks-field-error" id={`ks-error-${field}`}>{message}</p> : null;
}

const described = (field: Field, errors: Errors) =>
  errors[field] ? { 'aria-invalid': true, 'aria-describedby': `ks-error-${field}` } : {};

/** Add a key by hand, or edit one: the same form. Nothing is sent until every field makes sense. */
export function KeyForm({
  initial,
  today,
  defaultDays = DEFAULT_ROTATION_DAYS,
  busy,
  onSubmit,
  onCancel,
}: {
  initial?: Reminder;
  today: string;
  /** The interval a new key starts with: the user's default from the settings. */
  defaultDays?: number;
  busy: boolean;
  onSubmit: (values: KeyFormValues) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(initial, today, defaultDays));
  const [errors, setErrors] = useState<Errors>({});
  const first = useRef<HTMLSelectElement>(null);
  // The button that opened the form is gone: focus moves into the form, not to the page's start.
  useEffect(() => first.current?.focus(), []);
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const toggle = (permission: Permission) =>
    setDraft((d) => ({
      ...d,
      permissions: d.permissions.includes(permission) ? d.permissions.filter((p) => p !== permission) : [...d.permissions, permission],
    }));

  const submit = (event: Event) => {
    event.preventDefault();
    const result = check(draft, today);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.values);
  };

  const days = intervalDays(draft);
  const due =
    days !== undefined && parseCalendarDate(draft.created) !== undefined
      ? rotationDueDate(draft.created, days, deadlineFor(adapterById(draft.exchange)?.rules, draft))
      : undefined;
  const expiry = draft.exchange ? unboundExpiryText({ exchange: draft.exchange, permissions: draft.permissions, ipBound: draft.ipBound }) : undefined;
  const exchanges = ADAPTERS.map((a) => a.id);
  if (initial && !exchanges.includes(initial.exchange)) exchanges.push(initial.exchange);
  const title = initial ? `Edit “${initial.name || 'unnamed key'}”` : 'Add a key by hand';

  return (
    <form class="ks-form" onSubmit={submit} noValidate aria-label={title}>
      <h2 class="ks-subtitle">{title}</h2>
      <label class="ks-field">
        <span>Exchange</span>
        <select ref={first} value={draft.exchange} onChange={(e) => set({ exchange: e.currentTarget.value })} {...described('exchange', errors)}>
          <option value="">Choose…</option>
          {exchanges.map((id) => (
            <option key={id} value={id}>{exchangeName(id)}</option>
          ))}
        </select>
      </label>
      <FieldError field="exchange" errors={errors} />

      <label class="ks-field">
        <span>Key name</span>
        <input type="text" value={draft.name} maxLength={NAME_MAX} placeholder="as shown on the exchange" onInput={(e) => set({ name: e.currentTarget.value })} {...described('name', errors)} />
      </label>
      <FieldError field="name" errors={errors} />

      <fieldset class="ks-perms" {...described('permissions', errors)}>
        <legend>Permissions</legend>
        {PERMISSIONS.map((p) => (
          <label key={p} class="ks-check">
            <input type="checkbox" checked={draft.permissions.includes(p)} onChange={() => toggle(p)} />
            {PERMISSION_LABELS[p]}
          </label>
        ))}
      </fieldset>
      <FieldError field="permissions" errors={errors} />

      <label class="ks-check">
        <input type="checkbox" checked={draft.ipBound} onChange={(e) => set({ ipBound: e.currentTarget.checked })} />
        Bound to IP addresses
      </label>
      {expiry && <p class="ks-expiry">{expiry}</p>}

      <div class="ks-pair">
        <label class="ks-field">
          <span>Created on</span>
          <input type="date" value={draft.created} max={today} onInput={(e) => set({ created: e.currentTarget.value })} {...described('created', errors)} />
        </label>
        <label class="ks-field">
          <span>Rotate every</span>
          <select value={draft.interval} onChange={(e) => set({ interval: e.currentTarget.value })}>
            {intervalChoices(defaultDays).map((days) => (
              <option key={days} value={String(days)}>{days} days</option>
            ))}
            <option value={CUSTOM}>Custom…</option>
          </select>
        </label>
      </div>
      <FieldError field="created" errors={errors} />
      {draft.interval === CUSTOM && (
        <label class="ks-field">
          <span>Days between rotations (1–{MAX_ROTATION_DAYS})</span>
          <input type="text" inputMode="numeric" value={draft.customDays} onInput={(e) => set({ customDays: e.currentTarget.value })} {...described('interval', errors)} />
        </label>
      )}
      <FieldError field="interval" errors={errors} />

      {due && <p class="ks-muted">Rotation due on {due}.</p>}
      <div class="ks-actions">
        <button type="submit" class="ks-primary" disabled={busy}>{initial ? 'Save changes' : 'Add key'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

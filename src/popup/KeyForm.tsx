import { useEffect, useRef, useState } from 'preact/hooks';
import { isolated } from '../core/text';
import {
  daysBetween,
  DEFAULT_ROTATION_DAYS,
  MAX_ROTATION_DAYS,
  parseCalendarDate,
  parseRotationDays,
  ROTATION_CHOICES,
  rotationDueDate,
} from '../core/rotation';
import { PERMISSIONS, type Permission } from '../core/types';
import { ADAPTERS, adapterById } from '../exchanges';
import { deadlineFor } from '../inventory/lifecycle';
import { NAME_MAX, type Reminder } from '../inventory/reminder';
import { t } from '../i18n';
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
    return {
      exchange: '',
      name: '',
      permissions: ['read'],
      ipBound: true,
      created: today,
      interval: String(defaultDays),
      customDays: '',
    };
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
  if (!draft.exchange) errors.exchange = t('form_error_exchange');
  const name = draft.name.trim();
  if (!name) errors.name = t('form_error_name');
  else if (name.length > NAME_MAX) errors.name = t('form_error_name_long', NAME_MAX);
  if (draft.permissions.length === 0) errors.permissions = t('form_error_permissions');
  if (parseCalendarDate(draft.created) === undefined) errors.created = t('form_error_created');
  else if (daysBetween(today, draft.created) > 0) errors.created = t('form_error_future');
  const rotationDays = intervalDays(draft);
  if (rotationDays === undefined) errors.interval = t('error_days_range', 1, MAX_ROTATION_DAYS);
  if (Object.keys(errors).length > 0 || rotationDays === undefined) return { errors };
  const permissions = PERMISSIONS.filter((p) => draft.permissions.includes(p));
  return {
    values: {
      exchange: draft.exchange,
      name,
      permissions,
      ipBound: draft.ipBound,
      created: draft.created,
      rotationDays,
    },
  };
}

function FieldError({ field, errors }: { field: Field; errors: Errors }) {
  const message = errors[field];
  return message ? (
    <p class="ks-field-error" id={`ks-error-${field}`}>
      {message}
    </p>
  ) : null;
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
  // A refused submit takes keyboard focus to the first field to fix, its message read with it (aria-describedby).
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const invalid = form.current?.querySelector('[aria-invalid="true"]');
    const field = invalid instanceof HTMLFieldSetElement ? invalid.querySelector('input') : invalid;
    if (field instanceof HTMLElement) field.focus();
  }, [errors]);
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const toggle = (permission: Permission) =>
    setDraft((d) => ({
      ...d,
      permissions: d.permissions.includes(permission)
        ? d.permissions.filter((p) => p !== permission)
        : [...d.permissions, permission],
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
  const expiry = draft.exchange
    ? unboundExpiryText({ exchange: draft.exchange, permissions: draft.permissions, ipBound: draft.ipBound })
    : undefined;
  const exchanges = ADAPTERS.map((a) => a.id);
  if (initial && !exchanges.includes(initial.exchange)) exchanges.push(initial.exchange);
  const title = initial ? t('form_edit', initial.name ? isolated(initial.name) : t('unnamed_key')) : t('form_add');

  return (
    <form class="ks-form" onSubmit={submit} noValidate aria-label={title} ref={form}>
      <h2 class="ks-subtitle">{title}</h2>
      <label class="ks-field">
        <span>{t('form_exchange')}</span>
        <select
          ref={first}
          value={draft.exchange}
          onChange={(e) => set({ exchange: e.currentTarget.value })}
          {...described('exchange', errors)}
        >
          <option value="">{t('form_choose')}</option>
          {exchanges.map((id) => (
            <option key={id} value={id}>
              {exchangeName(id)}
            </option>
          ))}
        </select>
      </label>
      <FieldError field="exchange" errors={errors} />

      <label class="ks-field">
        <span>{t('form_key_name')}</span>
        <input
          type="text"
          value={draft.name}
          maxLength={NAME_MAX}
          placeholder={t('form_key_name_hint')}
          onInput={(e) => set({ name: e.currentTarget.value })}
          {...described('name', errors)}
        />
      </label>
      <FieldError field="name" errors={errors} />

      <fieldset class="ks-perms" {...described('permissions', errors)}>
        <legend>{t('form_permissions')}</legend>
        {PERMISSIONS.map((p) => (
          <label key={p} class="ks-check">
            <input type="checkbox" checked={draft.permissions.includes(p)} onChange={() => toggle(p)} />
            {t(`permission_${p}`)}
          </label>
        ))}
      </fieldset>
      <FieldError field="permissions" errors={errors} />

      <label class="ks-check">
        <input type="checkbox" checked={draft.ipBound} onChange={(e) => set({ ipBound: e.currentTarget.checked })} />
        {t('form_ip_bound')}
      </label>
      {expiry && <p class="ks-expiry">{expiry}</p>}

      <div class="ks-pair">
        <label class="ks-field">
          <span>{t('form_created')}</span>
          <input
            type="date"
            value={draft.created}
            max={today}
            onInput={(e) => set({ created: e.currentTarget.value })}
            {...described('created', errors)}
          />
        </label>
        <label class="ks-field">
          <span>{t('form_rotate_every')}</span>
          <select value={draft.interval} onChange={(e) => set({ interval: e.currentTarget.value })}>
            {intervalChoices(defaultDays).map((days) => (
              <option key={days} value={String(days)}>
                {t('days_count', days)}
              </option>
            ))}
            <option value={CUSTOM}>{t('form_custom')}</option>
          </select>
        </label>
      </div>
      <FieldError field="created" errors={errors} />
      {draft.interval === CUSTOM && (
        <label class="ks-field">
          <span>{t('form_custom_days', 1, MAX_ROTATION_DAYS)}</span>
          <input
            type="text"
            inputMode="numeric"
            value={draft.customDays}
            onInput={(e) => set({ customDays: e.currentTarget.value })}
            {...described('interval', errors)}
          />
        </label>
      )}
      <FieldError field="interval" errors={errors} />

      {due && <p class="ks-muted">{t('form_due', due)}</p>}
      <div class="ks-actions">
        <button type="submit" class="ks-primary" disabled={busy}>
          {t(initial ? 'form_save' : 'form_add_key')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

import { DEFAULT_ROTATION_DAYS, DUE_SOON_DAYS, MAX_ROTATION_DAYS } from '../core/rotation';
import { text, type Text } from '../core/text';

/** The user's settings. */
export interface Settings {
  /** A reminder turns "due soon" this many days before its date. */
  dueSoonDays: number;
  /** Mirror the inventory to `storage.sync` (the user's other browsers). Off by default. */
  sync: boolean;
  /** Why sync was turned off by KeyScope itself (e.g. the sync quota was exceeded), shown to the user. */
  syncProblem?: string;
  /**
   * The rotation interval KeyScope suggests, in days: the panel's suggested choice, the popup's default for a key
   * added by hand, and the age at which a listed key is flagged "old". Always clamped to the exchange's own deadline.
   */
  rotationDays: number;
  /** Exchange adapter ids the user turned KeyScope off for (sorted): no guard is injected there; reminders stay. */
  disabledExchanges: string[];
  /** Ask once before the exchange's create button goes through while the form has a critical finding. Off by default. */
  confirmCritical: boolean;
}

// The settings of a fresh install (normalizeSettings of nothing); tests start from them.
export const DEFAULT_SETTINGS: Settings = {
  dueSoonDays: DUE_SOON_DAYS,
  sync: false,
  rotationDays: DEFAULT_ROTATION_DAYS,
  disabledExchanges: [],
  confirmCritical: false,
};
export const DUE_SOON_RANGE = { min: 1, max: 60 } as const;
export const ROTATION_RANGE = { min: 1, max: MAX_ROTATION_DAYS } as const;
/** Intervals the settings page offers as a default, besides a custom number of days. */
export const DEFAULT_ROTATION_CHOICES = [30, 60, 90, 180] as const;

/** The settings the user changes (the rest KeyScope keeps itself). */
export type SettingsChange = Partial<Omit<Settings, 'syncProblem'>>;

const EXCHANGE_ID = /^[a-z0-9-]{1,40}$/;
const wholeIn =
  (range: { min: number; max: number }) =>
  (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;

/**
 * Each user-changed field: how it is checked, and what to tell the user when a value is refused. The one place
 * both stored settings (normalizeSettings) and requested changes (settingsChangeProblem) are validated.
 */
const FIELDS: { [K in keyof SettingsChange]-?: { valid: (value: unknown) => boolean; problem: Text } } = {
  dueSoonDays: {
    valid: wholeIn(DUE_SOON_RANGE),
    problem: text('settings_error_due_soon', DUE_SOON_RANGE.min, DUE_SOON_RANGE.max),
  },
  sync: { valid: (value) => typeof value === 'boolean', problem: text('settings_error_sync') },
  rotationDays: {
    valid: wholeIn(ROTATION_RANGE),
    problem: text('settings_error_rotation', ROTATION_RANGE.min, ROTATION_RANGE.max),
  },
  disabledExchanges: {
    valid: (value) => Array.isArray(value) && value.every((id) => typeof id === 'string' && EXCHANGE_ID.test(id)),
    problem: text('settings_error_exchanges'),
  },
  confirmCritical: { valid: (value) => typeof value === 'boolean', problem: text('settings_error_confirm') },
};

/** The names of the settings the user changes, in the order the settings page lists them. */
export const SETTING_NAMES = Object.keys(FIELDS) as Array<keyof SettingsChange>;

/** Why a requested change is refused, naming the first bad field; undefined when every field is valid. */
export function settingsChangeProblem(change: Record<string, unknown>): Text | undefined {
  for (const [name, value] of Object.entries(change)) {
    const field = FIELDS[name as keyof SettingsChange];
    if (!field) return text('settings_error_unknown', name);
    if (!field.valid(value)) return field.problem;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The valid fields of `raw`, each in its stored form (exchange ids de-duplicated and sorted). */
export function validSettingFields(raw: unknown): SettingsChange {
  const value = isRecord(raw) ? raw : {};
  const valid: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    if (name in value && FIELDS[name].valid(value[name])) valid[name] = value[name];
  }
  const change = valid as SettingsChange;
  if (change.disabledExchanges) change.disabledExchanges = [...new Set(change.disabledExchanges)].sort();
  return change;
}

/**
 * Stored settings, each field checked on its own: one bad or missing field falls back to its default, the rest
 * are kept (settings stored by an older KeyScope read with the new fields at their defaults).
 */
export function normalizeSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  return {
    ...DEFAULT_SETTINGS,
    ...validSettingFields(value),
    ...(typeof value.syncProblem === 'string' ? { syncProblem: value.syncProblem } : {}),
  };
}

/** Whether KeyScope guards this exchange (the user may turn it off per exchange). */
export function exchangeEnabled(settings: Pick<Settings, 'disabledExchanges'>, exchange: string): boolean {
  return !settings.disabledExchanges.includes(exchange);
}

import { DUE_SOON_DAYS } from '../core/rotation';

/** The user's reminder settings. */
export interface Settings {
  /** A reminder turns "due soon" this many days before its date. */
  dueSoonDays: number;
  /** Mirror the inventory to `storage.sync` (the user's other browsers). Off by default. */
  sync: boolean;
  /** Why sync was turned off by KeyScope itself (e.g. the sync quota was exceeded), shown to the user. */
  syncProblem?: string;
}

export const DEFAULT_SETTINGS: Settings = { dueSoonDays: DUE_SOON_DAYS, sync: false };
export const DUE_SOON_RANGE = { min: 1, max: 60 } as const;

/** Stored settings, each field checked on its own: one bad field falls back to its default, the rest are kept. */
export function normalizeSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const days = value.dueSoonDays;
  return {
    dueSoonDays:
      typeof days === 'number' && Number.isInteger(days) && days >= DUE_SOON_RANGE.min && days <= DUE_SOON_RANGE.max
        ? days
        : DEFAULT_SETTINGS.dueSoonDays,
    sync: value.sync === true,
    ...(typeof value.syncProblem === 'string' ? { syncProblem: value.syncProblem } : {}),
  };
}

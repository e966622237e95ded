import { addDays, type CalendarDate } from '../core/rotation';
import type { Tombstone } from './reminder';

// How long and how many deletions are remembered, so that a key deleted here is deleted in every synced browser and
// no merge brings it back (docs/design.md, "Sync"). Pure: the day is the caller's.

/**
 * Days a deletion is remembered. It must outlive the longest a synced browser plausibly stays closed (a laptop left for
 * a holiday, a work profile opened once a month, a quarter's 90-day rotation cycle) and yet not pile up in
 * storage.sync's 100 KB; a browser that comes back after longer can bring a deleted key back, once, as a normal key.
 * Exported: docs/design.md states it, and tests step just past it.
 */
export const TOMBSTONE_DAYS = 90;
/**
 * Most deletions remembered, the newest. Each is one storage.sync item of at most 120 bytes (`deleted:` and a
 * 100-character id, a date; about 56 with KeyScope's own ids): 100 of them stay under 12 KB of the 100 KB quota and 100
 * of the 512 items, and an item never nears the 8 KB per-item limit.
 * Exported: docs/design.md states it, and tests go just over it.
 */
export const TOMBSTONES_MAX = 100;

const newestFirst = (a: Tombstone, b: Tombstone) => b.deleted.localeCompare(a.deleted) || a.id.localeCompare(b.id);

/**
 * The deletions still remembered on `today`, newest first: one per id (its latest), none older than
 * {@link TOMBSTONE_DAYS}, none dated after tomorrow (another browser's clock may be a day ahead; a date further on would
 * never expire), at most {@link TOMBSTONES_MAX}.
 */
export function keptTombstones(tombstones: readonly Tombstone[], today: CalendarDate): Tombstone[] {
  const earliest = addDays(today, -TOMBSTONE_DAYS);
  const latest = addDays(today, 1);
  const byId = new Map<string, Tombstone>();
  for (const t of tombstones) {
    if (t.deleted <= earliest || t.deleted > latest) continue;
    const known = byId.get(t.id);
    if (!known || known.deleted < t.deleted) byId.set(t.id, { id: t.id, deleted: t.deleted });
  }
  return [...byId.values()].sort(newestFirst).slice(0, TOMBSTONES_MAX);
}

/** The tombstones after deleting `id` today. */
export function withTombstone(tombstones: readonly Tombstone[], id: string, today: CalendarDate): Tombstone[] {
  return keptTombstones([{ id, deleted: today }, ...tombstones], today);
}

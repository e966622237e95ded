import { useId } from 'preact/hooks';
import type { Reminder } from '../inventory/reminder';
import { t } from '../i18n';
import { siteName } from '../ui/exchange-text';

/** The pending keys of one exchange, or of one guarded site: where a page's submits left them. */
export interface PendingGroup {
  /** The exchange and site, as one text. */
  id: string;
  site: string;
  records: Reminder[];
}

/** Pending reminders by exchange and site, for groups of two or more (one is discarded from its own row). */
export function pendingGroups(reminders: readonly Reminder[]): PendingGroup[] {
  const groups = new Map<string, PendingGroup>();
  for (const r of reminders) {
    if (r.state !== 'pending') continue;
    const key = JSON.stringify([r.exchange, r.origin ?? '']);
    const group = groups.get(key) ?? { id: key, site: siteName(r), records: [] };
    group.records.push(r);
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.records.length > 1);
}

function GroupLine({
  group,
  busy,
  onDiscard,
}: {
  group: PendingGroup;
  busy: boolean;
  onDiscard: (group: PendingGroup) => void;
}) {
  const textId = useId();
  return (
    <li class="ks-pending ks-pending-group" data-keyscope-pending-group="">
      <span id={textId}>{t('pending_group', group.records.length, group.site)}</span>
      <span class="ks-actions">
        <button
          type="button"
          class="ks-small"
          aria-describedby={textId}
          disabled={busy}
          onClick={() => onDiscard(group)}
        >
          {t('pending_discard_all', group.records.length)}
        </button>
      </span>
    </li>
  );
}

/**
 * "Discard all pending from this site": one line per exchange or site with several keys waiting for confirmation
 * (a page that fired its own create button repeatedly leaves them there), each discarding exactly the keys listed.
 */
export function PendingGroups({
  reminders,
  busy,
  onDiscard,
}: {
  reminders: readonly Reminder[];
  busy: boolean;
  onDiscard: (group: PendingGroup) => void;
}) {
  const groups = pendingGroups(reminders);
  if (groups.length === 0) return null;
  return (
    <ul class="ks-rows ks-pending-groups">
      {groups.map((group) => (
        <GroupLine key={group.id} group={group} busy={busy} onDiscard={onDiscard} />
      ))}
    </ul>
  );
}

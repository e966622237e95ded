import { daysBetween, dueStatus } from '../core/rotation';
import { adapterById } from '../exchanges';
import type { ReminderList } from '../messages';
import type { Reminder } from '../reminder';

/** `ok` | `due-soon` | `overdue` for active keys, else the key's state (`rotated`, `revoked`). */
export function reminderStatus(reminder: Reminder, today: string): string {
  return reminder.state === 'active' ? dueStatus(reminder.due, today) : reminder.state;
}

function dueText(reminder: Reminder, today: string): string {
  const left = daysBetween(today, reminder.due);
  if (reminder.state !== 'active') return reminder.state === 'rotated' ? 'Rotated' : 'Revoked';
  if (left < 0) return `Overdue by ${-left} ${-left === 1 ? 'day' : 'days'} (${reminder.due})`;
  if (left === 0) return `Due today (${reminder.due})`;
  return `Due in ${left} ${left === 1 ? 'day' : 'days'} (${reminder.due})`;
}

/** The user's keys with their rotation due dates, most urgent first. */
export function ReminderRows({ list, today }: { list: ReminderList | undefined; today: string }) {
  if (!list) return null;
  const sorted = [...list.reminders].sort((a, b) => a.due.localeCompare(b.due));
  return (
    <section class="ks-reminders" aria-label="Your keys">
      <h2 class="ks-subtitle">Your keys ({sorted.length})</h2>
      {sorted.length === 0 && <p class="ks-muted">No keys yet. Create one on a guarded page and KeyScope keeps its rotation date here.</p>}
      <ul class="ks-rows">
        {sorted.map((r) => (
          <li key={r.id} class="ks-row" data-keyscope-reminder="" data-status={reminderStatus(r, today)}>
            <strong class="ks-row-name">{r.name || '(unnamed key)'}</strong>
            <span class="ks-row-meta">
              {adapterById(r.exchange)?.name ?? r.exchange} · {r.permissions.join(', ') || 'no permissions'} · {r.ipBound ? 'IP-bound' : 'not IP-bound'}
            </span>
            <span class="ks-row-due">{dueText(r, today)}</span>
          </li>
        ))}
      </ul>
      {list.quarantined > 0 && (
        <p class="ks-error" role="alert">
          {list.quarantined} stored {list.quarantined === 1 ? 'record' : 'records'} could not be read and {list.quarantined === 1 ? 'is' : 'are'} kept aside unchanged.
        </p>
      )}
    </section>
  );
}

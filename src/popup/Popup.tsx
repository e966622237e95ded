import { useEffect, useState } from 'preact/hooks';
import type { ReminderList, TabVerdict } from '../messages';
import { localCalendarDate } from '../core/rotation';
import type { PopupData } from './popup-data';
import { ReminderRows } from './ReminderRows';
import { StatusBlock } from './StatusBlock';

/** The popup: the live verdict of the current tab, then the reminder list. */
export function Popup({ data, today = localCalendarDate(new Date()) }: { data: PopupData; today?: string }) {
  const [verdict, setVerdict] = useState<TabVerdict | null | undefined>(undefined);
  const [list, setList] = useState<ReminderList | undefined>(undefined);
  const [error, setError] = useState('');

  useEffect(() => {
    const fail = (what: string) => (e: unknown) => setError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    data.verdict().then(setVerdict, fail('Could not read this tab'));
    data.reminders().then(setList, fail('Could not read your reminders'));
    return data.onVerdict(setVerdict);
  }, [data]);

  return (
    <main class="ks-popup">
      <h1 class="ks-title">KeyScope</h1>
      {error && <p class="ks-error" role="alert">{error}</p>}
      <StatusBlock verdict={verdict} />
      <ReminderRows list={list} today={today} />
    </main>
  );
}

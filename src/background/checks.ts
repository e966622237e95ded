import browser from 'webextension-polyfill';
import { isolated } from '../core/text';
import { localCalendarDate } from '../core/rotation';
import { adapterById } from '../exchanges';
import { overdueCount, planNotifications } from '../inventory/notifications';
import type { Reminder, StoredReminders } from '../inventory/reminder';
import { notificationsAllowed } from '../optional-permissions';
import { loadItem } from '../storage';
import { t } from '../i18n';
import { markNotified } from './reminders';

/** Alarms survive service-worker restarts (MV3); the check also runs at browser start and after every change. */
export const CHECK_ALARM = 'keyscope-check';
const CHECK_EVERY_MINUTES = 6 * 60;
const NOTIFICATION_PREFIX = 'keyscope:';

export async function scheduleChecks(): Promise<void> {
  if (!(await browser.alarms.get(CHECK_ALARM))) {
    await browser.alarms.create(CHECK_ALARM, { periodInMinutes: CHECK_EVERY_MINUTES, delayInMinutes: 1 });
  }
}

export async function updateBadge(stored: StoredReminders, today = localCalendarDate(new Date())): Promise<void> {
  const { dueSoonDays } = await loadItem('settings');
  const overdue = overdueCount(stored.reminders, today, dueSoonDays);
  await browser.action.setBadgeBackgroundColor({ color: '#b00020' });
  await browser.action.setBadgeText({ text: overdue ? String(overdue) : '' });
  await browser.action.setTitle({
    title: overdue ? t(overdue === 1 ? 'badge_overdue_one' : 'badge_overdue_many', overdue) : 'KeyScope',
  });
}

function message(reminder: Reminder, state: 'due-soon' | 'overdue'): string {
  const exchange = adapterById(reminder.exchange)?.name ?? reminder.exchange;
  const name = reminder.name ? isolated(reminder.name) : t('unnamed_key');
  return t(state === 'overdue' ? 'notification_overdue' : 'notification_due_soon', exchange, name, reminder.due);
}

/** One check: badge, and a notification per key that changed state since the last one. */
export async function runCheck(now = new Date()): Promise<void> {
  const today = localCalendarDate(now);
  const [stored, settings] = await Promise.all([loadItem('reminders'), loadItem('settings')]);
  await updateBadge(stored, today);
  const plan = planNotifications(stored.reminders, today, settings.dueSoonDays);
  if (plan.notify.length > 0 && !(await notificationsAllowed())) {
    // Without the permission nothing is announced, so nothing is marked: once allowed, the user still hears of it.
    for (const { reminder } of plan.notify) plan.record.delete(reminder.id);
  } else {
    for (const { reminder, state } of plan.notify) {
      await browser.notifications.create(`${NOTIFICATION_PREFIX}${reminder.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title: t(state === 'overdue' ? 'notification_overdue_title' : 'notification_due_soon_title'),
        message: message(reminder, state),
      });
    }
  }
  await markNotified(plan.record);
}

/** A click on a notification opens the exchange's key page, where the key is rotated or deleted. */
export function handleNotificationClicks(): void {
  if (!browser.notifications?.onClicked) return;
  browser.notifications.onClicked.addListener((notificationId) => {
    if (notificationId.startsWith(NOTIFICATION_PREFIX)) void openKeyPage(notificationId);
  });
}

async function openKeyPage(notificationId: string): Promise<void> {
  const id = notificationId.slice(NOTIFICATION_PREFIX.length);
  const reminder = (await loadItem('reminders')).reminders.find((r) => r.id === id);
  const url = reminder ? adapterById(reminder.exchange)?.keyPageUrl : undefined;
  if (url) await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
}

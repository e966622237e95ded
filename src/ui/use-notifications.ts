import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { errorText } from './errors';

/** Where the popup and the settings page ask about notifications (the browser's permission, behind their data seam). */
export interface NotificationsSource {
  notificationsAllowed(): Promise<boolean>;
  /** Asks the browser for the notifications permission: call it straight from a click (a user gesture). */
  requestNotifications(): Promise<boolean>;
}

/** Whether notifications are on (undefined until known), and turning them on from a click. */
export function useNotifications(source: NotificationsSource, onError: (message: string) => void) {
  const [allowed, setAllowed] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    source
      .notificationsAllowed()
      .then(setAllowed, (e: unknown) => onError(t('notifications_check_failed', errorText(e))));
  }, [source, onError]);

  // The request must start inside the click handler itself: browsers grant a permission only during a user gesture.
  const turnOn = () => {
    source
      .requestNotifications()
      .then(setAllowed, (e: unknown) => onError(t('notifications_turn_on_failed', errorText(e))));
  };
  return { allowed, setAllowed, turnOn };
}

import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { errorText } from '../ui/errors';
import type { PopupData } from './popup-data';

/** Offers notifications while they are off. Asked only here, on a click: never at install. */
export function NotificationsOffer({ data, onError }: { data: PopupData; onError: (message: string) => void }) {
  const [allowed, setAllowed] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    data.notificationsAllowed().then(setAllowed, (e: unknown) => onError(t('notifications_check_failed', errorText(e))));
  }, [data, onError]);

  if (allowed !== false) return null;
  // The request must start inside the click handler itself: browsers grant a permission only during a user gesture.
  const turnOn = () => {
    data.requestNotifications().then(setAllowed, (e: unknown) => onError(t('notifications_turn_on_failed', errorText(e))));
  };
  return (
    <p class="ks-offer">
      <span>{t('notifications_off')}</span>
      <button type="button" class="ks-small" onClick={turnOn}>{t('notifications_turn_on')}</button>
    </p>
  );
}

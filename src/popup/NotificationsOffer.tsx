import { t } from '../i18n';
import { useNotifications } from '../ui/use-notifications';
import type { PopupData } from './popup-data';

/** Offers notifications while they are off. Asked only here or in the settings, on a click: never at install. */
export function NotificationsOffer({ data, onError }: { data: PopupData; onError: (message: string) => void }) {
  const { allowed, turnOn } = useNotifications(data, onError);
  if (allowed !== false) return null;
  return (
    <p class="ks-offer">
      <span>{t('notifications_off')}</span>
      <button type="button" class="ks-small" onClick={turnOn}>
        {t('notifications_turn_on')}
      </button>
    </p>
  );
}

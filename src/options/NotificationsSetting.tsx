import { t } from '../i18n';
import { useNotifications } from '../ui/use-notifications';
import { errorText } from '../ui/errors';
import type { OptionsData } from './options-data';

/**
 * Notifications on or off. On asks the browser for the optional `notifications` permission, from the click itself;
 * off gives the permission back, so KeyScope cannot show one.
 */
export function NotificationsSetting({ data, onError }: { data: OptionsData; onError: (message: string) => void }) {
  const { allowed, setAllowed, turnOn } = useNotifications(data, onError);
  const turnOff = () => {
    data.removeNotifications().then(
      (removed) => setAllowed(!removed),
      (e: unknown) => onError(t('notifications_turn_off_failed', errorText(e))),
    );
  };
  return (
    <div class="ks-setting">
      <label class="ks-check">
        <input
          type="checkbox"
          checked={allowed === true}
          disabled={allowed === undefined}
          onChange={(e) => {
            // The box shows what the browser allows: it changes when the browser says so, not on the click alone.
            const wanted = e.currentTarget.checked;
            e.currentTarget.checked = !wanted;
            if (wanted) turnOn();
            else turnOff();
          }}
        />
        {t('options_notifications')}
      </label>
      <p class="ks-muted">{t('options_notifications_hint')}</p>
    </div>
  );
}

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TabState } from '../messages';
import { t } from '../i18n';
import { errorText } from '../ui/errors';
import { useInventory } from '../ui/use-inventory';
import { ExchangeOff, useExchangeOff } from './ExchangeOff';
import { GuardSite } from './GuardSite';
import { KeyInventory } from './KeyInventory';
import { LookalikeWarning } from './LookalikeWarning';
import { NotificationsOffer } from './NotificationsOffer';
import { PopupPageReport } from './PopupPageReport';
import type { PopupData } from './popup-data';
import { StatusBlock } from './StatusBlock';

/** The popup: a warning when the tab imitates an exchange, the live verdict of the current tab, then the user's keys. */
export function Popup({ data }: { data: PopupData }) {
  const [verdict, setVerdict] = useState<TabState | undefined>(undefined);
  const [error, setError] = useState('');
  const inventory = useInventory(useCallback(() => data.reminders(), [data]));
  const off = useExchangeOff(data, inventory.list?.settings);

  useEffect(() => {
    data.verdict().then(setVerdict, (e: unknown) => setError(t('error_read_tab', errorText(e))));
    return data.onVerdict(setVerdict);
  }, [data]);

  const openOptions = () => {
    data.openOptions().catch((e: unknown) => setError(t('error_open_settings', errorText(e))));
  };

  return (
    <main class="ks-popup">
      <header class="ks-head">
        <h1 class="ks-title">KeyScope</h1>
        <button type="button" class="ks-link" onClick={openOptions}>
          {t('popup_settings')}
        </button>
      </header>
      <LookalikeWarning data={data} />
      {error && (
        <p class="ks-error" role="alert">
          {error}
        </p>
      )}
      {inventory.error && (
        <p class="ks-error" role="alert">
          {inventory.error}
        </p>
      )}
      {off && !verdict ? <ExchangeOff exchange={off} openOptions={openOptions} /> : <StatusBlock verdict={verdict} />}
      <PopupPageReport data={data} verdict={verdict} />
      <GuardSite data={data} onError={setError} />
      <KeyInventory data={data} inventory={inventory} openOptions={openOptions} />
      <NotificationsOffer data={data} onError={setError} />
    </main>
  );
}

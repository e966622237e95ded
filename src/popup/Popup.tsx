import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TabVerdict } from '../messages';
import { errorText } from '../ui/errors';
import { useInventory } from '../ui/use-inventory';
import { ExchangeOff, useExchangeOff } from './ExchangeOff';
import { GuardSite } from './GuardSite';
import { KeyInventory } from './KeyInventory';
import { NotificationsOffer } from './NotificationsOffer';
import type { PopupData } from './popup-data';
import { StatusBlock } from './StatusBlock';

/** The popup: the live verdict of the current tab, then the user's keys. */
export function Popup({ data }: { data: PopupData }) {
  const [verdict, setVerdict] = useState<TabVerdict | null | undefined>(undefined);
  const [error, setError] = useState('');
  const inventory = useInventory(useCallback(() => data.reminders(), [data]));
  const off = useExchangeOff(data, inventory.list?.settings);

  useEffect(() => {
    data.verdict().then(setVerdict, (e: unknown) => setError(`Could not read this tab: ${errorText(e)}`));
    return data.onVerdict(setVerdict);
  }, [data]);

  const openOptions = () => {
    data.openOptions().catch((e: unknown) => setError(`Could not open the settings: ${errorText(e)}`));
  };

  return (
    <main class="ks-popup">
      <header class="ks-head">
        <h1 class="ks-title">KeyScope</h1>
        <button type="button" class="ks-link" onClick={openOptions}>Settings and export</button>
      </header>
      {error && <p class="ks-error" role="alert">{error}</p>}
      {inventory.error && <p class="ks-error" role="alert">{inventory.error}</p>}
      {off && !verdict ? <ExchangeOff exchange={off} openOptions={openOptions} /> : <StatusBlock verdict={verdict} />}
      <GuardSite data={data} onError={setError} />
      <KeyInventory data={data} inventory={inventory} openOptions={openOptions} />
      <NotificationsOffer data={data} onError={setError} />
    </main>
  );
}

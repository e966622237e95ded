import { useEffect, useState } from 'preact/hooks';
import { adapterForHost } from '../exchanges';
import type { ExchangeAdapter } from '../exchanges/adapter';
import { t } from '../i18n';
import { exchangeEnabled, type Settings } from '../settings/settings';
import type { PopupData } from './popup-data';

/** The exchange of the popup's tab when the user turned KeyScope off for it. */
export function useExchangeOff(data: PopupData, settings: Settings | undefined): ExchangeAdapter | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    // Not knowing the tab's address only means the popup cannot say "off here": GuardSite reports that failure.
    data.activeTab().then(
      (tab) => setUrl(tab.url),
      () => undefined,
    );
  }, [data]);
  if (!url || !settings) return undefined;
  let adapter: ExchangeAdapter | undefined;
  try {
    adapter = adapterForHost(new URL(url).hostname);
  } catch {
    return undefined;
  }
  return adapter && !exchangeEnabled(settings, adapter.id) ? adapter : undefined;
}

/** Says KeyScope does not guard this exchange now, and where to turn it back on. */
export function ExchangeOff({ exchange, openOptions }: { exchange: ExchangeAdapter; openOptions: () => void }) {
  return (
    <p class="ks-warning" data-keyscope-exchange-off={exchange.id}>
      {t('exchange_off', exchange.name)}{' '}
      <button type="button" class="ks-link" onClick={openOptions}>
        {t('exchange_off_settings')}
      </button>
    </p>
  );
}

import { ADAPTERS } from '../exchanges';
import { t } from '../i18n';
import { exchangeEnabled } from '../settings/settings';
import type { SettingProps } from './options-data';

/** KeyScope on or off per exchange. Off: no panel and no notes on the key list there; reminders are kept. */
export function ExchangeSwitches({ settings, inventory, data }: SettingProps) {
  const toggle = (exchange: string, name: string, on: boolean) => {
    const others = settings.disabledExchanges.filter((id) => id !== exchange);
    const disabledExchanges = on ? others : [...others, exchange].sort();
    void inventory.run(t(on ? 'error_exchange_on' : 'error_exchange_off', name), () =>
      data.send('settings:set', { disabledExchanges }),
    );
  };
  // The supported exchanges: the generic adapter has no hosts, and a guarded site is turned off by removing it.
  const exchanges = ADAPTERS.filter((adapter) => adapter.hosts.length > 0);
  return (
    <fieldset class="ks-setting ks-exchanges">
      <legend>{t('options_exchanges_legend')}</legend>
      {exchanges.map((adapter) => (
        <label key={adapter.id} class="ks-check">
          <input
            type="checkbox"
            checked={exchangeEnabled(settings, adapter.id)}
            disabled={inventory.busy}
            onChange={(e) => toggle(adapter.id, adapter.name, e.currentTarget.checked)}
          />
          {adapter.name}
        </label>
      ))}
      <p class="ks-muted">{t('options_exchanges_hint')}</p>
    </fieldset>
  );
}

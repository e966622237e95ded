import { EXCHANGES } from '../exchanges';
import { exchangeEnabled, type Settings } from '../inventory/settings';
import type { Inventory } from '../ui/use-inventory';
import type { OptionsData } from './options-data';

/** KeyScope on or off per exchange. Off: no panel and no notes on the key list there; reminders are kept. */
export function ExchangeSwitches({ settings, inventory, data }: { settings: Settings; inventory: Inventory; data: OptionsData }) {
  const toggle = (exchange: string, name: string, on: boolean) => {
    const others = settings.disabledExchanges.filter((id) => id !== exchange);
    const disabledExchanges = on ? others : [...others, exchange].sort();
    void inventory.run(`Could not turn KeyScope ${on ? 'on' : 'off'} for ${name}`, () => data.send('settings:set', { disabledExchanges }));
  };
  return (
    <fieldset class="ks-setting ks-exchanges">
      <legend>Guard these exchanges’ API-key pages</legend>
      {EXCHANGES.map((adapter) => (
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
      <p class="ks-muted">
        Turned off, KeyScope shows no panel and no notes on that exchange (from its next page load), and its popup
        says so. Your reminders for that exchange are kept.
      </p>
    </fieldset>
  );
}

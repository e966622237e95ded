import { useState } from 'preact/hooks';
import { parseRotationDays } from '../core/rotation';
import { DEFAULT_ROTATION_CHOICES, ROTATION_RANGE, type Settings } from '../inventory/settings';
import type { Inventory } from '../ui/use-inventory';
import type { OptionsData } from './options-data';

const CUSTOM = 'custom';
const isChoice = (days: number) => (DEFAULT_ROTATION_CHOICES as readonly number[]).includes(days);

/**
 * The rotation interval KeyScope suggests everywhere: the panel's suggested choice, the popup's default for a key
 * added by hand, and when a key on the exchange's list is flagged "old".
 */
export function RotationDefault({ settings, inventory, data }: { settings: Settings; inventory: Inventory; data: OptionsData }) {
  const [choice, setChoice] = useState(isChoice(settings.rotationDays) ? String(settings.rotationDays) : CUSTOM);
  const [custom, setCustom] = useState(isChoice(settings.rotationDays) ? '' : String(settings.rotationDays));
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const days = choice === CUSTOM ? parseRotationDays(custom) : Number(choice);
    if (days === undefined) {
      setProblem(`Enter a whole number of days from ${ROTATION_RANGE.min} to ${ROTATION_RANGE.max}.`);
      return;
    }
    setProblem('');
    const result = await inventory.run('Could not save the rotation interval', () => data.send('settings:set', { rotationDays: days }));
    if (result) setSaved(true);
  };
  const changed = () => setSaved(false);

  return (
    <form class="ks-setting" onSubmit={save} noValidate>
      <label for="ks-rotation">Suggest rotating a new key every</label>
      <div class="ks-inline">
        <select id="ks-rotation" value={choice} onChange={(e) => { setChoice(e.currentTarget.value); changed(); }}>
          {DEFAULT_ROTATION_CHOICES.map((days) => (
            <option key={days} value={String(days)}>{days} days</option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
        {choice === CUSTOM && (
          <input
            type="text"
            inputMode="numeric"
            size={4}
            aria-label="Custom rotation interval in days"
            value={custom}
            onInput={(e) => { setCustom(e.currentTarget.value); changed(); }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'ks-rotation-error' : undefined}
          />
        )}
        <button type="submit" disabled={inventory.busy}>Save</button>
        {saved && <span class="ks-ok" role="status">Saved.</span>}
      </div>
      {problem && <p class="ks-field-error" id="ks-rotation-error">{problem}</p>}
      <p class="ks-muted">
        The panel suggests it, a key added by hand starts with it, and a key on the exchange’s list older than it is
        flagged “old”. It is always shortened to the exchange’s own deadline (OKX deletes an unbound Trade key after
        14 days).
      </p>
    </form>
  );
}

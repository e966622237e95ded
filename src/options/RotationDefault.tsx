import { useState } from 'preact/hooks';
import { parseRotationDays } from '../core/rotation';
import { t } from '../i18n';
import { DEFAULT_ROTATION_CHOICES, ROTATION_RANGE } from '../settings/settings';
import type { SettingProps } from './options-data';

const CUSTOM = 'custom';
const isChoice = (days: number) => (DEFAULT_ROTATION_CHOICES as readonly number[]).includes(days);

/**
 * The rotation interval KeyScope suggests everywhere: the panel's suggested choice, the popup's default for a key
 * added by hand, and when a key on the exchange's list is flagged "old".
 */
export function RotationDefault({ settings, inventory, data }: SettingProps) {
  const [choice, setChoice] = useState(isChoice(settings.rotationDays) ? String(settings.rotationDays) : CUSTOM);
  const [custom, setCustom] = useState(isChoice(settings.rotationDays) ? '' : String(settings.rotationDays));
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const days = choice === CUSTOM ? parseRotationDays(custom) : Number(choice);
    if (days === undefined) {
      setProblem(t('error_days_range', ROTATION_RANGE.min, ROTATION_RANGE.max));
      return;
    }
    setProblem('');
    const result = await inventory.run(t('error_save_rotation'), () =>
      data.send('settings:set', { rotationDays: days }),
    );
    if (result) setSaved(true);
  };
  const changed = () => setSaved(false);

  return (
    <form class="ks-setting" onSubmit={save} noValidate>
      <label for="ks-rotation">{t('options_rotation')}</label>
      <div class="ks-inline">
        <select
          id="ks-rotation"
          value={choice}
          onChange={(e) => {
            setChoice(e.currentTarget.value);
            changed();
          }}
        >
          {DEFAULT_ROTATION_CHOICES.map((days) => (
            <option key={days} value={String(days)}>
              {t('days_count', days)}
            </option>
          ))}
          <option value={CUSTOM}>{t('form_custom')}</option>
        </select>
        {choice === CUSTOM && (
          <input
            type="text"
            inputMode="numeric"
            size={4}
            aria-label={t('options_rotation_custom')}
            value={custom}
            onInput={(e) => {
              setCustom(e.currentTarget.value);
              changed();
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'ks-rotation-error' : undefined}
          />
        )}
        <button type="submit" disabled={inventory.busy}>
          {t('save')}
        </button>
        {saved && (
          <span class="ks-ok" role="status">
            {t('saved')}
          </span>
        )}
      </div>
      {problem && (
        <p class="ks-field-error" id="ks-rotation-error">
          {problem}
        </p>
      )}
      <p class="ks-muted">{t('options_rotation_hint')}</p>
    </form>
  );
}

import { normalizeSettings, type Settings } from '../inventory/settings';
import { send } from '../messages';

/** The settings the guard follows, as the background stores them; validated here as every read of settings is. */
export async function guardSettings(): Promise<Settings> {
  return normalizeSettings(await send('settings:get', {}));
}

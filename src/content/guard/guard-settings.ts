import type { Settings } from '../../settings/settings';
import { send } from '../../messages';

/**
 * The settings the guard follows, as the background read them (validated there, as every read of stored settings
 * is): the guard does not carry the validators, every byte of it is paid on each key page.
 */
export function guardSettings(): Promise<Settings> {
  return send('settings:get', {});
}

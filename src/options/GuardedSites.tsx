import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { errorText } from '../ui/errors';
import type { OptionsData } from './options-data';

/**
 * The sites the user added with "Guard this page". Removing one stops KeyScope there and gives the site's permission
 * back to the browser: KeyScope can no longer read that site at all.
 */
export function GuardedSites({ data }: { data: OptionsData }) {
  const [sites, setSites] = useState<string[] | undefined>(undefined);
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  useEffect(() => {
    data.guardedSites().then(setSites, (e: unknown) => setError(t('sites_read_failed', errorText(e))));
  }, [data]);

  const remove = (origin: string) => {
    setRemoving(origin);
    setError('');
    setDone('');
    data
      .send('sites:remove', { origin })
      .then(
        (left) => {
          setSites(left);
          setDone(t('sites_removed', origin));
        },
        (e: unknown) => setError(t('sites_remove_failed', origin, errorText(e))),
      )
      .finally(() => setRemoving(undefined));
  };

  return (
    <section class="ks-card" aria-labelledby="ks-sites">
      <h2 id="ks-sites">{t('sites_title')}</h2>
      {error && (
        <p class="ks-error" role="alert">
          {error}
        </p>
      )}
      {sites === undefined ? (
        !error && <p class="ks-muted">{t('sites_reading')}</p>
      ) : sites.length === 0 ? (
        <p class="ks-muted">{t('sites_none')}</p>
      ) : (
        <ul class="ks-sites">
          {sites.map((origin) => (
            <li key={origin}>
              <span class="ks-site">{origin}</span>
              <button
                type="button"
                aria-label={t('sites_remove_label', origin)}
                disabled={removing === origin}
                onClick={() => remove(origin)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p class="ks-ok" role="status">
          {done}
        </p>
      )}
    </section>
  );
}

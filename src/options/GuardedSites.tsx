import { useEffect, useState } from 'preact/hooks';
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
    data.guardedSites().then(setSites, (e: unknown) => setError(`Could not read the sites you added: ${errorText(e)}`));
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
          setDone(`KeyScope no longer guards ${origin}, and no longer has permission to read it.`);
        },
        (e: unknown) => setError(`Could not remove ${origin}: ${errorText(e)}`),
      )
      .finally(() => setRemoving(undefined));
  };

  return (
    <section class="ks-card" aria-labelledby="ks-sites">
      <h2 id="ks-sites">Sites you added</h2>
      {error && <p class="ks-error" role="alert">{error}</p>}
      {sites === undefined ? (
        !error && <p class="ks-muted">Reading the sites you added…</p>
      ) : sites.length === 0 ? (
        <p class="ks-muted">
          None. KeyScope guards the exchanges it knows. On another exchange, open the KeyScope popup on its API-key page
          and choose “Guard this page”: your browser then asks you to let KeyScope read that site, and only that site.
        </p>
      ) : (
        <ul class="ks-sites">
          {sites.map((origin) => (
            <li key={origin}>
              <span class="ks-site">{origin}</span>
              <button type="button" aria-label={`Remove ${origin}`} disabled={removing === origin} onClick={() => remove(origin)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {done && <p class="ks-ok" role="status">{done}</p>}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { errorText } from '../ui/errors';
import type { OptionsData } from './options-data';

/**
 * Sites the imported file lists that this browser does not guard. A file cannot grant KeyScope a site's permission:
 * each is offered again, and the browser asks the user, site by site, on the click.
 */
export function ReAddSites({ sites, data, onAdded }: { sites: string[]; data: OptionsData; onAdded: () => void }) {
  const [added, setAdded] = useState<string[]>([]);
  const [problem, setProblem] = useState('');

  const add = (origin: string) => {
    setProblem('');
    // Asked before any await: browsers grant a permission only during the click (a user gesture).
    data
      .requestSite(origin)
      .then(async (granted) => {
        if (!granted) {
          setProblem(`Your browser did not allow KeyScope to read ${origin}, so it is not guarded.`);
          return;
        }
        await data.send('sites:add', { origin });
        setAdded((list) => [...list, origin]);
        onAdded();
      })
      .catch((e: unknown) => setProblem(`Could not guard ${origin}: ${errorText(e)}`));
  };

  return (
    <div class="ks-readd">
      <p>
        <strong>Sites you had added:</strong> an imported file cannot give KeyScope permission to read a site. Add each
        again to guard it here; your browser asks you first.
      </p>
      <ul class="ks-sites">
        {sites.map((origin) => (
          <li key={origin}>
            <span class="ks-site">{origin}</span>
            {added.includes(origin) ? (
              <span class="ks-ok">Guarded</span>
            ) : (
              <button type="button" aria-label={`Add ${origin} again`} onClick={() => add(origin)}>
                Add again
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && <p class="ks-error" role="alert">{problem}</p>}
    </div>
  );
}

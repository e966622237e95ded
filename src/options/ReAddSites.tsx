import { useState } from 'preact/hooks';
import { t } from '../i18n';
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
          setProblem(t('readd_refused', origin));
          return;
        }
        await data.send('sites:add', { origin });
        setAdded((list) => [...list, origin]);
        onAdded();
      })
      .catch((e: unknown) => setProblem(t('guard_failed', origin, errorText(e))));
  };

  return (
    <div class="ks-readd">
      <p>
        <strong>{t('readd_title')}</strong> {t('readd_explain')}
      </p>
      <ul class="ks-sites">
        {sites.map((origin) => (
          <li key={origin}>
            <span class="ks-site">{origin}</span>
            {added.includes(origin) ? (
              <span class="ks-ok">{t('readd_guarded')}</span>
            ) : (
              <button type="button" aria-label={t('readd_label', origin)} onClick={() => add(origin)}>
                {t('readd_button')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p class="ks-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

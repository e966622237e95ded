import { useEffect, useState } from 'preact/hooks';
import { lookalikeOf } from '../core/lookalike';
import { adapterForHost } from '../exchanges';
import { errorText } from '../ui/errors';
import type { PopupData } from './popup-data';

interface Offer {
  origin: string;
  tabId?: number;
}

/**
 * The site of a web page that KeyScope could be asked to guard: http(s), not an exchange it already guards, and not a
 * look-alike of one (the popup says that site is a fake instead of offering to trust it).
 */
function guardableOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, origin, hostname } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && !adapterForHost(hostname) && !lookalikeOf(hostname) ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Guard this page" on a site KeyScope does not know: asks for that one site's permission at that moment (never at
 * install), then has the background guard it. Offered only on an http(s) page of such a site not guarded yet.
 */
export function GuardSite({ data, onError }: { data: PopupData; onError: (message: string) => void }) {
  const [offer, setOffer] = useState<Offer | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState('');

  useEffect(() => {
    Promise.all([data.activeTab(), data.guardedSites()]).then(([tab, sites]) => {
      const origin = guardableOrigin(tab.url);
      if (origin && !sites.includes(origin)) setOffer({ origin, tabId: tab.id });
    }, (e: unknown) => onError(`Could not check whether KeyScope can guard this page: ${errorText(e)}`));
  }, [data, onError]);

  if (!offer) return outcome ? <p class="ks-offer" role="status">{outcome}</p> : null;
  const { origin, tabId } = offer;
  const guard = () => {
    // The request must start inside the click handler itself, before any await: browsers grant a permission only
    // during a user gesture.
    const asked = data.requestSite(origin);
    setBusy(true);
    setOutcome('');
    asked
      .then(async (granted) => {
        if (!granted) {
          setOutcome('Permission refused: nothing changed.');
          return;
        }
        await data.guardSite(origin, tabId);
        setOffer(undefined);
        setOutcome(`KeyScope now guards ${origin}`);
      })
      .catch((e: unknown) => setOutcome(`Could not guard ${origin}: ${errorText(e)}`))
      .finally(() => setBusy(false));
  };
  return (
    <section class="ks-offer" aria-label="Guard this page">
      <span>
        KeyScope does not know {origin}. If it is an exchange, KeyScope can check its API-key form too: it will ask your
        browser to let it read this site, and only this site.
      </span>
      <button type="button" class="ks-small" disabled={busy} onClick={guard}>Guard this page</button>
      {outcome && <span role="status">{outcome}</span>}
    </section>
  );
}

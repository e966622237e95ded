import { useEffect, useState } from 'preact/hooks';
import { lookalikeOf } from '../core/lookalike';
import { ADAPTERS, adapterForHost } from '../exchanges';
import { t } from '../i18n';
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
    return (protocol === 'https:' || protocol === 'http:') &&
      !adapterForHost(hostname) &&
      !lookalikeOf(hostname, ADAPTERS)
      ? origin
      : undefined;
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
    Promise.all([data.activeTab(), data.guardedSites()]).then(
      ([tab, sites]) => {
        const origin = guardableOrigin(tab.url);
        if (origin && !sites.includes(origin)) setOffer({ origin, tabId: tab.id });
      },
      (e: unknown) => onError(t('guard_check_failed', errorText(e))),
    );
  }, [data, onError]);

  if (!offer)
    return outcome ? (
      <p class="ks-offer" role="status">
        {outcome}
      </p>
    ) : null;
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
          setOutcome(t('guard_refused'));
          return;
        }
        await data.guardSite(origin, tabId);
        setOffer(undefined);
        setOutcome(t('guard_done', origin));
      })
      .catch((e: unknown) => setOutcome(t('guard_failed', origin, errorText(e))))
      .finally(() => setBusy(false));
  };
  return (
    <section class="ks-offer" aria-label={t('guard_this_page')}>
      <span>{t('guard_offer', origin)}</span>
      <button type="button" class="ks-small" disabled={busy} onClick={guard}>
        {t('guard_this_page')}
      </button>
      {outcome && <span role="status">{outcome}</span>}
    </section>
  );
}

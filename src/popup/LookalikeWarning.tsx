import { useEffect, useState } from 'preact/hooks';
import { lookalikeOf, type Lookalike, type LookalikeReason } from '../core/lookalike';
import { hostToUnicode } from '../core/punycode';
import { exchangeName } from '../ui/exchange-text';
import { errorText } from '../ui/errors';
import type { PopupData } from './popup-data';

interface Found extends Lookalike {
  /** The page's host as the browser gives it (`xn--kx-emc.com`). */
  host: string;
}

/** The exchange an http(s) page's address imitates; undefined on any other page or when the address is withheld. */
export function lookalikeOfPage(url: string | undefined): Found | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'http:') return undefined;
    const found = lookalikeOf(hostname);
    return found && { ...found, host: hostname };
  } catch {
    return undefined;
  }
}

function why(reason: LookalikeReason, name: string, host: string): string {
  switch (reason) {
    case 'punycode':
      return `Its address looks like “${hostToUnicode(host)}” but spells ${name} with letters of another alphabet or with accents.`;
    case 'confusable':
      return `Its address spells ${name} with look-alike characters (0 for o, 1 or l for i, rn for m).`;
    case 'brand-in-domain':
      return `Its address puts ${name}’s name inside a domain that belongs to someone else.`;
    case 'edit-distance':
      return `Its address is one typo away from ${name}’s.`;
  }
}

/**
 * "This is not OKX": shown first when the tab's address imitates a supported exchange (DESIGN.md: the popup learns the
 * address through the `activeTab` grant of the toolbar click; no other permission). The block carries
 * `data-keyscope-lookalike` and `data-imitates="<exchange id>"` for tests outside the project.
 */
export function LookalikeWarning({ data }: { data: PopupData }) {
  const [found, setFound] = useState<Found | undefined>(undefined);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    data.activeTab().then(
      (tab) => setFound(lookalikeOfPage(tab.url)),
      // Said here rather than in the popup's one error line, which other checks of the same tab overwrite.
      (e: unknown) => setFailure(`Could not check whether this page imitates an exchange: ${errorText(e)}`),
    );
  }, [data]);

  if (failure) return <p class="ks-error" role="alert">{failure}</p>;
  if (!found) return null;
  const name = exchangeName(found.exchange);
  return (
    <section
      class="ks-lookalike"
      role="alert"
      aria-labelledby="ks-lookalike-title"
      data-keyscope-lookalike=""
      data-imitates={found.exchange}
      data-reason={found.reason}
    >
      <h2 id="ks-lookalike-title" class="ks-lookalike-title">This is not {name}.</h2>
      <p>
        This page is on <b class="ks-host">{found.host}</b>. {why(found.reason, name, found.host)} The real site is{' '}
        <b class="ks-host">{found.official}</b>.
      </p>
      <p>
        Do not sign in, create an API key or type any code here. Open {found.official} yourself, from your bookmark or by
        typing it. If you already signed in here, change your {name} password on the real site and delete any API key
        created since.
      </p>
    </section>
  );
}

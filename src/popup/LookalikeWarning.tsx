import { useEffect, useState } from 'preact/hooks';
import { lookalikeOf, type Lookalike, type LookalikeReason } from '../core/lookalike';
import { hostToUnicode } from '../core/punycode';
import { ADAPTERS } from '../exchanges';
import { exchangeName } from '../ui/exchange-text';
import { errorText } from '../ui/errors';
import { text, type Text } from '../core/text';
import { say, t } from '../i18n';
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
    const found = lookalikeOf(hostname, ADAPTERS);
    return found && { ...found, host: hostname };
  } catch {
    return undefined;
  }
}

function why(reason: LookalikeReason, name: string, host: string): Text {
  switch (reason) {
    case 'punycode':
      return text('lookalike_why_punycode', hostToUnicode(host), name);
    case 'confusable':
      return text('lookalike_why_confusable', name);
    case 'brand-in-domain':
      return text('lookalike_why_brand', name);
    case 'edit-distance':
      return text('lookalike_why_typo', name);
  }
}

/**
 * "This is not OKX": shown first when the tab's address imitates a supported exchange (docs/design.md: the popup learns the
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
      (e: unknown) => setFailure(t('lookalike_check_failed', errorText(e))),
    );
  }, [data]);

  if (failure)
    return (
      <p class="ks-error" role="alert">
        {failure}
      </p>
    );
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
      <h2 id="ks-lookalike-title" class="ks-lookalike-title">
        {t('lookalike_title', name)}
      </h2>
      <p class="ks-host">
        {say([
          text('lookalike_where', found.host),
          why(found.reason, name, found.host),
          text('lookalike_real', found.official),
        ])}
      </p>
      <p>{t('lookalike_advice', found.official, name)}</p>
    </section>
  );
}

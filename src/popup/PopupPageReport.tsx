import { useEffect, useState } from 'preact/hooks';
import { adapterForHost } from '../exchanges';
import type { TabState } from '../messages';
import { PageReport } from '../ui/PageReport';
import type { PopupData } from './popup-data';

/** Whether KeyScope's guard may run on this tab: a supported exchange's site, or a site the user chose to guard. */
function guardedTab(url: string | undefined, sites: readonly string[]): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname, origin } = new URL(url);
    return (
      (protocol === 'https:' || protocol === 'http:') &&
      (adapterForHost(hostname) !== undefined || sites.includes(origin))
    );
  } catch {
    return false;
  }
}

/**
 * "This page is not read right?" for the current tab, on the sites KeyScope guards (or wherever it shows a verdict):
 * the description comes from the guard in the tab, which also saves the file.
 */
export function PopupPageReport({ data, verdict }: { data: PopupData; verdict: TabState | undefined }) {
  const [guarded, setGuarded] = useState(false);
  useEffect(() => {
    // A failure to list the sites is reported by "Guard this page"; here it only hides the offer.
    Promise.all([data.activeTab(), data.guardedSites()]).then(
      ([tab, sites]) => setGuarded(guardedTab(tab.url, sites)),
      () => undefined,
    );
  }, [data]);
  const describePage = data.describePage?.bind(data);
  if (!describePage || !(guarded || verdict)) return null;
  return <PageReport buttonClass="ks-small" describe={() => describePage(false)} save={() => describePage(true)} />;
}

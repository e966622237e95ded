import { adapterForHost, isKeyPage } from '../exchanges';
import { guardKeyPage } from './key-page';
import { watchUrl } from './watch-url';

// Bootstrap: on every page of a supported exchange, and cheap there. It does no DOM work until the URL is a key
// page, and keeps checking the URL because exchanges are single-page apps.
const adapter = adapterForHost(location.hostname);
if (adapter) {
  let visit: AbortController | undefined;
  const check = () => {
    const onKeyPage = isKeyPage(adapter, location.pathname);
    if (onKeyPage && !visit) {
      visit = new AbortController();
      guardKeyPage(adapter, visit.signal);
    } else if (!onKeyPage && visit) {
      visit.abort();
      visit = undefined;
    }
  };
  watchUrl(check, new AbortController().signal);
  check();
}

import { adapterForHost, isKeyPage } from '../exchanges';
import { installGuard } from './guard-handle';
import { guardKeyPage } from './key-page';

// Injected by the background when the bootstrap finds a key page. It may arrive after the user has already left
// the page (a fast client-side navigation), so it checks the URL itself before starting.
const adapter = adapterForHost(location.hostname);
if (adapter) {
  let visit: AbortController | undefined;
  const guard = {
    start() {
      if (visit) return;
      visit = new AbortController();
      guardKeyPage(adapter, visit.signal);
    },
    stop() {
      visit?.abort();
      visit = undefined;
    },
  };
  installGuard(guard);
  if (isKeyPage(adapter, location.pathname)) guard.start();
}

import { isKeyPage } from '../exchanges';
import { fromWire } from '../exchanges/wire';
import { answerDescribeRequests } from './guard/describe-requests';
import { currentGuard, installGuard, takeProvidedAdapter } from './guard-handle';
import { guardKeyList } from './guard/key-list';
import { guardKeyPage } from './guard/key-page';

// Injected by the background when the bootstrap finds a key page. It may arrive after the user has already left
// the page (a fast client-side navigation), so it checks the URL itself before starting.
// Injected twice (a site just added while its bootstrap also asked), the first guard stays the only one.
// The background provides the page's adapter just before: the guard carries no exchange's labels of its own.
const provided = takeProvidedAdapter();
const adapter = currentGuard() || !provided ? undefined : fromWire(provided);
if (adapter) {
  let visit: AbortController | undefined;
  const guard = {
    start() {
      if (visit) return;
      visit = new AbortController();
      // The key list and the create form share one path (OKX: /account/my-api, the form in a modal over the list).
      guardKeyPage(adapter, visit.signal);
      guardKeyList(adapter, visit.signal);
    },
    stop() {
      visit?.abort();
      visit = undefined;
    },
  };
  installGuard(guard);
  // The popup's "This page is not read right?", relayed by the background: answered on this page, key form or not.
  answerDescribeRequests(adapter);
  if (isKeyPage(adapter, location.pathname)) guard.start();
}

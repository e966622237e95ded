import { isKeyPage, siteForHost } from '../exchanges';
import { send } from '../messages';
import { claimBootstrap, currentGuard } from './guard-handle';
import { watchUrl } from './guard/watch-url';

// Bootstrap: runs on every page of a supported exchange, so it is tiny and does no DOM work. It watches the URL
// (exchanges are single-page apps) and only on a key page has the background inject the guard (./guard.ts), which
// carries the reader, the rules and the panel. Other pages never pay for those bytes.
// The only other pages it runs on are those of sites the user chose to guard: there any page may hold a key form, and
// the guard brings the generic adapter, whose labels would double this file.
const adapter = siteForHost(location.hostname);
const onKeyPage = () => !adapter || isKeyPage(adapter, location.pathname);
let injecting = false;
const check = () => {
  const guard = currentGuard();
  if (!onKeyPage()) guard?.stop();
  else if (guard) guard.start();
  else if (!injecting) {
    injecting = true;
    // Off for this exchange (settings): nothing injected, asked again at the next key page, in case it is back on.
    send('guard:inject', {})
      .catch((error: unknown) => console.warn('KeyScope could not start on this page', error))
      .finally(() => {
        injecting = false;
      });
  }
};
// A site the user has just added gets the bootstrap injected at once, and registered for its next loads.
if (claimBootstrap()) {
  watchUrl(check, new AbortController().signal);
  check();
}

import { adapterForHost, isKeyPage } from '../exchanges';
import { send } from '../messages';
import { currentGuard } from './guard-handle';
import { watchUrl } from './watch-url';

// Bootstrap: runs on every page of a supported exchange, so it is tiny and does no DOM work. It watches the URL
// (exchanges are single-page apps) and only on a key page has the background inject the guard (./guard.ts), which
// carries the reader, the rules and the panel. Other pages never pay for those bytes.
const adapter = adapterForHost(location.hostname);
if (adapter) {
  let injecting = false;
  const check = () => {
    const guard = currentGuard();
    if (!isKeyPage(adapter, location.pathname)) guard?.stop();
    else if (guard) guard.start();
    else if (!injecting) {
      injecting = true;
      send('guard:inject', {}).catch((error: unknown) => {
        injecting = false;
        console.warn('KeyScope could not start on this page', error);
      });
    }
  };
  watchUrl(check, new AbortController().signal);
  check();
}

interface NavigationTarget {
  addEventListener(type: 'currententrychange', listener: () => void, options: { signal: AbortSignal }): void;
}

const POLL_MS = 1000;

/**
 * Calls back when the URL may have changed. Exchanges are single-page apps: the user reaches the key page by
 * client-side navigation without a load. The Navigation API reports pushState and back/forward alike; where it
 * is missing, a cheap URL comparison once a second stands in.
 */
export function watchUrl(onChange: () => void, signal: AbortSignal): void {
  const navigation = (globalThis as { navigation?: NavigationTarget }).navigation;
  addEventListener('popstate', onChange, { signal });
  if (navigation) {
    navigation.addEventListener('currententrychange', onChange, { signal });
    return;
  }
  let last = location.href;
  const timer = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  }, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}

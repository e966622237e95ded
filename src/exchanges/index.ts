import type { ExchangeAdapter, ExchangeSite } from './adapter';
import { binance, binanceSite } from './binance';
import { bitget, bitgetSite } from './bitget';
import { bybit, bybitSite } from './bybit';
import { coinbase, coinbaseSite } from './coinbase';
import { gate, gateSite } from './gate';
import { generic } from './generic';
import { htx, htxSite } from './htx';
import { kraken, krakenSite } from './kraken';
import { kucoin, kucoinSite } from './kucoin';
import { mexc, mexcSite } from './mexc';
import { okx, okxSite } from './okx';

/** Every supported exchange, registered by hand: their hosts are the manifest's. */
export const EXCHANGES: readonly ExchangeAdapter[] = [okx, binance, bybit, coinbase, kraken, kucoin, bitget, gate, htx, mexc];

/**
 * Every adapter, registered by hand: the supported exchanges, then the generic one for the sites the user guards. A test
 * fails when an adapter file is missing here or has no fixtures. Marked pure so that the bootstrap content script, which
 * only looks up hosts, is built without the generic adapter's labels (a spread would be kept as a possible side effect).
 */
export const ADAPTERS: readonly ExchangeAdapter[] = /* @__PURE__ */ EXCHANGES.concat(generic);

/** Where each supported exchange's key page is, in the order of the exchanges: all the bootstrap needs. */
export const SITES: readonly ExchangeSite[] = [okxSite, binanceSite, bybitSite, coinbaseSite, krakenSite, kucoinSite, bitgetSite, gateSite, htxSite, mexcSite];

/**
 * The supported exchange's site for this host name; undefined on any other site. For the bootstrap, which runs on
 * every page of every exchange: it carries the sites only, never the adapters' labels.
 */
export function siteForHost(hostname: string): ExchangeSite | undefined {
  return SITES.find((site) => site.hosts.includes(hostname));
}

/** The supported exchange whose hosts include this host name; undefined on any other site. */
export function adapterForHost(hostname: string): ExchangeAdapter | undefined {
  return EXCHANGES.find((adapter) => adapter.hosts.includes(hostname));
}

/**
 * The adapter for a page the content script runs on: its exchange's, or the generic one. The content script runs only
 * on the supported exchanges and on the sites the user chose to guard, so any other host is a guarded site.
 */
export function adapterForPage(hostname: string): ExchangeAdapter {
  return adapterForHost(hostname) ?? generic;
}

/** The adapter by id, for data that names an exchange. */
export function adapterById(id: string): ExchangeAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

export function isKeyPage(adapter: ExchangeSite, pathname: string): boolean {
  return adapter.keyPagePath.test(pathname);
}

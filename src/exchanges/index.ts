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

/**
 * Every adapter, registered by hand: the supported exchanges (their hosts are the manifest's), then the generic one
 * for the sites the user guards, which has no hosts. A test fails when an adapter file is missing here or has no
 * fixtures. The bootstrap content script, which only looks up hosts, uses {@link SITES} instead: this list, unused
 * there, is left out of its build with every adapter's labels.
 */
export const ADAPTERS: readonly ExchangeAdapter[] = [
  okx,
  binance,
  bybit,
  coinbase,
  kraken,
  kucoin,
  bitget,
  gate,
  htx,
  mexc,
  generic,
];

/**
 * Where each supported exchange's key page is, in the order of the exchanges: all the bootstrap needs.
 * Exported for test/unit/exchange-adapters.test.ts: this list and ADAPTERS are kept by hand and must agree.
 */
export const SITES: readonly ExchangeSite[] = [
  okxSite,
  binanceSite,
  bybitSite,
  coinbaseSite,
  krakenSite,
  kucoinSite,
  bitgetSite,
  gateSite,
  htxSite,
  mexcSite,
];

/**
 * The supported exchange's site for this host name; undefined on any other site. For the bootstrap, which runs on
 * every page of every exchange: it carries the sites only, never the adapters' labels.
 */
export function siteForHost(hostname: string): ExchangeSite | undefined {
  return SITES.find((site) => site.hosts.includes(hostname));
}

/**
 * The supported exchange whose hosts include this host name; undefined on any other site (a guarded site's page gets
 * the generic adapter from the background, which knows the guarded sites: background/inject-guard.ts).
 */
export function adapterForHost(hostname: string): ExchangeAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.hosts.includes(hostname));
}

/** The adapter by id, for data that names an exchange. */
export function adapterById(id: string): ExchangeAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

export function isKeyPage(adapter: ExchangeSite, pathname: string): boolean {
  return adapter.keyPagePath.test(pathname);
}

import { describe, expect, test } from 'vitest';
import { labelIndex } from '../../src/content/read/labels';
import { KEY_TYPES, PERMISSIONS } from '../../src/core/types';
import { ADAPTERS, adapterForHost, isKeyPage, siteForHost, SITES } from '../../src/exchanges';

// The adapters' data as the content script uses it: the bootstrap's small site list agrees with the adapters, each
// key page is recognised under the paths the exchange uses and no other, and no label is given two meanings.

const EXCHANGES = ADAPTERS.filter((adapter) => adapter.hosts.length > 0);

describe("the bootstrap's sites are the adapters' own", () => {
  test('one site per supported exchange, in the same order', () => {
    expect(SITES.map((site) => site.id)).toEqual(EXCHANGES.map((adapter) => adapter.id));
  });

  test.each(EXCHANGES.map((adapter) => [adapter.id, adapter] as const))(
    "%s: every host finds its site, with the adapter's path",
    (_id, adapter) => {
      for (const host of adapter.hosts) {
        const site = siteForHost(host);
        expect(site).toMatchObject({ id: adapter.id, hosts: adapter.hosts, keyPagePath: adapter.keyPagePath });
        expect(adapterForHost(host)).toBe(adapter);
      }
    },
  );

  test('no host belongs to two exchanges', () => {
    const hosts = SITES.flatMap((site) => site.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

describe('key-page paths', () => {
  const cases: Array<[string, string[], string[]]> = [
    [
      'binance',
      ['/en/my/settings/api-management', '/zh-CN/my/settings/api-management', '/en-GB/my/settings/api-management/'],
      ['/en/my/settings/profile', '/en/trade/BTC_USDT', '/en/my/settings/api-management-docs'],
    ],
    [
      'bybit',
      ['/app/user/api-management', '/zh-MY/app/user/api-management'],
      ['/app/user/security', '/en/trade/spot/BTC/USDT'],
    ],
    ['coinbase', ['/projects/api-keys'], ['/projects/overview', '/api-keys']],
    ['kraken', ['/u/security/api'], ['/u/security', '/u/funding/withdraw']],
    ['kucoin', ['/account/api', '/zh-hant/account/api'], ['/account/security', '/account/api-docs']],
    ['bitget', ['/account/newapi', '/zh-CN/account/newapi'], ['/account/setting', '/spot/BTCUSDT']],
    [
      'gate',
      ['/myaccount/profile/api-key/manage', '/myaccount/apikeys', '/zh/myaccount/profile/api-key/manage'],
      ['/myaccount/profile', '/trade/BTC_USDT'],
    ],
    ['htx', ['/apikey/', '/en-us/apikey/', '/zh-cn/apikey'], ['/en-us/trade/btc_usdt', '/en-us/apikeys']],
    ['mexc', ['/user/openapi', '/zh-CN/user/openapi'], ['/user/security', '/exchange/BTC_USDT']],
  ];
  test.each(cases)('%s', (id, keyPages, otherPages) => {
    const site = SITES.find((s) => s.id === id)!;
    for (const path of keyPages) expect(isKeyPage(site, path), path).toBe(true);
    for (const path of otherPages) expect(isKeyPage(site, path), path).toBe(false);
  });
});

test.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))(
  '%s: no form label has two meanings (one would silently win)',
  (_id, adapter) => {
    const { labels } = adapter;
    const groups: Array<[string, readonly string[]]> = [
      ['permissionSection', labels.permissionSection],
      ['keyName', labels.keyName],
      ...PERMISSIONS.map((p): [string, readonly string[]] => [`permission ${p}`, labels.permissions[p] ?? []]),
      ...PERMISSIONS.map((p): [string, readonly string[]] => [`area ${p}`, labels.permissionAreas?.[p] ?? []]),
      ['readOnlyMode', labels.readOnlyMode ?? []],
      ['ipUnrestricted', labels.ipUnrestricted ?? []],
      ...KEY_TYPES.map((t): [string, readonly string[]] => [`keyType ${t}`, labels.keyTypes?.[t] ?? []]),
    ];
    const meanings = new Map<string, string[]>();
    for (const [meaning, texts] of groups) {
      for (const text of labelIndex([[meaning, texts]]).keys())
        meanings.set(text, [...(meanings.get(text) ?? []), meaning]);
    }
    const twice = [...meanings].filter(([, list]) => list.length > 1);
    expect(twice).toEqual([]);
  },
);

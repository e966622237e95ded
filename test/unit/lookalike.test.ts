import { describe, expect, test } from 'vitest';
import { lookalikeOf, type LookalikeReason } from '../../src/core/lookalike';
import { ADAPTERS } from '../../src/exchanges';

// Look-alike hosts against real-looking fakes and real sites. Every host goes through the URL parser first, as the
// popup's does (`new URL(tab.url).hostname`): Unicode addresses arrive as `xn--` labels, exactly as the browser gives
// them, so the Cyrillic and accented cases below test the decoding too.

const hostOf = (address: string) => new URL(`https://${address}/`).hostname;

type Fake = [address: string, exchange: string, reason: LookalikeReason];

const FAKES: Fake[] = [
  // Letters of other scripts, or accents: the browser shows or sends them as xn-- labels.
  ['оkx.com', 'okx', 'punycode'], // Cyrillic о
  ['www.okх.com', 'okx', 'punycode'], // Cyrillic х
  ['ökx.com', 'okx', 'punycode'],
  ['bіnance.com', 'binance', 'punycode'], // Cyrillic і
  ['www.binanсe.com', 'binance', 'punycode'], // Cyrillic с
  ['bïnance.com', 'binance', 'punycode'],
  ['сoinbase.com', 'coinbase', 'punycode'], // Cyrillic с
  ['coinbаse.com', 'coinbase', 'punycode'], // Cyrillic а
  ['krаken.com', 'kraken', 'punycode'],
  ['kucоin.com', 'kucoin', 'punycode'],
  ['bitgеt.com', 'bitget', 'punycode'], // Cyrillic е
  ['www.gаte.io', 'gate', 'punycode'],
  ['gαte.com', 'gate', 'punycode'], // Greek α
  ['һtx.com', 'htx', 'punycode'], // Cyrillic һ
  ['mеxc.com', 'mexc', 'punycode'],
  ['bybіt.com', 'bybit', 'punycode'],
  ['secure-bіnance.com', 'binance', 'punycode'],
  ['hυobi.com', 'htx', 'punycode'], // Greek υ
  // ASCII look-alikes.
  ['0kx.com', 'okx', 'confusable'],
  ['www.0kx.com', 'okx', 'confusable'],
  ['b1nance.com', 'binance', 'confusable'],
  ['blnance.com', 'binance', 'confusable'],
  ['c0inbase.com', 'coinbase', 'confusable'],
  ['colnbase.net', 'coinbase', 'confusable'],
  ['kuc0in.com', 'kucoin', 'confusable'],
  ['b1tget.com', 'bitget', 'confusable'],
  ['rnexc.com', 'mexc', 'confusable'],
  ['byb1t.com', 'bybit', 'confusable'],
  ['0kx.example.io', 'okx', 'confusable'],
  // The exchange's domain inside another address, or its brand beside a lure word.
  ['okx.com.example.io', 'okx', 'brand-in-domain'],
  ['www.okx.com.secure-login.io', 'okx', 'brand-in-domain'],
  ['binance.com-verify.site', 'binance', 'brand-in-domain'],
  ['www.binance.com.account-security.net', 'binance', 'brand-in-domain'],
  ['coinbase.com.auth-session.app', 'coinbase', 'brand-in-domain'],
  ['www.kucoin.com-secure.top', 'kucoin', 'brand-in-domain'],
  ['gate.io.promo-claim.xyz', 'gate', 'brand-in-domain'],
  ['kraken.com.example.org', 'kraken', 'brand-in-domain'],
  ['okx-api-login.com', 'okx', 'brand-in-domain'],
  ['secure-binance.net', 'binance', 'brand-in-domain'],
  ['binance-verify.site', 'binance', 'brand-in-domain'],
  ['coinbase-support.help', 'coinbase', 'brand-in-domain'],
  ['bybit-wallet.org', 'bybit', 'brand-in-domain'],
  ['kraken-login.com', 'kraken', 'brand-in-domain'],
  ['gate-airdrop.io', 'gate', 'brand-in-domain'],
  ['kucoin-kyc.net', 'kucoin', 'brand-in-domain'],
  ['bitget-official.com', 'bitget', 'brand-in-domain'],
  ['mexc-reward.com', 'mexc', 'brand-in-domain'],
  ['htx-support.com', 'htx', 'brand-in-domain'],
  ['huobi-recovery.com', 'htx', 'brand-in-domain'],
  ['binance.login-secure.com', 'binance', 'brand-in-domain'],
  ['binanceverify.com', 'binance', 'brand-in-domain'],
  ['securebinance.com', 'binance', 'brand-in-domain'],
  ['okxlogin.com', 'okx', 'brand-in-domain'],
  ['mybybit.net', 'bybit', 'brand-in-domain'],
  ['coinbasewallet-support.com', 'coinbase', 'brand-in-domain'],
  // One typo away.
  ['binnance.com', 'binance', 'edit-distance'],
  ['www.binnance.com', 'binance', 'edit-distance'],
  ['okxx.com', 'okx', 'edit-distance'],
  ['coinbsae.com', 'coinbase', 'edit-distance'],
  ['coinbse.com', 'coinbase', 'edit-distance'],
  ['kucion.com', 'kucoin', 'edit-distance'],
  ['bitgte.com', 'bitget', 'edit-distance'],
  ['krakken.com', 'kraken', 'edit-distance'],
  ['bybbit.com', 'bybit', 'edit-distance'],
  ['bybti.com', 'bybit', 'edit-distance'],
  ['binace.com', 'binance', 'edit-distance'],
  ['binamce.com', 'binance', 'edit-distance'],
  ['kucoim.com', 'kucoin', 'edit-distance'],
  ['gatte.io', 'gate', 'edit-distance'],
  ['mexcc.com', 'mexc', 'edit-distance'],
  ['huobbi.com', 'htx', 'edit-distance'],
  ['kraekn.com', 'kraken', 'edit-distance'],
];

const OFFICIAL_HOSTS = ADAPTERS.flatMap((adapter) => adapter.hosts);

/** The exchanges' own sites beyond the adapters' hosts: sign-in, regional and older domains, testnets, docs. */
const EXCHANGES_OWN = [
  'okx.com',
  'www.okx.com',
  'my.okx.com',
  'app.okx.com',
  'tr.okx.com',
  'web3.okx.com',
  'binance.com',
  'accounts.binance.com',
  'developers.binance.com',
  'testnet.binance.vision',
  'binance.us',
  'www.binance.us',
  'www.binance.tr',
  'bybit.com',
  'testnet.bybit.com',
  'api.bybit.com',
  'www.bybit.eu',
  'coinbase.com',
  'www.coinbase.com',
  'login.coinbase.com',
  'docs.cdp.coinbase.com',
  'wallet.coinbase.com',
  'kraken.com',
  'pro.kraken.com',
  'futures.kraken.com',
  'demo-futures.kraken.com',
  'kucoin.com',
  'api.kucoin.com',
  'bitget.com',
  'api.bitget.com',
  'www.bitgetapp.com',
  'bitgetapps.com',
  'cnbitget.com', // Bitget's mirrors
  'gate.com',
  'gate.io',
  'www.gate.io',
  'api.gateio.ws',
  'gate.com.tr',
  'htx.com',
  'www.huobi.com',
  'huobi.pro',
  'mexc.com',
  'api.mexc.com',
  'mexc.co',
  'WWW.OKX.COM',
  'www.okx.com.', // as typed, and the fully qualified form
];

/** Sites of others, some of them one letter from a brand or holding a brand word, that must never be called fakes. */
const UNRELATED = [
  'google.com',
  'github.com',
  'example.com',
  'oklahoma.gov',
  'bitbucket.org',
  'gateway.example.com',
  'mexico.com',
  'htc.com',
  'thx.com',
  'date.com',
  'box.com',
  'okta.com',
  'finance.yahoo.com',
  'ucoin.net',
  'kraken.io',
  'kraken.tech',
  'www.gate.ac.uk',
  'stargate.com',
  'gatekeeper.io',
  'krakenrum.com',
  'seattle-kraken.com',
  'paybybitcoin.com',
  'python-binance.readthedocs.io',
  'binance-docs.github.io',
  'bybit-exchange.github.io',
  'testnet.binancefuture.com',
  'coinmarketcap.com',
  'coingecko.com',
  'tradingview.com',
  'blockchain.com',
  'metamask.io',
  'ledger.com',
  'bitcoin.org',
  'okex.com',
  'bitgetaway.com',
  'gatesnotes.com',
  'mexc.example.com',
  'okx.example.io',
  'localhost',
  '127.0.0.1',
  '[::1]',
  'mail.google.com',
  '例子.公司',
  'яндекс.рф',
  'bücher.de',
  'münchen.de',
  'crypto.com',
  'kucoinfans.net',
];

describe('look-alikes of the supported exchanges', () => {
  test(`${FAKES.length} fakes, every reason represented`, () => {
    expect(FAKES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(FAKES.map(([, , reason]) => reason))).toEqual(
      new Set(['punycode', 'confusable', 'brand-in-domain', 'edit-distance']),
    );
  });

  test.each(FAKES)('%s imitates %s (%s)', (address, exchange, reason) => {
    const official = ADAPTERS.find((adapter) => adapter.id === exchange)!.hosts[0];
    expect(lookalikeOf(hostOf(address), ADAPTERS)).toEqual({ exchange, reason, official });
  });

  test('a Unicode look-alike arrives from the URL parser as punycode and is still recognised', () => {
    expect(hostOf('оkx.com')).toBe('xn--kx-emc.com');
    expect(lookalikeOf('xn--kx-emc.com', ADAPTERS)?.reason).toBe('punycode');
  });
});

describe('no alarm', () => {
  test.each(OFFICIAL_HOSTS)('on %s, a host the adapters list', (host) => {
    expect(lookalikeOf(host, ADAPTERS)).toBeUndefined();
  });

  test.each(EXCHANGES_OWN)("on %s, the exchange's own", (address) => {
    expect(lookalikeOf(address.startsWith('[') ? address : hostOf(address), ADAPTERS)).toBeUndefined();
  });

  test("on at least 30 legitimate hosts beyond the adapters' own", () => {
    expect(EXCHANGES_OWN.length + UNRELATED.length).toBeGreaterThanOrEqual(30);
  });

  // Whoever controls okx.com controls these: what their labels say does not matter.
  test.each([
    'okx-login.okx.com',
    'secure-binance.accounts.binance.com',
    'binnance.binance.com',
    'www.okx.com.my.okx.com',
    '0kx.okx.com',
  ])("on %s, a name under an exchange's own domain", (host) => {
    expect(lookalikeOf(host, ADAPTERS)).toBeUndefined();
  });

  test.each(UNRELATED)("on %s, someone else's", (address) => {
    expect(lookalikeOf(address.startsWith('[') ? address : hostOf(address), ADAPTERS)).toBeUndefined();
  });

  test.each(['', '.', 'xn--', 'xn--zz-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.com', 'a..b', '-.-'])(
    'on the malformed host %j, without throwing',
    (host) => {
      expect(lookalikeOf(host, ADAPTERS)).toBeUndefined();
    },
  );
});

test('every adapter host lies under one of its official domains', () => {
  for (const adapter of ADAPTERS) {
    for (const host of adapter.hosts) {
      expect(
        adapter.officialDomains.some((domain) => host === domain || host.endsWith(`.${domain}`)),
        host,
      ).toBe(true);
    }
  }
});

test('knows no exchange of its own: the brands are the data passed in', () => {
  const brands = [{ id: 'example', hosts: ['www.example.com'], officialDomains: ['example.com'] }];
  expect(lookalikeOf('examp1e.com', brands)).toEqual({
    exchange: 'example',
    reason: 'confusable',
    official: 'www.example.com',
  });
  expect(lookalikeOf('b1nance.com', brands)).toBeUndefined();
  expect(lookalikeOf('shop.example.com', brands)).toBeUndefined();
});

import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Bybit: API management (`/app/user/api-management`) → "Create New Key" → "System-generated API Keys" → "API
 * Transactions" or "Connect to Third-Party Applications" (3rd-party guides quoting Bybit's Help Center). The key is
 * Read-Only or Read-Write; a Read-Write key gets permission groups. Every key can read. Sources: Bybit's v5 API docs
 * (bybit-exchange.github.io/docs/v5: guide, user/apikey-info, user/create-subuid-apikey) and 3rd-party setup guides.
 */
export const bybitSite: ExchangeSite = {
  id: 'bybit',
  // www.bybit.com, and the regional sites, each with /app/user/api-management: the regional API domains are listed
  // in Bybit's v5 API guide (bybit-exchange.github.io/docs/v5/guide), their web pages in 3rd-party lists. bybit-tr.com
  // and bybit.tr both serve Bybit TR; testnet.bybit.com is the testnet (same v5 guide).
  hosts: [
    'www.bybit.com',
    'www.bybit.eu',
    'www.bybit.nl',
    'www.bybit-tr.com',
    'www.bybit.tr',
    'www.bybit.kz',
    'www.bybitgeorgia.ge',
    'www.bybit.ae',
    'www.bybit.id',
    'testnet.bybit.com',
  ],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/app\/user\/api-management(?:\/|$)/i,
};

export const bybit: ExchangeAdapter = {
  ...bybitSite,
  name: 'Bybit',
  keyPageUrl: 'https://www.bybit.com/app/user/api-management',
  // Every host above lies under one of these; each is Bybit's own (same sources as the hosts).
  officialDomains: [
    'bybit.com',
    'bybit.eu',
    'bybit.nl',
    'bybit-tr.com',
    'bybit.tr',
    'bybit.kz',
    'bybitgeorgia.ge',
    'bybit.ae',
    'bybit.id',
  ],
  labels: {
    permissions: {
      // "Contract" → "Orders", "Positions" (API: ContractTrade Order, Position): Bybit's v5 docs (user/apikey-info)
      // and a 3rd-party setup guide. 订单, 持仓: not quoted from any page.
      futures: ['Orders', 'Positions', '订单', '持仓'],
      // "Wallet" → "Account Transfer", "Subaccount Transfer" (API: AccountTransfer, SubMemberTransfer): Bybit's v5
      // docs (user/create-subuid-apikey names them so). zh-TW 資產帳戶劃轉, 母子帳戶劃轉: 3rd-party setup guide.
      // 账户划转, 子账户划转: not quoted.
      transfer: ['Account Transfer', 'Subaccount Transfer', '資產帳戶劃轉', '母子帳戶劃轉', '账户划转', '子账户划转'],
      // "Withdrawal" (master keys; in the API it sits in the Wallet group, "Withdraw(master account)"): Bybit's v5
      // docs (user/create-subuid-apikey, user/apikey-info). zh-TW 提幣: 3rd-party setup guide. 提现, 提币: not quoted.
      withdraw: ['Withdrawal', '提幣', '提现', '提币'],
    },
    // Groups are areas: any box ticked in "SPOT" is trade, in "Options" options, and so on (the group names: Bybit's
    // v5 docs, user/apikey-info, and a 3rd-party setup guide). Chinese group names are not quoted from any page.
    permissionAreas: {
      // "Contract" (ContractTrade). "Unified Trading", the newer group of unified-account keys (3rd-party guide;
      // API: Derivatives "DerivativesTrade"): it trades perpetuals and futures, so futures.
      futures: ['Contract', 'Contracts', '合约', 'Unified Trading', '统一交易'],
      // "SPOT" → "Trade" (Spot "SpotTrade"). "Exchange" (API: Convert, "ExchangeHistory") and "Fiat convert" (API:
      // FiatConvertBroker "FiatConvertBrokerOrder") convert one asset into another; "Copy Trading" places trades;
      // "Fiat P2P" (API: FiatP2P "FiatP2POrder, Advertising") places P2P buy and sell orders and ads: all trade.
      trade: ['Spot', 'SPOT', '现货', 'Exchange', '兑换', 'Copy Trading', '跟单交易', 'Fiat convert', 'Fiat P2P'],
      transfer: ['Wallet', '钱包'],
      options: ['Options', '期权'],
      // "Bybit Pay" (API: FiatBybitPay "FaitPayOrder"): pays merchants out of the account, so the money leaves it.
      withdraw: ['Bybit Pay'],
      // "Earn" (API: Earn): subscribes and redeems the account's own Earn products, nothing leaves the account.
      // "Affiliate" (API: Affiliate): the affiliate's client data. Neither has a canonical equivalent.
      other: ['Earn', 'Affiliate'],
    },
    permissionSection: ['API Key Permissions', 'Permissions', 'API 权限', '权限'],
    ipField: ['IP address', 'IP addresses', 'IP 地址', 'IP地址'],
    keyName: ['Name', 'API key name', 'Remark', 'Notes', '名称', '备注'],
    submit: ['Submit', 'Confirm', '提交', '确认'],
    // "Read-Only" / "Read-Write" (API: readOnly 1 / 0): Bybit's v5 docs (user/create-subuid-apikey); 只读, 读写: not quoted.
    readOnlyMode: ['Read-Only', 'Read Only', '只读'],
    // "No IP restriction" vs "Only IPs with permissions granted are allowed to access the OpenAPI": 3rd-party UI
    // quotes. The Chinese forms are not quoted.
    ipUnrestricted: ['No IP restriction', '不限制 IP', '不限制IP', '无 IP 限制', '无IP限制'],
    // "System-generated API Keys" (HMAC) or self-generated (RSA) keys: Bybit's v5 docs (the RSA key's public half,
    // "rsaPublicKey", user/apikey-info) and 3rd-party guides; only the system-generated wording is quoted.
    keyTypes: {
      hmac: ['System-generated API Keys', 'System-generated API Key', 'System-generated'],
      rsa: ['Self-generated API Keys', 'Self-generated API Key', 'Self-generated'],
    },
    // "Read-Write" grants nothing itself: the groups below it do. 读写: not quoted.
    neutral: ['Read-Write', 'Read Write', '读写'],
    // "Connect to Third-Party Applications": 3rd-party guides quoting Bybit's Help Center; the API marks such a key
    // "type 2: connected to the third-party app" (Bybit's v5 docs, user/apikey-info). The EU site offers only this kind
    // to API broker users (same sources).
    partnerBinding: ['Connect to Third-Party Applications', 'Connect to Third-Party Application'],
    // The picker of the third-party application is NOT quoted in any source seen: these labels are guesses.
    // Unmatched, the partner is simply not named; the binding is still read.
    partnerField: [
      'Third-Party Application',
      'Select Third-Party Application',
      'Third-Party App',
      'Application',
      '第三方應用',
      '第三方应用',
    ],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  rules: {
    // "No ip bound api key will be invalid after 90 days" (also 7 days after a password change, not modelled): Bybit's
    // v5 docs (user/create-subuid-apikey); page text "If an API key isn't linked to an IP address, it will expire in
    // 3 months" (3rd-party UI quote).
    unboundExpiry: { days: 90, idle: false, permissions: [], outcome: 'expired' },
  },
  alwaysOn: ['read'],
};

import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Kraken: Settings → API (`/u/security/api`), a long list of checkboxes. Facts and sources: shared/EXCHANGES.md
 * (Kraken) and Kraken's "How to create an API key". English only: no other language's labels are known.
 */
export const krakenSite: ExchangeSite = {
  id: 'kraken',
  hosts: ['www.kraken.com'],
  keyPagePath: /^\/u\/security\/api(?:\/|$)/i,
};

export const kraken: ExchangeAdapter = {
  ...krakenSite,
  name: 'Kraken',
  keyPageUrl: 'https://www.kraken.com/u/security/api',
  officialDomains: ['kraken.com'],
  // Query* and Export Data only read. "Access WebSockets API" gets a token for the private feeds; what the key can do
  // there is still set by the other boxes, so it counts as read. "Deposit Funds" lists deposit methods and creates
  // deposit addresses: it moves nothing out, but it is more than reading and no tracker or bot needs it, so other.
  // "Modify Orders" is the older name of "Create & Modify Orders".
  labels: {
    permissions: {
      read: ['Query Funds', 'Query Open Orders & Trades', 'Query Closed Orders & Trades', 'Query Ledger Entries', 'Export Data', 'Access WebSockets API'],
      trade: ['Create & Modify Orders', 'Modify Orders', 'Cancel/Close Orders'],
      withdraw: ['Withdraw Funds'],
      other: ['Deposit Funds'],
    },
    permissionSection: ['Key Permissions', 'Permissions'],
    ipField: ['IP allowlist', 'IP whitelist', 'IP address'],
    keyName: ['Key Description', 'Key name', 'Description', 'Name'],
    submit: ['Generate Key', 'Generate key', 'Create API key', 'Save'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  // Max IPs and withdraw rules are [unknown]; dormant keys "may be disabled" after "several months", with no period
  // and whatever the IP binding, so no unbound-key rule is set.
  rules: {},
};

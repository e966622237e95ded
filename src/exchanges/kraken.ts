import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Kraken: two key pages. The older Settings → API (`www.kraken.com/u/security/api`), a long list of checkboxes, as
 * Kraken's own "How to create an API key" (support.kraken.com) and API docs (docs.kraken.com) name them; and Kraken
 * Pro's "API key settings" dialog (`pro.kraken.com/app/settings/api`, opened at `#dialog/add-spot-api-key`; the hash
 * is not part of the path): three groups of checkboxes, then switches. English only: no other language's labels are
 * known.
 */
export const krakenSite: ExchangeSite = {
  id: 'kraken',
  // pro.kraken.com and its path /app/settings/api: third-party setup guides, 2024–2026 (e.g. hummingbot-site
  // docs/exchanges/kraken), and the screenshot of the dialog there (hummingbot-site, 2024-04).
  hosts: ['www.kraken.com', 'pro.kraken.com'],
  keyPagePath: /^\/(?:u\/security\/api|app\/settings\/api)(?:\/|$)/i,
};

export const kraken: ExchangeAdapter = {
  ...krakenSite,
  name: 'Kraken',
  keyPageUrl: 'https://www.kraken.com/u/security/api',
  officialDomains: ['kraken.com'],
  labels: {
    permissions: {
      // www.kraken.com (Kraken's "How to create an API key" and docs.kraken.com): Query* and Export Data only read.
      // "Access WebSockets API" gets a token for the private feeds; what the key can do there is still set by the
      // other boxes, so it counts as read (kept as it was: the older page lists it among the permissions).
      // Kraken Pro (screenshot of the "Edit API key" dialog, hummingbot-site docs/exchanges/kraken, 2024-04; Kraken's
      // API reference names them the same way, "Funds permissions - Withdraw"): "Query" under "Funds permissions"
      // is the old "Query Funds"; "Query ledger entries" and "Export data" under "Data"; the two order queries.
      read: [
        'Query Funds',
        'Query Open Orders & Trades',
        'Query Closed Orders & Trades',
        'Query Ledger Entries',
        'Export Data',
        'Access WebSockets API',
        'Query',
      ],
      // "Modify Orders": the older name of "Create & Modify Orders" (Kraken's API docs). Kraken Pro: "Create & modify
      // orders", "Cancel & close orders" (same screenshot); matching ignores case.
      trade: ['Create & Modify Orders', 'Modify Orders', 'Cancel/Close Orders', 'Cancel & Close Orders'],
      withdraw: ['Withdraw Funds', 'Withdraw'],
      // "Earn" (Kraken Pro, same screenshot; the API's Earn endpoints "Allocate Earn Funds" / "Deallocate Earn Funds"
      // need it): it moves the account's own money between the spot balance and Earn strategies, where bonded
      // staking can lock it for days. Nothing leaves the account, so not withdraw; but it moves funds, which a read-only
      // tracker never needs, so transfer (a fund-moving permission) rather than other.
      transfer: ['Earn'],
      // "Deposit Funds" / "Deposit" lists deposit methods and creates deposit addresses: it moves nothing out, but it
      // is more than reading and no tracker or bot needs it, so other.
      other: ['Deposit Funds', 'Deposit'],
    },
    // "Key Permissions", "Permissions": the older page (Kraken's "How to create an API key"). Kraken Pro's dialog has no
    // single heading over the groups; "Select at least one permission" stands above them, and the groups are "Funds
    // permissions", "Orders and trades" and "Data" (screenshot, 2024-04). "Data" is left out: too common a word.
    permissionSection: [
      'Key Permissions',
      'Permissions',
      'Select at least one permission',
      'Funds permissions',
      'Orders and trades',
    ],
    // "IP address" also matches Kraken Pro's switch heading "IP address restriction" (screenshot, 2024-04); the field
    // shown when it is on has no label in any source seen, so the heading names it.
    ipField: ['IP allowlist', 'IP whitelist', 'IP address'],
    // "Name": the first field of Kraken Pro's dialog (screenshot, 2024-04); the others: the older page.
    keyName: ['Key Description', 'Key name', 'Description', 'Name'],
    // The older page's "Generate Key" (Kraken's "How to create an API key"); Kraken Pro's button is below the part of
    // the dialog the screenshot shows: "Create API key" opens the dialog there, its own button is [unknown].
    submit: ['Generate Key', 'Generate key', 'Create API key', 'Save'],
    // Kraken Pro's switches below the permissions (screenshot, 2024-04), which grant nothing themselves: "WebSocket
    // interface" lets the key be used over WebSocket as well as REST ("By default, the API key will work over REST"),
    // with the same permissions as above; the query dates and the nonce window only narrow what the key may do.
    neutral: ['WebSocket interface', 'Query start date', 'Query end date', 'Custom nonce window'],
    // "Key expiration" switch, "Set a key expiration date and time, after which it becomes unusable" (screenshot, 2024-04).
    keyExpiry: ['Key expiration'],
  },
  // Kraken Pro lists keys under "Spot trading API" with a "NAME" column (screenshot, 2024-04); the other columns and the
  // view after creation are [unknown].
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  // Max IPs and withdraw rules are [unknown]. Dormant keys "may be disabled" after "several months" (Kraken's "API key
  // security", support.kraken.com), with no period and whatever the IP binding, so no unbound-key rule is set.
  // The expiry is the user's own choice on Kraken Pro's "Key expiration" switch (screenshot, 2024-04).
  rules: { offersKeyExpiry: true },
};

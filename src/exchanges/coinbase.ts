import { text } from '../core/text';
import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Coinbase Developer Platform (CDP) keys, used for Advanced Trade: portal.cdp.coinbase.com → API Keys, tab "Secret API
 * Keys" → "Create API key". Sources: Coinbase's CDP docs (docs.cdp.coinbase.com: coinbase-business/authentication-
 * authorization/api-key-authentication; API Scopes and Permissions). English only. The IP allowlist sits under
 * "Advanced Settings", which may not be rendered until opened: the panel then says it cannot see it.
 */
export const coinbaseSite: ExchangeSite = {
  id: 'coinbase',
  hosts: ['portal.cdp.coinbase.com'],
  // "/projects/api-keys": the CDP docs' earlier link; "/access/api": the same page's newer address (CDP docs, 2026).
  keyPagePath: /^\/(?:projects\/api-keys|access\/api)(?:\/|$)/i,
};

export const coinbase: ExchangeAdapter = {
  ...coinbaseSite,
  name: 'Coinbase',
  keyPageUrl: 'https://portal.cdp.coinbase.com/access/api',
  officialDomains: ['coinbase.com'],
  labels: {
    permissions: {
      // "View" (on by default), "Trade", "Transfer" under "API restrictions": CDP docs (api-key-authentication).
      // Coinbase's Transfer "enables your application to send and receive funds, on and off platform" (CDP docs, API
      // Scopes and Permissions): sending off the platform is a withdrawal, so it maps to withdraw, not to transfer
      // (moves between the user's own accounts).
      read: ['View'],
      trade: ['Trade'],
      withdraw: ['Transfer'],
    },
    // The expander "API restrictions": CDP docs.
    permissionSection: ['API restrictions', 'Permissions'],
    // "IP allowlist" inside the expander "Advanced Settings", "recommended but not required": CDP docs.
    ipField: ['IP allowlist', 'IP address'],
    // "API key nickname": CDP docs; the others are kept from before, not quoted.
    keyName: ['API key nickname', 'Nickname', 'API key name', 'Name'],
    // "Create API key": CDP docs. After it the creation modal offers "Download API key" (CDP docs): the key is already
    // made then, so that button is no submit.
    submit: ['Create API key', 'Create'],
    // Signature algorithm "Ed25519 (Recommended)" (the default) or "ECDSA" (for the Advanced Trade SDKs): CDP docs.
    keyTypes: {
      ed25519: ['Ed25519 (Recommended)', 'Ed25519'],
      ecdsa: ['ECDSA'],
    },
  },
  keyList: UNKNOWN_KEY_LIST,
  // The creation modal shows "Download API key" (CDP docs); its heading and the key's labels are [unknown].
  successView: UNKNOWN_SUCCESS_VIEW,
  // Max IPs, unbound-key rules and whether Transfer needs an allowlist are [unknown].
  rules: {
    // "Ed25519 (Recommended)": CDP docs. ECDSA is not advised against (the Advanced Trade SDKs need it), so no key
    // type is discouraged.
    recommendedKeyType: 'ed25519',
    permissionNotes: {
      withdraw: text('note_coinbase_transfer'),
    },
  },
};

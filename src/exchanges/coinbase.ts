import { text } from '../core/text';
import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Coinbase Developer Platform (CDP) keys, used for Advanced Trade: portal.cdp.coinbase.com → API Keys → Create API
 * key. Facts and sources: shared/EXCHANGES.md (Coinbase). English only. The IP allowlist sits under "API
 * restrictions" / "Advanced settings", which may not be rendered until opened: the panel then says it cannot see it.
 */
export const coinbaseSite: ExchangeSite = {
  id: 'coinbase',
  hosts: ['portal.cdp.coinbase.com'],
  keyPagePath: /^\/projects\/api-keys(?:\/|$)/i,
};

export const coinbase: ExchangeAdapter = {
  ...coinbaseSite,
  name: 'Coinbase',
  keyPageUrl: 'https://portal.cdp.coinbase.com/projects/api-keys',
  officialDomains: ['coinbase.com'],
  // Coinbase's Transfer "enables your application to send and receive funds, on and off platform"
  // (docs.cdp.coinbase.com, API Scopes and Permissions): sending off the platform is a withdrawal, so it maps to
  // withdraw, not to transfer (moves between the user's own accounts).
  labels: {
    permissions: {
      read: ['View'],
      trade: ['Trade'],
      withdraw: ['Transfer'],
    },
    permissionSection: ['API restrictions', 'Permissions'],
    ipField: ['IP allowlist', 'IP address'],
    keyName: ['API key nickname', 'Nickname', 'API key name', 'Name'],
    submit: ['Create API key', 'Create'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  // Max IPs, unbound-key rules and whether Transfer needs an allowlist are [unknown].
  rules: {
    permissionNotes: {
      withdraw: text('note_coinbase_transfer'),
    },
  },
};

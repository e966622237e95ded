import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/**
 * Gate (formerly Gate.io): APIv4 Keys → "Create New API Key". Sources: screenshots of the real pages, 2023
 * (hummingbot-site docs/exchanges/gate-io: the "APIv4 Keys" list, "API v4 Key" / "API v2 Key", "Account Type",
 * "Risk Reminder", "Security Verification"); 3rd-party guides quoting the form ("Bind IP" or "Later", rows "Spot/Margin
 * Trade", "Perpetual Contract", "Wallet", … each "Read Only" / "Read And Write", "Submit"); Gate's own skills
 * repository (2026) for the path. Each row is set to "Read Only" or "Read And Write".
 */
export const gateSite: ExchangeSite = {
  id: 'gate',
  hosts: ['www.gate.com'],
  // "/myaccount/profile/api-key/manage": Gate's own skills repository, 2026. "/myaccount/api_key_manage", also under a
  // locale prefix such as "/zh/": 3rd-party guides, 2026. "/myaccount/apikeys": the older path (earlier guides).
  keyPagePath:
    /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/myaccount\/(?:profile\/api-key\/manage|api_key_manage|apikeys)(?:\/|$)/i,
};

export const gate: ExchangeAdapter = {
  ...gateSite,
  name: 'Gate',
  keyPageUrl: 'https://www.gate.com/myaccount/profile/api-key/manage',
  // gate.io, the older name and address of the exchange, is still its own.
  officialDomains: ['gate.com', 'gate.io'],
  labels: {
    permissions: {
      // "Read Only" in every row (3rd-party guides quoting the 2023 form); the key reads whatever else is chosen.
      // Chinese labels are not quoted from any page.
      read: ['Read Only', 'Read-only', '只读'],
    },
    // "Read And Write" in a row grants the row's permission (matching ignores case).
    permissionAreas: {
      // "Spot/Margin Trade": 3rd-party guides quoting the 2023 form; "Spot", "Spot/Margin": earlier wording kept.
      // "Alpha" (Gate Alpha: buying and selling early on-chain tokens) and "Flash swap" (converting one coin into
      // another): newer scopes (3rd-party guides, 2026), both place trades.
      trade: ['Spot', 'Spot/Margin', 'Spot/Margin Trade', '现货', '现货/杠杆', 'Alpha', 'Flash swap'],
      // "Perpetual Contract": 3rd-party guides quoting the 2023 form; "Perpetual Futures", "Delivery": earlier wording.
      // "TradFi" (newer scope, 3rd-party guides, 2026): Gate's contracts on gold, forex and indices, leveraged
      // derivatives, so futures.
      futures: [
        'Perpetual Contract',
        'Perpetual Futures',
        'Delivery',
        'Delivery Contract',
        '永续合约',
        '交割合约',
        'TradFi',
      ],
      // Wallet writes are transfers between the user's own accounts (3rd-party guides quoting the 2023 form).
      transfer: ['Wallet', '钱包'],
      withdraw: ['Withdraw', 'Withdrawal', '提现'],
      options: ['Options', '期权'],
      // Unified and Loan writes borrow and repay, so margin; "Unified loan" (newer scope, 3rd-party guides, 2026)
      // borrows in the unified account, the same.
      margin: ['Unified', 'Unified Account', 'Loan', 'Unified loan', '统一账户', '借贷'],
      // Account settings and Earn subscriptions have no canonical equivalent.
      other: ['Account', 'Earn', '账户', '理财'],
    },
    permissionSection: ['Permissions', 'API Permissions', '权限', 'API 权限'],
    // "IP Whitelist": the key list's column, screenshot 2023; "IP Permissions": earlier guides. The field the "Bind IP"
    // choice shows has no quoted label; "Bind IP" itself is not listed here, as a choice's text it would name the
    // nearest text field, whichever it is.
    ipField: ['IP Permissions', 'IP whitelist', 'IP address', 'IP 权限', 'IP白名单', 'IP 白名单'],
    // "Remark Name": the key list's column, screenshot 2023; the form's own label is [unknown].
    keyName: ['Remark', 'Remark Name', 'API Key Remark', 'Name', '备注', '备注名'],
    // "Submit", then a "Risk Reminder" with "I Accept", then "Security Verification" with "Confirm": 3rd-party guides
    // and screenshots 2023. Only the form's own button starts the creation for KeyScope.
    submit: ['Submit', 'Confirm', '提交', '确认'],
    // "Bind IP" or "Later": "Later" leaves the key without IP restriction (3rd-party guides quoting the 2023 form).
    ipUnrestricted: ['Later'],
    // Choices near the rows that grant nothing: the key version "API v4 Key" / "API v2 Key" and the "Account Type"
    // "Classic Account" / "Portfolio Margin Account" / "Testnet" (screenshot 2023).
    neutral: ['API v4 Key', 'API v2 Key', 'Classic Account', 'Portfolio Margin Account', 'Testnet'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  rules: {
    // Unbound keys are "only valid for 90 days", counted from creation, whatever the permissions (3rd-party guides
    // quoting the 2023 form beside the "Later" choice). Max IPs and withdraw rules are [unknown].
    unboundExpiry: { days: 90, idle: false, permissions: [], outcome: 'expired' },
  },
};

import { UNKNOWN_KEY_LIST, UNKNOWN_SUCCESS_VIEW, type ExchangeAdapter, type ExchangeSite } from './adapter';

/** HTX (formerly Huobi): API Management (`/apikey/`). Facts and sources: shared/EXCHANGES.md (HTX). */
export const htxSite: ExchangeSite = {
  id: 'htx',
  hosts: ['www.htx.com'],
  keyPagePath: /^(?:\/[a-z]{2}(?:-[a-z]{2,4}){0,2})?\/apikey(?:\/|$)/i,
};

export const htx: ExchangeAdapter = {
  ...htxSite,
  name: 'HTX',
  keyPageUrl: 'https://www.htx.com/apikey/',
  // Huobi renamed itself HTX in September 2023; huobi.com is still its own, and still imitated.
  officialDomains: ['htx.com', 'huobi.com'],
  // Chinese labels are not quoted from the page.
  labels: {
    permissions: {
      read: ['Read-only', 'Read only', 'Read', '只读', '读取'],
      trade: ['Trade', 'Trading', '交易'],
      withdraw: ['Withdraw', 'Withdrawal', '提币', '提现'],
    },
    permissionSection: ['Permissions', 'Permission settings', '权限', '权限设置'],
    ipField: ['IP address', 'Bind IP', 'IP 地址', 'IP地址', '绑定 IP', '绑定IP'],
    keyName: ['Notes', 'Note', 'Remark', '备注'],
    submit: ['Create', 'Confirm', '创建', '确认'],
  },
  keyList: UNKNOWN_KEY_LIST,
  successView: UNKNOWN_SUCCESS_VIEW,
  rules: {
    maxIps: 20,
    unboundExpiry: { days: 90, idle: true, permissions: ['trade', 'withdraw'], outcome: 'deactivated' },
  },
  // "Read-only" is always on, whatever the page shows.
  alwaysOn: ['read'],
};

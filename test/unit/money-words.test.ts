import { describe, expect, test } from 'vitest';
import { MONEY_WORDS, moneyPermission } from '../../src/core/money-words';

// Assume the worst for money words: a permission label (or the text under it) that speaks of taking money out or
// moving it maps to withdraw or transfer, in every language KeyScope speaks and the exchanges serve.

describe('labels as exchanges could print them, per language', () => {
  test.each([
    ['en', 'Enable Withdrawals', 'withdraw'],
    ['en', 'Transfer (Not Recommended)', 'transfer'],
    ['en', 'Universal transfers', 'transfer'],
    ['zh_CN', '允许提币', 'withdraw'],
    ['zh_CN', '提现', 'withdraw'],
    ['zh_CN', '资金划转', 'transfer'],
    ['zh_TW', '資產帳戶劃轉', 'transfer'],
    ['zh_TW', '提幣', 'withdraw'],
    ['ja', '出金', 'withdraw'],
    ['ja', '口座振替', 'transfer'],
    ['ko', '출금 허용', 'withdraw'],
    ['ko', '계정 간 이체', 'transfer'],
    ['ru', 'Вывод средств', 'withdraw'],
    ['ru', 'Разрешить вывода', 'withdraw'],
    ['ru', 'Перевод между счетами', 'transfer'],
    ['es', 'Retirar fondos', 'withdraw'],
    ['es', 'Transferir', 'transfer'],
    ['es', 'Transferencia universal', 'transfer'],
    ['pt', 'Saque', 'withdraw'],
    ['tr', 'Para çekme', 'withdraw'],
    ['tr', 'Çekim', 'withdraw'],
    ['tr', 'Transfer', 'transfer'],
    ['vi', 'Rút tiền', 'withdraw'],
    ['vi', 'Chuyển tiền nội bộ', 'transfer'],
    ['de', 'Auszahlung', 'withdraw'],
    ['de', 'Übertragung', 'transfer'],
    ['fr', 'Retrait', 'withdraw'],
    ['it', 'Prelievo', 'withdraw'],
    ['id', 'Penarikan', 'withdraw'],
  ])('%s: "%s" → %s', (_lang, label, expected) => {
    expect(moneyPermission(label)).toBe(expected);
  });
});

test('the worse reading wins: a transfer box described as withdrawing is withdraw (KuCoin 2023)', () => {
  expect(moneyPermission('Transfer (Not Recommended) This permission allows you to withdraw assets')).toBe('withdraw');
});

test('words that merely contain a money word inside another word do not match', () => {
  for (const label of [
    'Read',
    'Trade',
    'Spot Trading',
    'Earn',
    'Query ledger entries',
    'Futures',
    'Options',
    'Deposit',
    'Overview',
    'Strut',
    'Nontransferable',
  ]) {
    expect(moneyPermission(label), label).toBeUndefined();
  }
});

test('every language list has words, and every word is found by itself', () => {
  for (const [permission, languages] of Object.entries(MONEY_WORDS)) {
    for (const [language, words] of Object.entries(languages)) {
      expect(words.length, `${permission}/${language}`).toBeGreaterThan(0);
      // A withdraw word is withdraw; a transfer word is transfer unless it also holds a withdraw word.
      for (const word of words) expect(moneyPermission(word), `${language}: ${word}`).toBe(permission);
    }
  }
});

test('the languages of the extension and of the exchanges are all covered', () => {
  for (const languages of Object.values(MONEY_WORDS)) {
    expect(Object.keys(languages)).toEqual(
      expect.arrayContaining(['en', 'zh_CN', 'zh_TW', 'es', 'ru', 'tr', 'vi', 'ko', 'ja', 'de']),
    );
  }
});

import type { Permission } from './types';

/**
 * Words that speak of taking money out of the account or moving it between accounts, in the languages KeyScope speaks
 * and the exchanges serve. A permission control whose label or description uses one of them is read as `withdraw` or
 * `transfer` even when its exchange's adapter does not list it: an exchange that renames its Withdraw box ("Transfer
 * (Not Recommended)", KuCoin 2023: "This permission allows you to withdraw assets") must never look harmless.
 *
 * Latin, Cyrillic, Vietnamese and Turkish words match at the start of a word, so inflections match too ("withdrawals",
 * "вывода", "transferencia"); Chinese, Japanese and Korean words match anywhere. Withdraw words are checked first:
 * when a text speaks of both, the worse reading wins.
 * Exported for test/unit/money-words.test.ts, which checks each word on its own.
 */
export const MONEY_WORDS: Readonly<Record<'withdraw' | 'transfer', Readonly<Record<string, readonly string[]>>>> = {
  withdraw: {
    en: ['withdraw', 'withdrawal', 'payout', 'cash out', 'send crypto', 'send funds'],
    zh_CN: ['提币', '提现', '提款', '出金'],
    zh_TW: ['提幣', '提現', '提款', '出金'],
    ja: ['出金', '引き出し', '送金'],
    ko: ['출금', '인출', '송금'],
    ru: ['вывод', 'снятие'],
    es: ['retirar', 'retiro', 'retirada'],
    pt: ['saque', 'sacar', 'levantamento', 'retirada'],
    tr: ['çekim', 'çekme', 'para çek'],
    vi: ['rút'],
    de: ['auszahlung', 'abhebung', 'auszahlen'],
    fr: ['retrait', 'retirer'],
    it: ['prelievo', 'prelevare'],
    id: ['penarikan', 'tarik'],
  },
  transfer: {
    en: ['transfer', 'move funds', 'internal transfer'],
    zh_CN: ['划转', '转账', '转移资金'],
    zh_TW: ['劃轉', '轉帳', '轉賬'],
    ja: ['振替', '資金移動'],
    ko: ['이체', '전송'],
    ru: ['перевод', 'трансфер'],
    es: ['transferir', 'transferencia', 'traspaso'],
    pt: ['transferir', 'transferência', 'transferencia'],
    tr: ['transfer', 'aktarım', 'aktar'],
    vi: ['chuyển'],
    de: ['übertragung', 'überweisung', 'umbuchung'],
    fr: ['transfert', 'virement'],
    it: ['trasferimento', 'trasferire'],
    id: ['transfer', 'pemindahan'],
  },
};

/** Scripts written without spaces between words: their words match anywhere in a text. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matcher(words: Iterable<string>): RegExp {
  const parts = [...new Set(words)].map((word) =>
    UNSPACED.test(word) ? escape(word) : `(?<![\\p{L}\\p{M}])${escape(word)}`,
  );
  return new RegExp(parts.join('|'), 'iu');
}

const WITHDRAW = matcher(Object.values(MONEY_WORDS.withdraw).flat());
const TRANSFER = matcher(Object.values(MONEY_WORDS.transfer).flat());

/** The fund-moving permission a text speaks of, the worse first; undefined when it speaks of neither. */
export function moneyPermission(text: string): Extract<Permission, 'withdraw' | 'transfer'> | undefined {
  const folded = text.normalize('NFC');
  if (WITHDRAW.test(folded)) return 'withdraw';
  if (TRANSFER.test(folded)) return 'transfer';
  return undefined;
}

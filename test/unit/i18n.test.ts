import { afterEach, describe, expect, test } from 'vitest';
import { orList, text, type MessageId } from '../../src/core/text';
import { say, t, uiLanguage } from '../../src/i18n';
import { installI18n } from '../i18n/messages';

// How words from core become text: placeholders, lists and sentences as each language writes them.

afterEach(() => installI18n('en'));

describe('English', () => {
  test('substitutes numbers, nested messages and lists', () => {
    expect(t('ip_too_many_title', 21, 'OKX', 20)).toBe('21 entries; OKX accepts at most 20');
    expect(say(text('scope_excess_fix', [text('permission_trade'), text('permission_transfer')]))).toBe(
      'Untick Trade, Transfer.',
    );
    expect(say(text('list_more', ['a', 'b', 'c'], 2))).toBe('a, b, c and 2 more');
    expect(
      say(
        text(
          'unbound_expiry_why_deleted_with',
          text('unbound_clock_idle', 14),
          orList([text('permission_trade'), text('permission_withdraw')]),
        ),
      ),
    ).toBe('Keys without an IP binding and with Trade or Withdraw are deleted after 14 days without use.');
  });

  test('sentences are joined with a space', () => {
    expect(say([text('scope_withdraw_why', 'OKX'), text('scope_withdraw_refused', 'OKX')])).toBe(
      'Anyone holding this key can send your funds out of OKX. OKX refuses Withdraw without an IP restriction.',
    );
  });

  test('a message the file lacks shows its id rather than nothing', () => {
    expect(t('no_such_message' as MessageId)).toBe('no_such_message');
  });
});

describe('Japanese', () => {
  test('lists take 、, sentences follow 。 with no space, and the language tag is ja', () => {
    installI18n('ja');
    expect(say(text('scope_excess_fix', [text('permission_trade'), text('permission_transfer')]))).toBe(
      '取引、振替のチェックを外してください。',
    );
    expect(say([text('scope_withdraw_why', 'OKX'), text('scope_withdraw_refused', 'OKX')])).toBe(
      'このキーを持つ人は誰でも、あなたの資金を OKX から送り出せます。OKX では IP 制限なしで出金を有効にできません。',
    );
    expect(uiLanguage()).toBe('ja');
  });
});

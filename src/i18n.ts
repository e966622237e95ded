import type { MessageId, Sub, Text } from './core/text';

interface I18nApi {
  getMessage(name: string, substitutions?: string[]): string;
}

// The browser's own synchronous i18n, in every context (content script, pages, background), without
// webextension-polyfill: the content script pays for every byte it loads on every exchange page.
function api(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

const isList = (value: Sub): value is readonly Sub[] => Array.isArray(value);

function subText(value: Sub): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isList(value))
    return value.length === 0 ? '' : value.map(subText).reduce((joined, item) => t('list_join', joined, item));
  return say(value);
}

/** One message in the browser's language, its `$1`…`$9` filled in; the id itself if the message is missing. */
export function t(id: MessageId, ...subs: Sub[]): string {
  return api()?.getMessage(id, subs.map(subText)) || id;
}

/** What goes after a sentence before the next one: a space, or nothing after a Chinese or Japanese full stop. */
export function gapAfter(sentence: string): string {
  return /[。！？]$/.test(sentence) ? '' : ' ';
}

/** Renders words from core: one text, or sentences joined as the language writes them. */
export function say(words: Text | readonly Text[]): string {
  const texts: readonly Text[] = 'id' in words ? [words] : words;
  return texts
    .map((one) => t(one.id, ...(one.subs ?? [])))
    .reduce((joined, next) => (joined === '' ? next : `${joined}${gapAfter(joined)}${next}`), '');
}

/**
 * The language of the messages shown (`en`, `zh-CN`…), for the `lang` of what KeyScope renders. Read from the
 * messages themselves: Chromium's getUILanguage() can say `en-US` while its messages come from `--lang`'s locale.
 */
export function uiLanguage(): string {
  return t('language_tag');
}

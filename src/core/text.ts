import type messages from '../../_locales/en/messages.json';

/** The name of a message in `_locales/<lang>/messages.json`, checked against the English file: a typo fails typecheck. */
export type MessageId = keyof typeof messages;

/**
 * What fills a message's `$1`…`$9`: text shown as it is (page text, names, dates, numbers), another message, or a list
 * of either, which is joined the way the user's language lists things ("a, b" / "a、b").
 */
export type Sub = string | number | Text | readonly Sub[];

/**
 * Words for the user, as data: a message id and its substitutions. Core says what to tell; the UI renders it in the
 * browser's language (src/i18n.ts), so core stays free of browser APIs and its words survive a message to the popup.
 */
export interface Text {
  id: MessageId;
  subs?: readonly Sub[];
}

/** Builds a {@link Text}. */
export function text(id: MessageId, ...subs: Sub[]): Text {
  return subs.length > 0 ? { id, subs } : { id };
}

/** "a or b or c", in the user's language. */
export function orList(items: readonly Sub[]): Sub {
  return items.reduce((joined: Sub, item) => text('list_or', joined, item));
}

/**
 * A name from a page, a file or the user, to be set into a sentence as plain text (notifications, messages, labels):
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so that a right-to-left name cannot reorder the words
 * around it. In markup, `<bdi>` does the same.
 */
export function isolated(name: string): string {
  return `\u2068${name}\u2069`;
}

// On sites KeyScope does not know, "Read", "Trade", "Withdrawal" and "IP whitelist" also label notification settings
// and login security: a form counts as a key form only when it also says what it is for ("API key"), in its own short
// texts, in the heading just before it, or in the name of the dialog holding it.

const SKIPPED = 'script, style, noscript, template, textarea';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';
/** Labels and headings are short; longer texts (paragraphs, values shown) are not looked at. */
const TEXT_MAX = 80;
/** How far up the nearest heading is looked for: a modal's title sits a few levels above its body. */
const CLIMB_HEADING = 4;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the text mentions a term: Latin terms as whole words ("API", never "capital"), others anywhere. */
function mentions(text: string, terms: readonly string[]): boolean {
  return terms.some((term) =>
    /^[\x20-\x7e]+$/.test(term)
      ? new RegExp(`(?:^|[^a-z0-9])${escapeRegExp(term)}(?:$|[^a-z0-9])`, 'i').test(text)
      : text.includes(term),
  );
}

/** The last heading before `form` inside its nearest ancestors, if any. */
function headingBefore(form: Element): Element | undefined {
  for (let node = form.parentElement, depth = 0; node && depth < CLIMB_HEADING; node = node.parentElement, depth++) {
    const before = Array.from(node.querySelectorAll(HEADING)).filter(
      (heading) =>
        !heading.contains(form) &&
        !form.contains(heading) &&
        heading.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (before.length) return before.at(-1);
  }
  return undefined;
}

/** The accessible name of the dialog holding `form`: its aria-label, or the text of the element its aria-labelledby names. */
function dialogName(form: Element): string {
  const dialog = form.closest(DIALOG);
  if (!dialog) return '';
  const named = (dialog.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const byId = named.map((id) => form.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
  return `${dialog.getAttribute('aria-label') ?? ''} ${byId}`;
}

/** Whether one of `terms` appears in the form's short texts, the nearest heading before it, or its dialog's name. */
export function saysWhatItIsFor(form: Element, terms: readonly string[]): boolean {
  const walker = form.ownerDocument.createTreeWalker(form, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length <= TEXT_MAX && !node.parentElement?.closest(SKIPPED) && mentions(text, terms)) return true;
  }
  const heading = headingBefore(form)?.textContent ?? '';
  return mentions(`${heading.length <= TEXT_MAX ? heading : ''} ${dialogName(form)}`, terms);
}

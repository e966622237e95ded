import { MAX_LABEL_CHARS } from '../../core/types';
import { ancestors, controlFor, isOn, ON_CLASS, type ChoiceLabel } from './controls';

// Choices that are not permissions but change what the key is: the exchange binding it to a partner's servers (OKX
// "Binding third-party apps", KuCoin "Link Third-Party Applications") and the exchange's own key expiry (Kraken Pro
// "Key expiration", KuCoin's 30–360 days). Read from the chosen option's visible text, never from a typed value.

const CLIMB = 3;
const SELECTED =
  '[aria-selected="true"], [aria-current]:not([aria-current="false"]), [aria-checked="true"], [aria-pressed="true"]';
/** A list of options that is open (a dropdown's menu): its options are offers, not the choice. */
const OFFERS =
  '[role="listbox"], [role="menu"], [role="option"], [role="menuitem"], [role="tab"], [role="radio"], option';
const PLACEHOLDER = /^(?:select|choose|please (?:select|choose)|请选择|請選擇|选择|選擇|--+)\b/i;
const DAY = 24 * 60 * 60 * 1000;
/** An on/off control: a checkbox or a switch, not a choice among several. */
export const SWITCH = 'input[type="checkbox"], [role="switch"], [role="checkbox"], [aria-pressed]';

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a user sees in `el`: icons and glyphs marked aria-hidden left out (a dropdown's arrow). */
function visibleText(el: Element): string {
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[aria-hidden="true"]')) text += node.nodeValue ?? '';
  }
  return fold(text);
}

function shortText(el: Element): string | undefined {
  const text = visibleText(el);
  return text && text.length <= MAX_LABEL_CHARS ? text : undefined;
}

/**
 * Whether the option a label names is the chosen one: a selected `<option>`, a checked radio or switch of its own,
 * a selected tab (`aria-selected`, an "active" class), or the value a closed dropdown shows.
 */
export function isChosen(label: Element, form: Element, labels: readonly ChoiceLabel[]): boolean {
  const option = label.closest('option');
  if (option) return option.selected;
  const control = controlFor(label, form, labels);
  if (control) return isOn(control);
  const marked = (el: Element) =>
    el.matches(SELECTED) || Array.from(el.classList).some((token) => ON_CLASS.test(token));
  for (const node of ancestors(label, CLIMB - 1, form)) {
    if (marked(node)) return true;
    // One of its siblings is marked chosen (tabs styled by class alone): this one is an offer.
    if (Array.from(node.parentElement?.children ?? []).some((sibling) => sibling !== node && marked(sibling)))
      return false;
  }
  // A tab or an option that is not marked selected is only an offer; a plain text is a closed dropdown's value.
  return !label.closest(OFFERS);
}

/** The value chosen in the field that `label` names: a `<select>`'s option, a checked radio's text, a dropdown's text. */
export function chosenValue(label: Element, form: Element): string | undefined {
  for (const node of ancestors(label, CLIMB, form)) {
    const select = node.querySelector('select');
    if (select) {
      const option = select.options[select.selectedIndex];
      return option && option.value !== '' && !option.disabled ? shortText(option) : undefined;
    }
    const checked = Array.from(
      node.querySelectorAll(
        'input[type="radio"]:checked, [role="radio"][aria-checked="true"], [role="option"][aria-selected="true"]',
      ),
    );
    if (checked.length) {
      const radio = checked[0]!;
      const own =
        radio instanceof HTMLInputElement
          ? Array.from(radio.labels ?? [])
              .map(shortText)
              .find(Boolean)
          : shortText(radio);
      return own ?? (radio.parentElement ? shortText(radio.parentElement) : undefined);
    }
    const combo = node.querySelector('[role="combobox"], [aria-haspopup="listbox"]');
    if (combo) {
      // antd puts role=combobox on an empty search input; the chosen value is shown beside it.
      const shown = shortText(combo) ?? (combo.parentElement ? shortText(combo.parentElement) : undefined);
      return shown && !PLACEHOLDER.test(shown) ? shown : undefined;
    }
  }
  // A custom dropdown without roles: the short text right after the label.
  const next = label.nextElementSibling ?? label.parentElement?.nextElementSibling;
  const shown = next && !next.querySelector('input, textarea') ? shortText(next) : undefined;
  return shown && !PLACEHOLDER.test(shown) ? shown : undefined;
}

const NEVER =
  /never|permanent|no expir|unlimited|forever|永久|永不|不过期|不過期|无期限|無期限|無期限|영구|бессрочно|никогда|nunca|süresiz|vĩnh viễn/i;
const PERIOD =
  /(\d{1,4})\s*(days?|d\b|天|日|일|дн|ngày|gün|d[ií]as?|months?|个月|個月|か月|ヶ月|개월|мес|tháng|ay\b|mes(?:es)?|years?|年|년|год|лет|năm|yıl|años?)/i;
const DATE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

function periodDays(amount: number, unit: string): number {
  if (/^(?:months?|个月|個月|か月|ヶ月|개월|мес|tháng|ay|mes)/i.test(unit)) return amount * 30;
  if (/^(?:years?|年|년|год|лет|năm|yıl|años?)/i.test(unit)) return amount * 365;
  return amount;
}

/** Days until the expiry a text names ("90 days", "30 天", "2027-03-01"); undefined for "never" and for no expiry. */
export function expiryDays(text: string, now: number): number | undefined {
  if (NEVER.test(text)) return undefined;
  const period = PERIOD.exec(text);
  if (period) return periodDays(Number(period[1]), period[2]!);
  const date = DATE.exec(text);
  if (!date) return undefined;
  const at = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  const days = Math.ceil((at - now) / DAY);
  return Number.isFinite(days) && days > 0 ? days : undefined;
}

/**
 * The exchange's own expiry of the key, from the field its label names: a switch that is off means none; otherwise
 * the chosen period or a date field's date.
 */
export function readExpiry(
  label: Element,
  form: Element,
  labels: readonly ChoiceLabel[],
  now: number,
): number | undefined {
  // Only an on/off control is the expiry's switch; a `<label for>` may name the period's `<select>` itself (KuCoin).
  const control = controlFor(label, form, labels);
  if (control?.matches(SWITCH) && !isOn(control)) return undefined;
  const chosen = chosenValue(label, form);
  if (chosen) return expiryDays(chosen, now);
  for (const node of ancestors(label, CLIMB, form)) {
    const date = node.querySelector<HTMLInputElement>('input[type="date"], input[type="datetime-local"]');
    if (date?.value) return expiryDays(date.value, now);
  }
  return undefined;
}

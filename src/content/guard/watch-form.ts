import type { KeyFormSnapshot } from '../../core/types';
import type { ExchangeAdapter } from '../../exchanges/adapter';
import { frameBatcher, throttled } from './frame-batcher';
import { couldBeFormPart, findKeyForm, readForm } from '../read/read-form';

/** The form as last read; both undefined while the form is not on the page. */
export interface FormState {
  form?: Element;
  snapshot?: KeyFormSnapshot;
}

// What the exchanges toggle on their controls (native `checked` changes produce no mutation: see the events below).
const STATE_ATTRIBUTES = ['class', 'aria-checked', 'aria-pressed', 'checked', 'value', 'hidden', 'style'];
const USER_EVENTS = ['input', 'change', 'click', 'keyup'] as const;
// While no form is on the page, mutations that could complete one start a whole-page search at most this often.
const SEARCH_MS = 150;

/**
 * Finds the key form when it appears (late render, modal, React re-render) and reports every change of what it
 * shows, at most once per frame. Only called on a key page; everything stops with the signal.
 */
export function watchForm(adapter: ExchangeAdapter, signal: AbortSignal, onChange: (state: FormState) => void): void {
  let form: Element | undefined;
  let last = 'null';
  const tick = () => {
    try {
      if (!form?.isConnected) form = findKeyForm(document.body, adapter);
      const snapshot = form ? readForm(form, adapter) : undefined;
      const serialized = JSON.stringify(snapshot ?? null);
      if (serialized === last) return;
      last = serialized;
      onChange(snapshot ? { form, snapshot } : {});
    } catch (error) {
      // An unexpected page layout must never break the exchange's page: report and keep watching.
      console.warn('KeyScope could not read this form', error);
    }
  };
  const schedule = frameBatcher(tick, signal);
  const search = throttled(tick, SEARCH_MS, signal);
  // No form yet: a whole-page search, throttled, and only when a mutation brought a label, a control or a text field.
  const couldComplete = (record: MutationRecord) =>
    record.type === 'characterData'
      ? couldBeFormPart(record.target, adapter)
      : record.type === 'childList' && Array.from(record.addedNodes).some((node) => couldBeFormPart(node, adapter));
  const observer = new MutationObserver((records) => {
    if (!form) {
      if (records.some(couldComplete)) search();
    } else if (!form.isConnected) {
      // A form that just went away (submitted, modal closed): at once.
      schedule();
    }
    // Mutations elsewhere on the page (tickers, order books) cost one containment check, no read.
    else if (records.some((record) => form!.contains(record.target))) schedule();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: STATE_ATTRIBUTES,
  });
  // Bubble phase on window: runs after the page's own handlers have updated their controls.
  for (const type of USER_EVENTS) addEventListener(type, schedule, { signal });
  signal.addEventListener('abort', () => observer.disconnect());
  schedule();
}

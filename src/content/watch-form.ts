import type { KeyFormSnapshot } from '../core/types';
import type { ExchangeAdapter } from '../exchanges/adapter';
import { frameBatcher, throttled } from './frame-batcher';
import { findKeyForm, readForm } from './read-form';

/** The form as last read; both undefined while the form is not on the page. */
export interface FormState {
  form?: Element;
  snapshot?: KeyFormSnapshot;
}

// What the exchanges toggle on their controls (native `checked` changes produce no mutation: see the events below).
const STATE_ATTRIBUTES = ['class', 'aria-checked', 'aria-pressed', 'checked', 'value', 'hidden', 'style'];
const USER_EVENTS = ['input', 'change', 'click', 'keyup'] as const;
// While no form is on the page, the page's own mutations start a whole-page search at most this often.
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
  const observer = new MutationObserver((records) => {
    // No form yet: a throttled whole-page search. A form that just went away (submitted, modal closed): at once.
    if (!form) search();
    else if (!form.isConnected) schedule();
    // Mutations elsewhere on the page (tickers, order books) cost one containment check, no read.
    else if (records.some((record) => form!.contains(record.target))) schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: STATE_ATTRIBUTES });
  // Bubble phase on window: runs after the page's own handlers have updated their controls.
  for (const type of USER_EVENTS) addEventListener(type, schedule, { signal });
  signal.addEventListener('abort', () => observer.disconnect());
  schedule();
}

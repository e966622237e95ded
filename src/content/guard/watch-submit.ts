import type { ExchangeAdapter } from '../../exchanges/adapter';
import { normalizeLabel } from '../read/labels';
import { byUser } from './user-action';

const BUTTON = 'button, [role="button"], input[type="submit"]';
// The create button often sits below the form block, in the modal's footer (OKX, 2026-11).
const FOOTER_LEVELS = 3;

function isNear(form: Element, button: Element): boolean {
  const container = form.closest('form, [role="dialog"]');
  if (container?.contains(button)) return true;
  let node: Element | null = form;
  for (let level = 0; node && level <= FOOTER_LEVELS; level++, node = node.parentElement) {
    if (node.contains(button)) return node !== document.body;
  }
  return false;
}

/**
 * Calls back when the user presses the exchange's create button for the guarded form, with the click and the
 * button, before the page sees the click (capture on the window). It only listens; the callback alone may hold
 * the click back (confirm before critical, off by default). A click the page's own script made is not the user's:
 * it records nothing, however often it comes.
 */
export function watchSubmit(
  adapter: ExchangeAdapter,
  currentForm: () => Element | undefined,
  signal: AbortSignal,
  onSubmit: (event: Event, button: HTMLElement) => void,
): void {
  const labels = new Set(adapter.labels.submit.map(normalizeLabel));
  addEventListener(
    'click',
    byUser((event) => {
      const form = currentForm();
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>(BUTTON) : null;
      if (!form || !button || !isNear(form, button)) return;
      const text = button instanceof HTMLInputElement ? button.value : (button.textContent ?? '');
      if (labels.has(normalizeLabel(text))) onSubmit(event, button);
    }),
    { capture: true, signal },
  );
}

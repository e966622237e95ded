// What a user does, as the browser reports it: a real click is `isTrusted`; a page's own `click()` or
// `dispatchEvent` is not (src/content/guard/user-action.ts). happy-dom marks no event trusted, so the tests that stand
// for the user mark theirs here, in the test alone: the product has no switch for it.

/** An event as the browser makes it for the user's own input. */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** The user's click on `element` (mouse, or Enter/Space on a focused button): `element.click()`, trusted. */
export function userClick(element: Element): void {
  const view = element.ownerDocument.defaultView as unknown as typeof globalThis;
  element.dispatchEvent(trusted(new view.PointerEvent('click', { bubbles: true, composed: true, cancelable: true })));
}

/**
 * The handler, run only for what the user did: an event the browser made for a real click or key press
 * (`isTrusted`). A page's script can click the exchange's buttons and KeyScope's own (open shadow roots) with
 * `click()` or `dispatchEvent`, and those events are never trusted: they record, track and answer nothing
 * (docs/design.md, hard rules). Enter or Space on a focused button is a trusted click too.
 */
export function byUser<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}

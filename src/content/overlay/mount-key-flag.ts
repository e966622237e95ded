import { h, render } from 'preact';
import { KeyFlag, type KeyFlagView } from './KeyFlag';
import flagCss from './key-flag.css?inline';
import { createShadowHost } from './shadow-host';

/** Attribute marking a key flag's host; `data-flags` on it lists the key's flags, space separated, sorted. */
export const KEY_FLAG_ATTRIBUTE = 'data-keyscope-key-flag';

export interface KeyFlagHost {
  /** The host element, placed beside the key's card by the caller. */
  element: HTMLElement;
  update(view: KeyFlagView): void;
  /** Removes the host and what it rendered. */
  remove(): void;
}

const HOST_STYLE = 'all: initial !important; display: block !important;';
// Keys typed or clicked in the flag must not reach the exchange's shortcuts or row click handlers.
const CONTAINED_EVENTS = ['click', 'keydown', 'keyup', 'keypress', 'focusin', 'focusout'];

/** A small host with an open shadow root, like the panel's: the exchange's styles cannot reach in, ours cannot leak out. */
export function mountKeyFlag(exchange: string, onTrack: () => void): KeyFlagHost {
  const {
    host: element,
    root,
    remove,
  } = createShadowHost({
    marker: KEY_FLAG_ATTRIBUTE,
    exchange,
    style: HOST_STYLE,
    css: flagCss,
    contained: CONTAINED_EVENTS,
  });
  const set = (name: string, value: string) => {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  };
  return {
    element,
    update(view) {
      set('data-flags', [...view.flags].sort().join(' '));
      set('data-key-name', view.name);
      set('data-tracked', String(view.tracking === 'yes'));
      render(h(KeyFlag, { view, onTrack }), root);
    },
    remove,
  };
}

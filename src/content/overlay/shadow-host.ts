import { render } from 'preact';
import baseCss from '../../ui/base.css?inline';

/**
 * What a KeyScope host in the page is made of: the panel (mount.ts) and the key-list notes (mount-key-flag.ts)
 * differ only in these.
 */
export interface ShadowHostSpec {
  /** The attribute marking the host (`data-keyscope-overlay`), set empty. */
  marker: string;
  /** The adapter id, as `data-exchange`. */
  exchange: string;
  /** The host's own inline style: `all: initial` first, so that the page's styles do not reach it. */
  style: string;
  /** The styles of what is rendered inside, after the shared base styles. */
  css: string;
  /** Events stopped at the host: what the user types or clicks in our UI must not reach the exchange's handlers. */
  contained: readonly string[];
}

export interface ShadowHost {
  host: HTMLDivElement;
  /** Where preact renders, inside the shadow root. */
  root: HTMLDivElement;
  /** Unrenders and removes the host: the page is left as it was. */
  remove: () => void;
}

/**
 * A plain host with an open shadow root holding a `<style>` (not `adoptedStyleSheets`, which throw from a content
 * script in Firefox: docs/design.md) and a root to render into. The caller places the host in the page.
 */
export function createShadowHost(spec: ShadowHostSpec): ShadowHost {
  const host = document.createElement('div');
  host.setAttribute(spec.marker, '');
  host.setAttribute('data-exchange', spec.exchange);
  host.setAttribute('style', spec.style);
  for (const type of spec.contained) host.addEventListener(type, (event) => event.stopPropagation());
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = baseCss + spec.css;
  const root = document.createElement('div');
  shadow.append(style, root);
  return {
    host,
    root,
    remove() {
      render(null, root);
      host.remove();
    },
  };
}

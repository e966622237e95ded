import { h, render } from 'preact';
import themeCss from '../../ui/theme.css?inline';
import { Panel, type PanelActions, type PanelView } from './Panel';
import panelCss from './panel.css?inline';
import { createShadowHost } from './shadow-host';

export interface Overlay {
  update(view: PanelView): void;
  /** Removes the panel and leaves the page exactly as it was. */
  remove(): void;
}

// The host is fixed to the viewport's edge: it never moves, covers or changes the exchange's form.
const HOST_STYLE =
  'all: initial !important; position: fixed !important; top: 16px !important; right: 16px !important; z-index: 2147483647 !important; display: block !important;';
// Keys typed into the panel must not reach the exchange's shortcuts or focus traps.
const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress', 'focusin', 'focusout'];

/** Mounts the panel in an open shadow root on a plain host carrying the `data-keyscope-*` contract attributes. */
export function mountOverlay(exchange: string, actions: PanelActions): Overlay {
  const { host, root, remove } = createShadowHost({
    marker: 'data-keyscope-overlay',
    exchange,
    style: HOST_STYLE,
    css: themeCss + panelCss,
    contained: CONTAINED_EVENTS,
  });
  (document.body ?? document.documentElement).append(host);
  return {
    update(view) {
      // A page that re-renders its body, or removes the panel on purpose, gets it back with the next change.
      if (!host.isConnected) (document.body ?? document.documentElement).append(host);
      host.setAttribute('data-risk', view.verdict.risk);
      host.setAttribute('data-findings', view.verdict.ids.join(' '));
      host.setAttribute('data-permissions', [...view.snapshot.permissions].sort().join(' '));
      host.setAttribute('data-ips', view.snapshot.ipEntries.join(' '));
      render(h(Panel, { view, actions }), root);
    },
    remove,
  };
}

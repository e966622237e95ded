import type { ExchangeAdapter } from './adapter';

/**
 * An adapter as plain JSON, the form in which the background hands the page's adapter to the guard it injects
 * (`scripting.executeScript` arguments must be JSON): the guard then carries no other exchange's labels.
 */
export type WireAdapter = Omit<ExchangeAdapter, 'keyPagePath'> & { keyPagePath: { source: string; flags: string } };

export function toWire(adapter: ExchangeAdapter): WireAdapter {
  const { source, flags } = adapter.keyPagePath;
  return { ...adapter, keyPagePath: { source, flags } };
}

export function fromWire(wire: WireAdapter): ExchangeAdapter {
  return { ...wire, keyPagePath: new RegExp(wire.keyPagePath.source, wire.keyPagePath.flags) };
}

import type { ExchangeAdapter } from './adapter';
import { okx } from './okx';

/** Every supported exchange, registered by hand; a test fails when an adapter file is missing here or has no fixtures. */
export const ADAPTERS: readonly ExchangeAdapter[] = [okx];

/** The adapter whose hosts include this host name. */
export function adapterForHost(hostname: string): ExchangeAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.hosts.includes(hostname));
}

/** The adapter by id, for data that names an exchange. */
export function adapterById(id: string): ExchangeAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

export function isKeyPage(adapter: ExchangeAdapter, pathname: string): boolean {
  return adapter.keyPagePath.test(pathname);
}

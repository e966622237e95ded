import type { WireAdapter } from '../exchanges/wire';

/**
 * The bootstrap (declared content script, on every exchange page) and the guard (injected only on key pages) run in
 * the same isolated world: this global, invisible to the page, is how the bootstrap starts and stops the guard.
 */
export interface GuardHandle {
  /** Starts guarding the key page, if not already. */
  start(): void;
  /** Stops and removes everything the guard added to the page. */
  stop(): void;
}

const KEY = '__keyscopeGuard';

export function currentGuard(): GuardHandle | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as GuardHandle | undefined;
}

export function installGuard(handle: GuardHandle): void {
  (globalThis as Record<string, unknown>)[KEY] = handle;
}

/**
 * Run by the background in the page's isolated world just before it injects the guard, with the page's adapter: a
 * function `executeScript` serializes, so it names its global by a literal and uses nothing from outside.
 */
export function provideAdapter(adapter: WireAdapter): void {
  (globalThis as Record<string, unknown>).__keyscopeAdapter = adapter;
}

/** The adapter the background provided for this page, taken once. */
export function takeProvidedAdapter(): WireAdapter | undefined {
  const scope = globalThis as Record<string, unknown>;
  const provided = scope.__keyscopeAdapter as WireAdapter | undefined;
  delete scope.__keyscopeAdapter;
  return provided;
}

const BOOTSTRAP_KEY = '__keyscopeBootstrap';

/** True the first time it is asked in this page's isolated world: a bootstrap injected twice runs once. */
export function claimBootstrap(): boolean {
  const scope = globalThis as Record<string, unknown>;
  if (scope[BOOTSTRAP_KEY]) return false;
  scope[BOOTSTRAP_KEY] = true;
  return true;
}

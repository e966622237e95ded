import type { ExchangeAdapter } from '../exchanges/adapter';
import type { WireAdapter } from '../exchanges/wire';
import type { PageDescription } from './read/page-description';

/**
 * The bootstrap (declared content script, on every exchange page) and the guard (injected only on key pages) run in
 * the same isolated world: a property of its global object, invisible to the page's scripts, is how the bootstrap
 * starts and stops the guard.
 *
 * The properties are keyed by symbols, never by names: the page's elements with an `id` or `name` are named
 * properties of the window in the isolated world too, so `<div id="__keyscopeBootstrap">` — markup any sanitiser
 * lets through — would stand in for a string-keyed handle and switch KeyScope off (found 2026-12 in Chromium 156).
 * A symbol cannot be named by markup. What is found is still checked before it is used.
 */
export interface GuardHandle {
  /** Starts guarding the key page, if not already. */
  start(): void;
  /** Stops and removes everything the guard added to the page. */
  stop(): void;
}

// Symbol.for: the bootstrap and the guard are separate scripts of one isolated world and share its symbol registry;
// the page's own scripts run in another world and never see these properties.
const GUARD = Symbol.for('keyscope.guard');
const BOOTSTRAP = Symbol.for('keyscope.bootstrap');
const DESCRIBER = Symbol.for('keyscope.describer');

type Scope = Record<symbol, unknown>;

function isGuardHandle(value: unknown): value is GuardHandle {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as GuardHandle).start === 'function' &&
    typeof (value as GuardHandle).stop === 'function'
  );
}

export function currentGuard(): GuardHandle | undefined {
  const found = (globalThis as unknown as Scope)[GUARD];
  return isGuardHandle(found) ? found : undefined;
}

export function installGuard(handle: GuardHandle): void {
  (globalThis as unknown as Scope)[GUARD] = handle;
}

/**
 * Run by the background in the page's isolated world just before it injects the guard, with the page's adapter: a
 * function `executeScript` serializes, so it names its symbol by a literal and uses nothing from outside.
 */
export function provideAdapter(adapter: WireAdapter): void {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('keyscope.adapter')] = adapter;
}

/** The adapter the background provided for this page, taken once; anything else found there is no adapter. */
export function takeProvidedAdapter(): WireAdapter | undefined {
  const scope = globalThis as unknown as Scope;
  const key = Symbol.for('keyscope.adapter');
  const provided = scope[key];
  delete scope[key];
  const looksLikeAdapter =
    typeof provided === 'object' &&
    provided !== null &&
    typeof (provided as WireAdapter).id === 'string' &&
    typeof (provided as WireAdapter).labels === 'object';
  return looksLikeAdapter ? (provided as WireAdapter) : undefined;
}

/** True the first time it is asked in this page's isolated world: a bootstrap injected twice runs once. */
export function claimBootstrap(): boolean {
  const scope = globalThis as unknown as Scope;
  if (scope[BOOTSTRAP] === true) return false;
  scope[BOOTSTRAP] = true;
  return true;
}

/** "This page is not read right?": describes the page's form area (src/content/read/describe-page.ts). */
export type Describer = (doc: Document, adapter: ExchangeAdapter, form?: Element) => PageDescription;

/**
 * Run by src/content/describe.ts, which the background injects into this isolated world only when the user first
 * asks for the page's description: the guard does not carry the describer (10 KB gzip as its own file, about 1.6 KB
 * of it the describer's own code) on every key page.
 */
export function installDescriber(describe: Describer): void {
  (globalThis as unknown as Scope)[DESCRIBER] = describe;
}

export function currentDescriber(): Describer | undefined {
  const found = (globalThis as unknown as Scope)[DESCRIBER];
  return typeof found === 'function' ? (found as Describer) : undefined;
}

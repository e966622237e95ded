// Types for scripts/browsers.mjs (plain JS so that the demo runs with node directly; the e2e tests import it).
import type { Browser, Page, WebWorker } from 'puppeteer-core';

export declare const ROOT: string;
export declare const DIST_CHROME: string;
export declare const DIST_FIREFOX: string;
export declare const FIXTURES: string;
export declare const CHROMIUM_PATH: string;
export declare const FIREFOX_PATH: string;
export declare const VIEWPORT: Readonly<{ width: number; height: number }>;

export declare function launchChromium(options?: {
  headless?: boolean;
  extension?: boolean;
  args?: string[];
  slowMo?: number;
}): Promise<Browser>;
export declare function launchFirefox(options?: {
  headless?: boolean;
  extension?: boolean;
  policies?: string;
}): Promise<Browser>;
export declare function extensionId(browser: Browser, timeout?: number): Promise<string>;
export declare function serviceWorker(browser: Browser, timeout?: number): Promise<WebWorker>;
export declare function fixture(relative: string): string;

export type Route = string | { body: string; contentType?: string };
export interface Served {
  /** URLs answered with an empty 404. */
  missed: string[];
  set(url: string, route: Route): void;
}
export declare function serveFixtures(page: Page, routes: Record<string, Route>): Promise<Served>;
export declare function openPopup(browser: Browser, page: Page, options?: { timeout?: number }): Promise<Page>;
export declare function closePopup(popup: Page | undefined): Promise<void>;

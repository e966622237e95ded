// Real-browser harness shared by the e2e tests (test/e2e) and the demo (scripts/demo.mjs).
// Plain ESM JavaScript so that `node scripts/demo.mjs` runs it without a build step.
//
// - launchChromium / launchFirefox start the system browsers with the *built* extension (dist/chrome,
//   dist/firefox), production manifest unmodified.
// - serveFixtures answers the exchange's real URLs (https://www.okx.com/...) from local fixture files by request
//   interception; every other request gets an empty 404, so nothing ever leaves the machine.
// - extensionId / openPopup reach the extension's service worker and popup (Chromium).
//
// Facts this relies on are in docs/design.md, "Toolchain facts already verified on this machine".

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST_CHROME = join(ROOT, 'dist', 'chrome');
export const DIST_FIREFOX = join(ROOT, 'dist', 'firefox');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export const CHROMIUM_PATH = process.env.KEYSCOPE_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.KEYSCOPE_FIREFOX ?? '/usr/bin/firefox-esr';

/** The viewport the tests and the README screenshots use; the panel is fixed at the top right of it. */
export const VIEWPORT = Object.freeze({ width: 1280, height: 900 });

const CHROMIUM_FLAGS = [
  '--no-sandbox', // the test machine runs as root
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];

function assertBuilt(dir) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
}

/**
 * Chromium with the built extension loaded (or none, for baselines). A fresh temporary profile each time,
 * removed when the browser closes.
 * @param {{ headless?: boolean, extension?: boolean, args?: string[], slowMo?: number }} [options]
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchChromium({ headless = true, extension = true, args = [], slowMo } = {}) {
  if (extension) assertBuilt(DIST_CHROME);
  const userDataDir = mkdtempSync(join(tmpdir(), 'keyscope-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    pipe: true, // required for enableExtensions with a list of paths (CDP Extensions.loadUnpacked)
    ...(extension ? { enableExtensions: [DIST_CHROME] } : {}),
    userDataDir,
    defaultViewport: VIEWPORT,
    args: [...CHROMIUM_FLAGS, `--window-size=${VIEWPORT.width},${VIEWPORT.height + 120}`, ...args],
    ...(slowMo ? { slowMo } : {}),
  });
  // The profile goes when the browser has: `close()` waits for the process to end, then removes it (awaited, so a
  // test runner or the demo exiting right after leaves nothing behind); a crash is cleaned up on the process exit.
  const removeProfile = () =>
    rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
  browser.process()?.once('exit', removeProfile);
  const close = browser.close.bind(browser);
  browser.close = async () => {
    try {
      await close();
    } finally {
      await removeProfile();
    }
  };
  // puppeteer starts installing `enableExtensions` without waiting for it: wait for the service worker.
  if (extension) await extensionId(browser);
  return browser;
}

/**
 * Firefox (WebDriver BiDi) with the built extension installed as a temporary add-on.
 * `policies`: an enterprise policies.json read instead of the system's (which must not exist): Firefox honours
 * `browser.policies.alternatePath` only in automation, which the pref and the variable below declare. A test can
 * so set a policy without touching system files, nor other Firefox instances.
 * @param {{ headless?: boolean, extension?: boolean, policies?: string }} [options]
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchFirefox({ headless = true, extension = true, policies } = {}) {
  if (extension) assertBuilt(DIST_FIREFOX);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    defaultViewport: VIEWPORT,
    ...(policies ? { env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' } } : {}),
    extraPrefsFirefox: {
      ...(policies
        ? {
            'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
            'browser.policies.alternatePath': policies,
          }
        : {}),
      // No update checks, telemetry or remote settings: the only network is the intercepted one.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  if (extension) await browser.installExtension(DIST_FIREFOX);
  return browser;
}

/** The id of the loaded KeyScope extension in Chromium, from its service worker target's URL. */
export async function extensionId(browser, timeout = 15_000) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout },
  );
  return new URL(target.url()).host;
}

/** The extension's service worker (Chromium), for evaluating `chrome.*` calls in it. */
export async function serviceWorker(browser, timeout = 15_000) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout },
  );
  return target.worker();
}

/** A fixture file's path: `fixture('okx/en-native.html')`. */
export function fixture(relative) {
  return join(FIXTURES, relative);
}

function routeKey(url) {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function contentTypeOf(file) {
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (file.endsWith('.css')) return 'text/css; charset=utf-8';
  if (file.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}

/**
 * Serves the given routes by request interception and answers everything else with an empty 404.
 * Routes map a URL (origin + path; query and hash are ignored) to a fixture file path, or to
 * `{ body, contentType? }` for a page built in the test. Returns the list of URLs that got a 404, for debugging,
 * and a `set(url, response)` to change a route later.
 *
 * @param {import('puppeteer-core').Page} page
 * @param {Record<string, string | { body: string, contentType?: string }>} routes
 */
export async function serveFixtures(page, routes) {
  const table = new Map(Object.entries(routes).map(([url, value]) => [routeKey(url), value]));
  const missed = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) {
      request.continue().catch(() => {});
      return;
    }
    const route = /^https?:/.test(url) ? table.get(routeKey(url)) : undefined;
    let response;
    if (typeof route === 'string') {
      response = { status: 200, contentType: contentTypeOf(route), body: readFileSync(route) };
    } else if (route) {
      response = { status: 200, contentType: route.contentType ?? 'text/html; charset=utf-8', body: route.body };
    } else {
      missed.push(url);
      response = { status: 404, contentType: 'text/plain', body: '' };
    }
    request.respond(response).catch(() => {});
  });
  return {
    missed,
    set(url, value) {
      table.set(routeKey(url), value);
    },
  };
}

/**
 * Opens the extension's popup for `page`'s tab the way a user does: a click on the toolbar action
 * (CDP `Extensions.triggerAction`, through puppeteer's `page.triggerExtensionAction`). The popup is then a real
 * action popup, so its `tabs.query({active: true, currentWindow: true})` finds `page`'s tab.
 * Falls back to `chrome.action.openPopup()` in the service worker (Chrome 127+, needs a focused window).
 *
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('puppeteer-core').Page} page the tab the popup is opened for
 * @returns {Promise<import('puppeteer-core').Page>}
 */
export async function openPopup(browser, page, { timeout = 10_000 } = {}) {
  const id = await extensionId(browser);
  const isPopup = (t) => t.url().startsWith(`chrome-extension://${id}/src/popup/index.html`);
  await page.bringToFront();
  const waiting = browser.waitForTarget(isPopup, { timeout });
  try {
    const extensions = await browser.extensions();
    const extension = extensions.get(id);
    if (!extension) throw new Error(`extension ${id} not listed`);
    await page.triggerExtensionAction(extension);
  } catch (error) {
    const worker = await serviceWorker(browser);
    await worker
      .evaluate(() => chrome.action.openPopup())
      .catch((fallbackError) => {
        throw new Error(`Could not open the popup: triggerAction: ${error}; action.openPopup: ${fallbackError}`);
      });
  }
  const target = await waiting;
  const popup = await target.asPage();
  await popup.waitForFunction(
    () => document.readyState === 'complete' && document.querySelector('#app')?.childElementCount > 0,
    { timeout },
  );
  return popup;
}

/** Closes a popup page if it is still open (it may close on its own when the window loses focus). */
export async function closePopup(popup) {
  if (popup && !popup.isClosed()) await popup.close().catch(() => {});
}

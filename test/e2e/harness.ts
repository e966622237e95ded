// Page-side helpers for the e2e tests: read the overlay host's contract attributes (docs/design.md, "Contracts"),
// wait for them, and act on the page the way a user does (real mouse clicks and key presses via puppeteer).
import { readFileSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import { fixture } from '../../scripts/browsers.mjs';

export const OKX = {
  keyPage: 'https://www.okx.com/account/my-api',
  zhKeyPage: 'https://www.okx.com/zh-hans/account/my-api',
  bills: 'https://www.okx.com/balance/bills',
  spot: 'https://www.okx.com/trade-spot/btc-usdt',
} as const;

export const HOST = '[data-keyscope-overlay]';

/** The overlay host's contract attributes, split into lists; null when there is no overlay. */
export interface OverlayState {
  exchange: string | null;
  risk: string | null;
  findings: string[];
  permissions: string[];
  ips: string[];
}

export async function overlayState(page: Page): Promise<OverlayState | null> {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    if (!host) return null;
    const list = (name: string) => (host.getAttribute(name) ?? '').split(' ').filter(Boolean);
    return {
      exchange: host.getAttribute('data-exchange'),
      risk: host.getAttribute('data-risk'),
      findings: list('data-findings'),
      permissions: list('data-permissions'),
      ips: list('data-ips'),
    };
  }, HOST);
}

/** What to wait for on the overlay host; every given condition must hold at once. */
export interface OverlayExpectation {
  exchange?: string;
  risk?: string;
  /** Exact attribute value (space separated, sorted as the contract says). */
  permissions?: string;
  ips?: string;
  findings?: string;
  has?: string[];
  lacks?: string[];
}

/** Waits until the overlay exists and matches; on timeout the error shows what the overlay said instead. */
export async function waitForOverlay(
  page: Page,
  expected: OverlayExpectation = {},
  timeout = 10_000,
): Promise<OverlayState> {
  try {
    await page.waitForFunction(
      (selector, want) => {
        const host = document.querySelector(selector);
        if (!host) return false;
        const attr = (name: string) => host.getAttribute(name) ?? '';
        const ids = attr('data-findings').split(' ').filter(Boolean);
        return (
          (want.exchange === undefined || attr('data-exchange') === want.exchange) &&
          (want.risk === undefined || attr('data-risk') === want.risk) &&
          (want.permissions === undefined || attr('data-permissions') === want.permissions) &&
          (want.ips === undefined || attr('data-ips') === want.ips) &&
          (want.findings === undefined || attr('data-findings') === want.findings) &&
          (want.has ?? []).every((id) => ids.includes(id)) &&
          !(want.lacks ?? []).some((id) => ids.includes(id))
        );
      },
      { timeout, polling: 50 },
      HOST,
      expected,
    );
  } catch (error) {
    const actual = await overlayState(page).catch(() => 'unreadable');
    throw new Error(
      `Overlay did not reach ${JSON.stringify(expected)} within ${timeout} ms; it is ${JSON.stringify(actual)} (${String(error)})`,
    );
  }
  return (await overlayState(page))!;
}

export async function waitForNoOverlay(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction((selector) => !document.querySelector(selector), { timeout, polling: 50 }, HOST);
}

/** Waits `ms` and then says whether an overlay is present: for pages that must never get one. */
export async function overlayAfter(page: Page, ms: number): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return page.evaluate((selector) => document.querySelector(selector) !== null, HOST);
}

/** The text of the overlay's shadow root (without its <style>). */
/**
 * The panel's text as the user reads it. The marks that isolate a name from the sentence around it (U+2068, U+2069)
 * are invisible and left out here (Firefox's innerText drops them, Chromium's keeps them): that names are isolated is
 * tested where the DOM is exact (test/dom/popup.test.tsx, success-view.test.ts).
 */
export async function panelText(page: Page): Promise<string> {
  return page.$eval(HOST, (host) => {
    const root = host.shadowRoot;
    if (!root) return '';
    return Array.from(root.children)
      .filter((el) => el.tagName !== 'STYLE')
      .map((el) => (el as HTMLElement).innerText ?? el.textContent ?? '')
      .join('\n')
      .replace(/[\u2068\u2069]/g, '');
  });
}

/** Waits until the overlay's shadow root contains `text` (isolation marks left out, as in {@link panelText}). */
export async function waitForPanelText(page: Page, text: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      (selector, wanted) =>
        document
          .querySelector(selector)
          ?.shadowRoot?.textContent?.replace(/[\u2068\u2069]/g, '')
          .includes(wanted) ?? false,
      { timeout, polling: 50 },
      HOST,
      text,
    );
  } catch (error) {
    const shown = await panelText(page).catch(() => '(no panel)');
    throw new Error(`The panel never said ${JSON.stringify(text)}; it shows:\n${shown}\n(${String(error)})`);
  }
}

/** The deepest element under `scope` whose own text is exactly `text` (a label's visible words). */
export async function byText(page: Page, scope: string, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (scopeSelector, wanted) => {
      const roots = Array.from(document.querySelectorAll(scopeSelector));
      for (const root of roots) {
        const all = Array.from(root.querySelectorAll('*')).filter(
          (el) =>
            el.tagName !== 'SCRIPT' &&
            el.tagName !== 'STYLE' &&
            (el.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted,
        );
        // Deepest: no other match inside it.
        const deepest = all.find((el) => !all.some((other) => other !== el && el.contains(other)));
        if (deepest) return deepest;
      }
      return null;
    },
    scope,
    text,
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`No element with text "${text}" in ${scope}`);
  return element;
}

/** A real mouse click on the element showing `text` inside `scope`. */
export async function clickText(page: Page, scope: string, text: string): Promise<void> {
  const element = await byText(page, scope, text);
  await element.click();
  await element.dispose();
}

/** A button (or label) in the overlay's shadow root whose text starts with `text`. */
export async function panelControl(page: Page, text: string, selector = 'button'): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (hostSelector, wanted, sel) => {
      const root = document.querySelector(hostSelector)?.shadowRoot;
      if (!root) return null;
      return (
        Array.from(root.querySelectorAll(sel)).find((el) => (el.textContent ?? '').trim().startsWith(wanted)) ?? null
      );
    },
    HOST,
    text,
    selector,
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`No ${selector} "${text}…" in the panel`);
  return element;
}

export async function clickPanel(page: Page, text: string, selector = 'button'): Promise<void> {
  const element = await panelControl(page, text, selector);
  await element.click();
  await element.dispose();
}

/** The local calendar date `days` after today, in the browser's clock and time zone. */
export async function browserDatePlus(page: Page, days: number): Promise<string> {
  return page.evaluate((n) => {
    const now = new Date();
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + n);
    const pad = (x: number) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, days);
}

/** A file of test/fixtures/okx as text: `fixtureHtml('en-native')`, `fixtureHtml('expected', 'json')`. */
export function fixtureHtml(name: string, extension = 'html'): string {
  return readFileSync(fixture(`okx/${name}.${extension}`), 'utf8');
}

interface FixtureParts {
  style: string;
  body: string;
  script: string;
}

/** A fixture page's own CSS, body markup (scripts removed) and inline script. */
function fixtureParts(name: string): FixtureParts {
  const html = fixtureHtml(name);
  const style = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const bodyMatch = /<body[^>]*>([\s\S]*)<\/body>/.exec(html);
  const inner = bodyMatch?.[1] ?? '';
  const script = [...inner.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return { style, body: inner.replace(/<script>[\s\S]*?<\/script>/g, ''), script };
}

/**
 * A single-page app built from the fixtures, served at every OKX path the test visits: the server always answers
 * the shell, and a client-side router renders the view for `location.pathname` — the API page (en-native) under
 * /account/my-api, after a short "loading" delay as a real SPA fetching data would; the Bills page (not-api) under
 * /balance/bills; an empty market page elsewhere. Links in the top bar navigate with history.pushState like
 * React Router's <Link>, and back/forward re-render on popstate.
 */
export function spaShell(): string {
  const api = fixtureParts('en-native');
  const bills = fixtureParts('not-api');
  // Fixture markup and scripts are our own test files; </script> cannot appear inside them.
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>OKX</title>
<style>${api.style}\n${bills.style}\n#spa-nav { display: flex; gap: 16px; padding: 8px 24px; background: #f5f5f5; }</style>
</head><body>
<nav id="spa-nav" aria-label="SPA"><a href="/balance/bills">Bills</a><a href="/trade-spot/btc-usdt">Spot</a><a href="/account/my-api">API</a></nav>
<div id="view"></div>
<template id="view-api">${api.body}</template>
<template id="view-bills">${bills.body}</template>
<script>
  function setupApi() {\n${api.script}\n}
  function setupBills() {\n${bills.script}\n}
  var renderCount = 0;
  function render() {
    var view = document.getElementById('view');
    var path = location.pathname;
    var mine = ++renderCount;
    view.replaceChildren();
    if (/\\/account\\/my-api$/.test(path)) {
      var loading = document.createElement('p');
      loading.textContent = 'Loading…';
      view.append(loading);
      setTimeout(function () {
        if (mine !== renderCount) return;
        view.replaceChildren(document.getElementById('view-api').content.cloneNode(true));
        setupApi();
      }, 300);
    } else if (/\\/balance\\/bills$/.test(path)) {
      view.replaceChildren(document.getElementById('view-bills').content.cloneNode(true));
      setupBills();
    } else {
      var h = document.createElement('h1');
      h.textContent = 'BTC/USDT spot';
      view.append(h);
    }
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href^="/"]');
    if (!link || event.defaultPrevented) return;
    event.preventDefault();
    history.pushState({}, '', link.getAttribute('href'));
    render();
  });
  addEventListener('popstate', render);
  render();
</script>
</body></html>`;
}

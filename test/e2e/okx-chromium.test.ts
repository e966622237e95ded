// Chromium with the built dist/chrome extension: the shared OKX stories, then what only Chromium lets a test reach —
// the action popup (live status and recorded reminders) — and the measurements.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closePopup,
  fixture,
  launchChromium,
  openPopup,
  ROOT,
  serveFixtures,
  serviceWorker,
} from '../../scripts/browsers.mjs';
import {
  browserDatePlus,
  clickPanel,
  clickText,
  OKX,
  overlayState,
  panelText,
  waitForOverlay,
  waitForPanelText,
  type OverlayState,
} from './harness';
import { okxScenarios, openOkx } from './okx-scenarios';

const launch = () => launchChromium({ headless: true });

okxScenarios({ name: 'Chromium', launch });

interface PopupStatus {
  risk: string | null;
  findings: string | null;
  text: string;
}

async function popupStatus(popup: Page): Promise<PopupStatus | null> {
  return popup.evaluate(() => {
    const block = document.querySelector('[data-keyscope-status]');
    if (!block) return null;
    return {
      risk: block.getAttribute('data-risk'),
      findings: block.getAttribute('data-findings'),
      text: (block as HTMLElement).innerText,
    };
  });
}

/** Waits until the popup's status block carries exactly these attributes. */
async function waitForPopupStatus(popup: Page, risk: string, findings: string): Promise<PopupStatus> {
  try {
    await popup.waitForFunction(
      (r, f) => {
        const block = document.querySelector('[data-keyscope-status]');
        return block?.getAttribute('data-risk') === r && block.getAttribute('data-findings') === f;
      },
      { timeout: 10_000, polling: 50 },
      risk,
      findings,
    );
  } catch (error) {
    throw new Error(
      `Popup status never became risk=${risk} findings="${findings}"; it is ${JSON.stringify(await popupStatus(popup))} (${String(error)})`,
    );
  }
  return (await popupStatus(popup))!;
}

interface ReminderRow {
  name: string;
  status: string | null;
  due: string;
  meta: string;
}

async function reminderRows(popup: Page): Promise<ReminderRow[]> {
  return popup.$$eval('[data-keyscope-reminder]', (rows) =>
    rows.map((row) => ({
      name: row.querySelector('.ks-row-name')?.textContent ?? '',
      status: row.getAttribute('data-status'),
      due: row.querySelector('.ks-row-due')?.textContent ?? '',
      meta: row.querySelector('.ks-row-meta')?.textContent ?? '',
    })),
  );
}

describe('Chromium only: the action popup', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const open = async (url: string, file: string) => {
    const page = await openOkx(browser, url, { [url]: fixture(file) });
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
  });

  // How the popup is opened: `page.triggerExtensionAction` (CDP Extensions.triggerAction) is the toolbar click
  // itself, and works headless. The popup it opens is the real action popup of `page`'s window, so the popup's own
  // `tabs.query({active: true, currentWindow: true})` finds the key-page tab with no help from the test. (Opening
  // chrome-extension://<id>/src/popup/index.html in a tab instead would make that tab the active one, and the popup
  // would honestly report "not an exchange's API-key form".) openPopup falls back to chrome.action.openPopup().
  it('shows the same data-risk/data-findings as the overlay and follows the page live', async () => {
    const page = await open(OKX.keyPage, 'okx/en-native.html');
    const start = await waitForOverlay(page, { exchange: 'okx', permissions: 'read' });

    const popup = await openPopup(browser, page);
    try {
      const first = await waitForPopupStatus(popup, start.risk!, start.findings.join(' '));
      expect(first.text).toContain('OKX');
      const panelVerdict = /Stop: \d+ things? to fix|Ready to create/.exec(await panelText(page))?.[0];
      expect(panelVerdict).toBeDefined();
      expect(first.text).toContain(panelVerdict);

      // While the popup is open, the page changes under it. A real mouse click on the page closes an action popup
      // (it loses focus: Chromium does this headless too), so the change is dispatched inside the page: the same
      // click event reaches the page's and KeyScope's listeners, and the browser UI is left alone.
      await page.evaluate(() => {
        const label = Array.from(document.querySelectorAll('#create-api-form label')).find(
          (l) => l.textContent?.trim() === 'Withdraw',
        );
        (label as HTMLElement).click();
      });
      const withdraw = await waitForOverlay(page, { has: ['scope.withdraw'], risk: 'critical' });
      expect(popup.isClosed()).toBe(false);
      await waitForPopupStatus(popup, 'critical', withdraw.findings.join(' '));

      // Typed text too (an input event, as a keystroke makes).
      await page.evaluate(() => {
        const field = document.querySelector('#create-api-form textarea') as HTMLTextAreaElement;
        field.value = '8.8.8.8';
        field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '8.8.8.8' }));
      });
      const bound = await waitForOverlay(page, { ips: '8.8.8.8', lacks: ['ip.missing'] });
      const live = await waitForPopupStatus(popup, bound.risk!, bound.findings.join(' '));
      expect(live.text).toContain('IPs: 1');
      expect(popup.isClosed()).toBe(false);
    } finally {
      await closePopup(popup);
    }

    // The real sequence: the user clicks on the page (any open popup closes), then opens the popup again.
    await clickText(page, '#create-api-form', 'Withdraw');
    const after = await waitForOverlay(page, { lacks: ['scope.withdraw'] });
    const again = await openPopup(browser, page);
    try {
      await waitForPopupStatus(again, after.risk!, after.findings.join(' '));
    } finally {
      await closePopup(again);
    }
  });

  it('the popup\'s "This page is not read right?" gets the description from the tab, its describer injected then', async () => {
    const page = await open(OKX.keyPage, 'okx/en-native.html');
    await waitForOverlay(page, { exchange: 'okx' });
    const popup = await openPopup(browser, page);
    try {
      const open = await popup.waitForSelector('[data-keyscope-page-report] button');
      await open!.click();
      // popup → background → the tab's guard, which asks the background for the describer and answers once it runs.
      const shown = await popup.waitForFunction(
        () => {
          const text = document.querySelector('.ks-page-report-json')?.textContent ?? '';
          return text.includes('page-description') ? text : undefined;
        },
        { timeout: 10_000 },
      );
      const description = JSON.parse((await shown.jsonValue()) as string) as { exchange: string; area: string };
      expect(description).toMatchObject({ exchange: 'okx', area: 'key-form' });
    } finally {
      await closePopup(popup);
    }
  });

  it('records a reminder when the user presses Confirm: name, chosen interval, OKX 14-day clamp', async () => {
    // Key 1: read-only, bound to an IP, reminder in 60 days.
    const page = await open(OKX.keyPage, 'okx/en-native.html');
    await waitForOverlay(page, { exchange: 'okx' });
    await page.type('#apiKeyName', 'e2e portfolio tracker');
    await page.type('#create-api-form textarea', '8.8.8.8');
    await waitForOverlay(page, { ips: '8.8.8.8', lacks: ['ip.missing', 'exchange.unbound-expiry'] });
    await clickPanel(page, '60 days');
    await waitForOverlay(page, { lacks: ['rotation.none'] });
    const due60 = await browserDatePlus(page, 60);
    await page.click('#create-api-form button[type="submit"]'); // OKX's "Confirm"
    await waitForPanelText(page, `Reminder saved: rotate "e2e portfolio tracker" by ${due60}.`);

    // Key 2: Trade, no IP: OKX deletes it after 14 idle days, so a 90-day choice is clamped to 14.
    const bot = await open(OKX.keyPage, 'okx/en-native.html');
    await waitForOverlay(bot, { exchange: 'okx' });
    await bot.type('#apiKeyName', 'e2e grid bot');
    await clickText(bot, '#create-api-form', 'Trade');
    await waitForOverlay(bot, { permissions: 'read trade', has: ['ip.missing', 'exchange.unbound-expiry'] });
    expect(await panelText(bot)).toContain('OKX removes it after 14 days unbound');
    await clickPanel(bot, '90 days');
    await waitForOverlay(bot, { lacks: ['rotation.none'] });
    const due14 = await browserDatePlus(bot, 14);
    await bot.click('#create-api-form button[type="submit"]');
    await waitForPanelText(bot, `Reminder saved: rotate "e2e grid bot" by ${due14}.`);
    // A second press on the unchanged form (e.g. after the 2FA prompt) is the same key, not a new one.
    await bot.click('#create-api-form button[type="submit"]');

    const popup = await openPopup(browser, bot);
    try {
      await popup.waitForSelector('[data-keyscope-reminder]');
      const rows = await reminderRows(popup);
      expect(rows).toHaveLength(2);
      const tracker = rows.find((r) => r.name === 'e2e portfolio tracker');
      const gridBot = rows.find((r) => r.name === 'e2e grid bot');
      expect(tracker, JSON.stringify(rows)).toBeDefined();
      expect(gridBot, JSON.stringify(rows)).toBeDefined();
      expect(tracker!.status).toBe('ok');
      expect(tracker!.due).toContain(`(${due60})`);
      expect(tracker!.meta).toContain('IP-bound');
      expect(gridBot!.status).toBe('ok');
      expect(gridBot!.due).toContain(`Due in 14 days (${due14})`);
      expect(gridBot!.meta).toContain('not IP-bound');
      // Most urgent first.
      expect(rows.map((r) => r.name)).toEqual(['e2e grid bot', 'e2e portfolio tracker']);
    } finally {
      await closePopup(popup);
    }

    // Nothing the extension stored holds the passphrase the form had.
    const worker = await serviceWorker(browser);
    const stored = await worker.evaluate(async () => {
      type Area = { get(keys: null): Promise<Record<string, unknown>> };
      const { storage } = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
      return JSON.stringify([await storage.local.get(null), await storage.session.get(null)]);
    });
    expect(stored).toContain('e2e grid bot');
    expect(stored).not.toContain('CANARY-PASSPHRASE');
  });

  // Regression: the background used to keep a tab's verdict until the content script sent verdict:clear, which only
  // happens on client-side navigation, so after a full page load elsewhere the popup still showed "OKX: the key being
  // created — Stop: …". Fixed in src/background/index.ts (tabs.onUpdated status "loading" forgets the tab's verdict).
  it('after a full page load away from the key page the popup no longer shows its verdict', async () => {
    const page = await openOkx(browser, OKX.keyPage, {
      [OKX.keyPage]: fixture('okx/en-native.html'),
      'https://example.com/': { body: '<!DOCTYPE html><title>Example</title><h1>Example Domain</h1>' },
    });
    pages.push(page);
    await waitForOverlay(page, { exchange: 'okx' });
    await page.goto('https://example.com/', { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const popup = await openPopup(browser, page);
    try {
      await popup.waitForFunction(() => !document.body.innerText.includes('Reading this tab'), { timeout: 5000 });
      expect(await popupStatus(popup)).toBeNull();
      expect(await popup.evaluate(() => document.body.innerText)).toContain("not an exchange's API-key form");
    } finally {
      await closePopup(popup);
    }
  });

  // Back to the key page from the back/forward cache: the page, its panel and KeyScope's guard are restored as they
  // were, without a new load. The background forgot the tab's verdict when the tab loaded the other page
  // (tabs.onUpdated "loading"), and watchForm only reports changes: the popup used to say "This tab is not an
  // exchange's API-key form" beside a visible panel. Fixed in src/content/guard/key-page.ts: on `pageshow` with
  // `event.persisted` the guard sends its verdict again. The precondition is asserted on its own.
  describe('Back to the key page from the back/forward cache', () => {
    let restored: { fromCache: boolean; overlay: OverlayState | null; popup: PopupStatus | null; popupText: string };

    beforeAll(async () => {
      const page = await openOkx(browser, OKX.keyPage, {
        [OKX.keyPage]: fixture('okx/en-native.html'),
        'https://example.com/': { body: '<!DOCTYPE html><title>Example</title><h1>Example Domain</h1>' },
      });
      pages.push(page);
      await waitForOverlay(page, { exchange: 'okx' });
      await page.evaluate(() => {
        (window as unknown as { __keyscopeTest: string }).__keyscopeTest = 'same document';
      });
      await page.goto('https://example.com/', { waitUntil: 'load' });
      await page.goBack({ waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const fromCache = await page.evaluate(
        () => (window as unknown as { __keyscopeTest?: string }).__keyscopeTest === 'same document',
      );
      const overlay = await overlayState(page);
      const popup = await openPopup(browser, page);
      try {
        await popup.waitForFunction(() => !document.body.innerText.includes('Reading this tab'), { timeout: 5000 });
        await new Promise((resolve) => setTimeout(resolve, 300));
        restored = {
          fromCache,
          overlay,
          popup: await popupStatus(popup),
          popupText: await popup.evaluate(() => document.body.innerText),
        };
      } finally {
        await closePopup(popup);
      }
    });

    it('the page comes back from the cache with its panel', () => {
      expect(restored.fromCache).toBe(true);
      expect(restored.overlay?.exchange).toBe('okx');
    });

    it("the popup shows the restored panel's verdict", () => {
      expect(restored.popup, restored.popupText).not.toBeNull();
      expect(restored.popup!.risk).toBe(restored.overlay!.risk);
      expect(restored.popup!.findings).toBe(restored.overlay!.findings.join(' '));
    });
  });

  it('remembers the purpose chosen in the panel for the next visit', async () => {
    const page = await open(OKX.keyPage, 'okx/en-native.html');
    await waitForOverlay(page, { exchange: 'okx', has: ['purpose.unset'] });
    await clickPanel(page, 'Trading bot', 'label');
    await waitForOverlay(page, { lacks: ['purpose.unset'] });
    await clickText(page, '#create-api-form', 'Withdraw');
    await waitForOverlay(page, { has: ['scope.withdraw'], risk: 'critical' });

    const next = await open(OKX.keyPage, 'okx/en-native.html');
    await waitForOverlay(next, { exchange: 'okx', lacks: ['purpose.unset'] });
    const checked = await next.$eval(
      '[data-keyscope-overlay]',
      (host) => (host.shadowRoot?.querySelector('input[name="ks-purpose"]:checked') as HTMLInputElement | null)?.value,
    );
    expect(checked).toBe('trading-bot');
  });
});

// ---- Measurements (figures are printed and written to bench-output/; no thresholds: machines are noisy) ----

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: samples.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
  };
}

const CLICKS = 50;

/**
 * In the page: click the Trade label `n` times (each click a lone user click, ~40 ms apart) and time from the
 * click to the overlay host's data-permissions/data-findings change (the panel is re-rendered in the same task,
 * before the observer runs), and to the next animation frame after it (when the updated panel can be painted).
 */
async function clickToPanel(page: Page, n: number): Promise<{ update: number[]; frame: number[] }> {
  return page.evaluate(async (count) => {
    const host = document.querySelector('[data-keyscope-overlay]')!;
    const label = Array.from(document.querySelectorAll('#create-api-form label')).find(
      (l) => l.textContent?.trim() === 'Trade',
    ) as HTMLElement;
    const update: number[] = [];
    const frame: number[] = [];
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let i = 0; i < count; i++) {
      await sleep(40);
      const before = host.getAttribute('data-permissions');
      const changed = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no panel update after click ${i}`)), 2000);
        const observer = new MutationObserver(() => {
          if (host.getAttribute('data-permissions') === before) return;
          const at = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          resolve(at);
        });
        observer.observe(host, { attributes: true, attributeFilter: ['data-permissions', 'data-findings'] });
      });
      const t0 = performance.now();
      label.click();
      const t1 = await changed;
      const t2 = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      update.push(t1 - t0);
      frame.push(Math.max(t2, t1) - t0);
    }
    return { update, frame };
  }, n);
}

/** The same, driven by real CDP mouse clicks: timed in the page from the click event reaching it. */
async function realClickToPanel(page: Page, n: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __ks: { clickAt: number; samples: number[] } };
    w.__ks = { clickAt: 0, samples: [] };
    const host = document.querySelector('[data-keyscope-overlay]')!;
    // Capture phase on window: the first thing on the page to see the click.
    addEventListener(
      'click',
      (event) => {
        if (!w.__ks.clickAt && (event.target as Element).closest?.('label')) w.__ks.clickAt = performance.now();
      },
      true,
    ); // the user's click, not the label's follow-up click on its input
    let last = host.getAttribute('data-permissions');
    new MutationObserver(() => {
      const now = host.getAttribute('data-permissions');
      if (now === last) return;
      last = now;
      if (w.__ks.clickAt) w.__ks.samples.push(performance.now() - w.__ks.clickAt);
      w.__ks.clickAt = 0;
    }).observe(host, { attributes: true, attributeFilter: ['data-permissions'] });
  });
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(
      () => (window as unknown as { __ks: { samples: number[] } }).__ks.samples.length,
    );
    await clickText(page, '#create-api-form', 'Trade');
    await page.waitForFunction(
      (k) => (window as unknown as { __ks: { samples: number[] } }).__ks.samples.length > k,
      { timeout: 5000 },
      before,
    );
  }
  return page.evaluate(() => (window as unknown as { __ks: { samples: number[] } }).__ks.samples);
}

const RUNS = 11;

/** One load of the non-API page in a fresh tab: CDP Performance.getMetrics script and task time (ms). */
async function loadMetrics(browser: Browser): Promise<{ script: number; task: number }> {
  const page = await browser.newPage();
  try {
    await serveFixtures(page, { [OKX.bills]: fixture('okx/not-api.html') });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(OKX.bills, { waitUntil: 'load' });
    // document_idle has passed by load; leave the bootstrap time to run and settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    await cdp.detach();
    return { script: metric('ScriptDuration'), task: metric('TaskDuration') };
  } finally {
    await page.close();
  }
}

/** Loose bound on click → panel (p95): 15 times the target, so that only a real regression fails it. */
const CLICK_P95_LIMIT_MS = 250;

describe('Chromium measurements', () => {
  const results: Record<string, unknown> = {};

  afterAll(() => {
    const dir = join(ROOT, 'bench-output');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'e2e-measurements.json');
    // Merged into what is there, so that running one measurement alone (-t) keeps the other's last figures.
    let previous: Record<string, unknown> = {};
    try {
      previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      // first run, or an unreadable file: start afresh
    }
    const merged = { ...previous, measuredAt: new Date().toISOString(), browser: 'chromium (headless)', ...results };
    writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
    console.log(`[measure] written to ${file}`);
  });

  it(`click on a permission → updated panel: median and p95 of ${CLICKS} clicks`, async () => {
    const browser = await launch();
    try {
      const page = await openOkx(browser, OKX.keyPage, { [OKX.keyPage]: fixture('okx/en-native.html') });
      await waitForOverlay(page, { exchange: 'okx' });
      // Warm-up: the first reads compile the reader's code paths.
      await clickToPanel(page, 5);
      const { update, frame } = await clickToPanel(page, CLICKS);
      const real = await realClickToPanel(page, 20);
      expect(update).toHaveLength(CLICKS);
      expect(frame).toHaveLength(CLICKS);
      expect(real.length).toBeGreaterThanOrEqual(15);
      // Each click was seen (clickToPanel rejects after 2 s without an update). The timings are reported, with one loose
      // bound that a noisy machine meets and a debounced or re-rendering-everything panel does not (target: p95 < 16 ms).
      expect(summary(update).p95).toBeLessThan(CLICK_P95_LIMIT_MS);
      expect(summary(real).p95).toBeLessThan(CLICK_P95_LIMIT_MS);
      results.clickToPanel = {
        method: 'in-page label.click() → MutationObserver on the overlay host data-permissions/data-findings (ms)',
        toAttributeUpdate: summary(update),
        toNextFrame: summary(frame),
        realMouseClicks: {
          method: 'CDP mouse click; capture-phase click listener → MutationObserver (ms)',
          ...summary(real),
        },
      };
      const u = summary(update);
      const f = summary(frame);
      const r = summary(real);
      console.log(
        `[measure] click → panel updated: median ${u.median} ms, p95 ${u.p95} ms (n=${u.n}); to next frame: median ${f.median} ms, p95 ${f.p95} ms`,
      );
      console.log(`[measure] real mouse click → panel updated: median ${r.median} ms, p95 ${r.p95} ms (n=${r.n})`);
      expect(await overlayState(page)).not.toBeNull();
    } finally {
      await browser.close();
    }
  });

  it(`script time the content script adds on a non-API OKX page (CDP ScriptDuration, medians of ${RUNS} loads)`, async () => {
    // Two browsers side by side, with and without the extension, loads alternating so that machine noise hits both.
    const withExtension = await launch();
    const without = await launchChromium({ headless: true, extension: false });
    const on = { script: [] as number[], task: [] as number[] };
    const off = { script: [] as number[], task: [] as number[] };
    try {
      await loadMetrics(withExtension); // warm-up runs, dropped
      await loadMetrics(without);
      for (let i = 0; i < RUNS; i++) {
        const a = await loadMetrics(withExtension);
        const b = await loadMetrics(without);
        on.script.push(a.script);
        on.task.push(a.task);
        off.script.push(b.script);
        off.task.push(b.task);
      }
    } finally {
      await withExtension.close();
      await without.close();
    }
    expect(on.script).toHaveLength(RUNS);
    expect(off.script).toHaveLength(RUNS);
    const sOn = summary(on.script);
    const sOff = summary(off.script);
    const tOn = summary(on.task);
    const tOff = summary(off.task);
    const added = Math.round((sOn.median - sOff.median) * 1000) / 1000;
    results.nonApiPageScriptTime = {
      page: `${OKX.bills} (not-api.html)`,
      method:
        'CDP Performance.getMetrics after load + 500 ms, fresh tab per run, with/without alternating, one warm-up run each dropped (ms)',
      withExtension: { scriptDuration: sOn, taskDuration: tOn },
      withoutExtension: { scriptDuration: sOff, taskDuration: tOff },
      addedScriptMedian: added,
      addedTaskMedian: Math.round((tOn.median - tOff.median) * 1000) / 1000,
    };
    console.log(
      `[measure] non-API page ScriptDuration: with extension median ${sOn.median} ms, without ${sOff.median} ms → added ${added} ms (n=${RUNS} each)`,
    );
    console.log(
      `[measure] non-API page TaskDuration: with extension median ${tOn.median} ms, without ${tOff.median} ms`,
    );
  });
});

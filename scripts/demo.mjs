// `npm run demo`: KeyScope on the bundled OKX replica, served at OKX's real URL by request interception (no network).
// Headed when $DISPLAY is set (the browser stays open until you close it), headless otherwise.
// Walks a short user story, prints what KeyScope says at each step and saves screenshots to demo-output/.
//
//   KEYSCOPE_DEMO_IP=... to type another IP; KEYSCOPE_HEADLESS=1 to force headless with a display.

import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixture, launchChromium, openPopup, ROOT, serveFixtures, VIEWPORT } from './browsers.mjs';

const KEY_PAGE = 'https://www.okx.com/account/my-api';
const HOST = '[data-keyscope-overlay]';
const OUT = join(ROOT, 'demo-output');
// A public unicast address (203.0.113.x and other documentation ranges are flagged as reserved by design).
const IP = process.env.KEYSCOPE_DEMO_IP ?? '8.8.8.8';
const headless = !process.env.DISPLAY || process.env.KEYSCOPE_HEADLESS === '1';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the panel says now: contract attributes, verdict line and each finding with its severity and title. */
async function panelState(page) {
  return page.$eval(HOST, (host) => {
    const root = host.shadowRoot;
    return {
      risk: host.getAttribute('data-risk'),
      findings: host.getAttribute('data-findings'),
      permissions: host.getAttribute('data-permissions'),
      ips: host.getAttribute('data-ips'),
      verdict: root?.querySelector('.ks-verdict')?.textContent?.replace(/^[!✓]/, '').trim() ?? '',
      list: Array.from(root?.querySelectorAll('.ks-steps [data-finding-id]') ?? []).map((li) => ({
        id: li.getAttribute('data-finding-id'),
        severity: li.querySelector('.ks-sev-label')?.textContent ?? '',
        title: li.querySelector('.ks-finding-title')?.textContent ?? '',
      })),
    };
  });
}

let lastFindings = '';
async function report(page, step) {
  // Wait for the panel to settle on the new state (it re-reads the form at most once a frame).
  const deadline = Date.now() + 3000;
  let state = await panelState(page);
  while (state.findings === lastFindings && Date.now() < deadline && step !== 'Open the page') {
    await sleep(50);
    state = await panelState(page);
  }
  lastFindings = state.findings;
  console.log(`\n▶ ${step}`);
  console.log(`  ${state.verdict}   (data-risk="${state.risk}")`);
  console.log(`  permissions: ${state.permissions || '—'}   IPs: ${state.ips || '—'}`);
  for (const f of state.list) console.log(`   · [${f.severity}] ${f.id} — ${f.title}`);
  if (state.list.length === 0) console.log('   · no findings');
  return state;
}

/** A real click on the page element whose own text is exactly `text`, inside `scope`. */
async function clickText(page, scope, text) {
  const handle = await page.evaluateHandle(
    (scopeSelector, wanted) => {
      const all = Array.from(document.querySelectorAll(`${scopeSelector} *`)).filter(
        (el) => el.textContent.trim() === wanted,
      );
      return all.find((el) => !all.some((other) => other !== el && el.contains(other))) ?? null;
    },
    scope,
    text,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`No "${text}" in ${scope}`);
  await element.click();
}

/** A real click on a control in the KeyScope panel (inside its shadow root) whose text starts with `text`. */
async function clickPanel(page, text, selector = 'button') {
  const handle = await page.evaluateHandle(
    (hostSelector, wanted, sel) =>
      Array.from(document.querySelector(hostSelector)?.shadowRoot?.querySelectorAll(sel) ?? []).find((el) =>
        el.textContent.trim().startsWith(wanted),
      ) ?? null,
    HOST,
    text,
    selector,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`No ${selector} "${text}" in the panel`);
  await element.click();
}

/**
 * The panel alone, uncut and on a transparent background: for the moment of the shot a tall viewport lets it show
 * every step without scrolling, and the page under it is made invisible (the host resets `visibility` with
 * `all: initial`, so the panel stays visible). Both are undone right after.
 */
async function shootPanel(page, file) {
  await page.setViewport({ ...VIEWPORT, height: 2000 });
  await page.evaluate(() => document.documentElement.style.setProperty('visibility', 'hidden'));
  await sleep(100);
  const box = await page.$eval(HOST, (el) => {
    const r = el.shadowRoot.querySelector('.ks-panel').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const pad = 14; // room for the panel's drop shadow
  await page.screenshot({
    path: file,
    omitBackground: true,
    clip: { x: box.x - pad, y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad },
  });
  await page.evaluate(() => document.documentElement.style.removeProperty('visibility'));
  await page.setViewport(VIEWPORT);
  await sleep(100);
}

function saved(file) {
  console.log(`  📷 ${relative(ROOT, file)}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  console.log(`KeyScope demo — Chromium ${headless ? 'headless' : 'headed'}, OKX replica served at ${KEY_PAGE}`);
  const browser = await launchChromium({ headless });
  const stop = async () => {
    await browser.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    const [blank] = await browser.pages();
    const page = await browser.newPage();
    if (blank && blank !== page) await blank.close().catch(() => {});
    await page.setViewport(VIEWPORT);
    await serveFixtures(page, { [KEY_PAGE]: fixture('okx/en-native.html') });
    await page.goto(KEY_PAGE, { waitUntil: 'load' });
    await page.waitForSelector(HOST, { timeout: 10_000 });
    await report(page, 'Open the page');

    await clickPanel(page, 'Trading bot', 'label');
    await report(page, 'Purpose: "Trading bot"');

    await clickText(page, '#create-api-form', 'Trade');
    await report(page, 'Tick Trade');

    await clickText(page, '#create-api-form', 'Withdraw');
    await report(page, 'Tick Withdraw');

    await page.type('#create-api-form textarea', IP, { delay: headless ? 0 : 60 });
    await report(page, `Type the IP ${IP}`);

    await clickPanel(page, '90 days');
    const story = await report(page, 'Remind me in 90 days');

    await sleep(200);
    let file = join(OUT, 'okx-page.png');
    await page.screenshot({ path: file });
    saved(file);
    file = join(OUT, 'okx-panel.png');
    await shootPanel(page, file);
    saved(file);

    // Epilogue: follow the panel's advice, name the key and create it.
    await clickText(page, '#create-api-form', 'Withdraw');
    const ready = await report(page, 'Untick Withdraw, as the panel says');
    await page.type('#apiKeyName', 'grid-bot-01', { delay: headless ? 0 : 40 });
    await page.click('#create-api-form button[type="submit"]');
    await page.waitForFunction(
      (selector) =>
        document
          .querySelector(selector)
          ?.shadowRoot?.querySelector('.ks-notice')
          ?.textContent?.startsWith('Reminder saved'),
      { timeout: 10_000 },
      HOST,
    );
    const notice = await page.$eval(HOST, (host) => host.shadowRoot.querySelector('.ks-notice').textContent);
    console.log(`\n▶ Name the key "grid-bot-01" and press OKX's Confirm\n  ${notice}`);
    await sleep(200);
    file = join(OUT, 'okx-page-ready.png');
    await page.screenshot({ path: file });
    saved(file);
    file = join(OUT, 'okx-panel-ready.png');
    await shootPanel(page, file);
    saved(file);

    // The toolbar popup for this tab: live status and the reminder just recorded.
    const popup = await openPopup(browser, page);
    await popup.waitForSelector('[data-keyscope-status]');
    await popup.waitForSelector('[data-keyscope-reminder]');
    const popupSays = await popup.evaluate(() => ({
      risk: document.querySelector('[data-keyscope-status]').getAttribute('data-risk'),
      reminders: Array.from(document.querySelectorAll('[data-keyscope-reminder]')).map(
        (row) =>
          `${row.querySelector('.ks-row-name').textContent} — ${row.querySelector('.ks-row-due').textContent} [${row.getAttribute('data-status')}]`,
      ),
    }));
    console.log(`\n▶ Open the KeyScope popup\n  status data-risk="${popupSays.risk}"`);
    for (const row of popupSays.reminders) console.log(`   · ${row}`);
    file = join(OUT, 'popup.png');
    const main = await popup.$('main');
    await (main ?? popup).screenshot({ path: file });
    saved(file);

    console.log(
      `\nSummary: with Withdraw ticked → "${story.verdict}" (${story.risk}); after the fix → "${ready.verdict}" (${ready.risk}).`,
    );
    if (!headless) {
      console.log('\nThe browser stays open: try the form yourself. Close the window (or press Ctrl+C) to finish.');
      await new Promise((resolve) => browser.once('disconnected', resolve));
    }
  } finally {
    if (browser.connected) await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

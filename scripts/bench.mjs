// `npm run bench`: what KeyScope costs the pages it runs on, measured in real Chromium on the built extension
// (dist/chrome, production manifest), each extension figure beside the same page without the extension in the same
// run. Prints a table and writes bench-output/bench.json with the machine it ran on. About 2 minutes on 2 cores.
//
//   node scripts/bench.mjs [--no-build] [--quick] [--out <dir>]
//     --no-build  measure the dist/chrome already there (default: `npm run build` first)
//     --quick     fewer runs, for a smoke test (figures are then rougher; CI runs it so: test/e2e/bench.test.ts)
//     --out       where bench.json goes (default: bench-output/)
//
// Figures (issue 5, "Performance"): content-script size; main-thread script time on a heavy non-key page
// (scripts/bench/heavy-spa.html at OKX's spot URL) over a fixed window and at load, both by difference (CDP
// Performance.getMetrics with vs without) and attributed from a Chrome trace (the extension's own events); the same
// page at the key page's URL, where the guard runs but no form ever appears (its worst case); on the key page, click on
// a permission → updated panel, and form appearing → panel showing; JS heap the extension adds. Each is the median of
// N runs (or N clicks) with its spread (min–max, interquartile range, p95). Timings are reported, never asserted: the
// targets are in the table for reading, and machines are noisy (the load average is recorded before and after).
// The heavy page lives here, not in test/fixtures/: every folder there must be an exchange adapter's.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_CHROME, fixture, launchChromium, ROOT, serveFixtures } from './browsers.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
const OUT_DIR = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
const QUICK = args.has('--quick');
const RUNS = QUICK ? 3 : 7; // page loads per figure, with and without the extension each
const WINDOW_MS = QUICK ? 1000 : 2000; // the fixed window of live mutations measured on the heavy page
const CLICKS = QUICK ? 15 : 50;
const FORM_RUNS = QUICK ? 3 : 5;
const HEAP_RUNS = QUICK ? 3 : 4;
const TRACE_RUNS = QUICK ? 2 : 3;

const URLS = {
  spot: 'https://www.okx.com/trade-spot/btc-usdt',
  keyPage: 'https://www.okx.com/account/my-api',
};
const HEAVY = join(ROOT, 'scripts', 'bench', 'heavy-spa.html');
const HOST = '[data-keyscope-overlay]';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Statistics -----------------------------------------------------------------------------------------------------

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

const round = (x, digits = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** Median with the run-to-run spread: min, max, interquartile range and p95. */
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    iqr: [round(quantile(sorted, 0.25)), round(quantile(sorted, 0.75))],
  };
}

/** with / without, and the difference of the medians. */
function compare(withExtension, without) {
  const a = summary(withExtension);
  const b = summary(without);
  return { with: a, without: b, added: round(a.median - b.median), ratio: round(a.median / b.median, 4) };
}

// ---- Build and sizes -----------------------------------------------------------------------------------------------

function build() {
  console.log('Building the extension (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`npm run build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

function sizes() {
  const file = (name) => {
    const bytes = readFileSync(join(DIST_CHROME, 'src', 'content', name));
    return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  return {
    'bootstrap.js': { ...file('bootstrap.js'), injected: 'every page of a supported exchange', budgetGzip: 15 * 1024 },
    'guard.js': { ...file('guard.js'), injected: 'key pages only (by the background)' },
  };
}

// ---- Pages ---------------------------------------------------------------------------------------------------------

/** A fresh tab serving `routes`, with CDP Performance metrics on. */
async function open(browser, url, routes) {
  const page = await browser.newPage();
  await serveFixtures(page, routes);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load' });
  return { page, cdp };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * The heavy page: script and task time (ms) from navigation to load + 500 ms ("at load"), then over a fixed window of
 * live mutations; the JS heap after a GC at the end. Also checks the bootstrap content script ran and the guard did not.
 */
async function heavyRun(browser) {
  const { page, cdp } = await open(browser, URLS.spot, {
    [URLS.spot]: HEAVY,
    'https://www.okx.com/trade-spot/eth-usdt': HEAVY,
  });
  try {
    await sleep(500);
    const atLoad = await metrics(cdp);
    await sleep(WINDOW_MS);
    const after = await metrics(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await metrics(cdp);
    const page$ = await page.evaluate(
      (host) => ({ elements: document.querySelectorAll('*').length, overlay: !!document.querySelector(host) }),
      HOST,
    );
    return {
      loadScript: atLoad.ScriptDuration * 1000,
      loadTask: atLoad.TaskDuration * 1000,
      windowScript: (after.ScriptDuration - atLoad.ScriptDuration) * 1000,
      windowTask: (after.TaskDuration - atLoad.TaskDuration) * 1000,
      heap: heap.JSHeapUsedSize,
      elements: page$.elements,
      overlay: page$.overlay,
    };
  } finally {
    await page.close();
  }
}

/** Whether an extension content script world exists in the page (the bootstrap ran): names of isolated worlds. */
async function isolatedWorlds(browser, url, routes) {
  const page = await browser.newPage();
  try {
    await serveFixtures(page, routes);
    const cdp = await page.createCDPSession();
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin.startsWith('chrome-extension://')) worlds.push(context.name || context.origin);
    });
    await cdp.send('Runtime.enable');
    await page.goto(url, { waitUntil: 'load' });
    await sleep(500);
    return worlds;
  } finally {
    await page.close();
  }
}

/** Top-level trace events of the page's renderer main thread that run the extension's code (its URL is theirs). */
function extensionSlices(events) {
  const own = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        typeof e.dur === 'number' &&
        /chrome-extension:\/\//.test(e.args?.data?.url ?? e.args?.fileName ?? ''),
    )
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const e of own) {
    const last = top.at(-1);
    if (last && last.tid === e.tid && e.ts < last.ts + last.dur) continue; // nested in one already counted
    top.push(e);
  }
  return top;
}

/**
 * The extension's own main-thread time, attributed from a Chrome trace rather than by difference: the trace events
 * that run a chrome-extension:// script (EvaluateScript of the content script, FunctionCall of its callbacks), split
 * at load + 500 ms into "at load" and "window". Wall time (dur) and the thread's CPU time (tdur), in ms. The page's
 * total script time over the window (CDP ScriptDuration, thread ticks) is taken in the same run, for the ratio with
 * the same traced run without the extension.
 */
async function tracedRun(browser, url) {
  const page = await browser.newPage();
  try {
    await serveFixtures(page, { [url]: HEAVY, 'https://www.okx.com/trade-spot/eth-usdt': HEAVY });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.tracing.start({ categories: ['devtools.timeline'] });
    await page.goto(url, { waitUntil: 'load' });
    await sleep(500);
    const before = await metrics(cdp);
    await page.evaluate(() => console.timeStamp('keyscope-bench-window'));
    await sleep(WINDOW_MS);
    const after = await metrics(cdp);
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const events = trace.traceEvents;
    const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'keyscope-bench-window')?.ts;
    if (mark === undefined) throw new Error('no window mark in the trace');
    const slices = extensionSlices(events);
    const sum = (list, key) => list.reduce((total, e) => total + (e[key] ?? e.dur), 0) / 1000;
    const atLoad = slices.filter((e) => e.ts < mark);
    const inWindow = slices.filter((e) => e.ts >= mark);
    return {
      loadWall: sum(atLoad, 'dur'),
      loadThread: sum(atLoad, 'tdur'),
      windowWall: sum(inWindow, 'dur'),
      windowThread: sum(inWindow, 'tdur'),
      windowScript: (after.ScriptDuration - before.ScriptDuration) * 1000,
      scripts: [
        ...new Set(
          slices.map(
            (e) =>
              `${e.name} ${(e.args?.data?.url ?? e.args?.fileName ?? '').replace(/^chrome-extension:\/\/[^/]+\//, '')}`,
          ),
        ),
      ],
    };
  } finally {
    await page.close();
  }
}

/**
 * Key page, in the page: click the Trade label `n` times (~40 ms apart) and time from the click to the overlay host's
 * data-permissions/data-findings change (the panel re-renders in the same task), and to the next animation frame (when
 * it can be painted). Without the extension only the frame time exists: the page's own reaction to the click.
 */
async function clickTimes(page, n, withPanel) {
  return page.evaluate(
    async (count, host, panel) => {
      const overlay = document.querySelector(host);
      const label = Array.from(document.querySelectorAll('#create-api-form label')).find(
        (l) => l.textContent?.trim() === 'Trade',
      );
      const update = [];
      const frame = [];
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      for (let i = 0; i < count; i++) {
        await sleep(40);
        const changed = panel
          ? new Promise((resolve, reject) => {
              const before = overlay.getAttribute('data-permissions');
              const timer = setTimeout(() => reject(new Error(`no panel update after click ${i}`)), 2000);
              const observer = new MutationObserver(() => {
                if (overlay.getAttribute('data-permissions') === before) return;
                const at = performance.now();
                observer.disconnect();
                clearTimeout(timer);
                resolve(at);
              });
              observer.observe(overlay, { attributes: true, attributeFilter: ['data-permissions', 'data-findings'] });
            })
          : undefined;
        const t0 = performance.now();
        label.click();
        const t1 = changed ? await changed : t0;
        const t2 = await new Promise((resolve) => requestAnimationFrame(resolve));
        if (panel) update.push(t1 - t0);
        frame.push(Math.max(t1, t2) - t0);
      }
      return { update, frame };
    },
    n,
    HOST,
    withPanel,
  );
}

/**
 * late-modal.html: click "Create API key" and time until the key form is in the page (the page's own work) and, with
 * the extension, until the overlay host appears and carries the form's permissions; then to the next frame.
 */
async function formToPanel(page, withPanel) {
  return page.evaluate(
    async (host, panel) => {
      if (document.querySelector(host)) throw new Error('overlay already there before the form');
      const button = document.getElementById('create-api-key');
      let formAt = 0;
      const shown = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no panel within 3 s of the form')), 3000);
        const observer = new MutationObserver(() => {
          if (!formAt && document.querySelector('[role="dialog"] form')) formAt = performance.now();
          const overlay = document.querySelector(host);
          if (formAt && (!panel || overlay?.getAttribute('data-permissions'))) {
            const at = performance.now();
            observer.disconnect();
            clearTimeout(timer);
            resolve(at);
          }
        });
        observer.observe(document.documentElement, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['data-permissions'],
        });
      });
      const t0 = performance.now();
      button.click();
      const t1 = await shown;
      const t2 = await new Promise((resolve) => requestAnimationFrame(resolve));
      return { form: formAt - t0, panel: t1 - t0, frame: Math.max(t1, t2) - t0 };
    },
    HOST,
    withPanel,
  );
}

async function waitForOverlay(page) {
  await page.waitForFunction(
    (host) => document.querySelector(host)?.getAttribute('data-permissions') !== null,
    { timeout: 10_000, polling: 20 },
    HOST,
  );
}

/** JS heap (bytes) of the key page after the panel is up (or the same wait without the extension) and two GCs. */
async function heapRun(browser, withPanel) {
  const { page, cdp } = await open(browser, URLS.keyPage, { [URLS.keyPage]: fixture('okx/en-native.html') });
  try {
    if (withPanel) await waitForOverlay(page);
    await sleep(withPanel ? 300 : 800);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await metrics(cdp);
    return { used: m.JSHeapUsedSize, total: m.JSHeapTotalSize };
  } finally {
    await page.close();
  }
}

// ---- The run -------------------------------------------------------------------------------------------------------

/** Runs `fn` for both browsers `runs` times, alternating which goes first, after one dropped warm-up run each. */
async function paired(browsers, runs, fn) {
  const out = { with: [], without: [] };
  await fn(browsers.with, true);
  await fn(browsers.without, false);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
    for (const which of order) out[which].push(await fn(browsers[which], which === 'with'));
  }
  return out;
}

const pick = (runs, key) => runs.map((r) => r[key]);

function machine(chromium) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    chromium,
  };
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg();
  if (!args.has('--no-build')) build();
  const size = sizes();

  const browsers = {
    with: await launchChromium({ headless: true }),
    without: await launchChromium({ headless: true, extension: false }),
  };
  const results = {};
  let chromium;
  try {
    chromium = await browsers.with.version();

    // The bootstrap really runs on the heavy page (an isolated world of the extension), and never without it.
    const routes = { [URLS.spot]: HEAVY };
    const worlds = {
      with: await isolatedWorlds(browsers.with, URLS.spot, routes),
      without: await isolatedWorlds(browsers.without, URLS.spot, routes),
    };
    if (worlds.with.length === 0)
      throw new Error('the content script did not run on the heavy page (no isolated world)');
    if (worlds.without.length !== 0) throw new Error(`an isolated world without the extension: ${worlds.without}`);

    console.log(`Heavy non-key page: ${RUNS} loads each, ${WINDOW_MS} ms window…`);
    const heavy = await paired(browsers, RUNS, (browser) => heavyRun(browser));
    if (heavy.with.some((r) => r.overlay)) throw new Error('the panel appeared on a non-key page');
    results.heavyPage = {
      page: `${URLS.spot} (scripts/bench/heavy-spa.html, ${heavy.with[0].elements} elements, live mutations every 100 ms)`,
      contentScriptWorlds: worlds.with,
      method: `CDP Performance.getMetrics (thread ticks): ScriptDuration and TaskDuration from navigation to load + 500 ms, then over a fixed ${WINDOW_MS} ms window; fresh tab per run, with/without alternating, one warm-up each dropped (ms)`,
      windowScript: compare(pick(heavy.with, 'windowScript'), pick(heavy.without, 'windowScript')),
      windowTask: compare(pick(heavy.with, 'windowTask'), pick(heavy.without, 'windowTask')),
      loadScript: compare(pick(heavy.with, 'loadScript'), pick(heavy.without, 'loadScript')),
      loadTask: compare(pick(heavy.with, 'loadTask'), pick(heavy.without, 'loadTask')),
      heapAfterGc: compare(
        pick(heavy.with, 'heap').map((b) => b / 1024),
        pick(heavy.without, 'heap').map((b) => b / 1024),
      ),
    };

    console.log(`Trace: the extension's own main-thread time, ${TRACE_RUNS} traced loads per page, with and without…`);
    const traced = {};
    for (const [name, url] of [
      ['nonKeyPage', URLS.spot],
      ['keyPageNoForm', URLS.keyPage],
    ]) {
      const runs = { with: [], without: [] };
      for (let i = 0; i < TRACE_RUNS; i++) {
        for (const which of i % 2 === 0 ? ['with', 'without'] : ['without', 'with'])
          runs[which].push(await tracedRun(browsers[which], url));
      }
      if (runs.without.some((r) => r.scripts.length > 0))
        throw new Error('extension code in a trace without the extension');
      traced[name] = {
        page: `${url} (scripts/bench/heavy-spa.html${name === 'keyPageNoForm' ? " at the key page's URL: the guard runs, no key form ever appears" : ''})`,
        loadWall: summary(pick(runs.with, 'loadWall')),
        loadThread: summary(pick(runs.with, 'loadThread')),
        windowWall: summary(pick(runs.with, 'windowWall')),
        windowThread: summary(pick(runs.with, 'windowThread')),
        windowScript: compare(pick(runs.with, 'windowScript'), pick(runs.without, 'windowScript')),
        scripts: [...new Set(runs.with.flatMap((r) => r.scripts))],
      };
    }
    results.extensionTrace = {
      method: `Chrome trace (devtools.timeline): top-level events running chrome-extension:// code (EvaluateScript, FunctionCall), from navigation to load + 500 ms and over the ${WINDOW_MS} ms window; dur is wall time, tdur the main thread's CPU time (ms): the extension's own time, no subtraction. windowScript: CDP ScriptDuration over the same window in the same traced runs, with and without (ms).`,
      ...traced,
    };

    console.log(`Key page: ${CLICKS} clicks on a permission…`);
    const clicks = {};
    for (const which of ['with', 'without']) {
      const { page } = await open(browsers[which], URLS.keyPage, { [URLS.keyPage]: fixture('okx/en-native.html') });
      try {
        if (which === 'with') await waitForOverlay(page);
        await clickTimes(page, 5, which === 'with'); // warm-up: the first reads compile the reader's code paths
        clicks[which] = await clickTimes(page, CLICKS, which === 'with');
      } finally {
        await page.close();
      }
    }
    results.clickToPanel = {
      page: `${URLS.keyPage} (test/fixtures/okx/en-native.html)`,
      method:
        'in-page label.click() on "Trade" → MutationObserver on the overlay host data-permissions/data-findings; and → the next animation frame (ms)',
      toPanelUpdate: summary(clicks.with.update),
      toNextFrame: compare(clicks.with.frame, clicks.without.frame),
    };

    console.log(`Key page: form appearing → panel, ${FORM_RUNS} loads each…`);
    const forms = await paired(browsers, FORM_RUNS, async (browser, withPanel) => {
      const { page } = await open(browser, URLS.keyPage, { [URLS.keyPage]: fixture('okx/late-modal.html') });
      try {
        await sleep(800); // the guard is injected after load; the form is not there yet
        return await formToPanel(page, withPanel);
      } finally {
        await page.close();
      }
    });
    results.formToPanel = {
      page: `${URLS.keyPage} (test/fixtures/okx/late-modal.html, "Create API key" opens the form in a modal)`,
      method:
        'in-page click → MutationObserver: the form in the DOM, the overlay host carrying data-permissions, the next animation frame (ms); fresh tab per run',
      toForm: compare(pick(forms.with, 'form'), pick(forms.without, 'form')),
      clickToPanel: summary(pick(forms.with, 'panel')),
      formToPanel: summary(forms.with.map((r) => r.panel - r.form)),
      toNextFrame: compare(pick(forms.with, 'frame'), pick(forms.without, 'frame')),
    };

    console.log(`Key page: JS heap, ${HEAP_RUNS} loads each…`);
    const heap = await paired(browsers, HEAP_RUNS, (browser, withPanel) => heapRun(browser, withPanel));
    results.heap = {
      page: `${URLS.keyPage} (test/fixtures/okx/en-native.html, panel shown)`,
      method:
        "CDP Performance.getMetrics JSHeapUsedSize after two HeapProfiler.collectGarbage (KiB); the content script shares the page's V8 isolate, so its heap is the difference",
      usedKiB: compare(
        pick(heap.with, 'used').map((b) => b / 1024),
        pick(heap.without, 'used').map((b) => b / 1024),
      ),
    };
  } finally {
    await browsers.with.close();
    await browsers.without.close();
  }

  const report = {
    date: new Date().toISOString(),
    machine: {
      ...machine(chromium),
      loadAverageBefore: loadBefore.map((x) => round(x, 2)),
      loadAverageAfter: loadavg().map((x) => round(x, 2)),
    },
    config: {
      runs: RUNS,
      windowMs: WINDOW_MS,
      clicks: CLICKS,
      formRuns: FORM_RUNS,
      heapRuns: HEAP_RUNS,
      traceRuns: TRACE_RUNS,
      quick: QUICK,
      headless: true,
    },
    durationSeconds: round((Date.now() - started) / 1000, 1),
    size,
    ...results,
  };
  const dir = OUT_DIR ?? join(ROOT, 'bench-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  printTable(report);
  console.log(`\nWritten to ${join(dir, 'bench.json')} in ${report.durationSeconds} s.`);
}

// ---- The table -----------------------------------------------------------------------------------------------------

function fmt(s, unit = 'ms') {
  if (!s) return '–';
  return `${s.median} ${unit} [${s.min}–${s.max}]`;
}

function printTable(r) {
  const m = r.machine;
  console.log(`\nKeyScope bench, ${r.date}`);
  console.log(
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.chromium} headless; load average ${m.loadAverageBefore.join(' ')} → ${m.loadAverageAfter.join(' ')}`,
  );
  console.log('Median [min–max] of the runs; "added" is the difference of the medians, "ratio" with ÷ without.\n');
  const rows = [['Figure', 'With KeyScope', 'Without', 'Added / ratio', 'Target']];
  for (const [name, s] of Object.entries(r.size)) {
    rows.push([
      `Size ${name} (${s.injected})`,
      `${s.bytes} B, ${s.gzip} B gzip`,
      '–',
      '–',
      s.budgetGzip ? `≤ ${s.budgetGzip} B gzip` : '',
    ]);
  }
  const h = r.heavyPage;
  const pct = (c) => `${c.added} ms (${round((c.ratio - 1) * 100, 2)}%)`;
  rows.push([
    `Heavy page: script, ${r.config.windowMs} ms window`,
    fmt(h.windowScript.with),
    fmt(h.windowScript.without),
    pct(h.windowScript),
    '< 1% added',
  ]);
  rows.push([
    `Heavy page: tasks, ${r.config.windowMs} ms window`,
    fmt(h.windowTask.with),
    fmt(h.windowTask.without),
    pct(h.windowTask),
    '',
  ]);
  rows.push([
    'Heavy page: script at load',
    fmt(h.loadScript.with),
    fmt(h.loadScript.without),
    pct(h.loadScript),
    '< 1 ms added',
  ]);
  rows.push(['Heavy page: tasks at load', fmt(h.loadTask.with), fmt(h.loadTask.without), pct(h.loadTask), '']);
  rows.push([
    'Heavy page: JS heap after GC',
    fmt(h.heapAfterGc.with, 'KiB'),
    fmt(h.heapAfterGc.without, 'KiB'),
    `${h.heapAfterGc.added} KiB`,
    '',
  ]);
  for (const [name, t] of Object.entries(r.extensionTrace).filter(([key]) => key !== 'method')) {
    const label = name === 'nonKeyPage' ? 'Heavy page' : 'Heavy page at the key URL, no form';
    const share = `${round((t.windowThread.median / r.config.windowMs) * 100, 2)}% of the window`;
    rows.push([
      `${label}: KeyScope's own time at load (trace)`,
      `${fmt(t.loadWall)} wall, ${t.loadThread.median} ms CPU`,
      '–',
      '–',
      name === 'nonKeyPage' ? '< 1 ms' : '',
    ]);
    rows.push([
      `${label}: KeyScope's own time in window (trace)`,
      `${fmt(t.windowWall)} wall, ${t.windowThread.median} ms CPU`,
      '–',
      share,
      name === 'nonKeyPage' ? '< 1%' : '',
    ]);
    rows.push([
      `${label}: all script in window (traced runs)`,
      fmt(t.windowScript.with),
      fmt(t.windowScript.without),
      pct(t.windowScript),
      '',
    ]);
  }
  const c = r.clickToPanel;
  rows.push([
    'Key page: click → panel updated',
    `${fmt(c.toPanelUpdate)}, p95 ${c.toPanelUpdate.p95}`,
    '–',
    '–',
    'median < 4 ms, p95 < 16 ms',
  ]);
  rows.push([
    'Key page: click → next frame',
    `${fmt(c.toNextFrame.with)}, p95 ${c.toNextFrame.with.p95}`,
    `${fmt(c.toNextFrame.without)}, p95 ${c.toNextFrame.without.p95}`,
    `×${c.toNextFrame.ratio}`,
    '',
  ]);
  const f = r.formToPanel;
  rows.push(['Key page: click → form in page', fmt(f.toForm.with), fmt(f.toForm.without), `×${f.toForm.ratio}`, '']);
  rows.push(['Key page: click "Create API key" → panel', fmt(f.clickToPanel), '–', '–', '']);
  rows.push(['Key page: form appears → panel shown', fmt(f.formToPanel), '–', '–', '']);
  rows.push([
    'Key page: click → next frame (form)',
    fmt(f.toNextFrame.with),
    fmt(f.toNextFrame.without),
    `×${f.toNextFrame.ratio}`,
    '',
  ]);
  const k = r.heap.usedKiB;
  rows.push(['Key page: JS heap after GC', fmt(k.with, 'KiB'), fmt(k.without, 'KiB'), `${k.added} KiB`, '']);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  rows.forEach((row, i) => {
    console.log(row.map((cell, j) => String(cell).padEnd(widths[j])).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

#!/usr/bin/env node
// npm run fixture -- <description.json> [--exchange <id>] [--name <page>] [--out <dir>]
//
// Turns a page description that a user saved with "This page is not read right?" (src/content/read/describe-page.ts) into a
// replica page, test/fixtures/<exchange>/<name>.html, and adds (or updates) its entry in that folder's expected.json.
// The page rebuilds the described elements with their kinds, roles, states, classes the reader looks at, label links
// and short texts; what the description left out comes back as neutral stand-ins (a long text, "•••" for a secret,
// documentation IP addresses, example.com e-mails). Every replica carries a password field whose value starts with
// CANARY- (the dom tests require one). The exchange is the one whose hosts hold the description's host (`generic`
// when none does). The entry's snapshot is what KeyScope reads on the rebuilt page today (the reader run in happy-dom
// through Vite's module loader): the page was reported as misread, so check it and write what it should read.
// --out writes under another folder instead of test/fixtures (the tests use a temporary one). Nothing is fetched.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import DESCRIBED from '../src/content/read/described-attributes.json' with { type: 'json' };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const VOID = new Set(['input', 'br', 'hr', 'img', 'area', 'col', 'embed', 'source', 'track', 'wbr']);
// Never rebuilt as themselves, whatever a (hand-edited) description says: a replica runs no code but its own.
const FORBIDDEN = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'template',
  'noscript',
  'html',
  'head',
  'body',
  'title',
  'math',
]);
// The attributes a description may carry: the same list the describer keeps (one file for both).
const TOKEN_ATTRS = DESCRIBED.token;
const TOKEN = new RegExp(DESCRIBED.tokenPattern);
const TEXT_ATTRS = [...DESCRIBED.text, DESCRIBED.buttonCaption];
const LONG_TEXT = 'A longer text of the page stood here; page descriptions never include one.';
const CANARY = 'CANARY-PASSPHRASE-REPLICA';

function fail(message) {
  console.error(`fixture: ${message}`);
  process.exit(1);
}

const escapeText = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text) => escapeText(text).replace(/"/g, '&quot;');
const today = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** Rebuilds the described tree as HTML. */
class PageBuilder {
  secrets = 0;
  privates = 0;

  /** A described text (a string, or the marker of what was left out) as the stand-in text a replica shows. */
  text(value) {
    if (typeof value === 'string') return value;
    if (value?.long) return LONG_TEXT;
    if (value?.secret) return '•••';
    const n = ++this.privates;
    if (value?.private === 'ip') return `203.0.113.${(n % 254) + 1}`;
    if (value?.private === 'email') return `user${n}@example.com`;
    if (value?.private === 'number') return String(100000 + n);
    return '';
  }

  attrs(node) {
    const out = [];
    const attrs = node.attrs && typeof node.attrs === 'object' ? node.attrs : {};
    for (const name of TOKEN_ATTRS) {
      const value = attrs[name];
      if (typeof value === 'string' && TOKEN.test(value))
        out.push(value === '' ? name : `${name}="${escapeAttr(value)}"`);
    }
    for (const name of TEXT_ATTRS)
      if (attrs[name] !== undefined) out.push(`${name}="${escapeAttr(this.text(attrs[name]))}"`);
    const classes = Array.isArray(node.class)
      ? node.class.filter((c) => typeof c === 'string' && /^[\w-]+$/.test(c))
      : [];
    if (classes.length) out.push(`class="${classes.join(' ')}"`);
    if (Number.isInteger(node.ref)) out.push(`id="ref-${node.ref}"`);
    if (Number.isInteger(node.for)) out.push(`for="ref-${node.for}"`);
    if (Array.isArray(node.labelledBy))
      out.push(
        `aria-labelledby="${node.labelledBy
          .filter(Number.isInteger)
          .map((n) => `ref-${n}`)
          .join(' ')}"`,
      );
    if (Number.isInteger(node.group)) out.push(`name="group-${node.group}"`);
    if (node.checked === true) out.push('checked');
    if (node.selected === true) out.push('selected');
    if (node.disabled === true) out.push('disabled');
    return out;
  }

  element(node, indent) {
    const tag =
      typeof node.tag === 'string' && /^[a-z][a-z0-9-]*$/.test(node.tag) && !FORBIDDEN.has(node.tag) ? node.tag : 'div';
    const pad = '  '.repeat(indent);
    if (node.secret) {
      // Key material: a field the reader must skip, holding a canary that must never come out of it.
      const n = ++this.secrets;
      const type =
        typeof node.attrs?.type === 'string' && /^[a-z]+$/.test(node.attrs.type) ? node.attrs.type : 'password';
      const id = Number.isInteger(node.ref) ? ` id="ref-${node.ref}"` : '';
      if (tag === 'input')
        return `${pad}<input${id} type="${type}" name="keyscope-secret-${n}" value="${CANARY}-${n}">`;
      if (tag === 'textarea') return `${pad}<textarea${id} name="keyscope-secret-${n}">${CANARY}-${n}</textarea>`;
      return `${pad}<${tag}${id} aria-label="secret"></${tag}>`;
    }
    const open = `<${[tag, ...this.attrs(node)].join(' ')}>`;
    if (VOID.has(tag)) return pad + open;
    const children = Array.isArray(node.children) && !node.editable && tag !== 'textarea' ? node.children : [];
    const close = `</${tag}>`;
    const left = node.truncated ? '<!-- left out of the description: too deep, or too many elements -->' : '';
    if (!children.some((child) => typeof child === 'string' || !child?.tag)) {
      if (!children.length) return `${pad}${open}${left}${close}`;
      return [
        pad + open,
        ...children.map((child) => this.element(child, indent + 1)),
        ...(left ? [pad + '  ' + left] : []),
        pad + close,
      ].join('\n');
    }
    // Mixed text and elements stay on one line: no white space is added inside a label.
    const inline = children.map((child) =>
      child && typeof child === 'object' && child.tag ? this.element(child, 0) : escapeText(this.text(child)),
    );
    return `${pad}${open}${inline.join(' ')}${left}${close}`;
  }
}

// What the exchange's own scripts would do, at the least: aria checkboxes and switches toggle on click, Space and Enter.
const BEHAVIOUR = `<script>
  // Rebuilt page: aria checkboxes and switches toggle as the exchange's own controls would.
  function toggle(event) {
    var control = event.target.closest('[role="checkbox"], [role="switch"]');
    if (!control || control.getAttribute('aria-disabled') === 'true') return;
    control.setAttribute('aria-checked', String(control.getAttribute('aria-checked') !== 'true'));
  }
  document.addEventListener('click', toggle);
  document.addEventListener('keydown', function (event) {
    if (event.key === ' ' || event.key === 'Enter') { event.preventDefault(); toggle(event); }
  });
</script>`;

/** The replica page's HTML for a description; exported for the tests. */
export function buildPage(description, url) {
  const builder = new PageBuilder();
  let body = builder.element(description.root, 2);
  const context = description.context ?? {};
  if (context.dialog !== undefined) {
    body = `    <div role="dialog" aria-label="${escapeAttr(builder.text(context.dialog))}">\n${body.replace(/^/gm, '  ')}\n    </div>`;
  }
  const heading = context.heading !== undefined ? `    <h2>${escapeText(builder.text(context.heading))}</h2>\n` : '';
  const canary =
    builder.secrets > 0
      ? ''
      : `  <div class="keyscope-replica-canary"><label for="keyscope-replica-passphrase">Passphrase</label> <input id="keyscope-replica-passphrase" type="password" value="${CANARY}"></div>\n`;
  const lang =
    typeof description.lang === 'string' && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(description.lang)
      ? description.lang
      : 'en';
  const comment =
    `Rebuilt by \`npm run fixture\` on ${today()} from a KeyScope page description of ${url} (area: ${description.area}).
  Element kinds, roles, states and short texts as the user's browser showed them. Values typed, long texts and
  anything of a key or secret were never in the description: a long text is a stand-in sentence, a secret "•••",
  an IP address 203.0.113.x, an e-mail user@example.com. The password fields hold ${CANARY} canaries.`.replace(
      /--/g,
      '- -',
    );
  return `<!DOCTYPE html>
<!--
  ${comment}
-->
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Replica: ${escapeText(description.host + description.path)}</title>
</head>
<body>
  <main>
${heading}${body}
  </main>
${canary}${BEHAVIOUR}
</body>
</html>
`;
}

/** The reader and the adapters, loaded from the TypeScript sources through Vite; undefined when that fails. */
async function loadKeyScope() {
  try {
    const { createServer } = await import('vite');
    const server = await createServer({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    try {
      const reader = await server.ssrLoadModule('/src/content/read/read-form.ts');
      const registry = await server.ssrLoadModule('/src/exchanges/index.ts');
      return { reader, registry };
    } finally {
      await server.close();
    }
  } catch (error) {
    console.warn(
      `fixture: could not load KeyScope's reader (${error instanceof Error ? error.message : error}); the snapshot is left null.`,
    );
    return undefined;
  }
}

/** Host → exchange id from the adapters' sources, when the reader could not be loaded. */
function exchangeFromSources(host) {
  const dir = join(ROOT, 'src/exchanges');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    const id = /\bid: '([a-z0-9-]+)'/.exec(source)?.[1];
    const hosts = /\bhosts: \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    if (id && [...hosts.matchAll(/'([^']+)'/g)].some((m) => m[1] === host)) return id;
  }
  return undefined;
}

/** What findKeyForm + readForm return on the rebuilt page, in happy-dom at the page's address. */
async function readSnapshot(keyscope, adapterId, url, html) {
  const { Window } = await import('happy-dom');
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const names = [
    'Node',
    'NodeFilter',
    'Element',
    'HTMLElement',
    'HTMLInputElement',
    'HTMLTextAreaElement',
    'HTMLOptionElement',
    'Text',
  ];
  const saved = Object.fromEntries(names.map((name) => [name, globalThis[name]]));
  try {
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    for (const name of names) globalThis[name] = window[name];
    const adapter = keyscope.registry.adapterById(adapterId) ?? keyscope.registry.adapterForPage(new URL(url).hostname);
    const form = keyscope.reader.findKeyForm(window.document.documentElement, adapter);
    return form ? keyscope.reader.readForm(form, adapter) : null;
  } finally {
    for (const name of names) globalThis[name] = saved[name];
    await window.happyDOM.close();
  }
}

/** JSON on one line, with the spaces the fixture files use: `{"a": 1, "b": [2, 3]}`. */
function compact(value) {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${compact(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/** Where the value of a top-level key starts and ends in a JSON object's text. */
function valueSpan(text, key) {
  let depth = 0;
  let lastString;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastString = { value: JSON.parse(text.slice(start, i + 1)), end: i + 1 };
      continue;
    }
    if (c === ':' && depth === 1 && lastString?.value === key) {
      let start = i + 1;
      while (/\s/.test(text[start])) start++;
      let inner = 0;
      for (let j = start; j < text.length; j++) {
        const d = text[j];
        if (d === '"') {
          for (j++; text[j] !== '"'; j++) if (text[j] === '\\') j++;
        } else if (d === '{' || d === '[') inner++;
        else if (d === '}' || d === ']') {
          inner--;
          if (inner === 0) return { start, end: j + 1 };
        }
      }
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

/** Adds or replaces one page's entry, leaving every other entry's text as it was. */
function upsertEntry(text, name, entry) {
  const data = JSON.parse(text);
  const fields = Object.entries(entry).map(([k, v]) => `    ${JSON.stringify(k)}: ${compact(v)}`);
  const value = `{\n${fields.join(',\n')}\n  }`;
  const span = name in data ? valueSpan(text, name) : undefined;
  let next;
  if (span) next = text.slice(0, span.start) + value + text.slice(span.end);
  else {
    const before = text.slice(0, text.lastIndexOf('}')).replace(/\s*$/, '');
    next = `${before}${Object.keys(data).length ? ',' : ''}\n  ${JSON.stringify(name)}: ${value}\n}\n`;
  }
  const expected = { ...data, [name]: entry };
  // Whatever the file looked like, it must now say exactly this; else it is written afresh.
  return isDeepStrictEqual(JSON.parse(next), expected) ? next : `${JSON.stringify(expected, null, 2)}\n`;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      exchange: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log('Usage: npm run fixture -- <description.json> [--exchange <id>] [--name <page>] [--out <dir>]');
    process.exit(values.help ? 0 : 1);
  }
  let description;
  try {
    description = JSON.parse(readFileSync(positionals[0], 'utf8'));
  } catch (error) {
    fail(`cannot read ${positionals[0]}: ${error instanceof Error ? error.message : error}`);
  }
  if (
    description?.keyscope !== 'page-description' ||
    description.version !== 1 ||
    typeof description.root !== 'object'
  ) {
    fail(
      `${positionals[0]} is not a KeyScope page description (version 1): save one with "This page is not read right?".`,
    );
  }
  if (typeof description.host !== 'string' || !/^[a-z0-9.-]+(:\d+)?$/i.test(description.host))
    fail(`bad host ${JSON.stringify(description.host)}`);
  if (typeof description.path !== 'string' || !/^\/[^\s?#]*$/.test(description.path))
    fail(`bad path ${JSON.stringify(description.path)}`);
  const url = `https://${description.host}${description.path}`;

  const keyscope = await loadKeyScope();
  const hostname = description.host.replace(/:\d+$/, '');
  const exchange =
    values.exchange ??
    (keyscope ? keyscope.registry.adapterForHost(hostname)?.id : exchangeFromSources(hostname)) ??
    'generic';
  if (!/^[a-z0-9-]+$/.test(exchange)) fail(`bad exchange id ${JSON.stringify(exchange)}`);
  const outRoot = resolve(values.out ?? join(ROOT, 'test/fixtures'));
  const folder = join(outRoot, exchange);
  let name = values.name ?? `reported-${today()}`;
  if (!name.endsWith('.html')) name += '.html';
  if (!/^[\w.-]+\.html$/.test(name)) fail(`bad page name ${JSON.stringify(name)} (letters, digits, ".", "_" and "-")`);
  if (!values.name) for (let n = 2; existsSync(join(folder, name)); n++) name = `reported-${today()}-${n}.html`;

  const html = buildPage(description, url);
  const snapshot = keyscope ? await readSnapshot(keyscope, exchange, url, html) : null;
  mkdirSync(folder, { recursive: true });
  const page = join(folder, name);
  const existed = existsSync(page);
  writeFileSync(page, html);
  const expectedFile = join(folder, 'expected.json');
  const expectedText = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '{}\n';
  const others = Object.values(JSON.parse(expectedText));
  const entry = { url, snapshot, ...(others.some((other) => Array.isArray(other?.keys)) ? { keys: [] } : {}) };
  writeFileSync(expectedFile, upsertEntry(expectedText, name, entry));

  const shown = (path) => {
    const inside = relative(process.cwd(), path);
    return inside && !inside.startsWith('..') ? inside : path;
  };
  console.log(
    `${existed ? 'Replaced' : 'Wrote'} ${shown(page)}: ${description.nodes ?? '?'} described nodes, area ${description.area}${description.truncated ? ' (truncated)' : ''}, exchange ${exchange}.`,
  );
  console.log(`Set ${shown(expectedFile)} → "${name}": url ${url}`);
  if (!keyscope)
    console.log("  snapshot: null. KeyScope's reader could not run here: write the snapshot the page must read.");
  else if (snapshot === null) {
    console.log(
      '  snapshot: null. KeyScope finds no key form on this page today. If it is a key form, write the snapshot it',
    );
    console.log('  must read (test/fixtures/okx/README.md says what each field means), then make the reader find it.');
  } else {
    console.log(`  snapshot (what KeyScope reads today): ${compact(snapshot)}`);
    console.log('  The page was reported as misread: check this against what the page shows and correct it by hand.');
  }
  console.log(`Next: add a row for ${name} to ${shown(join(folder, 'README.md'))}, then run`);
  console.log('  npx vitest run --project dom test/dom/read-form-exchanges.test.ts test/dom/fuzz-fixtures.test.ts');
}

// Run as a script (not imported by a test).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

// docs/design.md, "Boundaries": which part of src/ may import which, checked on every import of every source file.
// The rules are data: a new rule is a new row, a new allowed edge a new exception with its reason.

const root = new URL('../../', import.meta.url).pathname;
const src = join(root, 'src');

/** One rule: the files under `from` import nothing outside `allow` (when given) and nothing under `forbid`. */
interface Rule {
  /** Files under this folder of src/ (`content/`). */
  from: string;
  /** When given, the only places (repository paths, `src/core/`) and packages (`ipaddr.js`) they may import. */
  allow?: readonly string[];
  /** Places they never import (repository paths). */
  forbid?: readonly string[];
  /** Places a type-only import (`import type`, erased from the build) may reach all the same. */
  types?: readonly string[];
  /** The reason, as docs/design.md "Boundaries" gives it. */
  why: string;
}

const RULES: readonly Rule[] = [
  {
    from: 'core/',
    allow: ['src/core/', 'ipaddr.js'],
    types: ['_locales/en/messages.json'],
    why: 'core is pure: no browser API, no exchange, no page; its words are message ids (type-only, from the catalogue)',
  },
  { from: 'exchanges/', allow: ['src/exchanges/', 'src/core/'], why: 'adapters are data in the core vocabulary' },
  { from: 'settings/', allow: ['src/settings/', 'src/core/'], why: 'the settings are plain data and pure steps' },
  {
    from: 'inventory/',
    allow: ['src/inventory/', 'src/settings/', 'src/core/'],
    why: 'the key inventory is plain data and pure steps',
  },
  {
    from: 'content/',
    forbid: ['src/background/', 'src/popup/', 'src/options/'],
    why: 'the page talks to the rest only by messages',
  },
  {
    from: 'content/read/',
    forbid: ['src/content/guard/', 'src/content/overlay/', 'src/content/guard.ts', 'src/content/bootstrap.ts'],
    why: 'reading the page is DOM → data only: it knows nothing of the session, the panel or the entry points',
  },
  {
    from: 'content/guard/key-page-session.ts',
    allow: ['src/core/', 'src/content/guard/confirm-critical.ts'],
    types: ['src/exchanges/', 'src/inventory/', 'src/settings/', 'src/messages.ts', 'src/content/overlay/Panel.tsx'],
    why: 'the key-page session is pure: events in, view and effects out; the DOM, messages and the browser stay in its shell',
  },
  {
    from: 'popup/',
    forbid: ['src/content/'],
    types: ['src/content/'],
    why: 'the pages get what the page read by messages, typed',
  },
  {
    from: 'options/',
    forbid: ['src/content/'],
    types: ['src/content/'],
    why: 'the pages get what the page read by messages, typed',
  },
  {
    from: 'background/',
    forbid: ['src/content/overlay/'],
    why: 'the background injects the content scripts, never renders in the page',
  },
  {
    from: 'ui/',
    forbid: ['src/content/', 'src/background/', 'src/popup/', 'src/options/'],
    types: ['src/content/'],
    why: 'ui/ is shared by the panel and the pages: it belongs to none of them',
  },
];

/** Allowed edges that a rule would refuse, each with its reason (docs/design.md, "Boundaries"). */
const EXCEPTIONS: ReadonlyArray<{ file: string; imports: string; why: string }> = [
  {
    file: 'src/ui/PageReport.tsx',
    imports: 'src/content/read/page-description.ts',
    why: "the page description's file (its name, JSON and save) is shown and saved by the panel and the popup alike",
  },
];

interface Import {
  file: string;
  /** A repository path (`src/core/types.ts`) or a package name. */
  target: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const STATIC = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `{ type A, type B }`: every name imported as a type. */
const allTypes = (clause: string) =>
  /^\{[^}]*\}$/.test(clause.trim()) &&
  clause
    .replace(/[{}\s]/g, '')
    .split(',')
    .filter(Boolean)
    .every((name) => name.startsWith('type'));

function target(file: string, specifier: string): string {
  const path = specifier.replace(/\?.*$/, '');
  if (!path.startsWith('.')) return path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!;
  const resolved = relative(root, join(dirname(file), path));
  const candidates = [resolved, `${resolved}.ts`, `${resolved}.tsx`, `${resolved}/index.ts`];
  return (
    candidates.find((candidate) => {
      try {
        return statSync(join(root, candidate)).isFile();
      } catch {
        return false;
      }
    }) ?? resolved
  );
}

function importsOf(path: string): Import[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(root, path);
  const found: Import[] = [];
  for (const [, type, clause, specifier] of text.matchAll(STATIC)) {
    found.push({ file, target: target(path, specifier!), typeOnly: Boolean(type) || allTypes(clause!) });
  }
  for (const pattern of [BARE, DYNAMIC]) {
    for (const [, specifier] of text.matchAll(pattern))
      found.push({ file, target: target(path, specifier!), typeOnly: false });
  }
  return found;
}

const under = (path: string, place: string) => (place.endsWith('/') ? path.startsWith(place) : path === place);

function broken(rule: Rule, edge: Import): boolean {
  if (edge.typeOnly && rule.types?.some((place) => under(edge.target, place))) return false;
  if (rule.allow && !rule.allow.some((place) => under(edge.target, place))) return true;
  return (rule.forbid ?? []).some((place) => under(edge.target, place));
}

const edges = sources(src).flatMap(importsOf);
const excepted = (edge: Import) => EXCEPTIONS.some((e) => e.file === edge.file && e.imports === edge.target);

describe('docs/design.md "Boundaries"', () => {
  test('the imports are read (a broken pattern would pass every rule)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({
      file: 'src/background/inject-guard.ts',
      target: 'src/content/guard-handle.ts',
      typeOnly: false,
    });
    expect(edges).toContainEqual({
      file: 'src/popup/popup-data.ts',
      target: 'src/content/read/page-description.ts',
      typeOnly: true,
    });
    expect(edges).toContainEqual({
      file: 'src/background/inject-guard.ts',
      target: 'src/content/guard.ts',
      typeOnly: false,
    });
  });

  test.each(RULES.map((rule) => [rule.from, rule] as const))('src/%s', (_from, rule) => {
    const offenders = edges.filter(
      (edge) => under(edge.file, `src/${rule.from}`) && broken(rule, edge) && !excepted(edge),
    );
    expect(
      offenders.map((edge) => `${edge.file} → ${edge.target}`),
      rule.why,
    ).toEqual([]);
  });

  test('every exception is still needed', () => {
    for (const exception of EXCEPTIONS) {
      const edge = edges.find((e) => e.file === exception.file && e.target === exception.imports);
      expect(
        edge && RULES.some((rule) => under(edge.file, `src/${rule.from}`) && broken(rule, edge)),
        exception.file,
      ).toBe(true);
    }
  });
});

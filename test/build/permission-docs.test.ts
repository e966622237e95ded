// The manifest's permissions and their two written justifications must agree: README's "Permissions, and why" table
// (for users) and docs/store-listing.md (what the store forms get). Each table's first column names permissions in
// backticks; optional ones say "(optional)". A new permission without a reason in both, or a reason left behind for a
// permission that is gone, fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as {
  permissions: string[];
  optional_permissions?: string[];
  host_permissions: string[];
  optional_host_permissions?: string[];
};

interface Asked {
  entry: string;
  optional: boolean;
  /** Backticked words that name it in a table: the manifest string itself, or for hosts the README's shorter forms. */
  names: string[];
}

/** A host pattern, its host name (`www.okx.com`) and, for "any host" patterns, its scheme (README: "any `https://` site"). */
function hostNames(pattern: string): string[] {
  const match = /^(\w+):\/\/([^/]+)\//.exec(pattern);
  if (!match) return [pattern];
  return [pattern, match[2] === '*' ? `${match[1]}://` : match[2]!];
}

const asked: Asked[] = [
  ...manifest.permissions.map((entry) => ({ entry, optional: false, names: [entry] })),
  ...(manifest.optional_permissions ?? []).map((entry) => ({ entry, optional: true, names: [entry] })),
  ...manifest.host_permissions.map((entry) => ({ entry, optional: false, names: hostNames(entry) })),
  ...(manifest.optional_host_permissions ?? []).map((entry) => ({ entry, optional: true, names: hostNames(entry) })),
];

interface Row {
  tokens: string[];
  optional: boolean;
  reason: string;
}

/** The rows of every table in the section under `heading` (up to the next heading of the same or a higher level). */
function rowsUnder(markdown: string, heading: string): Row[] {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`No "${heading}" section`);
  const level = heading.indexOf(' ');
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  return (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // the header row
    .map((line) => {
      const [first = '', reason = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return {
        tokens: [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
        optional: first.includes('(optional)'),
        reason,
      };
    });
}

const docs = {
  'README.md': rowsUnder(read('README.md'), '## Permissions, and why'),
  'docs/store-listing.md': [
    ...rowsUnder(read('docs/store-listing.md'), '## Permission justifications'),
    ...rowsUnder(read('docs/store-listing.md'), '## Host permission justifications'),
  ],
};

// The store forms want the exact manifest strings; the README may name hosts by their host name.
const exact = { 'README.md': false, 'docs/store-listing.md': true };
// Words in README's first column that are manifest keys, not permissions.
const MANIFEST_KEYS = new Set(['host_permissions']);

describe.each(Object.keys(docs) as (keyof typeof docs)[])('%s', (doc) => {
  const rows = docs[doc];

  test.each(asked.map((a) => [a.entry, a] as const))(
    'justifies %s, marked optional exactly when it is',
    (_entry, permission) => {
      const names = exact[doc] ? [permission.entry] : permission.names;
      const row = rows.find((r) => r.tokens.some((t) => names.includes(t)));
      expect(row, `${doc} has no row for ${permission.entry}`).toBeDefined();
      expect(row!.reason.length, `${doc}: the reason for ${permission.entry}`).toBeGreaterThan(20);
      expect(row!.optional, `${doc}: "(optional)" on the row of ${permission.entry}`).toBe(permission.optional);
    },
  );

  test('justifies nothing the manifest does not ask for', () => {
    const known = new Set(asked.flatMap((a) => (exact[doc] ? [a.entry] : a.names)));
    const stale = rows.flatMap((r) => r.tokens).filter((t) => !known.has(t) && !MANIFEST_KEYS.has(t));
    expect(stale).toEqual([]);
  });
});

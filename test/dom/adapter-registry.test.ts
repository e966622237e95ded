import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ExchangeAdapter } from '../../src/exchanges/adapter';
import { ADAPTERS } from '../../src/exchanges';

// The convention behind "a new exchange is one file in src/exchanges/ plus fixtures": every adapter file is
// registered, and every registered adapter has replica pages with their expected snapshots.
// Paths from import.meta.dirname: Vite rewrites `new URL(…, import.meta.url)` into an asset URL.

const EXCHANGES_DIR = join(import.meta.dirname, '../../src/exchanges');
const FIXTURES_DIR = join(import.meta.dirname, '../fixtures');
/** index.ts is the registry, adapter.ts the adapter type and wire.ts its JSON form: none is an exchange. */
const NOT_ADAPTERS = new Set(['index.ts', 'adapter.ts', 'wire.ts']);
const adapterFiles = readdirSync(EXCHANGES_DIR).filter((file) => file.endsWith('.ts') && !NOT_ADAPTERS.has(file));

function isAdapter(value: unknown): value is ExchangeAdapter {
  const adapter = value as ExchangeAdapter;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof adapter.id === 'string' &&
    Array.isArray(adapter.hosts) &&
    typeof adapter.labels === 'object'
  );
}

describe('every adapter file is registered', () => {
  test('the folder has adapter files', () => {
    expect(adapterFiles.length).toBeGreaterThan(0);
  });

  test.each(adapterFiles)('%s exports one adapter, and ADAPTERS lists it', async (file) => {
    const module: Record<string, unknown> = await import(/* @vite-ignore */ join(EXCHANGES_DIR, file));
    const adapters = Object.values(module).filter(isAdapter);
    expect(adapters).toHaveLength(1);
    expect(ADAPTERS).toContain(adapters[0]);
  });

  test('ADAPTERS holds one adapter per file, with unique lower-case ids', () => {
    expect(ADAPTERS).toHaveLength(adapterFiles.length);
    const ids = ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('every registered adapter has replica pages with expected snapshots', () => {
  test.each(ADAPTERS.map((adapter) => adapter.id))('test/fixtures/%s', (id) => {
    const folder = join(FIXTURES_DIR, id);
    expect(existsSync(folder), `test/fixtures/${id}/ is missing`).toBe(true);
    const pages = readdirSync(folder)
      .filter((file) => file.endsWith('.html'))
      .sort();
    expect(pages.length, `test/fixtures/${id}/ has no .html page`).toBeGreaterThan(0);

    const expectedFile = join(folder, 'expected.json');
    expect(existsSync(expectedFile), `test/fixtures/${id}/expected.json is missing`).toBe(true);
    const expected: Record<string, { snapshot: { exchange: string } | null }> = JSON.parse(
      readFileSync(expectedFile, 'utf8'),
    );
    expect(Object.keys(expected).sort(), 'expected.json must name every page, and only those').toEqual(pages);

    const snapshots = Object.values(expected).map((entry) => entry.snapshot);
    expect(
      snapshots.some((snapshot) => snapshot !== null),
      'at least one page must hold a key form',
    ).toBe(true);
    for (const snapshot of snapshots) if (snapshot) expect(snapshot.exchange).toBe(id);
  });

  test('every fixture folder belongs to a registered adapter', () => {
    const folders = readdirSync(FIXTURES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(ADAPTERS.map((adapter) => adapter.id)).toEqual(expect.arrayContaining(folders));
  });
});

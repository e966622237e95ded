import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// docs/design.md hard rules, checked on the sources: page text is data, and nothing talks to a server.
const src = new URL('../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

test.each([
  ['innerHTML / outerHTML / insertAdjacentHTML', /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['eval / new Function / string timers', /\beval\(|new Function\(|setTimeout\(\s*['"`]/],
  // The WebSocket API (constructed, called or looked up), not a label such as Kraken Pro's "WebSocket interface".
  [
    'network calls',
    /\bfetch\(|XMLHttpRequest|\bnew\s+WebSocket\b|\bWebSocket\s*\(|\.WebSocket\b|\[['"]WebSocket['"]\]|sendBeacon|EventSource/,
  ],
  ['document.write', /document\.write/],
])('no %s in src/', (_what, pattern) => {
  const offenders = sources(src).filter((file) => pattern.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});

test('the snapshot type has no field for key material', () => {
  const types = readFileSync(join(src, 'core/types.ts'), 'utf8');
  const snapshot = types.slice(
    types.indexOf('export interface KeyFormSnapshot'),
    types.indexOf('}', types.indexOf('export interface KeyFormSnapshot')),
  );
  expect(snapshot).not.toMatch(/secret|passphrase|password|apiKey\b|otp|2fa/i);
});

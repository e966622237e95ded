// CI runs the benchmark (issue 5): `npm run bench` must keep working on the built extension, and the content script
// must stay within its size budget. The timings are reported (docs/performance.md), not asserted: machines are
// noisy. --quick uses fewer runs; about 1–2 minutes here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/browsers.mjs';

const out = mkdtempSync(join(tmpdir(), 'keyscope-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Summary {
  n: number;
  median: number | null;
}

/** Every median-with-spread object in the report, by its path. */
function summaries(value: unknown, path = ''): Array<[string, Summary]> {
  if (typeof value !== 'object' || value === null) return [];
  if ('median' in value && 'n' in value) return [[path, value as Summary]];
  return Object.entries(value).flatMap(([key, inner]) => summaries(inner, `${path}.${key}`));
}

test('npm run bench runs on the built extension and reports every figure; the content script is within 15 KB gzip', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--no-build', '--quick', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const report = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8'));
  const bootstrap = report.size['bootstrap.js'];
  expect(bootstrap.gzip).toBeGreaterThan(0);
  expect(bootstrap.gzip).toBeLessThanOrEqual(15 * 1024);
  const figures = summaries(report);
  for (const section of ['heavyPage', 'extensionTrace', 'clickToPanel', 'formToPanel', 'heap']) {
    expect(
      figures.some(([path]) => path.startsWith(`.${section}.`)),
      `no figure under ${section}`,
    ).toBe(true);
  }
  for (const [path, figure] of figures) {
    expect(figure.n, path).toBeGreaterThan(0);
    expect(Number.isFinite(figure.median), `${path} has no median`).toBe(true);
  }
  expect(run.stdout).toContain('Key page: click → panel updated');
}, 320_000);

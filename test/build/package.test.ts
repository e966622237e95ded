// `npm run package` (its core, on the dist/ that `npm run build` wrote): what each store receives, read back from the
// archives themselves with unzip — and the source archive rebuilt the way docs/packaging.md tells AMO's
// reviewers, which must give the same files as the Firefox zip.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { archiveNames, BUILD_ENV, packageAll, releaseVersion, ROOT, type Packaged } from '../../scripts/package.mjs';

const out = mkdtempSync(join(tmpdir(), 'keyscope-package-'));
let packaged: Packaged;

/** The entries of a zip, files only (no directory entries), as `unzip -Z1` lists them. */
function entries(zip: string): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
    .split('\n')
    .filter((name) => name && !name.endsWith('/'))
    .sort();
}

function zipped(zip: string, name: string): Buffer {
  return execFileSync('unzip', ['-p', zip, name], { maxBuffer: 64 * 1024 * 1024 });
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const built = (target: string) =>
  files(join(ROOT, 'dist', target))
    .map((f) => relative(join(ROOT, 'dist', target), f))
    .sort();
const secretOrFixture = /(^|\/)(\.env[^/]*|[^/]+\.(pem|key|p12))$|(^|\/)test\/|fixtures\//;

beforeAll(() => {
  packaged = packageAll({ build: false, outDir: out });
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

test('manifest.json and package.json carry the same version, and the archives are named after it', () => {
  const version = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')).version;
  expect(version('manifest.json')).toBe(version('package.json'));
  expect(packaged.version).toBe(version('package.json'));
  const names = archiveNames(packaged.version);
  expect(readdirSync(out).sort()).toEqual([names.chrome, names.firefox, names.source].sort());
});

test('packaging stops with a clear message when the two versions differ', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyscope-versions-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '0.2.0' }));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '0.1.0' }));
    expect(() => releaseVersion(dir)).toThrow('package.json says version 0.2.0 but manifest.json says 0.1.0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(['chrome', 'firefox'] as const)('%s zip', (target) => {
  const zip = () => packaged.paths[target];

  test('holds exactly the built extension, manifest.json at its root, no source maps or hidden files', () => {
    const listed = entries(zip());
    expect(listed).toContain('manifest.json');
    expect(listed).toEqual(
      built(target).filter((f) => !f.endsWith('.map') && !f.split('/').some((part) => part.startsWith('.'))),
    );
    expect(listed.filter((f) => f.endsWith('.map') || secretOrFixture.test(f))).toEqual([]);
    expect(zipped(zip(), 'manifest.json').equals(readFileSync(join(ROOT, 'dist', target, 'manifest.json')))).toBe(true);
  });
});

test('the Chrome zip runs its background as a service worker; the Firefox zip has the gecko settings AMO requires', () => {
  const chrome = JSON.parse(zipped(packaged.paths.chrome, 'manifest.json').toString('utf8'));
  expect(chrome.background.service_worker).toBe('service-worker-loader.js');
  expect(chrome.browser_specific_settings).toBeUndefined();
  const firefox = JSON.parse(zipped(packaged.paths.firefox, 'manifest.json').toString('utf8'));
  expect(firefox.background.scripts).toEqual(['service-worker-loader.js']);
  expect(firefox.browser_specific_settings.gecko.id).toBe('keyscope@keyscope.dev');
  expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
});

test('the Firefox zip, unpacked, passes web-ext lint with only the accepted preact warning', () => {
  expect(packaged.lintSummary).toMatch(
    /^web-ext lint: 0 errors, 0 notices, (\d+) warnings \(\1 accepted UNSAFE_VAR_ASSIGNMENT/,
  );
});

describe('source zip for AMO review', () => {
  const listed = () => entries(packaged.paths.source);

  test("has what the build needs and the reviewers' instructions, and only files git tracks", () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      'manifest.json',
      'vite.config.ts',
      'tsconfig.json',
      'src/background/index.ts',
      'icons/icon-128.png',
      'docs/packaging.md',
      'PRIVACY.md',
    ]) {
      expect(listed()).toContain(file);
    }
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n'));
    expect(listed().filter((f) => !tracked.has(f))).toEqual([]);
  });

  test('leaves out tests and their fixture pages, screenshots, dependencies, builds and secrets', () => {
    expect(
      listed().filter(
        (f) => /^(test|node_modules|dist|artifacts|docs\/screenshots)\//.test(f) || secretOrFixture.test(f),
      ),
    ).toEqual([]);
  });

  // Rolldown's hashes in chunk file names (assets/index.ts-<hash>.js…) depend on the folder the build runs in, not
  // only on the code (checked 2026-11: copies of one tree in two folders give other names, the same bytes). So the
  // hashes are blanked — in the names and where files name each other — and the two builds must then hold the same
  // files with the same contents.
  test('built as docs/packaging.md says, it gives the same files as the Firefox zip', () => {
    const unhashed = (text: string) => text.replace(/-[\w-]{8}\.(js|css)\b/g, '-[hash].$1');
    // One line per file, its name and a digest of its contents, so that a failure names the files that differ.
    const summary = (list: { name: string; bytes: Buffer }[]) =>
      list
        .map(({ name, bytes }) => {
          const content = /\.(js|html|json|css)$/.test(name) ? Buffer.from(unhashed(bytes.toString('utf8'))) : bytes;
          return `${unhashed(name)} ${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
        })
        .sort();
    const tree = mkdtempSync(join(tmpdir(), 'keyscope-source-'));
    try {
      execFileSync('unzip', ['-q', packaged.paths.source, '-d', tree]);
      // `npm ci` stands in for the installed tree here: the same lockfile, already installed.
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
      execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'error'], {
        cwd: tree,
        env: BUILD_ENV,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const rebuilt = join(tree, 'dist', 'firefox');
      const mine = files(rebuilt).map((f) => ({ name: relative(rebuilt, f), bytes: readFileSync(f) }));
      const theirs = entries(packaged.paths.firefox).map((name) => ({
        name,
        bytes: zipped(packaged.paths.firefox, name),
      }));
      expect(summary(mine)).toEqual(summary(theirs));
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  }, 120_000);
});

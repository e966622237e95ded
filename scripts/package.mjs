// `npm run package`: builds both targets, then writes the three archives the stores ask for into artifacts/:
//
//   keyscope-chrome-<version>.zip   dist/chrome as the Chrome Web Store wants it (manifest.json at the root)
//   keyscope-firefox-<version>.zip  dist/firefox, checked with the same `web-ext lint` gate as `npm run lint:firefox`
//   keyscope-source-<version>.zip   the sources AMO review asks for: tracked files only (git archive), no tests,
//                                   fixtures or screenshots; docs/packaging.md tells reviewers how to build
//
// The version is package.json's; packaging stops if manifest.json says another. No source maps, no hidden files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFirefox } from './lint-firefox.mjs';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const ARTIFACTS = join(ROOT, 'artifacts');

// Left out of the source archive: tests (fixtures are replica exchange pages), the README images, and any secret
// that was committed by mistake (a test checks the archive holds none).
const NOT_SOURCE = ['test', 'docs/screenshots', '**/.env*', '**/*.pem', '**/*.key', '**/*.p12'];

/**
 * The environment a store build runs in. Vite builds for production unless NODE_ENV says otherwise, and a shell or a
 * test runner (vitest sets NODE_ENV=test) may say otherwise: then preact's debug paths stay in the bundle.
 */
export const BUILD_ENV = { ...process.env, NODE_ENV: 'production' };

/** package.json's version; throws when manifest.json's differs (the stores read the manifest, people read package.json). */
export function releaseVersion(root = ROOT) {
  const read = (file) => JSON.parse(readFileSync(join(root, file), 'utf8')).version;
  const [pkg, manifest] = [read('package.json'), read('manifest.json')];
  if (pkg !== manifest)
    throw new Error(`package.json says version ${pkg} but manifest.json says ${manifest}: make them the same.`);
  return pkg;
}

/** The archive file names for a version. */
export function archiveNames(version) {
  return {
    chrome: `keyscope-chrome-${version}.zip`,
    firefox: `keyscope-firefox-${version}.zip`,
    source: `keyscope-source-${version}.zip`,
  };
}

function run(command, args, cwd = ROOT) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Zips a built extension folder with its manifest at the zip's root; source maps and hidden files stay out. */
function zipBuild(dir, file) {
  run('zip', ['-r', '-X', '-q', file, '.', '-x', '*.map', '.*', '*/.*'], dir);
}

/** The Firefox zip passes the lint gate as unpacked from the zip itself, not from dist/. */
function lintFirefoxZip(file) {
  const unpacked = mkdtempSync(join(tmpdir(), 'keyscope-firefox-zip-'));
  try {
    run('unzip', ['-q', file, '-d', unpacked]);
    const { summary, problems } = lintFirefox(unpacked);
    if (problems.length) throw new Error(`${relative(ROOT, file)} fails web-ext lint:\n${problems.join('\n')}`);
    return summary;
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

/**
 * The source archive from git: the committed tree, or the working tree's tracked files when they have uncommitted
 * changes (`git stash create` records them without touching anything), so that the archive is what was just built.
 * Files git does not track are never included.
 */
function archiveSource(file) {
  const tree = run('git', ['stash', 'create']).trim() || 'HEAD';
  const untracked = run('git', [
    'ls-files',
    '--others',
    '--exclude-standard',
    '--',
    'src',
    'icons',
    'public',
    '_locales',
  ]).trim();
  if (untracked) console.warn(`Not in the source archive (not tracked by git):\n${untracked}`);
  run('git', [
    'archive',
    '--format=zip',
    '-o',
    file,
    tree,
    '--',
    '.',
    ...NOT_SOURCE.map((path) => `:(exclude,glob)${path}`),
  ]);
}

/**
 * Writes the three archives into `outDir` and returns their paths.
 * @param {{ build?: boolean, outDir?: string, lint?: boolean }} [options] `build: false` packages the existing dist/
 */
export function packageAll({ build = true, outDir = ARTIFACTS, lint = true } = {}) {
  const version = releaseVersion();
  if (build) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: BUILD_ENV });
  mkdirSync(outDir, { recursive: true });
  const names = archiveNames(version);
  const paths = {
    chrome: join(outDir, names.chrome),
    firefox: join(outDir, names.firefox),
    source: join(outDir, names.source),
  };
  for (const path of Object.values(paths)) rmSync(path, { force: true });
  zipBuild(join(ROOT, 'dist', 'chrome'), paths.chrome);
  zipBuild(join(ROOT, 'dist', 'firefox'), paths.firefox);
  const lintSummary = lint ? lintFirefoxZip(paths.firefox) : 'web-ext lint: skipped';
  archiveSource(paths.source);
  return { version, paths, lintSummary };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { version, paths, lintSummary } = packageAll();
    console.log(`\nKeyScope ${version}: ${lintSummary}`);
    for (const path of Object.values(paths)) console.log(`  ${relative(ROOT, path)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

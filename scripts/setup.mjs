// The set-up `npm run demo` and `npm test` do first, so that a fresh Debian machine with Node 20 needs nothing else:
//
//   node scripts/setup.mjs              npm ci when node_modules is missing or older than package-lock.json
//   node scripts/setup.mjs --browsers   the same, then Chromium and Firefox ESR for the real-browser tests: installed
//                                       with apt-get when run as root, else it stops and prints the command to run
//
// Plain Node, no dependencies (it runs before they are installed). What to do is decided by the pure functions below
// (test/unit/setup-script.test.ts); only main() looks at the machine and runs commands.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const NPM_CI = ['npm', 'ci', '--no-audit', '--no-fund'];
export const BROWSERS = ['chromium', 'firefox-esr'];
export const APT_UPDATE = ['apt-get', 'update'];
export const APT_INSTALL = ['apt-get', 'install', '-y', ...BROWSERS];

/**
 * Whether node_modules records exactly the packages package-lock.json pins: npm's own record of what it installed
 * (node_modules/.package-lock.json) lists each locked package at its version, none beyond, and leaves out only
 * optional ones (another platform's binaries).
 */
export function installedMatchesLock(installed, locked) {
  if (!installed || !locked) return false;
  for (const [path, entry] of Object.entries(installed)) {
    if (locked[path]?.version !== entry.version) return false;
  }
  return Object.entries(locked).every(([path, entry]) => path === '' || path in installed || entry.optional === true);
}

/**
 * Whether to run `npm ci`: node_modules is missing, or older than package-lock.json. "Older" by the files' times,
 * unless npm's record shows it holds what the lockfile pins: a git checkout or a new worktree touches
 * package-lock.json without changing it, and a reinstall then would only cost time (and, through a node_modules
 * symlinked from another checkout, pull it from under that checkout).
 *
 * @param {{ nodeModulesTime?: number, lockTime: number, installed?: Record<string, { version?: string }>,
 *           locked?: Record<string, { version?: string, optional?: boolean }> }} state
 *        times in ms (undefined: node_modules is missing); the `packages` of node_modules/.package-lock.json and of
 *        package-lock.json
 * @returns {string | null} why npm ci must run, or null when it need not
 */
export function installReason({ nodeModulesTime, lockTime, installed, locked }) {
  if (nodeModulesTime === undefined) return 'node_modules is missing';
  if (nodeModulesTime >= lockTime) return null;
  if (installedMatchesLock(installed, locked)) return null;
  return 'node_modules is older than package-lock.json';
}

/**
 * What to do about the real browsers the tests drive.
 *
 * @param {{ missing: string[], root: boolean, aptGet: boolean }} state the browsers `command -v` did not find; whether
 *        this runs as root; whether apt-get is there
 * @returns {{ action: 'none' } | { action: 'apt', commands: string[][] } | { action: 'fail', message: string }}
 */
export function browserPlan({ missing, root, aptGet }) {
  if (missing.length === 0) return { action: 'none' };
  if (root && aptGet) return { action: 'apt', commands: [APT_UPDATE, APT_INSTALL] };
  const what = `The real-browser tests need ${missing.join(' and ')}, not installed here.`;
  if (!aptGet) {
    return {
      action: 'fail',
      message: `${what} This machine has no apt-get: install ${BROWSERS.join(' and ')} with its own package manager, then run this again.`,
    };
  }
  const command = `sudo ${APT_UPDATE.join(' ')} && sudo ${APT_INSTALL.join(' ')}`;
  return { action: 'fail', message: `${what} Run:\n\n  ${command}\n\nthen run this again.` };
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function packagesOf(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).packages;
  } catch {
    return undefined;
  }
}

function found(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run([command, ...args], env = process.env) {
  console.log(`setup: ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
}

function main(argv) {
  const nodeModules = join(ROOT, 'node_modules');
  const reason = installReason({
    nodeModulesTime: mtime(nodeModules),
    lockTime: mtime(join(ROOT, 'package-lock.json')) ?? 0,
    installed: packagesOf(join(nodeModules, '.package-lock.json')),
    locked: packagesOf(join(ROOT, 'package-lock.json')),
  });
  if (reason) {
    console.log(`setup: ${reason}`);
    run(NPM_CI);
  }

  if (!argv.includes('--browsers')) return 0;
  const plan = browserPlan({
    missing: BROWSERS.filter((browser) => !found(browser)),
    root: process.getuid?.() === 0,
    aptGet: found('apt-get'),
  });
  if (plan.action === 'fail') {
    console.error(`setup: ${plan.message}`);
    return 1;
  }
  if (plan.action === 'apt') {
    for (const command of plan.commands) run(command, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

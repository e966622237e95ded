import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { APT_INSTALL, APT_UPDATE, browserPlan, installReason, NPM_CI } from '../../scripts/setup.mjs';

// scripts/setup.mjs, run first by `npm run demo` and `npm test`: what it decides to install, from what it found.

const ROOT = join(import.meta.dirname, '../..');
const locked = {
  '': { version: '0.1.0' },
  'node_modules/preact': { version: '11.2.0' },
  'node_modules/vite': { version: '8.3.8' },
  'node_modules/@rolldown/binding-darwin-arm64': { version: '1.0.0', optional: true },
};
const installed = { 'node_modules/preact': { version: '11.2.0' }, 'node_modules/vite': { version: '8.3.8' } };

describe('npm ci', () => {
  test('runs when node_modules is missing', () => {
    expect(installReason({ lockTime: 1000, installed, locked })).toBe('node_modules is missing');
  });

  test('does not run when node_modules is as new as package-lock.json or newer', () => {
    expect(installReason({ nodeModulesTime: 1000, lockTime: 1000, locked })).toBeNull();
    expect(installReason({ nodeModulesTime: 2000, lockTime: 1000, locked })).toBeNull();
  });

  test('runs when node_modules is older and npm recorded other packages than the lockfile pins', () => {
    const older = { nodeModulesTime: 1000, lockTime: 2000, locked };
    expect(installReason({ ...older })).toBe('node_modules is older than package-lock.json');
    expect(
      installReason({ ...older, installed: { ...installed, 'node_modules/vite': { version: '8.3.7' } } }),
    ).not.toBeNull();
    expect(installReason({ ...older, installed: { 'node_modules/preact': { version: '11.2.0' } } })).not.toBeNull();
    expect(
      installReason({ ...older, installed: { ...installed, 'node_modules/left-pad': { version: '1.0.0' } } }),
    ).not.toBeNull();
  });

  test('does not run when node_modules is older only because a checkout touched an unchanged lockfile', () => {
    // Optional packages for another platform are never installed, and need not be.
    expect(installReason({ nodeModulesTime: 1000, lockTime: 2000, installed, locked })).toBeNull();
  });

  test('this checkout, as installed, needs no reinstall', () => {
    const packages = (file: string) =>
      (JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { packages: Record<string, { version?: string }> })
        .packages;
    expect(
      installReason({
        nodeModulesTime: 0,
        lockTime: 1,
        installed: packages('node_modules/.package-lock.json'),
        locked: packages('package-lock.json'),
      }),
    ).toBeNull();
  });

  test('is the clean install the lockfile asks for, without the audit and funding talk', () => {
    expect(NPM_CI).toEqual(['npm', 'ci', '--no-audit', '--no-fund']);
  });
});

describe('browsers', () => {
  test('nothing to do when both are there', () => {
    expect(browserPlan({ missing: [], root: false, aptGet: false })).toEqual({ action: 'none' });
  });

  test('as root with apt-get: apt-get update, then install both', () => {
    expect(browserPlan({ missing: ['firefox-esr'], root: true, aptGet: true })).toEqual({
      action: 'apt',
      commands: [APT_UPDATE, APT_INSTALL],
    });
    expect([APT_UPDATE, APT_INSTALL].map((c) => c.join(' '))).toEqual([
      'apt-get update',
      'apt-get install -y chromium firefox-esr',
    ]);
  });

  test('otherwise it stops with the exact command to run', () => {
    const plan = browserPlan({ missing: ['chromium', 'firefox-esr'], root: false, aptGet: true });
    expect(plan.action).toBe('fail');
    expect(plan.action === 'fail' && plan.message).toContain(
      'sudo apt-get update && sudo apt-get install -y chromium firefox-esr',
    );
    expect(plan.action === 'fail' && plan.message).toContain('chromium and firefox-esr');
  });

  test('without apt-get, even as root, it names the two browsers to install', () => {
    const plan = browserPlan({ missing: ['chromium'], root: true, aptGet: false });
    expect(plan.action).toBe('fail');
    expect(plan.action === 'fail' && plan.message).toMatch(/no apt-get.*chromium and firefox-esr/);
  });
});

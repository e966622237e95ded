import { evaluate } from '../../src/core/evaluate';
import type { EvaluationContext, Finding, KeyFormSnapshot } from '../../src/core/types';
import { okx } from '../../src/exchanges/okx';
import type { Reminder } from '../../src/inventory/reminder';
import { say } from '../../src/i18n';

/** Public unicast addresses (not documentation ranges: ipaddr.js calls 203.0.113.0/24 and friends reserved). */
export const PUBLIC_IP = '8.8.8.8';
export const PUBLIC_IP_2 = '1.1.1.1';

/** A clean starting point: a read-only OKX key bound to one public IP. Each test changes one thing. */
export function snapshot(overrides: Partial<KeyFormSnapshot> = {}): KeyFormSnapshot {
  return {
    exchange: okx.id,
    permissions: ['read'],
    ipEntries: [PUBLIC_IP],
    ipFieldFound: true,
    keyName: 'portfolio tracker',
    ...overrides,
  };
}

/** The user's answers for that key, judged with the real OKX rules (max 20 IPs, 14-day unbound expiry). */
export function context(overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return { purpose: 'read-only', rotationDays: 90, exchangeName: okx.name, rules: okx.rules, ...overrides };
}

/** A finding with its words as the user reads them (English, from _locales/en). */
export type ReadFinding = Omit<Finding, 'title' | 'why' | 'fix'> & { title: string; why: string; fix: string };

export function read(f: Finding): ReadFinding {
  return { ...f, title: say(f.title), why: say(f.why), fix: say(f.fix) };
}

/** The one finding with this id, as the user reads it, or undefined. */
export function findingOf(id: string, snap: KeyFormSnapshot, ctx: EvaluationContext): ReadFinding | undefined {
  const found = evaluate(snap, ctx).find((f) => f.id === id);
  return found && read(found);
}

/** `n` distinct public addresses, 8.8.8.1 onwards. */
export function publicIps(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `8.8.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`);
}

/** A valid active OKX reminder; each test changes one thing. */
export function reminder(overrides: Partial<Reminder> = {}): Reminder {
  return {
    id: 'r1',
    exchange: 'okx',
    name: 'portfolio tracker',
    permissions: ['read'],
    ipBound: true,
    created: '2026-11-26',
    rotationDays: 90,
    due: '2027-02-24',
    state: 'active',
    source: 'form',
    history: [{ kind: 'created', on: '2026-11-26' }],
    ...overrides,
  };
}

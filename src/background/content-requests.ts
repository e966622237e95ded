import { parseCalendarDate } from '../core/rotation';
import { PERMISSIONS, PURPOSES, RISKS, type Permission } from '../core/types';
import { adapterById } from '../exchanges';
import { generic } from '../exchanges/generic';
import { INTERVAL_DAYS_MAX, NAME_MAX } from '../inventory/reminder';
import type { MessageName, Request } from '../messages';

// A content script's request as the background accepts it: the exchange is the one of the page it runs on, and on
// a guarded site the site's origin is the page's (never what the payload says), and every field has its shape and
// size checked. A request that fails says why and changes nothing.

/** Largest request a content script may send, serialized: a verdict with every finding is a few kilobytes. */
export const CONTENT_REQUEST_MAX = 64 * 1024;
const LIST_MAX = 200;
const ENTRY_MAX = 200;

class BadRequest extends Error {}

function fail(what: string): never {
  throw new BadRequest(`KeyScope refused a malformed request: ${what}.`);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function name(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || Array.from(value).length > NAME_MAX)
    fail(`${field} must be a text of at most ${NAME_MAX} characters`);
  return value;
}

function permissions(value: unknown): Permission[] {
  if (
    !Array.isArray(value) ||
    value.length > PERMISSIONS.length ||
    !value.every((p) => (PERMISSIONS as readonly unknown[]).includes(p))
  ) {
    fail('permissions must be canonical permission names');
  }
  return [...new Set(value as Permission[])];
}

function days(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > INTERVAL_DAYS_MAX)
    fail(`${field} must be whole days from 1 to ${INTERVAL_DAYS_MAX}`);
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail(`${field} must be true or false`);
  return value;
}

function texts(value: unknown, field: string): string[] {
  if (
    !Array.isArray(value) ||
    value.length > LIST_MAX ||
    !value.every((t) => typeof t === 'string' && t.length <= ENTRY_MAX)
  ) {
    fail(`${field} must be at most ${LIST_MAX} short texts`);
  }
  return value as string[];
}

function purpose(value: unknown): { purpose?: (typeof PURPOSES)[number] } {
  if (value === undefined) return {};
  if (!(PURPOSES as readonly unknown[]).includes(value)) fail('purpose is not one KeyScope offers');
  return { purpose: value as (typeof PURPOSES)[number] };
}

/** The sender's exchange and, on a guarded site, the page's origin: where a key recorded from it lives. */
type Site = { exchange: string; origin?: string };

/** The key fields of a record, track or restrictions request, checked, for the sender's exchange and site. */
function keyFields(payload: Record<string, unknown>, site: Site) {
  return {
    ...site,
    name: name(payload.name),
    permissions: permissions(payload.permissions),
    ipBound: flag(payload.ipBound, 'ipBound'),
    rotationDays: days(payload.rotationDays, 'rotationDays'),
    ...purpose(payload.purpose),
    ...(payload.deadlineDays === undefined ? {} : { deadlineDays: days(payload.deadlineDays, 'deadlineDays') }),
  };
}

/**
 * The request of a content script on `exchange`'s page (at `pageUrl`, the sender's frame URL), checked and bound to
 * that exchange, and on a guarded site to the page's https origin; throws a clear error for a malformed or oversized
 * one. Only messages a content script may send reach here (senders.ts).
 */
export function contentRequest<K extends MessageName>(
  type: K,
  payload: unknown,
  exchange: string,
  pageUrl?: URL,
): Request<K> {
  let size = 0;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    fail('it cannot be read as data');
  }
  if (size > CONTENT_REQUEST_MAX) fail(`it is larger than ${CONTENT_REQUEST_MAX} bytes`);
  const p = isRecord(payload) ? payload : fail('it is not an object');
  const site: Site =
    exchange === generic.id && pageUrl?.protocol === 'https:' ? { exchange, origin: pageUrl.origin } : { exchange };
  return bind(type, p, site) as Request<K>;
}

function bind(type: MessageName, p: Record<string, unknown>, site: Site): unknown {
  const { exchange } = site;
  switch (type) {
    case 'purpose:get':
    case 'reminders:tracked-names':
      return { exchange };
    case 'purpose:set':
      return { exchange, ...purpose(p.purpose) };
    case 'reminder:confirm-pending':
      return { ...site, ...(p.name === undefined ? {} : { name: name(p.name) }) };
    case 'reminder:record':
      return keyFields(p, site);
    case 'reminder:restrictions':
      return { ...keyFields(p, site), rotationChosen: flag(p.rotationChosen, 'rotationChosen') };
    case 'reminder:track': {
      const created = p.created;
      if (created !== undefined && (typeof created !== 'string' || parseCalendarDate(created) === undefined))
        fail('created must be a calendar date');
      return { ...keyFields(p, site), ...(created === undefined ? {} : { created }) };
    }
    case 'verdict:update':
      return { verdict: verdict(p.verdict, exchange) };
    default:
      return p;
  }
}

/** A tab's verdict, for the sender's exchange: the popup shows it as the tab's, so its shape is checked here. */
function verdict(value: unknown, exchange: string) {
  if (!isRecord(value)) fail('verdict must be an object');
  if (!(RISKS as readonly unknown[]).includes(value.risk)) fail('verdict.risk is not a risk');
  if (
    !Array.isArray(value.findings) ||
    value.findings.length > LIST_MAX ||
    !value.findings.every((f) => isRecord(f) && typeof f.id === 'string')
  ) {
    fail('verdict.findings must be findings');
  }
  if (typeof value.toFix !== 'number' || !Number.isInteger(value.toFix) || value.toFix < 0)
    fail('verdict.toFix must be a count');
  return {
    ...value,
    exchange,
    exchangeName: adapterById(exchange)?.name ?? exchange,
    permissions: permissions(value.permissions),
    ipEntries: texts(value.ipEntries, 'verdict.ipEntries'),
    ids: texts(value.ids, 'verdict.ids'),
    ready: flag(value.ready, 'verdict.ready'),
  };
}

import { keyListFlags, type ListedKey } from '../../core/key-list-flags';
import {
  DEFAULT_ROTATION_DAYS,
  exchangeDeadlineDays,
  localCalendarDate,
  suggestedRotationDays,
} from '../../core/rotation';
import type { ExchangeAdapter } from '../../exchanges/adapter';
import { t } from '../../i18n';
import { send } from '../../messages';
import { throttled } from './frame-batcher';
import { guardSettings } from './guard-settings';
import type { KeyFlagView } from '../overlay/KeyFlag';
import { KEY_FLAG_ATTRIBUTE, mountKeyFlag, type KeyFlagHost } from '../overlay/mount-key-flag';
import { couldBeKeyListPart, readKeyList, type ListedKeyCard } from '../read/read-key-list';
import { errorText } from '../../ui/errors';

const LIST_REREAD_MS = 250;

function warn(what: string) {
  return (error: unknown) => console.warn(`KeyScope: ${what}`, error);
}

/** Tracked names are compared as the background compares them: trimmed, case-insensitive. */
const nameKey = (name: string) => name.trim().toLowerCase();

const isOurs = (node: Node) =>
  node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(KEY_FLAG_ATTRIBUTE);

/** Beside the card: after it, or, for a table row (where only cells may follow), at the end of its last cell. */
function place(card: Element, host: HTMLElement): void {
  if (card.matches('tr, [role="row"]')) {
    const cell = card.lastElementChild ?? card;
    if (cell.lastElementChild !== host) cell.append(host);
  } else if (card.nextElementSibling !== host) {
    card.after(host);
  }
}

/**
 * Guards the exchange's list of existing keys: beside each listed key, its risk flags and "Track this key". The
 * list is re-read when the page changes (React re-renders replace the cards); every host added is removed when
 * the signal aborts. `now` is the clock the "old" flag is judged by.
 */
export function guardKeyList(adapter: ExchangeAdapter, signal: AbortSignal, now: () => Date = () => new Date()): void {
  const hosts = new Map<Element, { host: KeyFlagHost; entry: ListedKey }>();
  const tracked = new Set<string>();
  const busy = new Set<string>();
  const errors = new Map<string, string>();
  const asked = new Set<string>();
  /** The user's rotation interval (settings): the age at which a listed key is "old", and what tracking uses. */
  let rotationDays: number = DEFAULT_ROTATION_DAYS;
  let settingsAsked = false;

  const viewOf = (entry: ListedKey): KeyFlagView => {
    const key = nameKey(entry.name);
    const today = localCalendarDate(now());
    const error = errors.get(key);
    return {
      exchangeName: adapter.name,
      name: entry.name,
      flags: keyListFlags(entry, { today, rules: adapter.rules, rotationDays }),
      rotationDays,
      ...(adapter.rules.unboundExpiry ? { expiry: adapter.rules.unboundExpiry } : {}),
      tracking: tracked.has(key) ? 'yes' : busy.has(key) ? 'busy' : 'no',
      ...(error ? { error } : {}),
    };
  };

  const renderAll = () => {
    if (signal.aborted) return;
    for (const { host, entry } of hosts.values()) host.update(viewOf(entry));
  };

  const track = (card: Element) => {
    const current = hosts.get(card);
    if (!current) return;
    const { entry } = current;
    const key = nameKey(entry.name);
    if (!key || busy.has(key) || tracked.has(key)) return;
    busy.add(key);
    errors.delete(key);
    renderAll();
    const days = suggestedRotationDays(
      exchangeDeadlineDays(adapter.rules, entry.permissions, entry.ipBound),
      rotationDays,
    );
    send('reminder:track', { exchange: adapter.id, ...entry, rotationDays: days })
      .then(
        () => {
          tracked.add(key);
        },
        (error: unknown) => {
          errors.set(key, t('flag_track_failed', errorText(error)));
        },
      )
      .finally(() => {
        busy.delete(key);
        renderAll();
      });
  };

  // Which listed keys the inventory already has: asked again only when a name appears that was not asked about.
  const askTracked = (listed: readonly ListedKeyCard[]) => {
    const fresh = listed.map(({ entry }) => nameKey(entry.name)).filter((key) => key && !asked.has(key));
    if (fresh.length === 0) return;
    for (const key of fresh) asked.add(key);
    send('reminders:tracked-names', { exchange: adapter.id }).then((names) => {
      for (const name of names) tracked.add(nameKey(name));
      renderAll();
    }, warn('could not read which keys are tracked'));
  };

  const tick = () => {
    let listed: ListedKeyCard[];
    try {
      listed = readKeyList(document.body, adapter);
    } catch (error) {
      // An unexpected page layout must never break the exchange's page: report and keep watching.
      warn('could not read the key list')(error);
      return;
    }
    const cards = new Set(listed.map(({ card }) => card));
    for (const [card, { host }] of hosts) {
      if (cards.has(card)) continue;
      host.remove();
      hosts.delete(card);
    }
    for (const { card, entry } of listed) {
      const current = hosts.get(card) ?? { host: mountKeyFlag(adapter.id, () => track(card)), entry };
      current.entry = entry;
      hosts.set(card, current);
      place(card, current.host.element);
      current.host.update(viewOf(entry));
    }
    askTracked(listed);
    // Asked once, when the first listed key shows: a page without a list asks the background nothing.
    if (listed.length > 0 && !settingsAsked) {
      settingsAsked = true;
      guardSettings().then((settings) => {
        rotationDays = settings.rotationDays;
        renderAll();
      }, warn('could not read the settings'));
    }
  };

  // The list is not read at every frame of a live page: a re-render shows up within a quarter second.
  const reread = throttled(tick, LIST_REREAD_MS, signal);
  // What can change the list: a change in or around a listed card, a card removed, or something added or rewritten that
  // holds a list label (a price ticking elsewhere on the page does not). Placing our own hosts must not start a read.
  const touchesListed = (node: Node) => [...hosts.keys()].some((card) => card.contains(node) || node.contains(card));
  const matters = (record: MutationRecord) => {
    if (isOurs(record.target)) return false;
    if (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(isOurs)) return false;
    if (touchesListed(record.target)) return true;
    if (record.type === 'characterData') return couldBeKeyListPart(record.target, record.target.parentNode, adapter);
    return (
      [...record.removedNodes].some((node) => !isOurs(node) && touchesListed(node)) ||
      [...record.addedNodes].some((node) => !isOurs(node) && couldBeKeyListPart(node, record.target, adapter))
    );
  };
  const observer = new MutationObserver((records) => {
    if (records.some(matters)) reread();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    for (const { host } of hosts.values()) host.remove();
    hosts.clear();
  });
  reread();
}

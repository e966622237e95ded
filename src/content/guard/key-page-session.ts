import { evaluate, verdictOf } from '../../core/evaluate';
import { parseAllowList } from '../../core/ip-allowlist';
import { keyIsBound } from '../../core/ip-binding';
import type { ManagedPolicy } from '../../core/policy';
import { exchangeDeadlineDays, MAX_ROTATION_DAYS, soonerLimit, suggestedRotationDays } from '../../core/rotation';
import { isolated, text, type Text } from '../../core/text';
import type { KeyFormSnapshot, Purpose } from '../../core/types';
import type { ExchangeAdapter } from '../../exchanges/adapter';
import type { KeyCreated } from '../../inventory/reminder';
import type { TabVerdict } from '../../messages';
import type { Settings } from '../../settings/settings';
import type { PanelView } from '../overlay/Panel';
import { criticalQuestion, type CriticalQuestion } from './confirm-critical';

// One visit to an exchange's key page, as a pure state machine: `step` takes the session and one event (the form read,
// a choice in the panel, a click on the exchange's create button, an answer from the background) and returns the next
// session with the effects to run; `sessionView` says what the panel and the popup show. No DOM, no messages, no
// clock: `key-page.ts` is the thin shell that turns page events and answers into events, and effects into clicks and
// messages. docs/design.md, "The key-page session", draws the states.

/** The exchange the visit is on: its id, name and rules (the labels stay with the reader). */
export type SessionExchange = Pick<ExchangeAdapter, 'id' | 'name' | 'rules'>;

/** The last submit of the guarded form, until the exchange shows the key it created. */
export interface Submitted {
  /** Which `record` effect it was: the answer carries it back. */
  id: number;
  name: string;
  /** The background's answer to the record: undefined while it is on its way. Confirming waits for it. */
  saved?: boolean;
  /** The exchange showed the created key: the pending reminder is confirmed once the record has saved. */
  confirming: boolean;
}

export interface SessionState {
  readonly exchange: SessionExchange;
  /** The key form as last read; undefined while the page shows none. */
  snapshot?: KeyFormSnapshot;
  /** The last form read, kept for the panel that stays once the form is gone and the exchange shows the key. */
  lastSnapshot?: KeyFormSnapshot;
  purpose?: Purpose;
  /** The user's choice of interval, in days. */
  rotationDays?: number;
  policy?: ManagedPolicy;
  /** Undefined until the background answers: until then no click is ever held back. */
  settings?: Pick<Settings, 'confirmCritical' | 'rotationDays'>;
  /** What happened after the last submit (saved, or why not), said in the panel. */
  notice?: Text;
  /** The last reminder sent to the background, as JSON: a second click on the same form is the same key. */
  lastRecorded: string;
  submitted?: Submitted;
  /**
   * The submit whose key the exchange showed while its record was still on its way: confirmed when the record's answer
   * comes, whatever was submitted since (a newer submit replaces `submitted`, never this).
   */
  awaiting?: Submitted;
  /** How many `record` effects this visit made (their ids). */
  records: number;
  /** The exchange shows the key it created: the form is gone, the panel stays to say what KeyScope did. */
  keyShown: boolean;
  /** The success-view watcher runs (started at the first submit, once). */
  watchingSuccess: boolean;
  /** The click held back while the panel asks "Create anyway?". */
  asking?: CriticalQuestion;
  /** The critical findings the user chose to create the key with anyway. */
  confirmed?: string;
}

export type SessionEvent =
  /** The form as read now (undefined: the page shows no key form). */
  | { type: 'form'; snapshot?: KeyFormSnapshot }
  /** The purpose the user chose for this exchange on an earlier visit. */
  | { type: 'purpose-stored'; purpose?: Purpose }
  | { type: 'purpose-chosen'; purpose: Purpose }
  | { type: 'rotation-chosen'; days: number }
  | { type: 'policy'; policy?: ManagedPolicy }
  | { type: 'settings'; settings: Pick<Settings, 'confirmCritical' | 'rotationDays'> }
  /** The user clicked the exchange's create button; the form read at the click. */
  | { type: 'submit'; snapshot?: KeyFormSnapshot }
  /** The user's answer to "Create anyway?"; the form read at the answer. */
  | { type: 'confirm-answer'; create: boolean; snapshot?: KeyFormSnapshot }
  | { type: 'record-saved'; id: number; name: string; due: string }
  | { type: 'record-failed'; id: number; message: string }
  | { type: 'restrictions-saved'; name: string; due: string }
  | { type: 'restrictions-failed'; message: string }
  /** The exchange shows (true) or no longer shows (false) the key it created. */
  | { type: 'success-view'; shown: boolean }
  /** The background's answer to `confirm-pending`: the confirmed reminder's due date, none when nothing was pending. */
  | { type: 'confirm-result'; name: string; due?: string }
  | { type: 'confirm-failed'; message: string };

export type SessionEffect =
  /** Keep the exchange's click from the page: the panel asks first. */
  | { type: 'hold-click' }
  /** Focus the exchange's button whose click was held (the question's buttons are gone). */
  | { type: 'focus-held' }
  /** Click it again for the user: the exchange's handlers and form submission run as for any click. */
  | { type: 'click-held' }
  | { type: 'remember-purpose'; purpose: Purpose }
  /** Record a pending reminder; its answer comes back as `record-saved` / `record-failed` with this id. */
  | { type: 'record'; id: number; created: KeyCreated }
  /** Update the reminder of a key the exchange already has (Binance "Edit restrictions"). */
  | { type: 'restrictions'; created: KeyCreated; rotationChosen: boolean }
  /** Start watching for the exchange's "key created" view. */
  | { type: 'watch-success' }
  /** Confirm the newest pending reminder (named `name`, when it has one). */
  | { type: 'confirm-pending'; name: string };

export interface SessionStep {
  state: SessionState;
  effects: SessionEffect[];
}

/** What the visit shows: the panel (none: remove it) and the tab's verdict for the popup (none: clear it). */
export interface SessionView {
  panel?: PanelView;
  verdict?: TabVerdict;
}

export function startSession(exchange: SessionExchange): SessionState {
  return { exchange, lastRecorded: '', records: 0, keyShown: false, watchingSuccess: false };
}

/** The panel's view of one form, as the session's choices, policy and settings judge it. */
function formView(state: SessionState, snapshot: KeyFormSnapshot): PanelView {
  const { exchange, policy, purpose, asking } = state;
  const maxRotationDays = policy?.maxRotationDays;
  // A choice made before the organisation's policy arrived (or changed) is cut to its maximum.
  const days = state.rotationDays === undefined ? undefined : Math.min(state.rotationDays, maxRotationDays ?? Infinity);
  const findings = evaluate(snapshot, {
    purpose,
    rotationDays: days,
    exchangeName: exchange.name,
    rules: exchange.rules,
    ...(policy ? { policy } : {}),
  });
  const bound = keyIsBound(snapshot, parseAllowList(snapshot.ipEntries));
  const deadlineDays = exchangeDeadlineDays(exchange.rules, snapshot.permissions, bound);
  return {
    exchangeName: exchange.name,
    snapshot,
    findings,
    verdict: verdictOf(findings),
    purpose,
    rotationDays: days,
    suggestedDays: suggestedRotationDays(soonerLimit(deadlineDays, maxRotationDays), state.settings?.rotationDays),
    deadlineDays,
    maxRotationDays,
    bound,
    permissionNotes: snapshot.permissions.flatMap((p) => exchange.rules.permissionNotes?.[p] ?? []),
    notice: state.notice,
    offersKeyExpiry: exchange.rules.offersKeyExpiry,
    // Asked about these findings only while they are still the form's: fixed meanwhile, the question goes.
    ...(asking && criticalQuestion(true, findings, undefined)?.key === asking.key
      ? { confirm: { findings: asking.findings } }
      : {}),
  };
}

export function sessionView(state: SessionState): SessionView {
  const { snapshot, exchange } = state;
  if (snapshot) {
    const panel = formView(state, snapshot);
    const verdict: TabVerdict = {
      exchange: exchange.id,
      exchangeName: exchange.name,
      permissions: snapshot.permissions,
      ipEntries: snapshot.ipEntries,
      findings: panel.findings,
      ...panel.verdict,
    };
    return { panel, verdict };
  }
  // The form is gone and the exchange shows the key: the panel stays, saying only what became of the reminder.
  if (state.keyShown && state.lastSnapshot)
    return { panel: { ...formView(state, state.lastSnapshot), keyCreated: true } };
  return {};
}

const none = (state: SessionState): SessionStep => ({ state, effects: [] });
const named = (name: string): Text | string => (name ? isolated(name) : text('this_key'));

/** The reminder a submit of this form records, or nothing when there is no form or it is the one just recorded. */
function record(state: SessionState, snapshot: KeyFormSnapshot | undefined): SessionStep {
  if (!snapshot) return none(state);
  const current = formView(state, snapshot);
  // Without a choice of the user's, the exchange's own expiry is when the key needs replacing; else the suggestion.
  // A far expiry (Kraken's "2 years", a date in 9999) is cut to the longest interval KeyScope or the policy allows.
  const expiry =
    snapshot.keyExpiryDays === undefined
      ? undefined
      : Math.min(snapshot.keyExpiryDays, current.maxRotationDays ?? MAX_ROTATION_DAYS);
  const created: KeyCreated = {
    exchange: state.exchange.id,
    name: snapshot.keyName,
    permissions: snapshot.permissions,
    ipBound: current.bound,
    rotationDays: current.rotationDays ?? expiry ?? current.suggestedDays,
    ...(state.purpose ? { purpose: state.purpose } : {}),
    ...(current.deadlineDays !== undefined ? { deadlineDays: current.deadlineDays } : {}),
  };
  // A second click on the same, unchanged form (e.g. the exchange asked for 2FA first) is the same key.
  const identity = JSON.stringify(created);
  if (identity === state.lastRecorded) return none(state);
  if (snapshot.listedKey) {
    // The restrictions of a key the exchange has already (Binance): its reminder changes, no creation to wait for.
    return {
      state: { ...state, lastRecorded: identity },
      effects: [{ type: 'restrictions', created, rotationChosen: current.rotationDays !== undefined }],
    };
  }
  const id = state.records + 1;
  return {
    state: {
      ...state,
      lastRecorded: identity,
      records: id,
      submitted: { id, name: snapshot.keyName, confirming: false },
      watchingSuccess: true,
    },
    effects: [{ type: 'record', id, created }, ...(state.watchingSuccess ? [] : [{ type: 'watch-success' } as const])],
  };
}

/** A shown key whose record has its answer: confirm its pending reminder, or say there was none to confirm. */
function confirmSaved(state: SessionState, shown: Submitted): SessionStep {
  if (!shown.saved) return none({ ...state, notice: text('notice_no_pending') });
  return { state, effects: [{ type: 'confirm-pending', name: shown.name.trim() }] };
}

/** The record's answer for submit `id`: kept on the latest submit, and a shown key waiting for it is confirmed. */
function answered(state: SessionState, id: number, saved: boolean): SessionStep {
  const latest = state.submitted?.id === id ? { submitted: { ...state.submitted, saved } } : {};
  const { awaiting, ...rest } = { ...state, ...latest };
  if (awaiting?.id !== id) return none({ ...rest, ...(awaiting ? { awaiting } : {}) });
  return confirmSaved(rest, { ...awaiting, saved });
}

/** The next session after one event, and the effects for the shell to run (in order). */
export function step(state: SessionState, event: SessionEvent): SessionStep {
  switch (event.type) {
    case 'form':
      return none({
        ...state,
        snapshot: event.snapshot,
        ...(event.snapshot ? { lastSnapshot: event.snapshot } : {}),
      });
    case 'purpose-stored':
      return event.purpose && !state.purpose ? none({ ...state, purpose: event.purpose }) : none(state);
    case 'purpose-chosen':
      return {
        state: { ...state, purpose: event.purpose },
        effects: [{ type: 'remember-purpose', purpose: event.purpose }],
      };
    case 'rotation-chosen':
      return none({ ...state, rotationDays: event.days });
    case 'policy':
      return none({ ...state, policy: event.policy });
    case 'settings':
      return none({ ...state, settings: event.settings });
    case 'submit': {
      // Held back only when the user asked for it (settings) and the form has a critical finding not yet confirmed:
      // the page never sees that click, so nothing is sent and nothing on the form changes.
      const { snapshot } = event;
      const question =
        snapshot &&
        criticalQuestion(state.settings?.confirmCritical, formView(state, snapshot).findings, state.confirmed);
      if (question)
        return { state: { ...state, asking: question, notice: undefined }, effects: [{ type: 'hold-click' }] };
      return record({ ...state, asking: undefined }, snapshot);
    }
    case 'confirm-answer': {
      const question = state.asking;
      if (!question) return none(state);
      if (!event.create) {
        const notice = text('notice_not_created', state.exchange.name);
        // The answer's button is gone with the question: the keyboard is back on the exchange's button, as before.
        return { state: { ...state, asking: undefined, notice }, effects: [{ type: 'focus-held' }] };
      }
      // Recorded here, before the exchange hears of it: the click that follows is KeyScope's, not the user's, and the
      // submit watcher heeds only the user's.
      const recorded = record({ ...state, asking: undefined, confirmed: question.key }, event.snapshot);
      return { state: recorded.state, effects: [{ type: 'focus-held' }, ...recorded.effects, { type: 'click-held' }] };
    }
    case 'record-saved':
      return answered({ ...state, notice: text('notice_saved', named(event.name), event.due) }, event.id, true);
    case 'record-failed': {
      const notice = text('notice_save_failed', event.message);
      return answered({ ...state, notice, lastRecorded: '' }, event.id, false);
    }
    case 'restrictions-saved':
      return none({ ...state, notice: text('notice_restrictions_saved', named(event.name), event.due) });
    case 'restrictions-failed':
      return none({ ...state, lastRecorded: '', notice: text('notice_save_failed', event.message) });
    case 'success-view': {
      if (!event.shown) {
        // The user closed the view: the next key starts afresh (its own name, interval and notice). A shown key still
        // waiting for its record's answer stays `awaiting`: it is confirmed when the answer comes.
        if (!state.keyShown) return none(state);
        const { submitted: _submitted, notice: _notice, rotationDays: _days, ...rest } = state;
        return none({ ...rest, keyShown: false, lastRecorded: '' });
      }
      // Only after a submit in this visit: the view of a key created elsewhere, or earlier, confirms nothing.
      const pending = state.submitted;
      if (!pending || pending.confirming) return none(state);
      const shown = { ...pending, confirming: true };
      const next = { ...state, submitted: shown, keyShown: true, notice: text('notice_confirming') };
      return shown.saved === undefined ? none({ ...next, awaiting: shown }) : confirmSaved(next, shown);
    }
    case 'confirm-result': {
      const { name, due } = event;
      const notice =
        due === undefined
          ? text('notice_no_pending')
          : text(name ? 'notice_confirmed_named' : 'notice_confirmed', due, isolated(name));
      return none({ ...state, notice });
    }
    case 'confirm-failed':
      return none({ ...state, notice: text('notice_confirm_failed', event.message) });
  }
}

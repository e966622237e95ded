import { describe, expect, test } from 'vitest';
import {
  sessionView,
  startSession,
  step,
  type SessionEffect,
  type SessionEvent,
  type SessionState,
} from '../../src/content/guard/key-page-session';
import type { ManagedPolicy } from '../../src/core/policy';
import { MAX_ROTATION_DAYS } from '../../src/core/rotation';
import { okx } from '../../src/exchanges/okx';
import { say } from '../../src/i18n';
import { PUBLIC_IP, snapshot } from './helpers';

// The key-page session (src/content/guard/key-page-session.ts): one visit to an exchange's key page as a pure state
// machine. Each test feeds events as the shell would (the form read, the user's choices and clicks, the background's
// answers) and checks the view and the effects: what the panel and popup show, what is sent, what is held back.

const CONFIRM_ON = { confirmCritical: true, rotationDays: 90 };
const CONFIRM_OFF = { confirmCritical: false, rotationDays: 90 };
const WITHDRAW = snapshot({ permissions: ['read', 'withdraw'] });
/** An organisation's policy that only caps the interval. */
const maxDays = (days: number): ManagedPolicy => ({
  forbidWithdraw: false,
  requireIpBinding: false,
  lockSettings: false,
  maxRotationDays: days,
});

/** Every step of `events` from a new OKX session; the state after them and every effect, in order. */
function run(...events: SessionEvent[]): { state: SessionState; effects: SessionEffect[] } {
  return feed(startSession(okx), ...events);
}

function feed(start: SessionState, ...events: SessionEvent[]): { state: SessionState; effects: SessionEffect[] } {
  let state = start;
  const effects: SessionEffect[] = [];
  for (const event of events) {
    const next = step(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const types = (effects: SessionEffect[]) => effects.map((e) => e.type);
const notice = (state: SessionState) => (state.notice ? say(state.notice) : undefined);
const recordOf = (effects: SessionEffect[]) => {
  const record = effects.find((e) => e.type === 'record');
  if (!record || record.type !== 'record') throw new Error(`no record in ${types(effects).join(', ')}`);
  return record;
};

/** Deep-freezes a state: a step that changed its input in place would throw. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

describe('the view: what the panel and the popup show', () => {
  test('no form read: no panel and no verdict (the shell removes the panel and clears the popup)', () => {
    expect(sessionView(startSession(okx))).toEqual({});
  });

  test("a form: the panel and the popup's verdict carry the same findings, for this exchange", () => {
    const { panel, verdict } = sessionView(run({ type: 'form', snapshot: WITHDRAW }).state);
    expect(panel?.findings.map((f) => f.id)).toContain('scope.withdraw');
    expect(verdict?.findings).toEqual(panel?.findings);
    expect(verdict).toMatchObject({ exchange: 'okx', exchangeName: 'OKX', permissions: ['read', 'withdraw'] });
    expect(verdict?.risk).toBe(panel?.verdict.risk);
  });

  test('the form goes away before any key was created: the panel and the verdict go too', () => {
    expect(sessionView(run({ type: 'form', snapshot: WITHDRAW }, { type: 'form' }).state)).toEqual({});
  });

  test('the purpose the user chooses judges the form and is remembered for the exchange', () => {
    const trade = snapshot({ permissions: ['read', 'trade'] });
    const before = sessionView(run({ type: 'form', snapshot: trade }).state).panel!;
    const { state, effects } = run({ type: 'form', snapshot: trade }, { type: 'purpose-chosen', purpose: 'read-only' });
    const after = sessionView(state).panel!;
    expect(before.findings.map((f) => f.id)).not.toContain('scope.excess');
    expect(after.findings.map((f) => f.id)).toContain('scope.excess');
    expect(after.purpose).toBe('read-only');
    expect(effects).toEqual([{ type: 'remember-purpose', purpose: 'read-only' }]);
  });

  test('a remembered purpose fills in only while the user has chosen none', () => {
    const stored = run({ type: 'purpose-stored', purpose: 'trading-bot' });
    expect(stored.state.purpose).toBe('trading-bot');
    const chosen = run(
      { type: 'purpose-chosen', purpose: 'read-only' },
      { type: 'purpose-stored', purpose: 'trading-bot' },
    );
    expect(chosen.state.purpose).toBe('read-only');
    const start = startSession(okx);
    expect(step(start, { type: 'purpose-stored' }).state).toBe(start);
  });

  test("the user's interval is cut to the organisation's maximum, even when chosen before the policy came", () => {
    const { state } = run(
      { type: 'form', snapshot: WITHDRAW },
      { type: 'rotation-chosen', days: 180 },
      { type: 'policy', policy: maxDays(30) },
    );
    expect(sessionView(state).panel).toMatchObject({ rotationDays: 30, maxRotationDays: 30 });
  });

  test("the suggested interval follows the user's setting and the exchange's deadline", () => {
    const bound = run(
      { type: 'settings', settings: { confirmCritical: false, rotationDays: 60 } },
      { type: 'form', snapshot: snapshot() },
    );
    expect(sessionView(bound.state).panel?.suggestedDays).toBe(60);
    // OKX deletes an unbound trade key after 14 idle days: that is sooner than any suggestion.
    const unbound = feed(bound.state, {
      type: 'form',
      snapshot: snapshot({ permissions: ['read', 'trade'], ipEntries: [] }),
    });
    expect(sessionView(unbound.state).panel).toMatchObject({ suggestedDays: 14, deadlineDays: 14, bound: false });
  });
});

describe('a submit records a pending reminder', () => {
  test('the reminder holds the form as read at the click, the purpose and the interval chosen', () => {
    const atClick = snapshot({ keyName: 'tracker 2' });
    const { effects, state } = run(
      { type: 'form', snapshot: snapshot({ keyName: 'tracker' }) },
      { type: 'purpose-chosen', purpose: 'read-only' },
      { type: 'rotation-chosen', days: 30 },
      { type: 'submit', snapshot: atClick },
    );
    expect(types(effects)).toEqual(['remember-purpose', 'record', 'watch-success']);
    expect(recordOf(effects)).toEqual({
      type: 'record',
      id: 1,
      created: {
        exchange: 'okx',
        name: 'tracker 2',
        permissions: ['read'],
        ipBound: true,
        rotationDays: 30,
        purpose: 'read-only',
      },
    });
    expect(state.submitted).toEqual({ id: 1, name: 'tracker 2', confirming: false });
  });

  test("without the user's choice: the exchange's own expiry (cut by the policy), else the suggestion", () => {
    const expiring = snapshot({ keyExpiryDays: 45 });
    expect(recordOf(run({ type: 'submit', snapshot: expiring }).effects).created.rotationDays).toBe(45);
    const capped = run({ type: 'policy', policy: maxDays(20) }, { type: 'submit', snapshot: expiring });
    expect(recordOf(capped.effects).created.rotationDays).toBe(20);
    const chosen = run({ type: 'rotation-chosen', days: 60 }, { type: 'submit', snapshot: expiring });
    expect(recordOf(chosen.effects).created.rotationDays).toBe(60);
    // The user's choice too is cut to the organisation's maximum, in the reminder as in the view.
    const cut = run(
      { type: 'rotation-chosen', days: 180 },
      { type: 'policy', policy: maxDays(30) },
      { type: 'submit', snapshot: snapshot() },
    );
    expect(recordOf(cut.effects).created.rotationDays).toBe(30);
    // An expiry years away (or a page claiming 9999): the reminder comes within KeyScope's longest interval, and is
    // one the background accepts (it refused 2,900,000 days before).
    for (const far of [730, 2_900_000]) {
      const created = recordOf(run({ type: 'submit', snapshot: snapshot({ keyExpiryDays: far }) }).effects).created;
      expect(created.rotationDays).toBe(MAX_ROTATION_DAYS);
    }
    const plain = run({ type: 'settings', settings: CONFIRM_OFF }, { type: 'submit', snapshot: snapshot() });
    expect(recordOf(plain.effects).created.rotationDays).toBe(90);
  });

  test("the exchange's deadline goes with the reminder (OKX: an unbound trade key)", () => {
    const { effects } = run({ type: 'submit', snapshot: snapshot({ permissions: ['read', 'trade'], ipEntries: [] }) });
    expect(recordOf(effects).created).toMatchObject({ ipBound: false, deadlineDays: 14, rotationDays: 14 });
  });

  test('a second click on the same form is the same key; a changed form is another; the view is watched once', () => {
    const once = run({ type: 'submit', snapshot: snapshot() }, { type: 'submit', snapshot: snapshot() });
    expect(types(once.effects)).toEqual(['record', 'watch-success']);
    const twice = feed(once.state, { type: 'submit', snapshot: snapshot({ keyName: 'other' }) });
    expect(types(twice.effects)).toEqual(['record']);
    expect(recordOf(twice.effects).id).toBe(2);
  });

  test('no form at the click: nothing is recorded', () => {
    const start = startSession(okx);
    expect(step(start, { type: 'submit' })).toEqual({ state: { ...start }, effects: [] });
  });

  test('saved: the panel says so, with the name isolated', () => {
    const { state } = run(
      { type: 'submit', snapshot: snapshot() },
      { type: 'record-saved', id: 1, name: 'tracker', due: '2027-03-05' },
    );
    expect(notice(state)).toBe('Reminder saved: rotate "\u2068tracker\u2069" by 2027-03-05.');
  });

  test('not saved: the panel says why, and the same form can be sent again', () => {
    const failed = run({ type: 'submit', snapshot: snapshot() }, { type: 'record-failed', id: 1, message: 'quota' });
    expect(notice(failed.state)).toBe('Could not save the reminder: quota');
    expect(types(feed(failed.state, { type: 'submit', snapshot: snapshot() }).effects)).toEqual(['record']);
  });

  test("a key the exchange already has (Binance's edit): its reminder is updated, nothing waits for a creation", () => {
    const listed = snapshot({ listedKey: true });
    const suggested = run({ type: 'submit', snapshot: listed });
    expect(suggested.effects).toEqual([
      expect.objectContaining({
        type: 'restrictions',
        rotationChosen: false,
        created: expect.objectContaining({ name: 'portfolio tracker' }),
      }),
    ]);
    expect(suggested.state.submitted).toBeUndefined();
    const chosen = run({ type: 'rotation-chosen', days: 30 }, { type: 'submit', snapshot: listed });
    expect(chosen.effects).toEqual([expect.objectContaining({ type: 'restrictions', rotationChosen: true })]);
    const saved = feed(suggested.state, { type: 'restrictions-saved', name: '', due: '2027-01-01' });
    expect(notice(saved.state)).toBe('Reminder updated with the new restrictions: rotate "this key" by 2027-01-01.');
    const failed = feed(suggested.state, { type: 'restrictions-failed', message: 'refused' });
    expect(notice(failed.state)).toBe('Could not save the reminder: refused');
    expect(types(feed(failed.state, { type: 'submit', snapshot: listed }).effects)).toEqual(['restrictions']);
  });
});

describe('"Create anyway?" before a critical key (the setting)', () => {
  test('off, or not known yet: the click goes through and is recorded', () => {
    expect(types(run({ type: 'submit', snapshot: WITHDRAW }).effects)).toEqual(['record', 'watch-success']);
    const off = run({ type: 'settings', settings: CONFIRM_OFF }, { type: 'submit', snapshot: WITHDRAW });
    expect(types(off.effects)).toEqual(['record', 'watch-success']);
  });

  test('on, with a critical finding: the click is held, the panel asks, nothing is recorded', () => {
    const { state, effects } = run(
      { type: 'settings', settings: CONFIRM_ON },
      { type: 'form', snapshot: WITHDRAW },
      { type: 'submit', snapshot: snapshot({ permissions: ['read'] }) },
      { type: 'record-failed', id: 1, message: 'quota' },
      { type: 'submit', snapshot: WITHDRAW },
    );
    expect(types(effects)).toEqual(['record', 'watch-success', 'hold-click']);
    expect(state.notice).toBeUndefined();
    expect(sessionView(state).panel?.confirm?.findings.map((f) => f.id)).toEqual(['scope.withdraw']);
  });

  test('"No": not created, the keyboard goes back to the button, nothing recorded', () => {
    const { state, effects } = run(
      { type: 'settings', settings: CONFIRM_ON },
      { type: 'form', snapshot: WITHDRAW },
      { type: 'submit', snapshot: WITHDRAW },
      { type: 'confirm-answer', create: false },
    );
    expect(types(effects)).toEqual(['hold-click', 'focus-held']);
    expect(notice(state)).toBe('Not created: nothing was sent to OKX.');
    expect(sessionView(state).panel?.confirm).toBeUndefined();
  });

  test('"Create anyway": recorded before the click is let through, and the same findings are not asked again', () => {
    const { state, effects } = run(
      { type: 'settings', settings: CONFIRM_ON },
      { type: 'form', snapshot: WITHDRAW },
      { type: 'submit', snapshot: WITHDRAW },
      { type: 'confirm-answer', create: true, snapshot: WITHDRAW },
    );
    expect(types(effects)).toEqual(['hold-click', 'focus-held', 'record', 'watch-success', 'click-held']);
    expect(state.confirmed).toBe('scope.withdraw');
    // The exchange asks for 2FA and the user presses create again: not held, and the same key is not recorded twice.
    expect(step(state, { type: 'submit', snapshot: WITHDRAW }).effects).toEqual([]);
  });

  test('fixed while asked: the question goes from the panel', () => {
    const { state } = run(
      { type: 'settings', settings: CONFIRM_ON },
      { type: 'form', snapshot: WITHDRAW },
      { type: 'submit', snapshot: WITHDRAW },
      { type: 'form', snapshot: snapshot({ ipEntries: [PUBLIC_IP] }) },
    );
    expect(sessionView(state).panel?.confirm).toBeUndefined();
  });

  test('"Create anyway" on the form already recorded, or with no form: the click goes through, nothing recorded twice', () => {
    const asked = run(
      { type: 'settings', settings: CONFIRM_ON },
      { type: 'form', snapshot: WITHDRAW },
      { type: 'submit', snapshot: WITHDRAW },
      { type: 'confirm-answer', create: true, snapshot: WITHDRAW },
    );
    // Asked again about the same key (the confirmation forgotten here): the answer lets the click through, no record.
    const reasked = feed(
      { ...asked.state, confirmed: undefined },
      { type: 'submit', snapshot: WITHDRAW },
      { type: 'confirm-answer', create: true, snapshot: WITHDRAW },
    );
    expect(types(reasked.effects)).toEqual(['hold-click', 'focus-held', 'click-held']);
    const formless = run(
      { type: 'settings', settings: CONFIRM_ON },
      { type: 'submit', snapshot: WITHDRAW },
      { type: 'confirm-answer', create: true },
    );
    expect(types(formless.effects)).toEqual(['hold-click', 'focus-held', 'click-held']);
  });

  test('an answer with no question asked changes nothing', () => {
    const start = frozen(startSession(okx));
    expect(step(start, { type: 'confirm-answer', create: true, snapshot: WITHDRAW })).toEqual({
      state: start,
      effects: [],
    });
  });
});

describe('the exchange\'s "key created" view confirms the pending reminder', () => {
  const submitted = () =>
    run({ type: 'form', snapshot: snapshot() }, { type: 'submit', snapshot: snapshot({ keyName: ' tracker ' }) });

  test('a view without a submit in this visit confirms nothing', () => {
    const start = startSession(okx);
    expect(step(start, { type: 'success-view', shown: true }).state).toBe(start);
  });

  test('shown before the record is saved: it waits for the save, then confirms by the trimmed name', () => {
    const shown = feed(submitted().state, { type: 'success-view', shown: true });
    expect(shown.effects).toEqual([]);
    expect(notice(shown.state)).toBe('Key created. Confirming its reminder…');
    const saved = feed(shown.state, { type: 'record-saved', id: 1, name: 'tracker', due: '2027-03-05' });
    expect(saved.effects).toEqual([{ type: 'confirm-pending', name: 'tracker' }]);
    const done = feed(saved.state, { type: 'confirm-result', name: 'tracker', due: '2027-03-05' });
    expect(notice(done.state)).toBe('"\u2068tracker\u2069" created. Reminder confirmed: rotate by 2027-03-05.');
  });

  test('shown after the record is saved: confirms at once; shown again: once only', () => {
    const saved = feed(submitted().state, { type: 'record-saved', id: 1, name: 'tracker', due: '2027-03-05' });
    const shown = feed(saved.state, { type: 'success-view', shown: true }, { type: 'success-view', shown: true });
    expect(shown.effects).toEqual([{ type: 'confirm-pending', name: 'tracker' }]);
  });

  test('the record fails after the key is shown: nothing to confirm, and the panel says so', () => {
    const { state, effects } = feed(
      submitted().state,
      { type: 'success-view', shown: true },
      { type: 'record-failed', id: 1, message: 'quota' },
    );
    expect(effects).toEqual([]);
    expect(notice(state)).toMatch(/no pending reminder/);
  });

  test('a new submit while a shown key waits for its record: the shown one is still confirmed', () => {
    const { effects } = feed(
      submitted().state,
      { type: 'success-view', shown: true },
      { type: 'submit', snapshot: snapshot({ keyName: 'second' }) },
      { type: 'record-saved', id: 1, name: 'tracker', due: '2027-03-05' },
    );
    expect(effects.filter((e) => e.type === 'confirm-pending')).toEqual([{ type: 'confirm-pending', name: 'tracker' }]);
  });

  test('the view closed before the record answered: the shown key is confirmed when it does, once', () => {
    const closed = feed(
      submitted().state,
      { type: 'success-view', shown: true },
      { type: 'success-view', shown: false },
    );
    const saved = feed(closed.state, { type: 'record-saved', id: 1, name: 'tracker', due: '2027-03-05' });
    expect(saved.effects).toEqual([{ type: 'confirm-pending', name: 'tracker' }]);
    expect(feed(saved.state, { type: 'record-saved', id: 1, name: 'tracker', due: '2027-03-05' }).effects).toEqual([]);
  });

  test("the key shown while the form is still on the page: the panel stays the form's, the verdict too", () => {
    const { state } = feed(submitted().state, { type: 'success-view', shown: true });
    const view = sessionView(state);
    expect(view.panel?.keyCreated).toBeUndefined();
    expect(view.verdict?.exchange).toBe('okx');
  });

  test('the record failed: nothing to confirm, and the panel says to add the key by hand', () => {
    const { state, effects } = feed(
      submitted().state,
      { type: 'record-failed', id: 1, message: 'quota' },
      { type: 'success-view', shown: true },
    );
    expect(effects).toEqual([]);
    expect(notice(state)).toBe(
      'Key created, but KeyScope has no pending reminder for it: add the key in the KeyScope popup.',
    );
  });

  test("an older submit's answer says its notice but confirms nothing", () => {
    const two = feed(
      submitted().state,
      { type: 'submit', snapshot: snapshot({ keyName: 'second' }) },
      { type: 'success-view', shown: true },
    );
    const old = feed(two.state, { type: 'record-saved', id: 1, name: 'tracker', due: '2027-03-05' });
    expect(old.effects).toEqual([]);
    const current = feed(old.state, { type: 'record-saved', id: 2, name: 'second', due: '2027-03-05' });
    expect(current.effects).toEqual([{ type: 'confirm-pending', name: 'second' }]);
  });

  test('nothing pending, or the confirm failed: the panel says which', () => {
    const none = feed(submitted().state, { type: 'confirm-result', name: 'tracker' });
    expect(notice(none.state)).toMatch(/no pending reminder/);
    const failed = feed(submitted().state, { type: 'confirm-failed', message: 'storage full' });
    expect(notice(failed.state)).toBe('Key created, but the reminder could not be confirmed: storage full');
  });

  test('the form gone and the key shown: the panel stays, saying what became of the reminder; the verdict goes', () => {
    const { state } = feed(submitted().state, { type: 'success-view', shown: true }, { type: 'form' });
    const view = sessionView(state);
    expect(view.verdict).toBeUndefined();
    expect(view.panel).toMatchObject({ keyCreated: true, exchangeName: 'OKX' });
    expect(view.panel?.snapshot.keyName).toBe('portfolio tracker');
    expect(view.panel?.notice).toEqual(state.notice);
  });

  test('the view closed: the next key starts afresh (interval, notice, name), the purpose stays', () => {
    const { state } = feed(
      submitted().state,
      { type: 'purpose-chosen', purpose: 'read-only' },
      { type: 'rotation-chosen', days: 30 },
      { type: 'success-view', shown: true },
      { type: 'success-view', shown: false },
    );
    expect(state).toMatchObject({ keyShown: false, lastRecorded: '', purpose: 'read-only' });
    expect(state.rotationDays).toBeUndefined();
    expect(state.notice).toBeUndefined();
    expect(state.submitted).toBeUndefined();
    // The same form again is a new key: recorded, under the next id, at the suggested interval.
    const next = feed(state, { type: 'submit', snapshot: snapshot({ keyName: ' tracker ' }) });
    expect(recordOf(next.effects)).toMatchObject({ id: 2, created: { rotationDays: 90 } });
  });

  test('a view that closes when no key was shown changes nothing', () => {
    const { state } = submitted();
    expect(step(state, { type: 'success-view', shown: false }).state).toBe(state);
  });
});

test('no step changes the session it is given (every event, from a deep-frozen session)', () => {
  const events: SessionEvent[] = [
    { type: 'settings', settings: CONFIRM_ON },
    { type: 'form', snapshot: WITHDRAW },
    { type: 'purpose-chosen', purpose: 'read-only' },
    { type: 'rotation-chosen', days: 30 },
    { type: 'policy', policy: maxDays(60) },
    { type: 'submit', snapshot: WITHDRAW },
    { type: 'confirm-answer', create: true, snapshot: WITHDRAW },
    { type: 'success-view', shown: true },
    { type: 'record-failed', id: 1, message: 'x' },
    { type: 'record-saved', id: 1, name: 'n', due: '2027-01-01' },
    { type: 'confirm-result', name: 'n', due: '2027-01-01' },
    { type: 'confirm-failed', message: 'x' },
    { type: 'restrictions-saved', name: 'n', due: '2027-01-01' },
    { type: 'restrictions-failed', message: 'x' },
    { type: 'success-view', shown: false },
    { type: 'form' },
  ];
  let state = startSession(okx);
  for (const event of events) {
    // Frozen: an assignment into the given session throws (modules run in strict mode).
    const given = frozen(state);
    const before = JSON.stringify(given);
    state = step(given, event).state;
    expect(JSON.stringify(given), event.type).toBe(before);
  }
  expect(state.keyShown).toBe(false);
});

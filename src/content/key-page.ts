import { evaluate, verdictOf } from '../core/evaluate';
import { parseAllowList } from '../core/ip-allowlist';
import { isBound } from '../core/ip-binding';
import { exchangeDeadlineDays, suggestedRotationDays } from '../core/rotation';
import type { KeyFormSnapshot, Purpose } from '../core/types';
import type { ExchangeAdapter } from '../exchanges/adapter';
import { send, type TabVerdict } from '../messages';
import { mountOverlay, type Overlay } from './overlay/mount';
import type { PanelView } from './overlay/Panel';
import { watchForm, type FormState } from './watch-form';
import { watchSubmit } from './watch-submit';

function warn(what: string) {
  return (error: unknown) => console.warn(`KeyScope: ${what}`, error);
}

/**
 * Guards one visit to an exchange's key page: reads the form, judges it, shows the panel, tells the background.
 * Everything it starts ends with the signal.
 */
export function guardKeyPage(adapter: ExchangeAdapter, signal: AbortSignal): void {
  let state: FormState = {};
  let purpose: Purpose | undefined;
  let rotationDays: number | undefined;
  let notice: string | undefined;
  let overlay: Overlay | undefined;
  let lastRecorded = '';

  const view = (snapshot: KeyFormSnapshot): PanelView => {
    const context = { purpose, rotationDays, exchangeName: adapter.name, rules: adapter.rules };
    const findings = evaluate(snapshot, context);
    const bound = isBound(parseAllowList(snapshot.ipEntries));
    const deadlineDays = exchangeDeadlineDays(adapter.rules, snapshot.permissions, bound);
    const notes = snapshot.permissions.map((p) => adapter.rules.permissionNotes?.[p]).filter((n): n is string => !!n);
    return {
      exchangeName: adapter.name, snapshot, findings, verdict: verdictOf(findings), purpose, rotationDays,
      suggestedDays: suggestedRotationDays(deadlineDays), deadlineDays, bound, permissionNotes: notes, notice,
    };
  };

  const refresh = () => {
    if (signal.aborted) return;
    const { snapshot } = state;
    if (!snapshot) {
      overlay?.remove();
      overlay = undefined;
      send('verdict:clear', {}).catch(warn('could not clear the verdict'));
      return;
    }
    const current = view(snapshot);
    overlay ??= mountOverlay(adapter.id, actions);
    overlay.update(current);
    const verdict: TabVerdict = {
      exchange: adapter.id, exchangeName: adapter.name, permissions: snapshot.permissions, ipEntries: snapshot.ipEntries,
      findings: current.findings, ...current.verdict,
    };
    send('verdict:update', { verdict }).catch(warn('could not update the popup'));
  };

  const actions = {
    onPurpose(chosen: Purpose) {
      purpose = chosen;
      refresh();
      send('purpose:set', { exchange: adapter.id, purpose: chosen }).catch(warn('could not remember the purpose'));
    },
    onRotation(days: number) {
      rotationDays = days;
      refresh();
    },
  };

  const record = () => {
    const { snapshot } = state;
    if (!snapshot) return;
    const current = view(snapshot);
    const days = rotationDays ?? current.suggestedDays;
    const created = {
      exchange: adapter.id, name: snapshot.keyName, permissions: snapshot.permissions,
      ipBound: current.bound, rotationDays: days,
      ...(purpose ? { purpose } : {}), ...(current.deadlineDays !== undefined ? { deadlineDays: current.deadlineDays } : {}),
    };
    // A second click on the same, unchanged form (e.g. the exchange asked for 2FA first) is the same key.
    const identity = JSON.stringify(created);
    if (identity === lastRecorded) return;
    lastRecorded = identity;
    send('reminder:record', created).then(
      (reminder) => { notice = `Reminder saved: rotate "${reminder.name || 'this key'}" by ${reminder.due}.`; refresh(); },
      (error: unknown) => { lastRecorded = ''; notice = `Could not save the reminder: ${error instanceof Error ? error.message : String(error)}`; refresh(); },
    );
  };

  send('purpose:get', { exchange: adapter.id }).then((stored) => {
    if (stored && !purpose) { purpose = stored; refresh(); }
  }, warn('could not read the remembered purpose'));

  watchForm(adapter, signal, (next) => { state = next; refresh(); });
  watchSubmit(adapter, () => state.form, signal, record);
  signal.addEventListener('abort', () => {
    overlay?.remove();
    send('verdict:clear', {}).catch(warn('could not clear the verdict'));
  });
}

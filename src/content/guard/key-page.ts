import type { Purpose } from '../../core/types';
import type { ExchangeAdapter } from '../../exchanges/adapter';
import { send } from '../../messages';
import { readForm } from '../read/read-form';
import { mountOverlay, type Overlay } from '../overlay/mount';
import { describeThisPage } from './describe-requests';
import { guardSettings } from './guard-settings';
import { sessionView, startSession, step, type SessionEffect, type SessionEvent } from './key-page-session';
import { watchSuccessView } from './success-view';
import { watchForm } from './watch-form';
import { watchPolicy } from './watch-policy';
import { watchSubmit } from './watch-submit';
import { errorText } from '../../ui/errors';

function warn(what: string) {
  return (error: unknown) => console.warn(`KeyScope: ${what}`, error);
}

/**
 * Guards one visit to an exchange's key page: the shell around the key-page session (`key-page-session.ts`, where
 * every decision is). It turns the page's events and the background's answers into session events, runs the
 * effects the session asks for, and shows the session's view in the panel and, by message, in the popup. A submit
 * records a pending reminder; the exchange's "key created" view confirms it. Everything it starts ends with the signal.
 */
export function guardKeyPage(adapter: ExchangeAdapter, signal: AbortSignal): void {
  let session = startSession(adapter);
  let overlay: Overlay | undefined;
  /** The key form element as last found: read again at a click, described on request. */
  let form: Element | undefined;
  /** The exchange's button whose click the panel holds back while it asks "Create anyway?". */
  let held: HTMLElement | undefined;

  const render = () => {
    if (signal.aborted) return;
    const { panel, verdict } = sessionView(session);
    try {
      if (panel) {
        overlay ??= mountOverlay(adapter.id, actions);
        overlay.update(panel);
      } else {
        overlay?.remove();
        overlay = undefined;
      }
    } catch (error) {
      // The page is never broken by the panel, and the popup below still gets the verdict.
      warn('could not show the panel')(error);
    }
    if (verdict) send('verdict:update', { verdict }).catch(warn('could not update the popup'));
    else send('verdict:clear', {}).catch(warn('could not clear the verdict'));
  };

  /**
   * One event into the session: holds the exchange's click first when the session says so (`hold`, from the click
   * handler: nothing after it can let the click through), shows the new view, then runs the other effects in order.
   * After the visit ended only the background's answers still arrive: a key the exchange showed is still confirmed
   * (`confirm-pending`), and nothing is shown or started on the page any more.
   */
  const dispatch = (event: SessionEvent, hold?: () => void): void => {
    const next = step(session, event);
    const changed = next.state !== session;
    session = next.state;
    if (hold && next.effects.some((effect) => effect.type === 'hold-click')) hold();
    if (signal.aborted) {
      next.effects.filter((effect) => effect.type === 'confirm-pending').forEach(run);
      return;
    }
    if (changed) render();
    next.effects.forEach(run);
  };

  const run = (effect: SessionEffect) => {
    switch (effect.type) {
      case 'hold-click': // done first, by the click handler's `hold`
        return;
      case 'focus-held':
        held?.focus();
        return;
      case 'click-held':
        held?.click();
        return;
      case 'remember-purpose':
        send('purpose:set', { exchange: adapter.id, purpose: effect.purpose }).catch(
          warn('could not remember the purpose'),
        );
        return;
      case 'record': {
        const { id } = effect;
        send('reminder:record', effect.created).then(
          ({ name, due }) => dispatch({ type: 'record-saved', id, name, due }),
          (error: unknown) => dispatch({ type: 'record-failed', id, message: errorText(error) }),
        );
        return;
      }
      case 'restrictions':
        send('reminder:restrictions', { ...effect.created, rotationChosen: effect.rotationChosen }).then(
          ({ name, due }) => dispatch({ type: 'restrictions-saved', name, due }),
          (error: unknown) => dispatch({ type: 'restrictions-failed', message: errorText(error) }),
        );
        return;
      case 'watch-success':
        watchSuccessView(adapter, signal, (shown) => dispatch({ type: 'success-view', shown }));
        return;
      case 'confirm-pending': {
        const { name } = effect;
        send('reminder:confirm-pending', { exchange: adapter.id, ...(name ? { name } : {}) }).then(
          (reminder) => dispatch({ type: 'confirm-result', name, ...(reminder ? { due: reminder.due } : {}) }),
          (error: unknown) => dispatch({ type: 'confirm-failed', message: errorText(error) }),
        );
      }
    }
  };

  // Read afresh at the click: the last read may be a frame old, missing the last character typed in the name.
  const readNow = () => {
    try {
      return form?.isConnected ? readForm(form, adapter) : session.snapshot;
    } catch {
      return session.snapshot;
    }
  };

  const actions = {
    onDescribe: () => describeThisPage(adapter, form),
    onPurpose: (purpose: Purpose) => dispatch({ type: 'purpose-chosen', purpose }),
    onRotation: (days: number) => dispatch({ type: 'rotation-chosen', days }),
    onConfirm: (create: boolean) =>
      dispatch({ type: 'confirm-answer', create, ...(create ? { snapshot: readNow() } : {}) }),
  };

  send('purpose:get', { exchange: adapter.id }).then(
    (stored) => dispatch({ type: 'purpose-stored', ...(stored ? { purpose: stored } : {}) }),
    warn('could not read the remembered purpose'),
  );
  watchPolicy(signal, (policy) => dispatch({ type: 'policy', policy }));
  watchForm(adapter, signal, (next) => {
    form = next.form;
    dispatch({ type: 'form', snapshot: next.snapshot });
  });
  guardSettings().then((settings) => dispatch({ type: 'settings', settings }), warn('could not read the settings'));
  watchSubmit(
    adapter,
    () => form,
    signal,
    (event, button) =>
      dispatch({ type: 'submit', snapshot: readNow() }, () => {
        event.preventDefault();
        event.stopImmediatePropagation();
        held = button;
      }),
  );
  // Back to this page from the back/forward cache: the page and this guard are as they were, but the background
  // forgot the tab's verdict when the tab loaded the other page, and watchForm reports only changes: say it again.
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) render();
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    overlay?.remove();
    send('verdict:clear', {}).catch(warn('could not clear the verdict'));
  });
}

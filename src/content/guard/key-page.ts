import { evaluate, verdictOf } from '../../core/evaluate';
import { isolated } from '../../core/text';
import { parseAllowList } from '../../core/ip-allowlist';
import { keyIsBound } from '../../core/ip-binding';
import type { ManagedPolicy } from '../../core/policy';
import { exchangeDeadlineDays, soonerLimit, suggestedRotationDays } from '../../core/rotation';
import type { KeyFormSnapshot, Purpose } from '../../core/types';
import type { ExchangeAdapter } from '../../exchanges/adapter';
import { t } from '../../i18n';
import type { Settings } from '../../settings/settings';
import { send, type TabVerdict } from '../../messages';
import { criticalQuestion, type CriticalQuestion } from './confirm-critical';
import { describePage } from '../read/describe-page';
import { guardSettings } from './guard-settings';
import { mountOverlay, type Overlay } from '../overlay/mount';
import type { PanelView } from '../overlay/Panel';
import { readForm } from '../read/read-form';
import { watchSuccessView } from './success-view';
import { watchForm, type FormState } from './watch-form';
import { watchPolicy } from './watch-policy';
import { watchSubmit } from './watch-submit';

function warn(what: string) {
  return (error: unknown) => console.warn(`KeyScope: ${what}`, error);
}

/** The last submit of the guarded form, until the exchange shows the key it created. */
interface Submitted {
  name: string;
  /** The `reminder:record` round trip, true when it saved: confirming waits for it, so that the pending reminder exists. */
  recorded: Promise<boolean>;
  confirming?: boolean;
}

/**
 * Guards one visit to an exchange's key page: reads the form, judges it, shows the panel, tells the background.
 * A submit records a pending reminder; the exchange's "key created" view confirms it. Everything it starts ends
 * with the signal.
 */
export function guardKeyPage(adapter: ExchangeAdapter, signal: AbortSignal): void {
  let state: FormState = {};
  let purpose: Purpose | undefined;
  let rotationDays: number | undefined;
  let policy: ManagedPolicy | undefined;
  let notice: string | undefined;
  let overlay: Overlay | undefined;
  let lastRecorded = '';
  let submitted: Submitted | undefined;
  let lastView: PanelView | undefined;
  /** The exchange shows the key it created: the form is gone, the panel stays to say what KeyScope did. */
  let keyShown = false;
  let watchingSuccess = false;
  /** Undefined until the background answers: until then nothing is ever held back. */
  let settings: Settings | undefined;
  /** The click held back while the panel asks "Create anyway?", and the button it was on. */
  let asking: (CriticalQuestion & { button: HTMLElement }) | undefined;
  /** The critical findings the user chose to create the key with anyway. */
  let confirmed: string | undefined;

  const view = (snapshot: KeyFormSnapshot): PanelView => {
    const maxRotationDays = policy?.maxRotationDays;
    // A choice made before the organisation's policy arrived (or changed) is cut to its maximum.
    const days = rotationDays === undefined ? undefined : Math.min(rotationDays, maxRotationDays ?? Infinity);
    const context = {
      purpose,
      rotationDays: days,
      exchangeName: adapter.name,
      rules: adapter.rules,
      ...(policy ? { policy } : {}),
    };
    const findings = evaluate(snapshot, context);
    const bound = keyIsBound(snapshot, parseAllowList(snapshot.ipEntries));
    const deadlineDays = exchangeDeadlineDays(adapter.rules, snapshot.permissions, bound);
    const notes = snapshot.permissions.flatMap((p) => adapter.rules.permissionNotes?.[p] ?? []);
    return {
      exchangeName: adapter.name,
      snapshot,
      findings,
      verdict: verdictOf(findings),
      purpose,
      rotationDays: days,
      suggestedDays: suggestedRotationDays(soonerLimit(deadlineDays, maxRotationDays), settings?.rotationDays),
      deadlineDays,
      maxRotationDays,
      bound,
      permissionNotes: notes,
      notice,
      offersKeyExpiry: adapter.rules.offersKeyExpiry,
      // Asked about these findings only while they are still the form's: fixed meanwhile, the question goes.
      ...(asking && criticalQuestion(true, findings, undefined)?.key === asking.key
        ? { confirm: { findings: asking.findings } }
        : {}),
    };
  };

  const refresh = () => {
    if (signal.aborted) return;
    const { snapshot } = state;
    if (!snapshot && keyShown && lastView) {
      overlay ??= mountOverlay(adapter.id, actions);
      overlay.update({ ...lastView, notice, keyCreated: true });
      send('verdict:clear', {}).catch(warn('could not clear the verdict'));
      return;
    }
    if (!snapshot) {
      overlay?.remove();
      overlay = undefined;
      send('verdict:clear', {}).catch(warn('could not clear the verdict'));
      return;
    }
    const current = view(snapshot);
    lastView = current;
    overlay ??= mountOverlay(adapter.id, actions);
    overlay.update(current);
    const verdict: TabVerdict = {
      exchange: adapter.id,
      exchangeName: adapter.name,
      permissions: snapshot.permissions,
      ipEntries: snapshot.ipEntries,
      findings: current.findings,
      ...current.verdict,
    };
    send('verdict:update', { verdict }).catch(warn('could not update the popup'));
  };

  const actions = {
    onDescribe: () => describePage(document, adapter, state.form),
    onPurpose(chosen: Purpose) {
      purpose = chosen;
      refresh();
      send('purpose:set', { exchange: adapter.id, purpose: chosen }).catch(warn('could not remember the purpose'));
    },
    onRotation(days: number) {
      rotationDays = days;
      refresh();
    },
    onConfirm(create: boolean) {
      const question = asking;
      asking = undefined;
      if (!question) return;
      if (!create) {
        notice = t('notice_not_created', adapter.name);
        refresh();
        // The answer's button is gone with the question: the keyboard is back on the exchange's button, as before.
        question.button.focus();
        return;
      }
      confirmed = question.key;
      refresh();
      question.button.focus();
      // Recorded here, before the exchange hears of it, as watchSubmit's click would be: the click below is KeyScope's,
      // not the user's, and watchSubmit heeds only the user's.
      record();
      // The same button, pressed again for the user: the exchange's own handlers and form submission run as for any
      // click (so does the user's own next press, should the exchange have re-rendered the button meanwhile).
      question.button.click();
    },
  };

  // Holds the exchange's click back only when the user asked for it (settings) and the form has a critical finding
  // not yet confirmed: the page never sees that click, so nothing is sent and nothing on the form changes.
  const onSubmitClick = (event: Event, button: HTMLElement) => {
    const snapshot = readNow();
    const question = snapshot && criticalQuestion(settings?.confirmCritical, view(snapshot).findings, confirmed);
    if (question) {
      event.preventDefault();
      event.stopImmediatePropagation();
      asking = { ...question, button };
      notice = undefined;
      refresh();
      return;
    }
    asking = undefined;
    record();
  };

  // Read afresh at the click: the last read may be a frame old, missing the last character typed in the name.
  const readNow = (): KeyFormSnapshot | undefined => {
    try {
      return state.form?.isConnected ? readForm(state.form, adapter) : state.snapshot;
    } catch {
      return state.snapshot;
    }
  };

  const record = () => {
    const snapshot = readNow();
    if (!snapshot) return;
    const current = view(snapshot);
    // Without a choice of the user's, the exchange's own expiry is when the key needs replacing; else the suggestion.
    const expiry =
      snapshot.keyExpiryDays === undefined
        ? undefined
        : Math.min(snapshot.keyExpiryDays, current.maxRotationDays ?? Infinity);
    const days = current.rotationDays ?? expiry ?? current.suggestedDays;
    const created = {
      exchange: adapter.id,
      name: snapshot.keyName,
      permissions: snapshot.permissions,
      ipBound: current.bound,
      rotationDays: days,
      ...(purpose ? { purpose } : {}),
      ...(current.deadlineDays !== undefined ? { deadlineDays: current.deadlineDays } : {}),
    };
    // A second click on the same, unchanged form (e.g. the exchange asked for 2FA first) is the same key.
    const identity = JSON.stringify(created);
    if (identity === lastRecorded) return;
    lastRecorded = identity;
    if (snapshot.listedKey) {
      // The restrictions of a key the exchange has already (Binance): its reminder changes, no creation to wait for.
      send('reminder:restrictions', { ...created, rotationChosen: current.rotationDays !== undefined }).then(
        (reminder) => {
          notice = t(
            'notice_restrictions_saved',
            reminder.name ? isolated(reminder.name) : t('this_key'),
            reminder.due,
          );
          refresh();
        },
        (error: unknown) => {
          lastRecorded = '';
          notice = t('notice_save_failed', error instanceof Error ? error.message : String(error));
          refresh();
        },
      );
      return;
    }
    const recorded = send('reminder:record', created).then(
      (reminder) => {
        notice = t('notice_saved', reminder.name ? isolated(reminder.name) : t('this_key'), reminder.due);
        refresh();
        return true;
      },
      (error: unknown) => {
        lastRecorded = '';
        notice = t('notice_save_failed', error instanceof Error ? error.message : String(error));
        refresh();
        return false;
      },
    );
    submitted = { name: snapshot.keyName, recorded };
    if (!watchingSuccess) {
      watchingSuccess = true;
      watchSuccessView(adapter, signal, onSuccessView);
    }
  };

  // Acts only after a submit in this visit: the view of a key created elsewhere, or earlier, confirms nothing.
  const onSuccessView = (shown: boolean) => {
    if (!shown) {
      // The user closed the view: the next key starts afresh.
      if (keyShown) {
        keyShown = false;
        submitted = undefined;
        lastRecorded = '';
        notice = undefined;
        rotationDays = undefined;
        refresh();
      }
      return;
    }
    const pending = submitted;
    if (!pending || pending.confirming) return;
    pending.confirming = true;
    keyShown = true;
    notice = t('notice_confirming');
    refresh();
    const name = pending.name.trim();
    pending.recorded
      .then((saved) =>
        saved ? send('reminder:confirm-pending', { exchange: adapter.id, ...(name ? { name } : {}) }) : undefined,
      )
      .then(
        (reminder) => {
          notice = reminder
            ? t(name ? 'notice_confirmed_named' : 'notice_confirmed', reminder.due, isolated(name))
            : t('notice_no_pending');
        },
        (error: unknown) => {
          notice = t('notice_confirm_failed', error instanceof Error ? error.message : String(error));
        },
      )
      .finally(refresh);
  };

  send('purpose:get', { exchange: adapter.id }).then((stored) => {
    if (stored && !purpose) {
      purpose = stored;
      refresh();
    }
  }, warn('could not read the remembered purpose'));

  watchPolicy(signal, (next) => {
    policy = next;
    refresh();
  });
  watchForm(adapter, signal, (next) => {
    state = next;
    refresh();
  });
  guardSettings().then((stored) => {
    settings = stored;
    refresh();
  }, warn('could not read the settings'));
  watchSubmit(adapter, () => state.form, signal, onSubmitClick);
  // Back to this page from the back/forward cache: the page and this guard are as they were, but the background
  // forgot the tab's verdict when the tab loaded the other page, and watchForm reports only changes: say it again.
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) refresh();
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    overlay?.remove();
    send('verdict:clear', {}).catch(warn('could not clear the verdict'));
  });
}

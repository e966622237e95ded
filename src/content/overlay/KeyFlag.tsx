import { useEffect, useRef } from 'preact/hooks';
import { isolated } from '../../core/text';
import type { KeyFlag as Flag } from '../../core/key-list-flags';
import type { UnboundKeyExpiry } from '../../core/types';
import { t, uiLanguage } from '../../i18n';
import { byUser } from '../guard/user-action';

/** What one key's inline flag shows; computed by the key-list session, rendered here. */
export interface KeyFlagView {
  exchangeName: string;
  /** The key's name as listed; empty when the page shows none KeyScope could read. */
  name: string;
  flags: Flag[];
  /** The interval "old" is measured against. */
  rotationDays: number;
  /** The exchange's unbound-key rule, for the `unbound-deadline` text. */
  expiry?: UnboundKeyExpiry;
  tracking: 'no' | 'busy' | 'yes';
  /** Why the last "Track this key" failed. */
  error?: string;
}

function flagText(flag: Flag, view: KeyFlagView): string {
  const { expiry } = view;
  switch (flag) {
    case 'withdraw':
      return t('flag_withdraw');
    case 'trade-unbound':
      return t('flag_trade_unbound');
    case 'old':
      return t('flag_old', view.rotationDays);
    case 'unbound-deadline':
      return expiry
        ? t(`flag_deadline_${expiry.idle ? 'idle' : 'created'}_${expiry.outcome}`, view.exchangeName, expiry.days)
        : t('flag_deadline', view.exchangeName);
  }
}

/** KeyScope's line beside one key of the exchange's key list: its risk flags and "Track this key". */
export function KeyFlag({ view, onTrack }: { view: KeyFlagView; onTrack: () => void }) {
  // "Track this key" gives way to "Tracked": when the button had keyboard focus, focus stays here instead of being lost.
  const track = useRef<HTMLSpanElement>(null);
  const focusWasOnButton = useRef(false);
  useEffect(() => {
    if (view.tracking !== 'yes' || !focusWasOnButton.current) return;
    focusWasOnButton.current = false;
    const root = track.current?.getRootNode();
    if (root instanceof ShadowRoot && !root.activeElement) track.current?.focus();
  }, [view.tracking]);
  // Only the user's own click (or Enter, Space) tracks: the page's script can reach this button through the open shadow root.
  const onClick = byUser((event: MouseEvent) => {
    const button = event.currentTarget as HTMLElement;
    focusWasOnButton.current = (button.getRootNode() as ShadowRoot | Document).activeElement === button;
    onTrack();
  });
  return (
    <div
      class="ks-flag"
      role="group"
      lang={uiLanguage()}
      aria-label={`KeyScope: ${view.name ? isolated(view.name) : t('this_key')}`}
    >
      <span class="ks-flag-brand">KeyScope</span>
      {view.flags.length === 0 && <span class="ks-flag-ok">{t('flag_none')}</span>}
      {view.flags.map((flag) => (
        <span key={flag} class={`ks-flag-badge ks-flag-${flag}`} data-flag={flag}>
          {flagText(flag, view)}
        </span>
      ))}
      <span class="ks-flag-track" ref={track} tabIndex={-1}>
        {view.tracking === 'yes' ? (
          <span class="ks-flag-tracked" role="status">
            {t('flag_tracked')}
          </span>
        ) : view.name ? (
          <button type="button" class="ks-flag-button" disabled={view.tracking === 'busy'} onClick={onClick}>
            {t(view.tracking === 'busy' ? 'flag_tracking' : 'flag_track')}
          </button>
        ) : (
          <span class="ks-flag-hint">{t('flag_no_name')}</span>
        )}
      </span>
      {view.error && (
        <span class="ks-flag-error" role="alert">
          {view.error}
        </span>
      )}
    </div>
  );
}

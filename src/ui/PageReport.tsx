import { useRef, useState } from 'preact/hooks';
import {
  descriptionFileName,
  descriptionJson,
  saveDescription,
  type PageDescription,
} from '../content/read/page-description';
import { t } from '../i18n';
import { errorText } from './errors';

interface PageReportProps {
  /** The description of the page's form area, built now (on click only). */
  describe: () => PageDescription | Promise<PageDescription>;
  /**
   * Saves it as a file and resolves to what was saved. Without it the file is saved from here (the panel); the popup
   * has the tab save it, since a download started in a popup is lost when the popup closes for the save dialog.
   */
  save?: (shown: PageDescription) => Promise<PageDescription>;
  /** The buttons' class on this surface (`ks-button` in the panel, `ks-small` in the popup). */
  buttonClass?: string;
}

/**
 * "This page is not read right?": shows what KeyScope sees of the page's form (kinds, states, short labels; never a
 * value typed, a key or a secret) as JSON text, and saves it as a file. Nothing is sent anywhere. The page's texts are
 * rendered as text nodes, never parsed.
 */
export function PageReport({ describe, save, buttonClass = 'ks-button' }: PageReportProps) {
  const [shown, setShown] = useState<PageDescription | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  const open = () => {
    setStatus('');
    setBusy(true);
    Promise.resolve()
      .then(describe)
      .then(setShown, (e: unknown) => setStatus(t('page_report_failed', errorText(e))))
      .finally(() => setBusy(false));
  };
  const close = () => {
    setShown(undefined);
    setStatus('');
    toggle.current?.focus();
  };
  const onSave = () => {
    if (!shown) return;
    setBusy(true);
    const saved = save
      ? save(shown)
      : Promise.resolve().then(() => (saveDescription(shown, box.current ?? undefined), shown));
    saved
      .then(
        (description) => {
          setShown(description);
          setStatus(t('page_report_saved', descriptionFileName(description)));
        },
        (e: unknown) => setStatus(t('page_report_failed', errorText(e))),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div class="ks-page-report" ref={box} data-keyscope-page-report="">
      <button
        type="button"
        class="ks-link"
        ref={toggle}
        aria-expanded={shown !== undefined}
        disabled={busy && !shown}
        onClick={shown ? close : open}
      >
        {t('page_report_open')}
      </button>
      {shown && (
        <div class="ks-page-report-body">
          <p class="ks-hint">{t('page_report_intro')}</p>
          <pre class="ks-page-report-json" role="region" tabIndex={0} aria-label={t('page_report_label')}>
            {descriptionJson(shown)}
          </pre>
          <div class="ks-buttons">
            <button type="button" class={buttonClass} disabled={busy} onClick={onSave}>
              {t('page_report_save')}
            </button>
            <button type="button" class={buttonClass} onClick={close}>
              {t('page_report_close')}
            </button>
          </div>
        </div>
      )}
      {status && (
        <p class="ks-hint" role="status">
          {status}
        </p>
      )}
    </div>
  );
}

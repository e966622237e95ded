import { useEffect, useRef, useState } from 'preact/hooks';
import { QUARANTINE_MAX } from '../inventory/reminder';
import type { ReminderList } from '../messages';
import { t } from '../i18n';
import type { Inventory } from '../ui/use-inventory';
import { download } from './download';
import type { OptionsData } from './options-data';

/**
 * The records kept aside (stored records KeyScope could not read): how many, an export of them as found, and, once
 * the export is offered, "Delete records kept aside" behind a question that says they cannot come back. KeyScope
 * keeps at most {@link QUARANTINE_MAX}; at that many the page says an import that would add more is refused.
 */
export function KeptAside({ list, inventory, data }: { list: ReminderList; inventory: Inventory; data: OptionsData }) {
  const count = list.quarantine.length;
  const [asking, setAsking] = useState(false);
  const [deleted, setDeleted] = useState(0);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const exportThem = () =>
    download(JSON.stringify(list.quarantine, null, 2), `keyscope-kept-aside-${list.today}.json`, 'application/json');
  // Exactly the records this page shows are deleted: one set aside after the page read the list stays.
  const deleteThem = async () => {
    setAsking(false);
    const records = list.quarantine;
    const done = await inventory.run(t('error_delete_kept_aside'), () => data.send('kept-aside:delete', { records }));
    if (done !== undefined) setDeleted(done);
  };

  return (
    <section class="ks-card" aria-labelledby="ks-quarantine">
      <h2 id="ks-quarantine">{t('options_quarantine')}</h2>
      {deleted > 0 && (
        <p class="ks-ok" role="status">
          {t(deleted === 1 ? 'options_quarantine_deleted_one' : 'options_quarantine_deleted_many', deleted)}
        </p>
      )}
      {count === 0 ? (
        <p class="ks-muted">{t('options_quarantine_none')}</p>
      ) : (
        <>
          <p class="ks-warning">
            {t(count === 1 ? 'options_quarantine_one' : 'options_quarantine_many', count)}
            {count >= QUARANTINE_MAX && ` ${t('options_quarantine_full', QUARANTINE_MAX)}`}
          </p>
          {asking ? (
            <div class="ks-ask" role="group" aria-labelledby="ks-quarantine-ask" tabIndex={-1} ref={question}>
              <p id="ks-quarantine-ask">
                {t(count === 1 ? 'options_quarantine_ask_one' : 'options_quarantine_ask_many', count)}
              </p>
              <div class="ks-row-actions">
                <button type="button" onClick={exportThem}>
                  {t(count === 1 ? 'options_quarantine_export_it' : 'options_quarantine_export_them')}
                </button>
                <button type="button" class="ks-danger" disabled={inventory.busy} onClick={() => void deleteThem()}>
                  {t('options_quarantine_delete_yes')}
                </button>
                <button type="button" onClick={() => setAsking(false)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div class="ks-row-actions">
              <button type="button" onClick={exportThem}>
                {t(count === 1 ? 'options_quarantine_export_it' : 'options_quarantine_export_them')}
              </button>
              <button type="button" disabled={inventory.busy} onClick={() => setAsking(true)}>
                {t('options_quarantine_delete')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

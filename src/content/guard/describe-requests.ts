import type { ExchangeAdapter } from '../../exchanges/adapter';
import { t } from '../../i18n';
import { send } from '../../messages';
import { currentDescriber, type Describer } from '../guard-handle';
import { saveDescription, type PageDescription } from '../read/page-description';
import { errorText } from '../../ui/errors';

/**
 * The describer, asked of the background the first time (it injects src/content/describe.ts into this frame's isolated
 * world, where it installs itself next to the guard); then at hand for the rest of the visit.
 */
async function loadDescriber(): Promise<Describer> {
  const ready = currentDescriber();
  if (ready) return ready;
  await send('describer:inject', {});
  const loaded = currentDescriber();
  if (!loaded) throw new Error(t('page_report_no_describer'));
  return loaded;
}

/** The description of the page's form area as it is now (the guard's form, when it holds one). */
export async function describeThisPage(adapter: ExchangeAdapter, form?: Element): Promise<PageDescription> {
  const describe = await loadDescriber();
  return describe(document, adapter, form);
}

interface RuntimeListener {
  id?: string;
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: { id?: string },
        sendResponse: (response: unknown) => void,
      ) => boolean | undefined,
    ): void;
  };
}

/**
 * Answers the popup's "This page is not read right?" (`page:describe`, relayed by the background to this tab): the
 * description of the page's form area as it is now, saved as a file in the page when asked (a download started in
 * the popup would be lost when the popup closes for the save dialog). Only the extension's own messages are answered.
 */
export function answerDescribeRequests(adapter: ExchangeAdapter): void {
  const scope = globalThis as { browser?: { runtime?: RuntimeListener }; chrome?: { runtime?: RuntimeListener } };
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  runtime?.onMessage.addListener((message, sender, sendResponse) => {
    const envelope = message as { type?: unknown; payload?: { save?: unknown } } | null;
    if (sender.id !== runtime.id || envelope?.type !== 'page:describe') return undefined;
    describeThisPage(adapter).then(
      (description) => {
        if (envelope.payload?.save === true) saveDescription(description);
        sendResponse(description);
      },
      (error: unknown) => {
        console.warn('KeyScope: could not describe this page', error);
        sendResponse({ error: errorText(error) });
      },
    );
    // The answer comes once the describer is loaded: the channel stays open for it.
    return true;
  });
}

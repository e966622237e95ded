// Code run in KeyScope's own content-script world of a tab (Chromium, through the DevTools protocol): what a renderer
// bug or a compromised guard could do there, for the hostile-page tests.
import type { CDPSession, Page } from 'puppeteer-core';

export interface ContentWorld {
  /** Evaluates an async expression in the extension's isolated world of the tab's main frame; returns its value. */
  run<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** Waits for KeyScope's isolated world in `page` (its content script has run) and returns a way to run code there. */
export async function contentWorld(page: Page, timeout = 10_000): Promise<ContentWorld> {
  const session: CDPSession = await page.createCDPSession();
  const contexts: Array<{ id: number; name: string; type?: string }> = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    contexts.push({
      id: context.id,
      name: context.name,
      type: (context.auxData as { type?: string } | undefined)?.type,
    });
  });
  await session.send('Runtime.enable');
  const started = Date.now();
  let world: { id: number } | undefined;
  while (!(world = contexts.find((c) => c.type === 'isolated' && c.name.startsWith('KeyScope')))) {
    if (Date.now() - started > timeout)
      throw new Error(`no KeyScope content-script world; contexts: ${JSON.stringify(contexts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const contextId = world.id;
  return {
    async run<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    },
    close: () => session.detach(),
  };
}

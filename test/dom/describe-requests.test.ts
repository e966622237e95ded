import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { describePage } from '../../src/content/read/describe-page';
import { descriptionFileName, type PageDescription } from '../../src/content/read/page-description';
import { answerDescribeRequests, describeThisPage } from '../../src/content/guard/describe-requests';
import { installDescriber } from '../../src/content/guard-handle';
import { okx } from '../../src/exchanges/okx';

// "This page is not read right?" on a guarded page: the guard does not carry the describer; it asks the background to
// inject src/content/describe.ts (which installs it in this isolated world) the first time, then uses it. Here the
// background's injection is played by the fake runtime: on `describer:inject` it installs the real describer.

type Listener = (message: unknown, sender: { id?: string }, respond: (r: unknown) => void) => unknown;

const DESCRIBER = Symbol.for('keyscope.describer');
let listener: Listener | undefined;
let asked: string[];
/** What the fake background does on `describer:inject`. */
let inject: () => unknown;

beforeEach(() => {
  asked = [];
  listener = undefined;
  delete (globalThis as Record<symbol, unknown>)[DESCRIBER];
  inject = () => {
    installDescriber(describePage);
    return true;
  };
  vi.stubGlobal('chrome', {
    runtime: {
      id: 'keyscope',
      onMessage: { addListener: (l: Listener) => (listener = l) },
      sendMessage: (message: { type: string }) => {
        asked.push(message.type);
        return Promise.resolve(message.type === 'describer:inject' ? inject() : null);
      },
    },
  });
  document.body.innerHTML =
    '<main><h3>Permissions</h3><label><input type="checkbox" checked> Read</label><label><input type="checkbox"> Trade</label></main>';
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete (globalThis as Record<symbol, unknown>)[DESCRIBER];
});

/** Calls the guard's listener as the browser would and waits for its answer. */
function request(payload: object, sender = { id: 'keyscope' }): { kept: unknown; answer: Promise<unknown> } {
  let respond: (r: unknown) => void = () => undefined;
  const answer = new Promise<unknown>((resolve) => (respond = resolve));
  const kept = listener!({ type: 'page:describe', payload }, sender, respond);
  return { kept, answer };
}

describe('the describer is loaded at the first request, from the background', () => {
  test('the first description asks for the describer once; later ones use it', async () => {
    const first = await describeThisPage(okx);
    expect(first).toMatchObject({ keyscope: 'page-description', exchange: 'okx' });
    expect(asked).toEqual(['describer:inject']);
    await describeThisPage(okx);
    expect(asked).toEqual(['describer:inject']);
  });

  test('the guard holding a form: that form is the area described, not the one the page would suggest', async () => {
    expect((await describeThisPage(okx)).root.tag).toBe('main');
    const held = document.createElement('section');
    held.append('Held form');
    document.body.append(held);
    const described = await describeThisPage(okx, held);
    expect(described).toMatchObject({ area: 'key-form', root: { tag: 'section', children: ['Held form'] } });
  });

  test('a background that refuses the injection: the request fails with its reason, nothing is described', async () => {
    inject = () => ({ error: 'KeyScope refused "describer:inject" from this sender.' });
    await expect(describeThisPage(okx)).rejects.toThrow('refused "describer:inject"');
  });

  test('an injection that installed nothing: a clear failure, not a hang', async () => {
    inject = () => true;
    await expect(describeThisPage(okx)).rejects.toThrow('KeyScope could not load the part that describes this page.');
  });
});

describe("the guard answers the popup's request, relayed by the background", () => {
  test("only the extension's own page:describe is answered; with save, the file is saved in the page", async () => {
    answerDescribeRequests(okx);
    const respond = vi.fn();
    expect(listener!({ type: 'page:describe', payload: {} }, { id: 'someone-else' }, respond)).toBeUndefined();
    expect(listener!({ type: 'verdict:get', payload: {} }, { id: 'keyscope' }, respond)).toBeUndefined();
    expect(respond).not.toHaveBeenCalled();
    expect(asked).toEqual([]);

    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:keyscope/1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const shown = request({});
    // The answer comes after the describer is loaded: the listener keeps the channel open for it.
    expect(shown.kept).toBe(true);
    expect(await shown.answer).toMatchObject({ keyscope: 'page-description', exchange: 'okx' });
    expect(click).not.toHaveBeenCalled();
    const saved = request({ save: true });
    expect(((await saved.answer) as PageDescription).keyscope).toBe('page-description');
    expect(click).toHaveBeenCalledOnce();
    expect(click.mock.contexts[0]).toMatchObject({ download: descriptionFileName({ host: location.host }) });
  });

  test('a describer that cannot be loaded: the answer says why (the popup shows it), nothing is saved', async () => {
    answerDescribeRequests(okx);
    inject = () => ({ error: 'Cannot access contents of the page.' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    expect(await request({ save: true }).answer).toEqual({ error: 'Cannot access contents of the page.' });
    expect(click).not.toHaveBeenCalled();
  });
});

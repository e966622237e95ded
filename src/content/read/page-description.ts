// What "This page is not read right?" shows and saves: the description's shape (built by ./describe-page.ts, which
// the background injects only when the user asks: see src/content/describe.ts), its file name and JSON, and the save.
// Small on purpose: the panel and the popup carry this, not the describer.

/** A text as described: the text itself, or a marker saying why it was left out (no part of it is kept). */
export type DescribedText = string | { long: true } | { secret: true } | { private: 'ip' | 'email' | 'number' };

export interface DescribedElement {
  /** Lower-case tag name. */
  tag: string;
  /** Token attributes (type, role, aria states, hidden…) and text attributes (aria-label, placeholder, title). */
  attrs?: Record<string, DescribedText>;
  /** The class names the form reader looks at, and only those. */
  class?: string[];
  checked?: true;
  selected?: true;
  disabled?: true;
  /** Number of this element when a label's `for` or an `aria-labelledby` names it (its id is not kept). */
  ref?: number;
  for?: number;
  labelledBy?: number[];
  /** Radio group, numbered (the name is not kept). */
  group?: number;
  /** A field or control of key material (password, secret, 2FA): its kind only, nothing inside. */
  secret?: true;
  /** Editable text (contenteditable): what is in it was typed, never described. */
  editable?: true;
  /** Children left out: too deep, or the node cap was reached. */
  truncated?: true;
  children?: DescribedNode[];
}

export type DescribedNode = DescribedElement | DescribedText;

/** How the described area was chosen (see {@link pageArea}). */
export type AreaKind = 'key-form' | 'permission-labels' | 'dialog' | 'main' | 'body' | 'given';

export interface PageDescription {
  keyscope: 'page-description';
  version: 1;
  host: string;
  path: string;
  /** The adapter the guard used (an exchange id, or `generic`). */
  exchange?: string;
  /** The page's `lang`. */
  lang?: string;
  area: AreaKind;
  /** What stands just outside the area and says what it is for: the nearest heading before it, its dialog's name. */
  context?: { heading?: DescribedText; dialog?: DescribedText };
  /** Elements and texts described. */
  nodes: number;
  /** The node or depth cap was reached: some parts are left out. */
  truncated?: true;
  root: DescribedElement;
}

/** `keyscope-page-<host>-<date>.json`, the date being the local calendar day. */
export function descriptionFileName(description: Pick<PageDescription, 'host'>, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const host = description.host.toLowerCase().replace(/[^a-z0-9.-]+/g, '-') || 'page';
  return `keyscope-page-${host}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

export function descriptionJson(description: PageDescription): string {
  return `${JSON.stringify(description, null, 2)}\n`;
}

/**
 * Saves the description as a file through an `<a download>` on a blob URL: nothing is sent anywhere. `parent` holds
 * the link for the click (the panel's shadow root); returns the file name.
 */
export function saveDescription(
  description: PageDescription,
  parent: ParentNode = document.body ?? document.documentElement,
  now = new Date(),
): string {
  const filename = descriptionFileName(description, now);
  const url = URL.createObjectURL(new Blob([descriptionJson(description)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return filename;
}

/** Text matching shared by the form finder and reader: page text is compared, never rendered or parsed as markup. */

/** Lower case, white space folded, trailing ":", "：", "*" and "(optional)" dropped. */
export function normalizeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[(（](optional|可选|选填)[)）]\s*$/i, '')
    .replace(/[\s:：*]+$/, '')
    .replace(/^[\s*]+/, '')
    .toLowerCase();
}

/** A lookup from normalized label text to a value. */
export function labelIndex<T>(entries: Iterable<[T, readonly string[]]>): Map<string, T> {
  const index = new Map<string, T>();
  for (const [value, labels] of entries) for (const label of labels) index.set(normalizeLabel(label), value);
  return index;
}

export function containsAny(text: string, needles: readonly string[]): boolean {
  const normalized = normalizeLabel(text);
  return needles.some((needle) => normalized.includes(normalizeLabel(needle)));
}

const SEPARATOR = /[\s:：*]/;
const BLANK = /[\s*]/;
// What may follow a label in the same text: a separator, or a note in brackets ("IP 地址白名单（选填）").
const AFTER_LABEL = /[\s:：*(（]/;

/** Text read one character at a time: a text node, or a run of adjacent ones ({@link textRun}). */
export interface CharSource {
  readonly length: number;
  substringData(offset: number, count: number): string;
}

/**
 * The visible text that starts at `node` and goes on through the text nodes right after it (one word can be split
 * over several nodes by a framework); undefined for a node that continues a run, which its first node stands for.
 */
export function textRun(node: Text): CharSource | undefined {
  if (node.previousSibling?.nodeType === Node.TEXT_NODE) return undefined;
  if (node.nextSibling?.nodeType !== Node.TEXT_NODE) return node;
  const parts: Text[] = [];
  for (let part: ChildNode | null = node; part?.nodeType === Node.TEXT_NODE; part = part.nextSibling)
    parts.push(part as Text);
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return {
    length,
    substringData(offset, count) {
      let text = '';
      for (const part of parts) {
        if (offset < part.length && count > 0) {
          const piece = part.substringData(offset, count);
          text += piece;
          count -= piece.length;
        }
        offset = Math.max(0, offset - part.length);
      }
      return text;
    },
  };
}

/** The labels' first characters, normalized: what {@link mayStartLabel} compares a text's first character with. */
export function labelInitials(labels: Iterable<string>): ReadonlySet<string> {
  return new Set(Array.from(labels, (label) => normalizeLabel(label).charAt(0)));
}

/**
 * Whether a text's first visible character begins one of the labels: one character tells most of a live page's texts
 * (prices, times) apart from labels, before any label is compared.
 */
export function mayStartLabel(text: CharSource, initials: ReadonlySet<string>): boolean {
  const first = /[^\s*]/.exec(text.substringData(0, Math.min(text.length, 8)))?.[0];
  return first !== undefined && initials.has(first.toLowerCase());
}

/** A label found at the start of a text node; `end` is the offset right after it. */
export interface LabelAt<T> {
  value: T;
  end: number;
}

/**
 * Finds which label, if any, a text node starts with, reading the node one character at a time and stopping at the
 * first character that no label continues with. A value that is not a label (an API key, a secret) is given up on
 * at its first character or so and never read whole; the longest label wins ("IP address allowlist" over
 * "IP address"). The label must end the text or be followed by a separator (white space, ":", "：") or a bracket.
 */
export function labelReader<T>(
  entries: Iterable<[T, readonly string[]]>,
): (node: CharSource) => LabelAt<T> | undefined {
  const index = labelIndex(entries);
  const labels = [...index.keys()];
  return (node) => {
    const length = node.length;
    let i = 0;
    while (i < length && BLANK.test(node.substringData(i, 1))) i++;
    let text = '';
    let found: LabelAt<T> | undefined;
    for (; i < length; i++) {
      let char = node.substringData(i, 1).toLowerCase();
      if (/\s/.test(char)) {
        if (text.endsWith(' ')) continue;
        char = ' ';
      }
      const next = text + char;
      if (!labels.some((label) => label.startsWith(next))) break;
      text = next;
      const value = index.get(text);
      if (value !== undefined) found = { value, end: i + 1 };
    }
    return found && (found.end === length || AFTER_LABEL.test(node.substringData(found.end, 1))) ? found : undefined;
  };
}

/**
 * Where the text after a label begins, separators skipped; undefined when nothing follows (the node is the label
 * alone). Reads the node past the label: call it only for fields whose values KeyScope may read.
 */
export function valueStart(node: CharSource, end: number): number | undefined {
  for (let i = end; i < node.length; i++) if (!SEPARATOR.test(node.substringData(i, 1))) return i;
  return undefined;
}

/**
 * The label a short text node is, exactly; a node longer than `maxLength` is skipped by its length alone, unread:
 * for views that show key material, whose labels are short and whose values are long.
 */
export function exactLabel<T>(node: CharSource, index: ReadonlyMap<string, T>, maxLength: number): T | undefined {
  return node.length > maxLength ? undefined : index.get(normalizeLabel(node.substringData(0, node.length)));
}

/** The longest text a label of `index` can be on the page: the label plus a little room for separators. */
export function labelLengthLimit(index: ReadonlyMap<string, unknown>): number {
  return Math.max(0, ...[...index.keys()].map((label) => label.length)) + 4;
}

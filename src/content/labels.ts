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

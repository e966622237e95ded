// How deeply a JSON text nests, read as characters before anything parses or walks it: a file nested thousands of
// levels deep overflows the stack of whatever recursion meets it next (JSON.stringify, structured cloning), so the
// import refuses it by its depth first (docs/design.md, "Import and undo").

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * True when arrays and objects in `json` nest more than `limit` levels deep. One pass, no recursion, strings
 * skipped (a bracket inside a string is text). Exact for valid JSON; invalid JSON is refused by the parser after.
 */
export function nestsDeeperThan(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    if (inString) {
      if (unit === BACKSLASH) i++;
      else if (unit === QUOTE) inString = false;
    } else if (unit === QUOTE) {
      inString = true;
    } else if (OPEN.has(unit)) {
      if (++depth > limit) return true;
    } else if (CLOSE.has(unit)) {
      depth--;
    }
  }
  return false;
}

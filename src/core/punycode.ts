// Punycode (RFC 3492) decoding, for reading internationalised host names. The URL API, in browsers and in Node, hands
// every non-ASCII label over as ASCII "xn--" labels and browsers offer no way back (Node's `url.domainToUnicode` is
// Node's only, and its `punycode` module is deprecated). Decoding is the one direction KeyScope needs: 40 lines
// checked against Node's own decoder in test/unit/punycode.test.ts, instead of a dependency.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const ACE_PREFIX = 'xn--';

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26; // 0-9 → 26-35
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z → 0-25
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  return BASE; // not a digit: the caller treats it as invalid
}

/** Decodes the part of a label after "xn--"; undefined when it is not valid Punycode or decodes to ASCII only. */
function decodePunycode(input: string): string | undefined {
  const separator = input.lastIndexOf('-');
  const output = separator > 0 ? Array.from(input.slice(0, separator), (c) => c.codePointAt(0)!) : [];
  if (output.some((code) => code >= 0x80)) return undefined;
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let at = separator > 0 ? separator + 1 : 0; at < input.length;) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined;
      const digit = digitOf(input[at++]!);
      if (digit >= BASE) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (i > 0x7fffffff || w > 0x7fffffff) return undefined;
    }
    const points = output.length + 1;
    bias = adapt(i - oldI, points, oldI === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return undefined;
    output.splice(i++, 0, n);
  }
  // IDNA (UTS 46) refuses an xn-- label that decodes to ASCII only: it would be a second spelling of a plain label.
  return output.some((code) => code >= 0x80) ? String.fromCodePoint(...output) : undefined;
}

/** One host label as Unicode: an "xn--" label decoded, any other label as it is (also when it fails to decode). */
export function labelToUnicode(label: string): string {
  if (!label.toLowerCase().startsWith(ACE_PREFIX)) return label;
  return decodePunycode(label.slice(ACE_PREFIX.length)) ?? label;
}

/** A host name as a person reads it: `xn--kx-kmc.com` → `оkx.com` (with a Cyrillic "о"). */
export function hostToUnicode(hostname: string): string {
  return hostname.split('.').map(labelToUnicode).join('.');
}

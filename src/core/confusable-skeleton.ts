// The "skeleton" of a host label, in the spirit of Unicode TR39 (Security Mechanisms, section 4): two labels that a
// reader cannot tell apart get the same skeleton. TR39's full table (confusables.txt, about 6,300 mappings) is built
// for comparing any two strings of any script; KeyScope compares host labels against a dozen Latin brand words of
// lower-case letters, so it needs only the characters that pass for a lower-case Latin letter: this table, plus Unicode
// decomposition for accented and compatibility forms. Host names arrive lower-cased by the URL parser (UTS 46), so
// upper-case look-alikes need no entry.

/**
 * Characters of other scripts (Cyrillic, Greek, Armenian, IPA and small capitals) that read as a Latin letter, from
 * TR39's confusables.txt, plus the digits 0 and 1 that read as o and l in most fonts.
 */
const LOOKS_LIKE: Readonly<Record<string, string>> = {
  а: 'a',
  ɑ: 'a',
  α: 'a',
  ь: 'b',
  ƅ: 'b',
  с: 'c',
  ϲ: 'c',
  ᴄ: 'c',
  ԁ: 'd',
  е: 'e',
  ҽ: 'e',
  ɡ: 'g',
  ց: 'g',
  һ: 'h',
  հ: 'h',
  ј: 'j',
  ϳ: 'j',
  κ: 'k',
  к: 'k',
  ĸ: 'k',
  ո: 'n',
  п: 'n',
  о: 'o',
  ο: 'o',
  օ: 'o',
  ᴏ: 'o',
  '0': 'o',
  р: 'p',
  ρ: 'p',
  ԛ: 'q',
  г: 'r',
  ѕ: 's',
  ꜱ: 's',
  т: 't',
  υ: 'u',
  ս: 'u',
  ᴜ: 'u',
  ν: 'v',
  ѵ: 'v',
  ᴠ: 'v',
  ԝ: 'w',
  ѡ: 'w',
  ᴡ: 'w',
  х: 'x',
  χ: 'x',
  у: 'y',
  ү: 'y',
  γ: 'y',
  ᴢ: 'z',
  // The thin vertical letters are one class, stricter than TR39 (which keeps i apart from l): "blnance" and
  // "b1nance" both read as "binance" at a glance.
  i: 'l',
  '1': 'l',
  і: 'l',
  ı: 'l',
  ι: 'l',
  ӏ: 'l',
  ǀ: 'l',
};

/** Letter pairs that read as one letter in most fonts, after the single characters are mapped: "rnexc" reads "mexc". */
const PAIRS: ReadonlyArray<readonly [RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
];

/**
 * What a host label looks like, reduced to plain Latin letters: accents dropped, look-alike characters of other scripts
 * replaced, i/l/1 merged, "rn" read as "m". Equal skeletons mean labels a reader takes for the same word.
 */
export function skeleton(label: string): string {
  let mapped = '';
  for (const char of label.normalize('NFKD').replace(/\p{M}/gu, '')) mapped += LOOKS_LIKE[char] ?? char;
  return PAIRS.reduce((text, [pair, letter]) => text.replace(pair, letter), mapped);
}

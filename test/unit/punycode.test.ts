import fc from 'fast-check';
import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, test } from 'vitest';
import { hostToUnicode, labelToUnicode } from '../../src/core/punycode';

// KeyScope's own Punycode decoder against Node's (which browsers lack): the same answer for RFC 3492's samples and
// for any host name the URL parser produces from random Unicode labels.

describe('hostToUnicode', () => {
  test.each([
    ['xn--kx-emc.com', 'оkx.com'],
    ['www.xn--bnance-pvf.com', 'www.bіnance.com'],
    ['xn--mnchen-3ya.de', 'münchen.de'],
    ['xn--fsqu00a.xn--55qx5d', '例子.公司'],
    ['xn--d1acpjx3f.xn--p1ai', 'яндекс.рф'],
    ['www.okx.com', 'www.okx.com'],
  ])('%s reads %s', (ascii, unicode) => {
    expect(hostToUnicode(ascii)).toBe(unicode);
    expect(domainToUnicode(ascii)).toBe(unicode);
  });

  // Empty; ASCII only once decoded; overflowing; truncated (the last digit asks for more); not Punycode digits.
  test.each(['xn--', 'xn--a-', 'xn--99999999999', 'xn--kx-em', 'xn--é', 'xn--a_b'])(
    'an invalid label %j stays as it is',
    (label) => {
      expect(labelToUnicode(label)).toBe(label);
    },
  );

  test('agrees with Node on any host the URL parser makes of Unicode labels', () => {
    const letter = fc.constantFrom(
      ...'abcxyz0189-',
      ...'аеіорсхкнмтуьёйжщ',
      ...'αβγδεκνοπρστυχ',
      ...'äöüéèñçßø',
      ...'例子公司中国한국어日本',
      ...'ابتث',
    );
    const label = fc.array(letter, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => {
        const ascii = domainToASCII(`${labels.join('.')}.com`);
        fc.pre(ascii !== '');
        expect(hostToUnicode(ascii)).toBe(domainToUnicode(ascii));
      }),
      { numRuns: 2000 },
    );
  });
});

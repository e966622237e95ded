import { describe, expect, test } from 'vitest';
import { classifyIpEntry, parseAllowList, splitAllowList, type IpEntryKind } from '../../src/core/ip-allowlist';
import { publicIps } from './helpers';

describe('splitAllowList', () => {
  test.each([
    ['empty field', '', []],
    ['only spaces', '   ', []],
    ['whitespace soup: tab, newline, NBSP, ideographic space', ' \t\n\u00a0\u3000\r\n ', []],
    ['only commas', ',, ,', []],
    ['comma and space', '1.2.3.4, 5.6.7.8', ['1.2.3.4', '5.6.7.8']],
    ['space only', '1.2.3.4 5.6.7.8', ['1.2.3.4', '5.6.7.8']],
    ['comma only, repeated and trailing', '1.2.3.4,,5.6.7.8,', ['1.2.3.4', '5.6.7.8']],
    ['one per line', '1.2.3.4\n5.6.7.8\r\n9.9.9.9', ['1.2.3.4', '5.6.7.8', '9.9.9.9']],
    ['NBSP and ideographic space between entries', '\u00a01.2.3.4\u3000\t5.6.7.8\u00a0', ['1.2.3.4', '5.6.7.8']],
    ['IPv6 keeps its colons and prefix', '2001:4860::/48 ::1', ['2001:4860::/48', '::1']],
    ['fullwidth comma is not a separator: one entry', '1.2.3.4，5.6.7.8', ['1.2.3.4，5.6.7.8']],
  ])('%s', (_name, text, entries) => {
    expect(splitAllowList(text)).toEqual(entries);
  });
});

describe('classifyIpEntry', () => {
  const cases: [IpEntryKind, string, string][] = [
    ['public', 'IPv4 address', '8.8.8.8'],
    ['public', 'IPv6 address', '2001:4860:4860::8888'],
    ['public', 'IPv6 in capitals', '2001:4860:4860::8888'.toUpperCase()],
    ['public', 'IPv4-mapped public address', '::ffff:8.8.8.8'],
    ['public', 'IPv4 /24 (the widest accepted)', '8.8.8.0/24'],
    ['public', 'IPv4 /32', '8.8.8.8/32'],
    ['public', 'IPv6 /48 (the widest accepted)', '2001:4860::/48'],
    ['public', 'IPv6 /64', '2001:4860:4860::/64'],

    ['broad', 'IPv4 /23', '8.8.8.0/23'],
    ['broad', 'IPv4 /16', '8.8.0.0/16'],
    ['broad', 'IPv4 /0', '8.8.8.8/0'],
    ['broad', 'IPv6 /47', '2001:4860::/47'],
    ['broad', 'IPv6 ::/0', '::/0'],
    ['broad', 'star', '*'],
    ['broad', 'the word "any"', 'ANY'],
    ['broad', '0.0.0.0', '0.0.0.0'],
    ['broad', '0.0.0.0/0', '0.0.0.0/0'],
    ['broad', 'IPv6 unspecified ::', '::'],

    ['private', 'RFC 1918 10/8', '10.1.2.3'],
    ['private', 'RFC 1918 172.16/12', '172.16.0.1'],
    ['private', 'RFC 1918 192.168/16', '192.168.1.1'],
    ['private', 'narrow private range', '192.168.1.0/24'],
    ['private', 'loopback', '127.0.0.1'],
    ['private', 'link-local', '169.254.10.20'],
    ['private', 'CGNAT 100.64/10', '100.64.0.1'],
    ['private', 'documentation range', '203.0.113.7'],
    ['private', 'IPv6 loopback', '::1'],
    ['private', 'IPv6 link-local', 'fe80::1'],
    ['private', 'IPv6 unique local', 'fc00::1'],
    ['private', 'IPv4-mapped private address', '::ffff:192.168.1.1'],

    ['invalid', 'prefix over 32', '1.2.3.4/33'],
    ['invalid', 'prefix over 128', '2001:4860::/129'],
    ['invalid', 'octet over 255', '256.1.1.1'],
    ['invalid', 'three parts', '1.2.3'],
    ['invalid', 'hex octet', '0x7f.0.0.1'],
    ['invalid', 'leading-zero octet (octal to some parsers)', '01.2.3.4'],
    ['invalid', 'leading-zero prefix', '1.2.3.0/024'],
    ['invalid', 'IPv6 zone id', 'fe80::1%eth0'],
    ['invalid', 'fullwidth digits', '１.２.３.４'],
    ['invalid', 'Arabic-Indic digits', '١.٢.٣.٤'],
    ['invalid', 'slash without prefix', '1.2.3.4/'],
    ['invalid', 'two prefixes', '1.2.3.4/24/8'],
    ['invalid', 'signed prefix', '1.2.3.0/+24'],
    ['invalid', 'hex letters only', 'abc'],
    ['invalid', 'two IPv6 "::"', '1::2::3'],
    ['invalid', 'two addresses joined by a fullwidth comma', '1.2.3.4，5.6.7.8'],
    ['invalid', 'host name', 'my-server.example.com'],
    ['invalid', 'empty string', ''],
  ];
  test.each(cases)('%s: %s (%s)', (kind, _name, text) => {
    expect(classifyIpEntry(text)).toEqual({ text, kind });
  });
});

describe('hostile input', () => {
  test('10,000 entries are split and judged in under a second', () => {
    const text = publicIps(10_000).join(', ');
    const started = performance.now();
    const entries = parseAllowList(splitAllowList(text));
    const elapsed = performance.now() - started;
    expect(entries).toHaveLength(10_000);
    expect(entries.every((e) => e.kind === 'public')).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });

  test.each([
    ['digits', '1'.repeat(200_000)],
    ['hex letters', 'a'.repeat(200_000)],
    ['colon groups', '1:'.repeat(100_000)],
    ['dotted groups', '1.'.repeat(100_000)],
    ['mapped prefix with endless IPv4 tail', `::ffff:${'1.'.repeat(100_000)}1`],
  ])('a 200,000-character token (%s) is invalid, fast, and kept as typed', (_name, token) => {
    const started = performance.now();
    const entry = classifyIpEntry(token);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(entry.kind).toBe('invalid');
    expect(entry.text).toBe(token);
  });
});

describe('IPv4 inside IPv6 notation, and 0.x.x.x', () => {
  test.each([
    ['::ffff:8.8.8.8/96', 'broad'],
    ['::ffff:8.0.0.0/104', 'broad'],
    ['::ffff:8.8.8.0/120', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['0.0.0.0', 'broad'],
    ['0.1.2.3', 'private'],
    ['0.0.0.0/32', 'broad'],
  ])('%s is %s', (entry, kind) => {
    expect(classifyIpEntry(entry).kind).toBe(kind);
  });
});

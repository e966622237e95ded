import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { localeCodes, readMessages } from '../i18n/messages';

// Every language KeyScope speaks has every English message, no other, and keeps its placeholders: a message missing
// in one language would show that language's user the bare message id.

const LANGUAGES = ['en', 'zh_CN', 'zh_TW', 'es', 'ru', 'tr', 'vi', 'ko', 'ja'];
const en = readMessages('en');
const placeholders = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

test('the nine languages are there, and nothing else', () => {
  expect(localeCodes().sort()).toEqual([...LANGUAGES].sort());
});

test('message names are ones the browsers accept (ASCII letters, digits, _ and @; not the reserved @@ ones)', () => {
  for (const name of Object.keys(en)) expect(name).toMatch(/^(?!@@)[A-Za-z0-9_@]+$/);
});

describe.each(LANGUAGES.filter((code) => code !== 'en'))('%s', (code) => {
  const messages = readMessages(code);

  test('has exactly the English message ids: none missing, none extra', () => {
    const ids = Object.keys(messages);
    expect(
      Object.keys(en).filter((id) => !ids.includes(id)),
      'missing',
    ).toEqual([]);
    expect(
      ids.filter((id) => !(id in en)),
      'extra',
    ).toEqual([]);
  });

  test('keeps every placeholder of the English message, and adds none', () => {
    const wrong = Object.entries(en)
      .filter(
        ([id, entry]) =>
          messages[id] && placeholders(messages[id].message).join() !== placeholders(entry.message).join(),
      )
      .map(([id]) => id);
    expect(wrong).toEqual([]);
  });

  test("the extension's name and description fit the browsers' limits (75 and 132 characters)", () => {
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  test('no message is empty', () => {
    expect(
      Object.entries(messages)
        .filter(([, entry]) => entry.message.trim() === '')
        .map(([id]) => id),
    ).toEqual([]);
  });
});

test("the English name and description fit the browsers' limits (75 and 132 characters)", () => {
  expect(en.extName!.message.length).toBeLessThanOrEqual(75);
  expect(en.extDescription!.message.length).toBeLessThanOrEqual(132);
});

test('no English message is empty', () => {
  expect(
    Object.entries(en)
      .filter(([, entry]) => entry.message.trim() === '')
      .map(([id]) => id),
  ).toEqual([]);
});

// Typecheck already refuses an id that is not in the English file (MessageId is keyof it); this keeps the file free of
// messages nothing shows any more. An id counts as used when it is quoted in the sources, or when a template that
// builds ids (`permission_${p}`) starts with its prefix.
describe('the English file and the sources agree', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  const sources = files(join(root, 'src'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const quoted = new Set([...sources.matchAll(/['"]([a-z][a-z0-9_]*)['"]/g)].map((m) => m[1]!));
  const prefixes = [...sources.matchAll(/`([a-z][a-z0-9_]*_)\$\{/g)].map((m) => m[1]!);
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');

  test('every English message is used by the sources or the manifest', () => {
    const unused = Object.keys(en).filter(
      (id) =>
        !quoted.has(id) && !prefixes.some((prefix) => id.startsWith(prefix)) && !manifest.includes(`__MSG_${id}__`),
    );
    expect(unused).toEqual([]);
  });

  test('every __MSG_…__ of the manifest is an English message', () => {
    const names = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(en, name).toHaveProperty(name);
  });
});

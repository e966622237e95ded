// Every relative link in the documents points to a file that exists, and a link to a section of a Markdown file to a
// heading it has: moving a file or renaming a section must take its links along.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');
const DOCUMENTS = [
  ...readdirSync(root).filter((file) => file.endsWith('.md')),
  ...readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

/** Markdown without code blocks and code spans, where a link is only text. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of inline links and images, `[text](target "title")`, and of reference definitions, `[id]: target`. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  return [...inline, ...references];
}

/** GitHub's anchors for a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

const external = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

describe.each(DOCUMENTS)('%s', (document) => {
  const markdown = readFileSync(join(root, document), 'utf8');
  const local = linkTargets(markdown).filter((target) => !external(target));

  test('every relative link points to an existing file', () => {
    const broken = local
      .map((target) => decodeURIComponent(target.split('#')[0]!))
      .filter((path) => path !== '' && !path.startsWith('/'))
      .filter((path) => !existsSync(join(root, dirname(document), path)));
    expect(broken).toEqual([]);
  });

  test('every link to a section of a Markdown file names one of its headings', () => {
    const broken = local
      .filter((target) => target.includes('#'))
      .filter((target) => {
        const [path, anchor] = target.split('#') as [string, string];
        const file = path === '' ? join(root, document) : join(root, dirname(document), decodeURIComponent(path));
        if (!file.endsWith('.md') || !existsSync(file) || statSync(file).isDirectory()) return false;
        return !anchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor).toLowerCase());
      })
      .map((target) => `${target} (from ${relative(root, join(root, document))})`);
    expect(broken).toEqual([]);
  });
});

test('the documents are found, and the link reader reads links', () => {
  expect(DOCUMENTS).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/design.md']));
  expect(linkTargets('See [a](docs/a.md#b "t"), ![p](x.png), `[no](code.md)`.\n\n[r]: ref.md\n')).toEqual([
    'docs/a.md#b',
    'x.png',
    'ref.md',
  ]);
  expect(
    anchors('# A title\n## Permissions, and why\n## How the guard gets onto a key page (injection flow)\n## A title'),
  ).toEqual(
    new Set(['a-title', 'permissions-and-why', 'how-the-guard-gets-onto-a-key-page-injection-flow', 'a-title-1']),
  );
});

// README is the user's page (what KeyScope does, install, the two commands, privacy, languages, exchanges): at most
// 12 KB, the rest in docs/. Prettier pads Markdown tables to their widest cell, which once took it to 16 KB: its tables
// carry `<!-- prettier-ignore -->`.
test('README stays a page for users: at most 12 KB', () => {
  expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(12 * 1024);
});

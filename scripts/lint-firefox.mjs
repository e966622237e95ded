// `web-ext lint` on the Firefox build: no errors, no notices, and no warning but the one docs/design.md accepts —
// UNSAFE_VAR_ASSIGNMENT from preact's own dangerouslySetInnerHTML branch (KeyScope never uses that prop; a test says so).
// `npm run lint:firefox` lints dist/firefox; `npm run package` lints the contents of the Firefox zip the same way.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ACCEPTED = 'UNSAFE_VAR_ASSIGNMENT';

/**
 * Lints an unpacked Firefox extension folder and returns the summary line and the problems (none means it passes).
 * @param {string} sourceDir
 * @returns {{ summary: string, problems: string[] }}
 */
export function lintFirefox(sourceDir) {
  const raw = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const report = JSON.parse(raw.slice(raw.indexOf('{')));
  const problems = [...report.errors, ...report.notices, ...report.warnings.filter((w) => w.code !== ACCEPTED)];
  const accepted = report.warnings.length - report.warnings.filter((w) => w.code !== ACCEPTED).length;
  return {
    summary: `web-ext lint: ${report.errors.length} errors, ${report.notices.length} notices, ${report.warnings.length} warnings (${accepted} accepted ${ACCEPTED} from preact)`,
    problems: problems.map((p) => `${p._type ?? 'problem'} ${p.code}: ${p.message} (${p.file ?? ''})`),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { summary, problems } = lintFirefox('dist/firefox');
  for (const problem of problems) console.error(problem);
  console.log(summary);
  process.exit(problems.length ? 1 : 0);
}

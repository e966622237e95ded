// `npm run audit:deps`: the runtime dependencies (what ships in the extension) must have no high or critical advisory.
// Runs `npm audit --omit=dev`. When the registry's advisory service cannot be reached (this build machine's registry
// mirror answers 405 to it), the audit did not run: that is said plainly, and the command succeeds only when the
// caller accepts that (`--allow-offline`, as `npm test` does on machines without the service); otherwise it fails, so
// that a release check never passes on an audit that did not happen. Any high or critical advisory fails.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}

// A report has `metadata`; an npm error (the service refused or could not be reached) has `error` or `statusCode`.
if (!report?.metadata) {
  const reason =
    report?.message ||
    report?.error?.summary ||
    run.stderr.split('\n').find((line) => line.trim()) ||
    `exit ${run.status}`;
  console.warn(`npm audit DID NOT RUN: the registry's advisory service could not be reached (${reason.trim()}).`);
  console.warn('Run `npm run audit:deps` where the npm registry is reachable before a release.');
  process.exit(process.argv.includes('--allow-offline') ? 0 : 2);
}

const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
if (serious > 0) {
  for (const [name, advisory] of Object.entries(report.vulnerabilities ?? {})) {
    if (['high', 'critical'].includes(advisory.severity))
      console.error(`${advisory.severity}: ${name} ${advisory.range ?? ''}`);
  }
  process.exit(1);
}

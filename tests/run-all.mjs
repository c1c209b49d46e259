// `npm test`: both type checks and both lint checks, then the whole vitest suite (unit, CLI,
// browser e2e), ending with one plain line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(import.meta.dirname, '..', 'test-results');
const resultsFile = join(resultsDir, 'vitest.json');
const extraArgs = process.argv.slice(2);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  return result.status === 0;
}

let passed = 0;
let failed = 0;

// Each counts as one check.
const checks = [
  ['type check (tsconfig.json)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['type check (tsconfig.web.json)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['lint: oxlint', 'npm', ['run', '--silent', 'lint:code']],
  ['lint: layers (dependency-cruiser)', 'npm', ['run', '--silent', 'lint:layers']],
];
for (const [name, command, args] of checks) {
  process.stdout.write(`\n> ${name}\n`);
  if (run(command, args)) passed += 1;
  else failed += 1;
}

mkdirSync(resultsDir, { recursive: true });
rmSync(resultsFile, { force: true });
process.stdout.write('\n> vitest\n');
const isVitestClean = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extraArgs]);

if (existsSync(resultsFile)) {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += report.numPassedTests;
  let vitestFailures = report.numFailedTests;
  // A suite that fails outside its tests (it does not load, or a beforeAll throws) has no failed
  // test to count, its tests show as skipped: count it as one failure.
  for (const suite of report.testResults) {
    if (suite.status === 'failed' && !suite.assertionResults.some((test) => test.status === 'failed')) vitestFailures += 1;
  }
  // vitest failed for a reason no test or suite shows (an unhandled error, say): one failure.
  if (!isVitestClean && vitestFailures === 0) vitestFailures = 1;
  failed += vitestFailures;
} else {
  failed += 1;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;

// `npm test`: both type checks, then the whole vitest suite (unit, CLI, browser e2e),
// ending with one plain line "N passed, N failed" that CI reads.
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

for (const project of ['tsconfig.json', 'tsconfig.web.json']) {
  process.stdout.write(`\n> type check (${project})\n`);
  if (run('npx', ['tsc', '--noEmit', '-p', project])) passed += 1;
  else failed += 1;
}

mkdirSync(resultsDir, { recursive: true });
rmSync(resultsFile, { force: true });
process.stdout.write('\n> vitest\n');
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extraArgs]);

if (existsSync(resultsFile)) {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite whose set-up fails (it does not load, or a beforeAll throws) has no failed
  // test to count, only skipped ones or none: count the suite itself as one failure.
  for (const suite of report.testResults) {
    const hasFailedTest = suite.assertionResults.some((test) => test.status === 'failed');
    if (suite.status === 'failed' && !hasFailedTest) failed += 1;
  }
} else {
  failed += 1;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;

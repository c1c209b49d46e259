import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeResume } from '../../main/analysis/index.ts';
import { FIXTURE_DIR, loadFixtures, TEST_NOW } from './fixtures.ts';

// Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/analysis/golden.test.ts`, then review the diff by eye.
const GOLDEN_DIR = join(FIXTURE_DIR, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden analysis output per fixture', () => {
  // Regenerating compares each file with what was just written, so it can check nothing: never in CI.
  if (update && process.env.CI) throw new Error('UPDATE_GOLDEN rewrites the golden files; it is not for CI');
  if (update) mkdirSync(GOLDEN_DIR, { recursive: true });
  it.each(loadFixtures())('$name', (fixture) => {
    const actual = JSON.stringify(analyzeResume(fixture.text, { now: TEST_NOW }), null, 2) + '\n';
    const path = join(GOLDEN_DIR, `${fixture.name}.json`);
    if (update) writeFileSync(path, actual);
    expect(existsSync(path), `missing golden file ${path}; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });
});

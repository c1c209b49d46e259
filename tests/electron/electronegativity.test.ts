// Doyensec's Electronegativity over the Electron-side code (scripts/electronegativity.ts):
// every finding must be reviewed in scripts/electronegativity-allowlist.json, with a reason,
// and every review must still match a finding.
import { describe, expect, test } from 'vitest';
import { readReviews, scanApp, staleReviews, unreviewed, type Finding } from '../../scripts/electronegativity.ts';

const scan = await scanApp();
const reviews = readReviews();
const show = (findings: Finding[]) => findings.map((finding) => `${finding.id} ${finding.file}:${finding.line ?? '-'} ${finding.description}`);

describe('electronegativity', () => {
  test('parses every file it scans', () => {
    expect(scan.errors).toEqual([]);
  });

  test('scans the app: it finds the window it is meant to review', () => {
    expect(scan.findings.some((finding) => finding.id === 'PRELOAD_JS_CHECK' && finding.file === 'main/electron/main.ts')).toBe(true);
  });

  test('reports nothing that has not been reviewed', () => {
    expect(show(unreviewed(scan.findings, reviews))).toEqual([]);
  });

  test('every review still matches a finding, and says why', () => {
    expect(staleReviews(scan.findings, reviews)).toEqual([]);
    for (const review of reviews) expect(review.reason.length).toBeGreaterThan(40);
  });

  test('the unreviewed/stale logic: a new finding is caught, a review without its finding is stale', () => {
    const finding: Finding = { id: 'NODE_INTEGRATION_JS_CHECK', file: 'main/electron/main.ts', line: 1, description: '', severity: 'INFORMATIONAL', confidence: 'FIRM', sample: null };
    expect(unreviewed([finding], reviews)).toEqual([finding]);
    expect(staleReviews([], [{ id: 'X', file: 'y.ts', reason: 'r' }])).toHaveLength(1);
  });
});

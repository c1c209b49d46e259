import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { screeningScriptSchema } from '../../contract/script-schema.ts';
import { suggestRecommendation, type ResumeFacts } from '../../main/screening/scorecard.ts';
import type { Rating, ScreeningAnswer } from '../../contract/screening.ts';

const script = screeningScriptSchema.parse(
  JSON.parse(readFileSync(new URL('../../resources/screening-script.json', import.meta.url), 'utf8')),
);
const coreIds = script.questions.filter((question) => question.kind === 'core').map((question) => question.id);

function answers(ratings: Array<Rating | null>, redFlags: Record<string, string[]> = {}): ScreeningAnswer[] {
  return coreIds.map((questionId, index) => ({
    questionId,
    tickedGood: [],
    tickedRed: redFlags[questionId] ?? [],
    notes: '',
    rating: ratings[index] ?? null,
    elapsedMs: 0,
  }));
}

const strongResume: ResumeFacts = { evidenceLevel: 'strong', evidenceScore: 82, isPadded: false, paddingScore: 5 };
const moderateResume: ResumeFacts = { evidenceLevel: 'moderate', evidenceScore: 55, isPadded: false, paddingScore: 10 };
const paddedResume: ResumeFacts = { evidenceLevel: 'weak', evidenceScore: 25, isPadded: true, paddingScore: 71 };

describe('suggested recommendation', () => {
  it('advances a clean call with a strong resume and says why', () => {
    const result = suggestRecommendation(script, answers([3, 4, 3, 3, 3]), strongResume);
    expect(result.recommendation).toBe('advance');
    expect(result.confidence).toBe('high');
    expect(result.reasons).toContain('5 of 5 rated questions got yes or strong yes');
    expect(result.reasons).toContain('resume shows strong production evidence (score 82)');
    expect(result.reasons).toContain('strong yes on "From notebook to service"');
  });

  it('declines when most questions are rated no, and cites the count', () => {
    const result = suggestRecommendation(script, answers([2, 2, 3, 2, 2]), moderateResume);
    expect(result.recommendation).toBe('decline');
    expect(result.reasons).toContain('4 of 5 rated questions got no or strong no');
  });

  it('declines on two strong noes even when the rest went well', () => {
    const result = suggestRecommendation(script, answers([1, 4, 4, 1, 4]), strongResume);
    expect(result.recommendation).toBe('decline');
    expect(result.reasons).toContain('strong no on "Monitoring a live recommender" and "Training costs tripled"');
  });

  it('holds a mixed call', () => {
    const result = suggestRecommendation(script, answers([3, 2, 3, 2, 3]), moderateResume);
    expect(result.recommendation).toBe('hold');
    expect(result.reasons).toContain('2 of 5 rated questions got no or strong no');
  });

  it('lets ticked red flags pull an otherwise positive call down to hold, naming them', () => {
    const flags = { 'silent-failure': ['blames-others', 'hotfix-only'], 'training-costs': ['no-tagging'] };
    const result = suggestRecommendation(script, answers([3, 3, 3, 3, 3], flags), moderateResume);
    expect(result.recommendation).toBe('hold');
    const flagReason = result.reasons.find((reason) => reason.startsWith('3 red flags ticked'));
    expect(flagReason).toContain('"Never mentions tagging or allocating costs to owners"');
    expect(flagReason).toContain('and 1 more');
  });

  it('treats a padded, weak resume as a reason to hold a borderline call', () => {
    const clean = suggestRecommendation(script, answers([3, 3, 3, 3, 3]), moderateResume);
    const padded = suggestRecommendation(script, answers([3, 3, 3, 3, 3]), paddedResume);
    expect(clean.recommendation).toBe('advance');
    expect(padded.recommendation).toBe('hold');
    expect(padded.reasons).toContain('resume looks padded with keywords (padding score 71)');
  });

  it('does not count unanswered questions as no, but lowers confidence and caps at hold', () => {
    const twoRated = suggestRecommendation(script, answers([4, 4, null, null, null]), strongResume);
    expect(twoRated.recommendation).toBe('hold');
    expect(twoRated.confidence).toBe('low');
    expect(twoRated.reasons).toContain('3 of 5 core questions not rated, so this suggestion is less certain');
    expect(twoRated.reasons.some((reason) => reason.startsWith('only 2 questions rated'))).toBe(true);
    expect(twoRated.reasons.some((reason) => reason.includes('got no'))).toBe(false);

    const threeRated = suggestRecommendation(script, answers([3, 3, 3, null, null]), moderateResume);
    expect(threeRated.recommendation).toBe('advance');
    expect(threeRated.confidence).toBe('medium');
  });

  it('holds with nothing rated and works without a resume analysis', () => {
    const result = suggestRecommendation(script, answers([]), null);
    expect(result.recommendation).toBe('hold');
    expect(result.confidence).toBe('low');
    expect(result.reasons).toContain('no question has been rated yet');
    expect(result.reasons).toContain('no resume analysis to weigh in');
  });
});

describe('suggested recommendation with few ratings', () => {
  it('does not decline on a single no', () => {
    const result = suggestRecommendation(script, answers([null, null, null, 2, null]), moderateResume);
    expect(result.recommendation).toBe('hold');
    expect(result.reasons).toContain('only 1 question rated: at least 3 are needed before suggesting advance or decline');
  });

  it('still declines on two strong noes alone', () => {
    expect(suggestRecommendation(script, answers([1, 1]), strongResume).recommendation).toBe('decline');
  });
});

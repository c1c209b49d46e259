// The suggested recommendation shown next to the recruiter's own on the scorecard.
// Pure: the same script, answers and resume facts always give the same suggestion.
import type { EvidenceLevel } from '../../contract/analysis.ts';
import type { Recommendation } from '../../contract/types.ts';
import type { ScreeningScript } from '../../contract/script-schema.ts';
import { ratingWords, type Rating, type ScreeningAnswer, type SuggestedRecommendation } from '../../contract/screening.ts';
import { plural } from '../../contract/words.ts';

export interface ResumeFacts {
  evidenceLevel: EvidenceLevel;
  evidenceScore: number;
  isPadded: boolean;
  paddingScore: number;
}

/*
 * The rule, and why.
 *
 * Each rated question adds points: strong yes +2, yes +1, no −1, strong no −2.
 * Each ticked red flag costs 0.5: a flag is one observed warning sign, so two
 * flags weigh as much as one "no" rating. The resume adds at most one question's
 * worth (strong evidence +1, moderate 0, weak −0.5, none −1; padding −1), because
 * the call is direct evidence while the resume analysis is inferred from text.
 *
 * The total is divided by the number of rated questions, giving a balance per
 * question between about −2.5 and +3:
 *   - advance when the balance is at least +0.8 and no question got a strong no.
 *     A call of five plain yeses scores +1.0, so up to one "no" or a few flags can
 *     be absorbed only if something else (a strong yes, a strong resume) offsets it.
 *   - decline when the balance is −0.5 or lower, or two or more questions got a
 *     strong no (two clear failures on core skills end most real screens).
 *   - hold otherwise: the recruiter has a mixed picture and should look again.
 *
 * Unrated questions are left out of the average instead of counting as "no": a
 * question skipped for time says nothing about the candidate. They lower the
 * confidence instead, and with fewer than three rated questions the suggestion
 * stays at hold (except the two-strong-no decline): one or two answers are too
 * little to advance or turn down anyone on.
 */
const ratingPoints: Record<Rating, number> = { 1: -2, 2: -1, 3: 1, 4: 2 };
const redFlagPoints = -0.5;
const evidencePoints: Record<EvidenceLevel, number> = { strong: 1, moderate: 0, weak: -0.5, none: -1 };
const paddingPoints = -1;
const advanceAt = 0.8;
const declineAt = -0.5;
const minRatedToDecide = 3;

function quoteList(texts: string[], max: number): string {
  const shown = texts.slice(0, max).map((text) => `"${text}"`);
  return texts.length > max ? `${shown.join(', ')} and ${texts.length - max} more` : shown.join(' and ');
}

export function suggestRecommendation(
  script: ScreeningScript,
  answers: readonly ScreeningAnswer[],
  resume: ResumeFacts | null,
): SuggestedRecommendation {
  const byId = new Map(answers.map((answer) => [answer.questionId, answer]));
  const rated: Array<{ title: string; rating: Rating; isCore: boolean }> = [];
  const flags: string[] = [];
  for (const question of script.questions) {
    const answer = byId.get(question.id);
    if (!answer) continue;
    if (answer.rating !== null) rated.push({ title: question.title, rating: answer.rating, isCore: question.kind === 'core' });
    for (const flag of question.redFlags) if (answer.tickedRed.includes(flag.id)) flags.push(flag.text);
  }

  const coreCount = script.questions.filter((question) => question.kind === 'core').length;
  const ratedCore = rated.filter((entry) => entry.isCore).length;
  const positives = rated.filter((entry) => entry.rating >= 3).length;
  const negatives = rated.length - positives;
  const strongNos = rated.filter((entry) => entry.rating === 1);
  const strongYeses = rated.filter((entry) => entry.rating === 4);

  let points = rated.reduce((sum, entry) => sum + ratingPoints[entry.rating], 0) + flags.length * redFlagPoints;
  if (resume) points += evidencePoints[resume.evidenceLevel] + (resume.isPadded ? paddingPoints : 0);
  const balance = rated.length === 0 ? 0 : points / rated.length;

  let recommendation: Recommendation;
  if (strongNos.length >= 2) recommendation = 'decline';
  else if (rated.length < minRatedToDecide) recommendation = 'hold';
  else if (balance <= declineAt) recommendation = 'decline';
  else if (balance >= advanceAt && strongNos.length === 0) recommendation = 'advance';
  else recommendation = 'hold';

  const reasons: string[] = [];
  const total = rated.length;
  if (total === 0) {
    reasons.push('no question has been rated yet');
  } else {
    if (negatives > 0) reasons.push(`${negatives} of ${total} rated questions got no or strong no`);
    if (positives > 0) reasons.push(`${positives} of ${total} rated questions got yes or strong yes`);
  }
  if (strongNos.length > 0) {
    reasons.push(`strong no on ${quoteList(strongNos.map((entry) => entry.title), 3)}`);
  }
  if (strongYeses.length > 0 && recommendation !== 'decline') {
    reasons.push(`strong yes on ${quoteList(strongYeses.map((entry) => entry.title), 3)}`);
  }
  if (flags.length > 0) {
    reasons.push(`${plural(flags.length, 'red flag')} ticked, including ${quoteList(flags, 2)}`);
  } else if (total > 0) {
    reasons.push('no red flags ticked');
  }
  if (resume) {
    const evidence = {
      strong: `resume shows strong production evidence (score ${resume.evidenceScore})`,
      moderate: `resume shows moderate production evidence (score ${resume.evidenceScore})`,
      weak: `resume shows weak production evidence (score ${resume.evidenceScore})`,
      none: `resume shows no production evidence (score ${resume.evidenceScore})`,
    }[resume.evidenceLevel];
    reasons.push(evidence);
    if (resume.isPadded) reasons.push(`resume looks padded with keywords (padding score ${resume.paddingScore})`);
  } else {
    reasons.push('no resume analysis to weigh in');
  }
  const unratedCore = coreCount - ratedCore;
  if (unratedCore > 0) {
    reasons.push(`${unratedCore} of ${coreCount} core questions not rated, so this suggestion is less certain`);
  }
  if (total > 0 && total < minRatedToDecide && recommendation === 'hold' && (balance >= advanceAt || balance <= declineAt)) {
    reasons.push(`only ${plural(total, 'question')} rated: at least ${minRatedToDecide} are needed before suggesting advance or decline`);
  }

  const coverage = coreCount === 0 ? 1 : ratedCore / coreCount;
  const confidence = coverage >= 0.8 ? 'high' : coverage >= 0.5 ? 'medium' : 'low';
  return { recommendation, confidence, reasons };
}

export function describeRating(rating: Rating | null): string {
  return rating === null ? 'not rated' : ratingWords[rating];
}

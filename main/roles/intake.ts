// The intake's three helps: which row of the guides' role table the first alerts point to,
// whether the team is ready to hire at all, and what each engagement is for.
import {
  hiringSubRoles,
  intakeDataSchema,
  type AlertInput,
  type EngagementGuidance,
  type HiringSubRole,
  type IntakeData,
  type ReadinessAnswers,
  type ReadinessVerdict,
  type SubRoleSuggestion,
} from '../../contract/intake.ts';
import type { Engagement } from '../../contract/market.ts';
import { UserFacingError } from '../api/errors.ts';
import { containsWord } from './words.ts';
import bundledIntake from '../../resources/intake.json' with { type: 'json' };

let intake: IntakeData | undefined;

export function intakeData(): IntakeData {
  intake ??= intakeDataSchema.parse(bundledIntake);
  return intake;
}

/**
 * Each alert counts once, for the row it points to: a catalogue alert by its own row, a
 * typed one by the first row whose words it contains. The suggestion is the row with the
 * most alerts; "clear" means it leads the next by two or more.
 */
export function suggestSubRole(alerts: readonly AlertInput[], data: IntakeData = intakeData()): SubRoleSuggestion {
  const counts = new Map<HiringSubRole, number>(hiringSubRoles.map((subRole) => [subRole, 0]));
  const reasons: SubRoleSuggestion['reasons'] = [];
  const unmatched: string[] = [];
  for (const alert of alerts) {
    const known = alert.id === null ? undefined : data.alerts.find((entry) => entry.id === alert.id);
    if (alert.id !== null && !known) {
      throw new UserFacingError(`alerts: "${alert.id}" is not in the alerts list. Allowed: ${data.alerts.map((entry) => entry.id).join(', ')}.`);
    }
    if (known) {
      counts.set(known.subRole, (counts.get(known.subRole) ?? 0) + 1);
      reasons.push({ alert: known.text, subRole: known.subRole, why: known.why });
      continue;
    }
    const text = alert.text.toLowerCase();
    const match = data.alertWords.find((group) => group.words.some((word) => containsWord(text, word.toLowerCase())));
    if (!match) {
      if (alert.text.trim() !== '') unmatched.push(alert.text);
      continue;
    }
    const word = match.words.find((candidate) => containsWord(text, candidate.toLowerCase()))!;
    counts.set(match.subRole, (counts.get(match.subRole) ?? 0) + 1);
    reasons.push({ alert: alert.text, subRole: match.subRole, why: `"${word}": ${match.why}` });
  }
  const tally = [...counts]
    .filter(([, count]) => count > 0)
    .map(([subRole, count]) => ({ subRole, count }))
    .sort((a, b) => b.count - a.count || hiringSubRoles.indexOf(a.subRole) - hiringSubRoles.indexOf(b.subRole));
  const top = tally[0];
  const runnerUp = tally[1]?.count ?? 0;
  return { subRole: top?.subRole ?? null, isClear: top !== undefined && top.count - runnerUp >= 2, tally, reasons, unmatched };
}

/** Below the bar on every question: not yet, with the guide's alternatives. Any clear signal: time. */
export function judgeReadiness(answers: ReadinessAnswers, data: IntakeData = intakeData()): ReadinessVerdict {
  const signals: Array<'not-yet' | 'gray' | 'time'> = [];
  for (const [questionId, optionId] of Object.entries(answers)) {
    const question = data.readiness.find((entry) => entry.id === questionId);
    if (!question) {
      throw new UserFacingError(`readiness: "${questionId}" is not a question. Allowed: ${data.readiness.map((entry) => entry.id).join(', ')}.`);
    }
    const option = question.options.find((entry) => entry.id === optionId);
    if (!option) {
      throw new UserFacingError(
        `readiness.${questionId}: "${optionId}" is not an answer. Allowed: ${question.options.map((entry) => entry.id).join(', ')}.`,
      );
    }
    signals.push(option.signal);
  }
  const answered = signals.length;
  if (answered < data.readiness.length) {
    return { verdict: 'unanswered', message: `Answer all ${data.readiness.length} questions to get a reading.`, alternatives: [], answered };
  }
  if (signals.every((signal) => signal === 'not-yet')) {
    return {
      verdict: 'not-yet',
      message: 'Every answer is below the bar: a dedicated MLOps hire would mostly build monitoring nobody needs yet.',
      alternatives: data.notYetAlternatives,
      answered,
    };
  }
  if (signals.includes('time')) {
    return { verdict: 'time', message: 'At least one answer is past the bar: the work is there for a dedicated hire.', alternatives: [], answered };
  }
  return {
    verdict: 'gray',
    message: 'In between: the hire can wait a little, or start as a contract while the load grows.',
    alternatives: data.notYetAlternatives,
    answered,
  };
}

export function engagementGuidance(data: IntakeData = intakeData()): EngagementGuidance[] {
  return (Object.entries(data.engagementGuidance) as Array<[Engagement, string[]]>).map(([engagement, points]) => ({ engagement, points }));
}

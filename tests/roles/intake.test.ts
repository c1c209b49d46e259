import { describe, expect, it } from 'vitest';
import { engagementGuidance, intakeData, judgeReadiness, suggestSubRole } from '../../main/roles/intake.ts';

describe('first ten alerts → sub-role', () => {
  it('latency and freshness point to applied MLOps, with a reason for each', () => {
    const result = suggestSubRole([
      { id: 'model-latency-slo', text: '' },
      { id: 'feature-freshness', text: '' },
      { id: null, text: 'Drift alert on the fraud model' },
    ]);
    expect(result.subRole).toBe('applied-mlops');
    expect(result.isClear).toBe(true);
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[2]!.why).toMatch(/^"drift":/);
  });

  it('workflow controller and feature-store ingestion point to platform; a node autoscaler to DevOps', () => {
    expect(suggestSubRole([{ id: null, text: 'Argo workflow controller crash-looping' }, { id: null, text: 'feature store ingestion lag' }]).subRole).toBe(
      'ml-platform',
    );
    expect(suggestSubRole([{ id: null, text: 'EKS node group autoscaler stuck' }]).subRole).toBe('devops');
  });

  it('a tie is not clear; typed alerts nothing recognises are returned, not guessed', () => {
    const tie = suggestSubRole([{ id: 'gpu-capacity', text: '' }, { id: 'registry-down', text: '' }, { id: null, text: 'Office printer jammed' }]);
    expect(tie.isClear).toBe(false);
    expect(tie.unmatched).toEqual(['Office printer jammed']);
    expect(suggestSubRole([]).subRole).toBeNull();
  });

  it('an unknown catalogue id names the allowed ids', () => {
    expect(() => suggestSubRole([{ id: 'nope', text: '' }])).toThrow(/alerts: "nope" is not in the alerts list. Allowed: model-latency-slo/);
  });
});

describe('is it time to hire?', () => {
  const all = (pick: (options: string[]) => string) =>
    Object.fromEntries(intakeData().readiness.map((question) => [question.id, pick(question.options.map((option) => option.id))]));

  it('below the bar on all four: not yet, with the managed-platform and contract alternatives', () => {
    const verdict = judgeReadiness(all((options) => options[0]!));
    expect(verdict.verdict).toBe('not-yet');
    expect(verdict.alternatives.join(' ')).toMatch(/managed ML platform/);
    expect(verdict.alternatives.join(' ')).toMatch(/contractor/);
  });

  it('one answer past the bar: time; in between: gray; unanswered says so', () => {
    expect(judgeReadiness({ ...all((options) => options[0]!), endpoints: 'many' }).verdict).toBe('time');
    expect(judgeReadiness(all((options) => options[1]!)).verdict).toBe('gray');
    expect(judgeReadiness({ cadence: 'weekly' }).verdict).toBe('unanswered');
  });

  it('an unknown question or answer names the allowed ones', () => {
    expect(() => judgeReadiness({ budget: 'big' })).toThrow(/readiness: "budget" is not a question. Allowed: cadence, endpoints, retraining, calendar/);
    expect(() => judgeReadiness({ cadence: 'daily' })).toThrow(/readiness.cadence: "daily" is not an answer. Allowed: quarterly, biweekly, weekly/);
  });
});

it('gives guidance for every engagement', () => {
  expect(engagementGuidance().map((entry) => entry.engagement).sort()).toEqual(['c2c', 'contract-to-hire', 'direct', 'w2']);
});

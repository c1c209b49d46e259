import { describe, expect, it } from 'vitest';
import { buildBriefModel, selectQuotes, shorten, whereLineIs, resumeLines } from '../../main/briefs/brief-model.ts';
import type { BriefScreening, BriefSource } from '../../main/briefs/source.ts';
import type { CandidateDetail } from '../../contract/types.ts';
import { jane, janeAnalysis, janeResume, lineOf, longCandidate, unanalysed, type FixtureCandidate } from './fixtures.ts';

function detailOf(fixture: FixtureCandidate, id: number, notes = ''): CandidateDetail {
  const { analysis, profile } = fixture;
  // Partial, so a new list field (which no brief reads yet) leaves this fixture as it is.
  const candidate: Partial<CandidateDetail['candidate']> = {
    id,
    ...profile,
    status: 'advanced',
    fileCount: 1,
    importedAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    subRole: analysis?.subRole.id ?? null,
    evidenceLevel: analysis?.evidence.level ?? null,
    evidenceScore: analysis?.evidence.score ?? null,
    isPadded: analysis?.padding.detected ?? null,
    paddingScore: analysis?.padding.score ?? null,
    seniority: analysis?.seniority ?? null,
    yearsExperience: analysis?.yearsExperience ?? null,
    toolsShipped: [],
    toolsListed: [],
    notes,
  };
  return {
    candidate: candidate as CandidateDetail['candidate'],
    files: [],
    resumeText: fixture.resumeText,
    resumeReading: null,
    analysis,
    corrections: { current: [], earlier: [] },
    screenings: [],
  };
}

const screening: BriefScreening = {
  id: 3,
  label: 'Phone screen',
  status: 'finished',
  startedAt: '2026-11-21T10:00:00Z',
  finishedAt: '2026-11-21T10:40:00Z',
  recommendation: 'advance',
  summaryNotes: 'Jane was clear about the Acme Robotics rollout; reach her on jane.doe@example.com.',
  suggested: { recommendation: 'advance', reasons: ['Strong on monitoring'] },
  script: {
    schemaVersion: 1,
    title: 'Test script',
    questions: ['incident', 'unasked'].map((id) => ({
      id,
      kind: 'core' as const,
      title: `Question ${id}`,
      skills: ['ops'],
      prompt: 'Tell me about it, please.',
      goodAnswer: [{ id: 'specific', text: 'Gives a specific story' }],
      redFlags: [{ id: 'blames-others', text: 'Blames another team' }],
      followUps: [],
    })),
  },
  answers: [
    { questionId: 'incident', tickedGood: [], tickedRed: ['blames-others'], notes: 'Blamed Globex for the outage', rating: 2, elapsedMs: 0 },
    { questionId: 'unasked', tickedGood: [], tickedRed: [], notes: '', rating: null, elapsedMs: 0 },
  ],
};

const options = { isBlind: false, recruiterName: 'Riley Recruiter', generatedOn: '2026-11-27' };

describe('brief model', () => {
  it('quotes three to five evidence lines exactly as stored, with where they came from', () => {
    const lines = resumeLines(janeResume);
    const quotes = selectQuotes(janeAnalysis, lines);
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    expect(quotes.length).toBeLessThanOrEqual(5);
    for (const quote of quotes) expect(lines[quote.line - 1]).toContain(quote.text);
    for (const quote of quotes) expect(quote.lastLine).toBe(quote.line);
    const served = quotes.find((quote) => quote.text.startsWith('Served 14 models'));
    expect(served).toMatchObject({ line: lineOf(janeResume, 'Served 14 models'), where: 'Experience at Acme Robotics Inc.' });
    expect(quotes.find((quote) => quote.line === lineOf(janeResume, 'vLLM endpoint'))?.where ?? 'Experience at Globex Corporation').toBe(
      'Experience at Globex Corporation',
    );
  });

  it('quotes a bullet wrapped over several lines whole, once, and a stray line alone', () => {
    const text = [
      'EXPERIENCE',
      'Senior MLOps Engineer — Ridgeline Insurance',
      '• Operate 11 models in production for claims fraud scoring on Kubernetes with',
      'KServe at 99.95% availability.',
      '• Authored 4 blameless post-mortems after scoring incidents.',
      'Paged weekly as the model on-call engineer',
      'and rotated the pager with three others.',
    ].join('\n');
    const lines = resumeLines(text);
    const analysis = {
      ...janeAnalysis,
      roles: [],
      tools: [],
      flags: [3, 4, 5, 7].map((line) => ({ kind: 'evidence' as const, code: 'x', message: `finding ${line}`, line, excerpt: '' })),
    };
    const quotes = selectQuotes(analysis, lines);
    expect(quotes.map(({ line, lastLine, text: quoted }) => ({ line, lastLine, quoted }))).toEqual([
      {
        line: 3,
        lastLine: 4,
        quoted: 'Operate 11 models in production for claims fraud scoring on Kubernetes with KServe at 99.95% availability.',
      },
      { line: 5, lastLine: 5, quoted: 'Authored 4 blameless post-mortems after scoring incidents.' },
      { line: 7, lastLine: 7, quoted: 'and rotated the pager with three others.' },
    ]);
    expect(quotes[0]?.why).toBe('finding 3; finding 4');
  });

  it('never quotes the skills list, even when it names many shipped tools', () => {
    const lines = resumeLines(longCandidate.resumeText);
    const skillsLine = lineOf(longCandidate.resumeText, 'Kubeflow, Argo Workflows, Kubernetes');
    const quotes = selectQuotes(longCandidate.analysis!, lines);
    expect(quotes.map((quote) => quote.line)).not.toContain(skillsLine);
    expect(quotes).toHaveLength(5);
  });

  it('places lines by role or section heading', () => {
    const lines = resumeLines(janeResume);
    expect(whereLineIs(lineOf(janeResume, 'Moved batch scoring'), lines, janeAnalysis.roles)).toBe('Experience at Globex Corporation');
    expect(whereLineIs(lineOf(janeResume, 'Python, Go'), lines, janeAnalysis.roles)).toBe('Skills');
    expect(whereLineIs(lineOf(janeResume, 'Rice University'), lines, janeAnalysis.roles)).toBe('Education');
  });

  it('carries header facts, padding, tools, signals, probes and a sourced market figure', () => {
    const model = buildBriefModel({ detail: detailOf(jane, 7), screening: null }, options);
    expect(model.displayName).toBe('Jane Q. Doe');
    expect(model.location).toBe('Austin, TX');
    expect(model.analysis?.subRole).toBe('ML platform engineer');
    expect(model.analysis?.subRoleConfidence).toBe(82);
    expect(model.analysis?.toolsShipped.map((tool) => tool.name)).toContain('KServe');
    expect(model.analysis?.toolsListed.map((tool) => tool.name)).toEqual(['Feast', 'Ray', 'SageMaker', 'Terraform']);
    expect(model.analysis?.riskFlags).toHaveLength(1);
    expect(model.analysis?.probes).toHaveLength(2);
    expect(model.analysis?.market).toMatch(/\$200K–\$260K \(KORE1, May 2026\)/);
    expect(model.scorecard).toBeNull();
    expect(model.scorecardAbsence).toMatch(/No screening/);
    expect(model.metadata.author).toBe('Riley Recruiter');
  });

  it('keeps answered questions only and reports the rest as a count', () => {
    const model = buildBriefModel({ detail: detailOf(jane, 7), screening }, options);
    expect(model.scorecard?.items).toHaveLength(1);
    expect(model.scorecard?.items[0]).toMatchObject({ title: 'Question incident', rating: '2 of 4 (no)', redFlags: ['Blames another team'] });
    expect(model.scorecard?.isFinished).toBe(true);
    expect(model.scorecardAbsence).toBeNull();
  });

  it('handles a resume with no analysis', () => {
    const model = buildBriefModel({ detail: detailOf(unanalysed, 9), screening: null }, options);
    expect(model.analysis).toBeNull();
    expect(model.displayName).toBe('Sam Okafor');
  });

  it('blind mode leaves no identifying string anywhere in the model', () => {
    const source: BriefSource = { detail: detailOf(jane, 7), screening };
    const model = buildBriefModel(source, { ...options, isBlind: true });
    const json = JSON.stringify(model);
    for (const secret of ['Jane', 'Doe', 'jane.doe', '555-0142', 'janedoe', 'Acme', 'Globex', 'Austin', 'Rice', 'Texas']) {
      expect(json).not.toContain(secret);
    }
    expect(model.displayName).toBe('Candidate 7');
    expect(model.location).toBe('TX');
    expect(model.metadata).toEqual({
      title: 'Candidate brief: Candidate 7',
      author: 'Shipped',
      subject: 'Blind MLOps candidate brief',
      keywords: 'candidate brief, blind',
    });
    expect(model.analysis?.quotes.some((quote) => quote.text.includes('Employer A'))).toBe(true);
    expect(model.scorecard?.summaryNotes).toBe('Candidate 7 was clear about the Employer A rollout; reach her on [email].');
    expect(model.scorecard?.items[0]?.notes).toBe('Blamed Employer B for the outage');
  });

  it('blind mode also hides a long hyphenated name and a school without a keyword-free name', () => {
    const model = buildBriefModel({ detail: detailOf(longCandidate, 12), screening: null }, { ...options, isBlind: true });
    const json = JSON.stringify(model);
    for (const secret of ['Maximiliana', 'Konstantinopoulou', 'Vanderbergh', 'Featherstonehaugh', 'Initech', 'Lisbon', 'Instituto']) {
      expect(json).not.toContain(secret);
    }
    expect(model.location).toBe('Portugal');
  });
});

describe('long notes', () => {
  it('shortens notes at a word boundary after redaction, saying so', () => {
    const notes = `${'word '.repeat(400)}Jane Doe at Acme Robotics`;
    const long: BriefScreening = { ...screening, summaryNotes: notes, answers: [{ ...screening.answers[0]!, notes: `Jane ${'x'.repeat(2000)}` }] };
    const model = buildBriefModel({ detail: detailOf(jane, 7), screening: long }, { ...options, isBlind: true });
    expect(model.scorecard?.summaryNotes.length).toBeLessThan(1_300);
    expect(model.scorecard?.summaryNotes).toMatch(/word … \(shortened; the full notes are in Shipped\)$/);
    expect(model.scorecard?.items[0]?.notes).toBe('Candidate 7 … (shortened; the full notes are in Shipped)');
    expect(shorten('short', 10)).toBe('short');
  });
});

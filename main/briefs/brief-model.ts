// Pure: candidate detail + analysis + screening → what the brief shows.
// Blind redaction is applied here, to the whole model, so the renderer and the
// PDF metadata only ever see redacted text.
import { readSignals, subRoleTitles, type ResumeAnalysis, type Seniority, type SubRoleId, type WorkRole } from '../../contract/analysis.ts';
import { describeCorrection, effectiveVerdict, type Correction } from '../../contract/corrections.ts';
import { isUntouched, ratingWords } from '../../contract/screening.ts';
import { describeReading } from '../../contract/reading.ts';
import type { BriefSource, BriefScreening } from './source.ts';
import type { BriefAnalysis, BriefModel, BriefQuote, BriefScorecard, BriefScoreItem, BriefSignal } from './types.ts';
import { detectSchools } from './schools.ts';
import { createRedactor, identifyingStrings, reduceLocation, redactDeep } from './redact.ts';

export interface BriefOptions {
  isBlind: boolean;
  recruiterName: string;
  /** YYYY-MM-DD */
  generatedOn: string;
}


// U.S. national base bands by level from the KORE1 hiring guide ("How to Hire
// MLOps Engineers in 2026", updated May 11, 2026). Shown only for MLOps-type
// sub-roles, where the guide's table applies.
const marketBands: Partial<Record<Seniority, string>> = {
  mid: '$150K–$185K',
  senior: '$200K–$260K',
  staff: '$245K–$310K',
};
const marketSubRoles = new Set<SubRoleId>(['ml-platform', 'ml-infra', 'applied-mlops', 'ml-engineer']);

export const maxQuotes = 5;
/** Notes longer than this are shortened so a brief stays about two pages; the app keeps the full text. */
export const maxSummaryNotes = 1_200;
export const maxAnswerNotes = 500;
const maxQuoteLength = 600;

export function resumeLines(text: string | null): string[] {
  return text === null ? [] : text.split(/\r?\n/);
}

const sectionHeading =
  /^(experience|work experience|professional experience|employment|employment history|work history|projects?|selected projects|side projects|open source|skills|technical skills|summary|profile|education|certifications?|publications|talks|awards|volunteering)$/i;

function isHeading(line: string): boolean {
  const trimmed = line.trim().replace(/:$/, '');
  if (trimmed.length < 3 || trimmed.length > 40) return false;
  return sectionHeading.test(trimmed) || (/^[A-Z][A-Z &/-]+$/.test(trimmed) && !/\d/.test(trimmed));
}

function titleCase(heading: string): string {
  const lower = heading.trim().replace(/:$/, '').toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "Experience at Acme", "Projects", … for a 1-based resume line. */
export function whereLineIs(line: number, lines: string[], roles: WorkRole[]): string {
  let role: WorkRole | null = null;
  for (const candidate of roles) {
    if (candidate.line <= line && (role === null || candidate.line > role.line)) role = candidate;
  }
  let headingLine = 0;
  let heading: string | null = null;
  for (let index = Math.min(line, lines.length) - 1; index >= 1; index -= 1) {
    const text = lines[index - 1] ?? '';
    if (isHeading(text)) {
      headingLine = index;
      heading = titleCase(text);
      break;
    }
  }
  if (role !== null && role.line >= headingLine) {
    if (role.employer) return `Experience at ${role.employer}`;
    if (role.title) return `Experience as ${role.title}`;
    return 'Experience';
  }
  return heading ?? 'Resume';
}

const bulletStart = /^\s*[•*·▪◦‣–-]\s+/u;

function stripBullet(text: string): string {
  return text.trim().replace(bulletStart, '');
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

const maxStatementLines = 4;

/**
 * The 1-based line range of the bullet a line belongs to. PDF text wraps one bullet over several
 * lines ("…on Kubernetes with" / "KServe at 99.95% availability."); quoting only the flagged line would
 * cut the sentence, and quoting both halves would show one claim twice.
 */
export function statementRange(line: number, lines: string[]): { first: number; last: number } {
  const at = (number: number) => lines[number - 1];
  const continues = (number: number) => {
    const text = at(number);
    const previous = at(number - 1);
    return (
      !isBlank(text) &&
      !isBlank(previous) &&
      !bulletStart.test(text ?? '') &&
      !isHeading(text ?? '') &&
      !/[.!?;]\s*$/.test(previous ?? '')
    );
  };
  let first = line;
  while (first > 1 && line - first < maxStatementLines - 1 && continues(first)) first -= 1;
  // Only a bullet gives the wrapped lines a clear start; elsewhere the flagged line stands alone.
  if (first !== line && !bulletStart.test(at(first) ?? '')) first = line;
  let last = line;
  while (last < lines.length && last - first < maxStatementLines - 1 && bulletStart.test(at(first) ?? '') && continues(last + 1)) last += 1;
  return { first, last };
}

/** The three to five strongest evidence statements: evidence findings first, then statements naming the most shipped tools. */
export function selectQuotes(analysis: ResumeAnalysis, lines: string[]): BriefQuote[] {
  const scored = new Map<number, { last: number; score: number; why: string[] }>();
  const bump = (line: number, score: number, why: string) => {
    const text = lines[line - 1];
    if (text === undefined || stripBullet(text).length < 8 || isHeading(text)) return;
    const { first, last } = statementRange(line, lines);
    const entry = scored.get(first) ?? { last, score: 0, why: [] };
    entry.score += score;
    if (!entry.why.includes(why)) entry.why.push(why);
    scored.set(first, entry);
  };
  for (const flag of analysis.flags) if (flag.kind === 'evidence') bump(flag.line, 3, flag.message);
  for (const tool of analysis.tools) {
    if (tool.status !== 'evidence') continue;
    for (const line of tool.lines) bump(line, 1, tool.name);
  }
  // A skills list names many tools at once but proves none of them; quotes come from the work itself.
  for (const line of scored.keys()) {
    if (/skills|summary|profile/i.test(whereLineIs(line, lines, []))) scored.delete(line);
  }
  const strength = (entry: { score: number }) => Math.min(entry.score, 6);
  return [...scored.entries()]
    .sort(([lineA, a], [lineB, b]) => strength(b) - strength(a) || lineA - lineB)
    .slice(0, maxQuotes)
    .sort(([lineA], [lineB]) => lineA - lineB)
    .map(([line, { last, why }]) => {
      const text = lines
        .slice(line - 1, last)
        .map((part, index) => (index === 0 ? stripBullet(part) : part.trim()))
        .join(' ');
      return {
        line,
        lastLine: last,
        text: text.length > maxQuoteLength ? `${text.slice(0, maxQuoteLength - 1)}…` : text,
        where: whereLineIs(line, lines, analysis.roles),
        // Findings are sentences and tool names are words: drop the full stops so the list reads as one.
        why: why.map((reason) => reason.replace(/\.$/, '')).join('; '),
      };
    });
}

function signalsOf(analysis: ResumeAnalysis): BriefSignal[] {
  return readSignals(analysis.signals).map(({ label, value, isPositive }) => ({ label, value, isPositive }));
}

function marketNote(seniority: Seniority, subRole: SubRoleId): string | null {
  const band = marketBands[seniority];
  if (!band || !marketSubRoles.has(subRole)) return null;
  return `Typical U.S. national base pay for a ${seniority}-level MLOps engineer is ${band} (KORE1, May 2026); the guide puts Bay Area, NYC and Seattle bands higher.`;
}

/** The brief shows the effective verdict: the recruiter's corrections of the resume shown win over the engine. */
function analysisOf(analysis: ResumeAnalysis, corrections: readonly Correction[], lines: string[]): BriefAnalysis {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const toolOf = (tool: ResumeAnalysis['tools'][number]) => ({ name: tool.name, category: tool.category, lines: [...tool.lines] });
  const flagOf = (flag: ResumeAnalysis['flags'][number]) => ({ message: flag.message, line: flag.line, excerpt: flag.excerpt });
  const verdict = effectiveVerdict(
    {
      subRole: analysis.subRole.id,
      evidenceLevel: analysis.evidence.level,
      evidenceScore: Math.round(analysis.evidence.score),
      isPadded: analysis.padding.detected,
      toolsShipped: analysis.tools.filter((tool) => tool.status === 'evidence').map((tool) => tool.id),
      toolsListed: analysis.tools.filter((tool) => tool.status === 'listed').map((tool) => tool.id),
    },
    corrections,
  );
  const isCorrected = (field: Correction['field']) => verdict.correctedFields.includes(field);
  const toolsIn = (ids: string[]) => analysis.tools.filter((tool) => ids.includes(tool.id)).map(toolOf).sort(byName);
  const correctionLines = corrections.map((correction) => {
    const sentence = describeCorrection(correction, subRoleTitles);
    return correction.note ? `${sentence} (${correction.note})` : sentence;
  });
  return {
    subRole: subRoleTitles[verdict.subRole] ?? verdict.subRole,
    subRoleConfidence: Math.round(analysis.subRole.confidence * 100),
    // The engine's reasons argue for the engine's sub-role, not the recruiter's.
    subRoleReasons: isCorrected('subRole') ? [] : [...analysis.subRole.reasons],
    seniority: analysis.seniority,
    evidenceLevel: verdict.evidenceLevel,
    evidenceScore: verdict.evidenceScore,
    quotes: selectQuotes(analysis, lines),
    padding: {
      isDetected: verdict.isPadded,
      score: Math.round(analysis.padding.score),
      reasons: isCorrected('padding') ? [] : [...analysis.padding.reasons],
      flags: verdict.isPadded ? analysis.flags.filter((flag) => flag.kind === 'padding').map(flagOf) : [],
    },
    riskFlags: analysis.flags.filter((flag) => flag.kind === 'risk').map(flagOf),
    toolsShipped: toolsIn(verdict.toolsShipped),
    toolsListed: toolsIn(verdict.toolsListed),
    signals: signalsOf(analysis),
    probes: analysis.probes.map((probe) => ({ text: probe.text, because: probe.because })),
    market: marketNote(analysis.seniority, verdict.subRole),
    correctedFields: verdict.correctedFields,
    corrections: correctionLines,
  };
}

function scorecardOf(screening: BriefScreening): BriefScorecard {
  const { questions } = screening.script;
  const answers = new Map(screening.answers.map((answer) => [answer.questionId, answer]));
  const items: BriefScoreItem[] = [];
  for (const question of questions) {
    const answer = answers.get(question.id);
    if (!answer) continue;
    if (isUntouched(answer)) continue;
    const redText = new Map(question.redFlags.map((item) => [item.id, item.text]));
    items.push({
      title: question.title,
      rating: answer.rating === null ? null : `${answer.rating} of 4 (${ratingWords[answer.rating]})`,
      goodPoints: `${answer.tickedGood.length} of ${question.goodAnswer.length} good-answer points heard`,
      redFlags: answer.tickedRed.map((id) => redText.get(id) ?? id),
      notes: answer.notes.trim(),
    });
  }
  const isFinished = screening.status === 'finished';
  return {
    label: screening.label,
    isFinished,
    date: (isFinished ? (screening.finishedAt ?? screening.startedAt) : screening.startedAt).slice(0, 10),
    recommendation: screening.recommendation,
    suggested: screening.suggested,
    summaryNotes: screening.summaryNotes.trim(),
    questionsTotal: questions.length,
    items,
  };
}

/** Cuts at a word boundary (never inside a word, so no half-redacted fragment remains) and says so. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max).replace(/\s+\S*$/, '');
  return `${cut} … (shortened; the full notes are in Shipped)`;
}

function shortenNotes(card: BriefScorecard | null): BriefScorecard | null {
  if (card === null) return null;
  return {
    ...card,
    summaryNotes: shorten(card.summaryNotes, maxSummaryNotes),
    items: card.items.map((item) => ({ ...item, notes: shorten(item.notes, maxAnswerNotes) })),
  };
}

/** Builds the brief for one candidate; in blind mode every identifying string is replaced by a neutral label. */
export function buildBriefModel(source: BriefSource, options: BriefOptions): BriefModel {
  const { detail } = source;
  const { candidate, analysis } = detail;
  const lines = resumeLines(detail.resumeText);
  const name = candidate.name ?? analysis?.contact.name ?? null;
  const location = candidate.location ?? analysis?.contact.location ?? null;

  const body = {
    currentTitle: candidate.currentTitle ?? analysis?.currentTitle ?? null,
    location: options.isBlind ? reduceLocation(location) : location,
    analysis: analysis === null ? null : analysisOf(analysis, detail.corrections.current, lines),
    scorecard: source.screening === null ? null : scorecardOf(source.screening),
    role: source.role ?? null,
  };
  const redacted = options.isBlind ? redactDeep(body, blindRedactor(source)) : body;

  const displayName = options.isBlind ? `Candidate ${candidate.id}` : (name ?? `Candidate ${candidate.id} (no name found)`);
  return {
    candidateId: candidate.id,
    isBlind: options.isBlind,
    displayName,
    currentTitle: redacted.currentTitle,
    location: redacted.location,
    yearsExperience: analysis?.yearsExperience ?? null,
    readingNote: detail.resumeReading?.ocrConfidence != null ? `Resume ${describeReading(detail.resumeReading)}` : null,
    analysis: redacted.analysis,
    // Shortened after redaction, so a cut never splits a name the redactor would have caught.
    scorecard: shortenNotes(redacted.scorecard),
    role: redacted.role,
    scorecardAbsence: source.screening === null ? 'No screening call has been recorded for this candidate yet.' : null,
    generatedOn: options.generatedOn,
    recruiterName: options.recruiterName.trim(),
    metadata: {
      title: `Candidate brief: ${displayName}`,
      author: options.isBlind || options.recruiterName.trim() === '' ? 'Shipped' : options.recruiterName.trim(),
      subject: options.isBlind ? 'Blind MLOps candidate brief' : 'MLOps candidate brief',
      keywords: options.isBlind ? 'candidate brief, blind' : 'candidate brief',
    },
  };
}

function blindRedactor(source: BriefSource) {
  const { candidate, analysis, resumeText } = source.detail;
  const contact = analysis?.contact ?? { name: null, email: null, phone: null, location: null, links: [] };
  return createRedactor(
    identifyingStrings({
      candidateId: candidate.id,
      contact,
      otherNames: [candidate.name],
      otherEmails: [candidate.email],
      otherPhones: [candidate.phone],
      otherLocations: [candidate.location],
      roles: analysis?.roles ?? [],
      employers: candidate.employers,
      schools: resumeText === null ? [] : detectSchools(resumeText),
    }),
  );
}

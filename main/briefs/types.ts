// What a brief shows, as plain JSON: built in the main process by brief-model.ts
// (redaction already applied), laid out in the worker by render-pdf.ts.
import type { Recommendation } from '../../contract/types.ts';
import type { CorrectionField } from '../../contract/corrections.ts';

export type PageSize = 'a4' | 'letter';

export interface BriefQuote {
  /** 1-based first and last line of the quoted statement in the stored resume text. */
  line: number;
  lastLine: number;
  /** The statement as stored, its wrapped lines joined by spaces (redacted in blind mode). */
  text: string;
  /** Where it came from, e.g. "Experience at Acme" or "Projects". */
  where: string;
  /** Why this line counts as evidence (the tools or finding it supports). */
  why: string;
}

export interface BriefFlagLine {
  message: string;
  line: number;
  excerpt: string;
}

export interface BriefTool {
  name: string;
  category: string;
  lines: number[];
}

export interface BriefSignal {
  label: string;
  value: string;
  isPositive: boolean;
}

export interface BriefScoreItem {
  title: string;
  /** "3 of 4 (yes)" or null when the question was not rated. */
  rating: string | null;
  /** "3 of 7 good-answer points heard", or null without the script. */
  goodPoints: string;
  redFlags: string[];
  notes: string;
}

export interface BriefScorecard {
  label: string;
  isFinished: boolean;
  /** Date (YYYY-MM-DD) the screening finished, or started when still in progress. */
  date: string;
  recommendation: Recommendation | null;
  suggested: { recommendation: Recommendation; reasons: string[] } | null;
  summaryNotes: string;
  questionsTotal: number;
  /** Only the questions that were rated, ticked or noted. */
  items: BriefScoreItem[];
}

export interface BriefAnalysis {
  subRole: string;
  subRoleConfidence: number;
  subRoleReasons: string[];
  seniority: string;
  evidenceLevel: string;
  evidenceScore: number;
  quotes: BriefQuote[];
  padding: { isDetected: boolean; score: number; reasons: string[]; flags: BriefFlagLine[] };
  riskFlags: BriefFlagLine[];
  toolsShipped: BriefTool[];
  toolsListed: BriefTool[];
  signals: BriefSignal[];
  probes: Array<{ text: string; because: string }>;
  /** A sourced market figure for the seniority, or null. */
  market: string | null;
  /** The verdict fields the recruiter corrected; the values above are already the recruiter's. */
  correctedFields: CorrectionField[];
  /** One sentence per correction ("Recruiter: … — engine said …"), with the recruiter's note. */
  corrections: string[];
}

/** The role a brief is written for: the fit part by part and the band with its sources. */
export interface BriefRole {
  title: string;
  /** "Applied MLOps · senior · Seattle · corp-to-corp contract · LLM serving at scale". */
  summary: string;
  fitScore: number;
  hasAllMustHaves: boolean;
  parts: Array<{ label: string; points: string; verdict: string; line: string | null }>;
  band: Array<{ label: string; range: string; arithmetic: string | null; source: string }>;
  bandGaps: string[];
  sources: string[];
}

export interface BriefModel {
  candidateId: number;
  isBlind: boolean;
  /** "Jane Doe", or "Candidate 7" in blind mode. */
  displayName: string;
  currentTitle: string | null;
  location: string | null;
  yearsExperience: number | null;
  /** "Resume read from a scanned image (confidence 87%)" when OCR read it; null for resumes with real text. */
  readingNote: string | null;
  analysis: BriefAnalysis | null;
  scorecard: BriefScorecard | null;
  /** Present when the brief is for a role (chosen, or the role of a screening started from one). */
  role?: BriefRole | null;
  /** Why there is no scorecard (shown instead of an empty box). */
  scorecardAbsence: string | null;
  generatedOn: string;
  recruiterName: string;
  /** Neutral document metadata. */
  metadata: { title: string; author: string; subject: string; keywords: string };
}

export interface RenderFonts {
  regular: string;
  bold: string;
}

/** What the brief worker is asked to write (one task of the worker pool, main/workers/). */
export interface BriefWorkerRequest {
  pageSize: PageSize;
  fonts: RenderFonts;
  /** Each entry is rendered to its own file, or all of them into `combined.path`. */
  outputs: Array<{ path: string; model: BriefModel }>;
  combined: { path: string; metadata: BriefModel['metadata'] } | null;
}

/** Sent by the brief worker after each brief it has laid out. */
export interface BriefProgress {
  done: number;
  total: number;
  candidateId: number;
}

export type BriefWorkerResult =
  | { ok: true; files: Array<{ path: string; pages: number }> }
  /** A file could not be written (`code` is the errno, `path` the file) or a brief could not be laid out. */
  | { ok: false; message: string; code: string | null; path: string | null };

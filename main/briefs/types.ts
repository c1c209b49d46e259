// What a brief shows, as plain JSON: built in the main process by brief-model.ts
// (redaction already applied), laid out in the worker by render-pdf.ts.
import type { Recommendation } from '../../contract/types.ts';

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

/** One numbered request to the brief worker. */
export interface BriefWorkerRequest {
  requestId: number;
  pageSize: PageSize;
  fonts: RenderFonts;
  /** Each entry is rendered to its own file, or all of them into `combinedPath`. */
  outputs: Array<{ path: string; model: BriefModel }>;
  combined: { path: string; metadata: BriefModel['metadata'] } | null;
}

export type BriefWorkerMessage =
  | { requestId: number; type: 'progress'; done: number; total: number; candidateId: number }
  | { requestId: number; type: 'done'; files: Array<{ path: string; pages: number }> }
  | { requestId: number; type: 'error'; message: string; code: string | null; path: string | null };

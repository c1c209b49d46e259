// What the extraction pool (main thread) asks its worker threads and what they answer; the
// numbering of requests and the delivery are the worker pool's (main/workers/).
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import type { ImportFailureCode, ResumeReading } from '../../contract/types.ts';

export interface ExtractRequest {
  /** The whole file (a copy: the pool keeps its own to hand a task to another worker). */
  bytes: Uint8Array;
  /** Only used to label plain text as `md` or `txt`; the type itself is detected from the content. */
  fileName: string;
  /** Analysis timestamp (ms since epoch), so "present" in a resume means the same for every file of a run. */
  nowMs: number;
  /** False: answer with the text alone (an ExtractedText); the pool has another worker analyse it. */
  analyze: boolean;
}

/** Analyse a text another worker extracted. */
export interface AnalyzeRequest {
  /** The normalised text, exactly as the extracting worker returned it. */
  text: string;
  layoutJson?: string;
  detectedType: string;
  reading: ResumeReading;
  nowMs: number;
}

export type WorkerRequest = ExtractRequest | AnalyzeRequest;

export interface ExtractSuccess {
  ok: true;
  detectedType: string;
  /** Normalised text: exactly the string that is stored and that the analysis line numbers index. */
  text: string;
  /**
   * How the text's lines looked (PDF, Word): a TextLayout as the JSON that is stored beside the
   * text. It crosses threads as one string (written once, by the worker that read the file)
   * rather than as hundreds of small objects copied on every hop.
   */
  layoutJson?: string;
  /** Which reader produced the text, and how sure OCR was. */
  reading: ResumeReading;
  analysis: ResumeAnalysis;
}

export interface ExtractFailure {
  ok: false;
  detectedType: string;
  code: ImportFailureCode;
  reason: string;
}

/** The answer to an ExtractRequest with `analyze: false`. */
export interface ExtractedText {
  extractedOnly: true;
  detectedType: string;
  text: string;
  layoutJson?: string;
  reading: ResumeReading;
}

/**
 * Sent while a file is read by OCR: how many pages it will read (the pool gives the file more
 * time in proportion) and what it is doing now, for the import's progress.
 */
export type ExtractProgress = { ocrPages: number } | { detail: string };

/**
 * The answer to an AnalyzeRequest: the analysis alone. The pool holds the text, layout and
 * reading it sent, so they are not copied back across threads.
 */
export interface AnalysisOnly {
  analysedOnly: true;
  analysis: ResumeAnalysis;
}

export type WorkerAnswer = ExtractSuccess | ExtractFailure | ExtractedText | AnalysisOnly;

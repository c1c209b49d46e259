// Messages between the extraction pool (main thread) and its worker threads.
// Requests are numbered; a response carries the number of the request it answers.
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import type { ImportFailureCode, ResumeReading } from '../../contract/types.ts';

export interface ExtractRequest {
  id: number;
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
  id: number;
  /** The normalised text, exactly as the extracting worker returned it. */
  text: string;
  detectedType: string;
  reading: ResumeReading;
  nowMs: number;
}

export type WorkerRequest = ExtractRequest | AnalyzeRequest;

export interface ExtractSuccess {
  id: number;
  ok: true;
  detectedType: string;
  /** Normalised text: exactly the string that is stored and that the analysis line numbers index. */
  text: string;
  /** Which reader produced the text, and how sure OCR was. */
  reading: ResumeReading;
  analysis: ResumeAnalysis;
}

export interface ExtractFailure {
  id: number;
  ok: false;
  detectedType: string;
  code: ImportFailureCode;
  reason: string;
}

export type ExtractResponse = ExtractSuccess | ExtractFailure;

/** The answer to an ExtractRequest with `analyze: false`. */
export interface ExtractedText {
  id: number;
  extractedOnly: true;
  detectedType: string;
  text: string;
  reading: ResumeReading;
}

/**
 * Sent while a request is read by OCR: how many pages it will read (the pool gives the request
 * more time in proportion) and what it is doing now, for the import's progress.
 */
export interface WorkerProgress {
  id: number;
  progress: true;
  ocrPages?: number;
  detail?: string;
}

/** Sent once by a worker when its modules are loaded and it can take requests. */
export interface WorkerReady {
  ready: true;
}

/** Extraction or analysis threw: a bug, not a property of the file. The pool logs it. */
export interface WorkerInternalError {
  id: number;
  internalError: string;
}

export type WorkerMessage = ExtractResponse | ExtractedText | WorkerProgress | WorkerReady | WorkerInternalError;

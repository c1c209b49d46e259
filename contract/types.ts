// Data shapes that cross the API boundary (IPC, CLI, test harness). Plain JSON only.
import type { EvidenceLevel, ResumeAnalysis, Seniority, SubRoleId, ToolStatus } from './analysis.ts';
import type { CandidateCorrections, CorrectionField } from './corrections.ts';

export const candidateStatuses = ['new', 'screening', 'advanced', 'on-hold', 'declined'] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];

export const importFailureCodes = [
  'encrypted',
  'corrupt',
  'no-text',
  'too-large',
  'unsupported-type',
  'empty-file',
  'timeout',
  'unreadable',
] as const;
export type ImportFailureCode = (typeof importFailureCodes)[number];

export interface ImportFailure {
  file: string;
  code: ImportFailureCode;
  reason: string;
}

export interface ImportSkip {
  file: string;
  reason: string;
}

export interface ImportSummary {
  runId: number;
  status: 'completed' | 'cancelled';
  total: number;
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
  /** Files not imported on purpose: their person was deleted with "don't import again". Nothing about them is stored. */
  skipped: ImportSkip[];
  /** Candidates created or given a new resume version by this run. */
  candidateIds: number[];
  elapsedMs: number;
}

export interface ImportProgress {
  runId: number;
  phase: 'scanning' | 'importing' | 'done';
  filesDone: number;
  filesTotal: number;
  currentFile: string | null;
  /** What the import is doing inside a slow file, e.g. "reading scanned page 2 of 3"; null otherwise. */
  detail: string | null;
  imported: number;
  duplicates: number;
  failed: number;
  elapsedMs: number;
}

export interface CandidateListItem {
  id: number;
  name: string | null;
  email: string | null;
  location: string | null;
  currentTitle: string | null;
  employers: string[];
  status: CandidateStatus;
  fileCount: number;
  importedAt: string;
  updatedAt: string;
  /** Null until the latest resume has been analysed. The verdict fields are the effective ones (contract/corrections.ts). */
  subRole: SubRoleId | null;
  evidenceLevel: EvidenceLevel | null;
  evidenceScore: number | null;
  isPadded: boolean | null;
  paddingScore: number | null;
  seniority: Seniority | null;
  yearsExperience: number | null;
  toolsShipped: string[];
  toolsListed: string[];
  /** The verdict fields a recruiter corrected on the resume shown (empty when none). */
  correctedFields: CorrectionField[];
}

export type CandidateSortKey = 'evidence' | 'years' | 'name' | 'imported';

/** The first rows of the candidate list in its default order (strongest evidence first), and how many candidates there are. */
export interface CandidateListPage {
  items: CandidateListItem[];
  total: number;
}

/** How a resume's text was obtained. */
export const resumeReaders = ['pdf-text', 'docx', 'doc', 'rtf', 'odt', 'plain-text', 'ocr', 'pdf-text+ocr'] as const;
export type ResumeReader = (typeof resumeReaders)[number];

export interface ResumeReading {
  reader: ResumeReader;
  /** Mean OCR word confidence (0–100) over the pages read by OCR; null when no page was. */
  ocrConfidence: number | null;
  /** Pages (or images) read by OCR. */
  ocrPages: number;
  /** Why OCR replaced a text layer, when it did (a garbled text layer). */
  note: string | null;
  /** Words OCR read with low confidence, lower-cased and de-duplicated (for the flags resting on them). */
  lowConfidenceWords: string[];
}

/** Below this mean OCR word confidence a candidate goes to the review list. */
export const OCR_REVIEW_THRESHOLD = 80;

export interface ResumeFileInfo {
  id: number;
  path: string;
  fileName: string;
  detectedType: string;
  /** Null for files imported before readers were recorded. */
  reading: ResumeReading | null;
  sizeBytes: number;
  sha256: string;
  importedAt: string;
}

export interface CandidateDetail {
  candidate: CandidateListItem & { phone: string | null; notes: string };
  files: ResumeFileInfo[];
  /** The latest resume version's stored text; analysis line numbers index into it (1-based). */
  resumeText: string | null;
  /** How the latest resume version was read (reader, OCR confidence); null for files from before readers were recorded. */
  resumeReading: ResumeReading | null;
  /** The engine's analysis, uncorrected; `candidate` holds the effective verdict. */
  analysis: ResumeAnalysis | null;
  corrections: CandidateCorrections;
  screenings: ScreeningSummary[];
}

export type Recommendation = 'advance' | 'hold' | 'decline';

export interface ScreeningSummary {
  id: number;
  candidateId: number;
  label: string;
  status: 'in-progress' | 'finished';
  scriptVersion: number;
  startedAt: string;
  finishedAt: string | null;
  recommendation: Recommendation | null;
}

/** A candidate listed for review by the retention rule (untouched for the set number of months, not kept). */
export interface RetentionCandidate {
  id: number;
  name: string | null;
  status: CandidateStatus;
  /** ISO time of the latest import, status or notes change, or screening save. */
  lastTouchedAt: string;
}

export interface RetentionReview {
  /** Months untouched after which a candidate is listed; null: retention is off (the default). */
  months: number | null;
  /** Candidates last touched before this ISO time are listed; null when retention is off. */
  cutoff: string | null;
  due: RetentionCandidate[];
}

export interface Settings {
  recruiterName: string;
  pageSize: 'a4' | 'letter';
}

export interface AppInfo {
  version: string;
  databasePath: string;
  isEncrypted: boolean;
  /** Why the data file is not encrypted, when the app wanted it to be. */
  encryptionProblem: string | null;
  samplesFolder: string;
  candidateCount: number;
}

export interface AnalyzedFile extends ResumeAnalysis {
  file: string;
}

export interface AnalyzeFailure {
  file: string;
  error: { code: ImportFailureCode; reason: string };
}

/** A candidate whose current resume OCR read with low confidence: a person should check it. */
export interface ReviewItem {
  candidateId: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  resumeFileId: number;
  path: string;
  fileName: string;
  reading: ResumeReading;
}

/** One page of a resume file as a picture, for checking what OCR read. */
export interface PageImage {
  /** A data: URL (PNG or the image file itself). */
  dataUrl: string;
  page: number;
  pageCount: number;
}

export interface BriefExportResult {
  files: string[];
}

export interface BriefProgress {
  done: number;
  total: number;
  currentCandidateId: number | null;
}

export type { ToolStatus };

/** Which door an action came through: the desktop app or the `shipped` command line. */
export const auditActors = ['app', 'cli'] as const;
export type AuditActor = (typeof auditActors)[number];

export const auditActions = ['import', 'delete', 'brief-export', 'status-change', 'notes-change', 'backup', 'restore', 'encrypt', 'correction'] as const;
export type AuditAction = (typeof auditActions)[number];

/** One line of the audit log: ids, counts, flags and hashes only, never personal data. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  candidateId: number | null;
  details: Record<string, string | number | boolean | null>;
}

export interface DeleteResult {
  id: number;
  isSuppressed: boolean;
}

export interface BackupInfo {
  /** Absolute path of the backup file. */
  path: string;
  fileName: string;
  sizeBytes: number;
  createdAt: string;
  schemaVersion: number;
  candidateCount: number;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was replaced now lives. */
  previousKeptAt: string;
  candidateCount: number;
}

// The one API contract. Preload, the IPC handlers, the CLI and the browser test
// harness all derive from this map of method name → argument schema and result type.
// Every side shares contract/, so it imports nothing of ours from outside it.
import { z } from 'zod';
import type { ScreeningDetail, ScriptVersion } from './screening.ts';
import { screeningScriptSchema } from './script-schema.ts';
import { engagements, marketDataSchema, premiumFactors, roleLevels, type Band, type MarketData, type MarketDataRef } from './market.ts';
import { roleInputSchema, type CandidateFit, type Role, type RoleDetail, type RoleRanking, type ShortlistEntry } from './roles.ts';
import type { EngagementGuidance, IntakeData, ReadinessVerdict, SubRoleSuggestion } from './intake.ts';
import { correctionKeySchema, correctionTargetSchema, maxCorrectionNote } from './corrections.ts';
import {
  candidateStatuses,
  type AnalyzedFile,
  type AnalyzeFailure,
  type AppInfo,
  type AuditEntry,
  type BackupInfo,
  type DeleteResult,
  type RestoreResult,
  type BriefExportResult,
  type BriefProgress,
  type CandidateDetail,
  type CandidateListItem,
  type CandidateListPage,
  type ImportProgress,
  type ImportSummary,
  type RetentionReview,
  type PageImage,
  type ReviewItem,
  type ScreeningSummary,
  type Settings,
} from './types.ts';

interface MethodSpec<Args extends z.ZodType, Result> {
  args: Args;
  /** Phantom: carries the result type only. */
  result?: Result;
}

function method<Result>() {
  return <Args extends z.ZodType>(args: Args): MethodSpec<Args, Result> => ({ args });
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const filePath = z.string().min(1).max(4096).refine((value) => !value.includes('\0'), 'path contains a NUL byte');
const noArgs = z.object({}).strict();
const freeText = (max: number) => z.string().max(max);

const briefTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: filePath }).strict(),
  z.object({ kind: z.literal('folder'), dir: filePath }).strict(),
  z.object({ kind: z.literal('combined'), path: filePath }).strict(),
]);

export const apiContract = {
  'app.info': method<AppInfo>()(noArgs),

  'import.run': method<ImportSummary>()(z.object({ paths: z.array(filePath).min(1).max(1000) }).strict()),
  'import.samples': method<ImportSummary>()(noArgs),
  'import.cancel': method<{ isCancelling: boolean }>()(noArgs),

  'analysis.analyzeFiles': method<Array<AnalyzedFile | AnalyzeFailure>>()(
    z.object({ paths: z.array(filePath).min(1).max(1000) }).strict(),
  ),

  'candidates.list': method<CandidateListItem[]>()(noArgs),
  /** The strongest `size` candidates, for a screen to show while the whole list is on its way. */
  'candidates.firstPage': method<CandidateListPage>()(z.object({ size: z.number().int().min(1).max(1000) }).strict()),
  'candidates.get': method<CandidateDetail>()(z.object({ id }).strict()),
  'candidates.setStatus': method<CandidateListItem>()(z.object({ id, status: z.enum(candidateStatuses) }).strict()),
  'candidates.setNotes': method<{ id: number }>()(z.object({ id, notes: freeText(20_000) }).strict()),
  // isSuppressing: also remember one-way hashes of the files and email, so the import skips this person.
  'candidates.delete': method<DeleteResult>()(z.object({ id, isSuppressing: z.boolean().default(false) }).strict()),
  /** The recruiter overrides one verdict field (or one tool's status) of the resume shown. */
  'candidates.correct': method<CandidateDetail>()(
    z.object({ id, correction: correctionTargetSchema, note: z.string().trim().max(maxCorrectionNote).default('') }).strict(),
  ),
  'candidates.clearCorrection': method<CandidateDetail>()(z.object({ id, correction: correctionKeySchema }).strict()),
  /** Candidates whose current resume OCR read with low confidence, least sure first. */
  'candidates.reviewList': method<ReviewItem[]>()(noArgs),
  /** One page of an imported resume file as a picture (page 1 first), read from the file where it was imported. */
  'candidates.pageImage': method<PageImage>()(z.object({ resumeFileId: id, page: z.number().int().min(1).max(1000).default(1) }).strict()),

  'audit.list': method<AuditEntry[]>()(
    z.object({ candidateId: id.optional(), limit: z.number().int().min(1).max(10_000).default(500) }).strict(),
  ),

  'backups.list': method<BackupInfo[]>()(noArgs),
  // The store's key as the CLI takes it in SHIPPED_DB_KEY (x'…'), shown when the recruiter asks; null when not encrypted.
  'backups.revealKey': method<{ key: string | null }>()(noArgs),
  'backups.create': method<BackupInfo>()(noArgs),
  // A backup is named by its file name in the backups folder, never by a path: the window cannot point anywhere else.
  'backups.restore': method<RestoreResult>()(
    z.object({ fileName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.db$/, 'not a backup file name') }).strict(),
  ),
  'candidates.setKept': method<{ id: number; isKept: boolean }>()(z.object({ id, isKept: z.boolean() }).strict()),

  'retention.review': method<RetentionReview>()(noArgs),
  'retention.setMonths': method<{ months: number | null }>()(z.object({ months: z.number().int().min(1).max(240).nullable() }).strict()),
  /** Erases those of `ids` that are still due when asked (a kept or since-touched candidate stays). */
  'retention.erase': method<{ erased: number[] }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict()),

  'screening.getScript': method<ScriptVersion>()(z.object({ version: id.optional() }).strict()),
  'screening.saveScript': method<ScriptVersion>()(
    z.object({ script: screeningScriptSchema, changeNote: freeText(500).default('') }).strict(),
  ),
  'screening.listForCandidate': method<ScreeningSummary[]>()(z.object({ candidateId: id }).strict()),
  'screening.start': method<ScreeningDetail>()(
    z.object({ candidateId: id, label: z.string().trim().min(1).max(80) }).strict(),
  ),
  'screening.get': method<ScreeningDetail>()(z.object({ screeningId: id }).strict()),
  'screening.updateAnswer': method<ScreeningDetail>()(
    z
      .object({
        screeningId: id,
        questionId: z.string().min(1).max(64),
        tickedGood: z.array(z.string().max(64)).max(50).optional(),
        tickedRed: z.array(z.string().max(64)).max(50).optional(),
        notes: freeText(20_000).optional(),
        rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]).optional(),
        elapsedMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
      })
      .strict(),
  ),
  'screening.setPosition': method<ScreeningDetail>()(
    z.object({ screeningId: id, questionIndex: z.number().int().min(0).max(100) }).strict(),
  ),
  'screening.finish': method<ScreeningDetail>()(
    z
      .object({
        screeningId: id,
        recommendation: z.enum(['advance', 'hold', 'decline']),
        summaryNotes: freeText(20_000).default(''),
      })
      .strict(),
  ),

  'briefs.export': method<BriefExportResult>()(
    z
      .object({
        candidateIds: z.array(id).min(1).max(10_000),
        isBlind: z.boolean().default(false),
        /** The role the brief is for (fit and band); without it, the role of the candidate's latest screening started from one. */
        roleId: id.optional(),
        pageSize: z.enum(['a4', 'letter']).optional(),
        target: briefTargetSchema,
      })
      .strict(),
  ),

  'roles.list': method<Role[]>()(noArgs),
  'roles.get': method<RoleDetail>()(z.object({ id }).strict()),
  'roles.create': method<Role>()(z.object({ role: roleInputSchema }).strict()),
  'roles.update': method<Role>()(z.object({ id, role: roleInputSchema }).strict()),
  'roles.delete': method<{ id: number }>()(z.object({ id }).strict()),
  'roles.rank': method<RoleRanking>()(
    z
      .object({
        roleId: id,
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        isMustHavesOnly: z.boolean().default(false),
      })
      .strict(),
  ),
  'roles.fit': method<CandidateFit>()(z.object({ roleId: id, candidateId: id }).strict()),
  'roles.shortlistAdd': method<ShortlistEntry[]>()(z.object({ roleId: id, candidateId: id, note: freeText(2000).default('') }).strict()),
  'roles.shortlistRemove': method<ShortlistEntry[]>()(z.object({ roleId: id, candidateId: id }).strict()),
  'roles.screeningKits': method<Array<{ questionId: string; title: string }>>()(z.object({ roleId: id }).strict()),
  'roles.startScreening': method<ScreeningDetail>()(
    z.object({ roleId: id, candidateId: id, label: z.string().trim().min(1).max(80) }).strict(),
  ),
  /** The role of a screening started from one, or null. */
  'roles.ofScreening': method<Role | null>()(z.object({ screeningId: id }).strict()),

  'market.band': method<Band>()(
    z
      .object({
        level: z.enum(roleLevels),
        city: z.string().trim().min(2).max(60),
        engagement: z.enum(engagements),
        factors: z.array(z.enum(premiumFactors)).max(3).default([]),
      })
      .strict(),
  ),
  'market.get': method<{ ref: MarketDataRef; data: MarketData }>()(noArgs),
  'market.saveCopy': method<MarketDataRef>()(z.object({ data: marketDataSchema, label: z.string().trim().min(3).max(200) }).strict()),
  'market.resetToBundled': method<MarketDataRef>()(noArgs),

  'intake.get': method<{
    intake: IntakeData;
    guidance: EngagementGuidance[];
    tools: Array<{ id: string; name: string; category: string }>;
    cities: Array<{ id: string; name: string }>;
  }>()(noArgs),
  'intake.suggest': method<SubRoleSuggestion>()(
    z
      .object({ alerts: z.array(z.object({ id: z.string().max(64).nullable(), text: z.string().max(200) }).strict()).max(20) })
      .strict(),
  ),
  'intake.readiness': method<ReadinessVerdict>()(z.object({ answers: z.record(z.string().max(40), z.string().max(40)) }).strict()),

  'settings.get': method<Settings>()(noArgs),
  'settings.update': method<Settings>()(
    z
      .object({ recruiterName: z.string().trim().max(120).optional(), pageSize: z.enum(['a4', 'letter']).optional() })
      .strict(),
  ),

  // Shell-only methods: the Electron main process answers with native dialogs;
  // the CLI has no use for them and the test harness answers with fixed paths.
  'dialog.chooseImportFolders': method<string[] | null>()(noArgs),
  'dialog.chooseSavePath': method<string | null>()(
    z.object({ defaultName: z.string().min(1).max(255), kind: z.enum(['pdf-file', 'folder']) }).strict(),
  ),
};

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]['args']>;
export type ApiParsedArgs<M extends ApiMethod> = z.output<ApiContract[M]['args']>;
export type ApiResult<M extends ApiMethod> = Exclude<ApiContract[M]['result'], undefined>;

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the renderer sees on `window.shipped.api`: one function per method. */
export type ApiClient = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<ApiResult<M>>> };

/** Server side: one function per method, receiving validated arguments. */
export type ApiHandlers = { [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiResult<M>> };

/** Commands the Electron app menu sends to the renderer (File → Import folder…, etc.). */
export const menuCommands = ['import-folder', 'import-samples', 'show-candidates', 'show-import', 'show-script', 'focus-search'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export interface ApiEvents {
  'import.progress': ImportProgress;
  'briefs.progress': BriefProgress;
  'menu.command': { command: MenuCommand };
}
export type ApiEventName = keyof ApiEvents;
export const apiEventNames: readonly ApiEventName[] = ['import.progress', 'briefs.progress', 'menu.command'];

/** The whole bridge exposed to the renderer (preload in Electron, an HTTP shim in the test harness). */
export interface ShippedBridge {
  api: ApiClient;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Absolute paths of files dropped on the window (Electron's webUtils in the app). */
  pathsForDroppedFiles(files: readonly File[]): string[];
}

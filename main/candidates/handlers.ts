import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { notFound, UserFacingError } from '../api/errors.ts';
import { eraseCandidate } from '../../db/queries/erasure.ts';
import { appendAudit, lastAuditFor } from '../../db/queries/audit.ts';
import {
  countCandidates,
  getCandidateExtras,
  getCandidateListItem,
  listCandidates,
  setCandidateNotes,
  setCandidateStatus,
} from '../../db/queries/candidates.ts';
import { getAnalysis } from '../../db/queries/analyses.ts';
import { getCandidateCorrections, recordCorrection, removeCorrection } from '../../db/queries/corrections.ts';
import type { CorrectionTarget } from '../../contract/corrections.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import type { CandidateDetail } from '../../contract/types.ts';
import { getResumeFileSource, getResumeReading, listLowConfidenceResumes, listResumeFiles, getResumeText } from '../../db/queries/resume-files.ts';
import { pageImage } from './page-image.ts';
import { strongestFirst } from '../../contract/candidate-list.ts';
import { listScreeningsForCandidate } from '../../db/queries/screenings.ts';

type CandidateHandlers = Pick<
  ApiHandlers,
  | 'app.info'
  | 'candidates.list'
  | 'candidates.firstPage'
  | 'candidates.get'
  | 'candidates.setStatus'
  | 'candidates.setNotes'
  | 'candidates.delete'
  | 'candidates.correct'
  | 'candidates.clearCorrection'
  | 'candidates.reviewList'
  | 'candidates.pageImage'
>;

/** What the engine said about the corrected field, or a message saying why there is nothing to correct. */
function engineValueOf(analysis: ResumeAnalysis, target: CorrectionTarget): string | boolean {
  switch (target.field) {
    case 'subRole':
      return analysis.subRole.id;
    case 'evidence':
      return analysis.evidence.level;
    case 'padding':
      return analysis.padding.detected;
    case 'tool': {
      const tool = analysis.tools.find((found) => found.id === target.toolId);
      if (!tool) throw new UserFacingError(`The resume shown does not name the tool "${target.toolId}", so its status cannot be corrected.`);
      return tool.status;
    }
  }
}

/** What the audit log keeps of a correction: the field (and tool) and the value set, or null when taken back. */
function correctionDetails(target: { field: string; toolId?: string }, value: string | boolean | null): Record<string, string | boolean | null> {
  return { field: target.field, ...(target.toolId === undefined ? {} : { toolId: target.toolId }), value };
}

export function createCandidateHandlers(ctx: ServiceContext): CandidateHandlers {
  const stamp = () => ctx.now().toISOString();

  const getDetail = (id: number): CandidateDetail => {
    const { db } = ctx;
    const summary = getCandidateListItem(db, id);
    const extras = getCandidateExtras(db, id);
    if (!summary || !extras) throw notFound('Candidate', id);
    const latest = extras.latestResumeFileId;
    return {
      candidate: { ...summary, phone: extras.phone, notes: extras.notes },
      files: listResumeFiles(db, id),
      resumeText: latest === null ? null : getResumeText(db, latest),
      resumeReading: latest === null ? null : getResumeReading(db, latest),
      analysis: latest === null ? null : getAnalysis(db, latest),
      corrections: getCandidateCorrections(db, id, latest),
      screenings: listScreeningsForCandidate(db, id),
    };
  };

  return {
    'app.info': async () => ({
      version: ctx.appVersion,
      databasePath: ctx.databasePath,
      isEncrypted: ctx.databaseKey !== null,
      encryptionProblem: ctx.encryptionProblem,
      samplesFolder: ctx.samplesFolder,
      candidateCount: countCandidates(ctx.db),
    }),

    // The whole list, in id order: the caller filters and sorts it (contract/candidate-list.ts).
    'candidates.list': async () => listCandidates(ctx.db),

    'candidates.firstPage': async ({ size }) => {
      const items = listCandidates(ctx.db);
      return { items: strongestFirst(items).slice(0, size), total: items.length };
    },

    'candidates.get': async ({ id }) => getDetail(id),

    'candidates.correct': async ({ id, correction, note }) => {
      const { db } = ctx;
      db.transaction(() => {
        const extras = getCandidateExtras(db, id);
        if (!extras) throw notFound('Candidate', id);
        const resumeFileId = extras.latestResumeFileId;
        const analysis = resumeFileId === null ? null : getAnalysis(db, resumeFileId);
        if (resumeFileId === null || analysis === null) throw new UserFacingError('This candidate has no analysed resume to correct.');
        const engineValue = engineValueOf(analysis, correction);
        // Agreeing with the engine is no correction: taking the correction back says that.
        if (engineValue === correction.value) throw new UserFacingError('The engine already says that; there is nothing to correct.');
        const now = stamp();
        recordCorrection(db, { candidateId: id, resumeFileId, target: correction, engineValue, engineVersion: analysis.engineVersion, note, now });
        // The field and the values only: the note is the recruiter's words about a person.
        appendAudit(db, { at: now, actor: ctx.actor, action: 'correction', candidateId: id, details: correctionDetails(correction, correction.value) });
      }).immediate();
      return getDetail(id);
    },

    'candidates.clearCorrection': async ({ id, correction }) => {
      const { db } = ctx;
      db.transaction(() => {
        const extras = getCandidateExtras(db, id);
        if (!extras) throw notFound('Candidate', id);
        if (extras.latestResumeFileId === null || !removeCorrection(db, extras.latestResumeFileId, correction)) {
          throw new UserFacingError('There is no such correction on the resume shown.');
        }
        appendAudit(db, { at: stamp(), actor: ctx.actor, action: 'correction', candidateId: id, details: correctionDetails(correction, null) });
      }).immediate();
      return getDetail(id);
    },

    'candidates.setStatus': async ({ id, status }) => {
      const now = stamp();
      const isSet = ctx.db
        .transaction(() => {
          if (!setCandidateStatus(ctx.db, id, status, now)) return false;
          appendAudit(ctx.db, { at: now, actor: ctx.actor, action: 'status-change', candidateId: id, details: { status } });
          return true;
        })
        .immediate();
      if (!isSet) throw notFound('Candidate', id);
      const updated = getCandidateListItem(ctx.db, id);
      if (!updated) throw notFound('Candidate', id);
      return updated;
    },

    'candidates.setNotes': async ({ id, notes }) => {
      const now = stamp();
      const isSet = ctx.db
        .transaction(() => {
          if (!setCandidateNotes(ctx.db, id, notes, now)) return false;
          // The length only: the notes are the recruiter's words about a person. Notes autosave while
          // typing, so one entry stands for a session of edits (10 minutes).
          const last = lastAuditFor(ctx.db, id);
          const isSameSession = last?.action === 'notes-change' && Date.parse(now) - Date.parse(last.at) < 10 * 60_000;
          if (!isSameSession) appendAudit(ctx.db, { at: now, actor: ctx.actor, action: 'notes-change', candidateId: id, details: { length: notes.length } });
          return true;
        })
        .immediate();
      if (!isSet) throw notFound('Candidate', id);
      return { id };
    },

    'candidates.delete': async ({ id, isSuppressing }) => {
      if (!eraseCandidate(ctx.db, id, { isSuppressing, now: stamp(), actor: ctx.actor })) throw notFound('Candidate', id);
      return { id, isSuppressed: isSuppressing };
    },

    'candidates.reviewList': async () =>
      listLowConfidenceResumes(ctx.db).map(({ detectedType: _detectedType, ...item }) => item),

    'candidates.pageImage': async ({ resumeFileId, page }) => {
      const source = getResumeFileSource(ctx.db, resumeFileId);
      if (!source) throw new UserFacingError(`Resume file ${resumeFileId} does not exist (it may have been deleted).`);
      return pageImage(source, page);
    },
  };
}

import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { notFound } from '../api/errors.ts';
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
import { getResumeFileSource, getResumeReading, listLowConfidenceResumes, listResumeFiles, getResumeText } from '../../db/queries/resume-files.ts';
import { UserFacingError } from '../api/errors.ts';
import { pageImage } from './page-image.ts';
import { listScreeningsForCandidate } from '../../db/queries/screenings.ts';

type CandidateHandlers = Pick<
  ApiHandlers,
  | 'app.info'
  | 'candidates.list'
  | 'candidates.get'
  | 'candidates.setStatus'
  | 'candidates.setNotes'
  | 'candidates.delete'
  | 'candidates.reviewList'
  | 'candidates.pageImage'
>;

export function createCandidateHandlers(ctx: ServiceContext): CandidateHandlers {
  const stamp = () => ctx.now().toISOString();

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

    'candidates.get': async ({ id }) => {
      const summary = getCandidateListItem(ctx.db, id);
      const extras = getCandidateExtras(ctx.db, id);
      if (!summary || !extras) throw notFound('Candidate', id);
      const latest = extras.latestResumeFileId;
      return {
        candidate: { ...summary, phone: extras.phone, notes: extras.notes },
        files: listResumeFiles(ctx.db, id),
        resumeText: latest === null ? null : getResumeText(ctx.db, latest),
        resumeReading: latest === null ? null : getResumeReading(ctx.db, latest),
        analysis: latest === null ? null : getAnalysis(ctx.db, latest),
        screenings: listScreeningsForCandidate(ctx.db, id),
      };
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

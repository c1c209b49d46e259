import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { notFound } from '../api/errors.ts';
import {
  countCandidates,
  deleteCandidate,
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
  const { db } = ctx;
  const stamp = () => ctx.now().toISOString();

  return {
    'app.info': async () => ({
      version: ctx.appVersion,
      databasePath: ctx.databasePath,
      samplesFolder: ctx.samplesFolder,
      candidateCount: countCandidates(db),
    }),

    'candidates.list': async (filter) => listCandidates(db, filter),

    'candidates.get': async ({ id }) => {
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
        screenings: listScreeningsForCandidate(db, id),
      };
    },

    'candidates.setStatus': async ({ id, status }) => {
      if (!setCandidateStatus(db, id, status, stamp())) throw notFound('Candidate', id);
      const updated = getCandidateListItem(db, id);
      if (!updated) throw notFound('Candidate', id);
      return updated;
    },

    'candidates.setNotes': async ({ id, notes }) => {
      if (!setCandidateNotes(db, id, notes, stamp())) throw notFound('Candidate', id);
      return { id };
    },

    'candidates.delete': async ({ id }) => {
      if (!deleteCandidate(db, id)) throw notFound('Candidate', id);
      return { id };
    },

    'candidates.reviewList': async () =>
      listLowConfidenceResumes(db).map(({ detectedType: _detectedType, ...item }) => item),

    'candidates.pageImage': async ({ resumeFileId, page }) => {
      const source = getResumeFileSource(db, resumeFileId);
      if (!source) throw new UserFacingError(`Resume file ${resumeFileId} does not exist (it may have been deleted).`);
      return pageImage(source, page);
    },
  };
}

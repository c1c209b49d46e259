import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { appendAudit } from '../../db/queries/audit.ts';
import { notFound } from '../api/errors.ts';
import { getCandidateListItem } from '../../db/queries/candidates.ts';
import { listScreeningsForCandidate } from '../../db/queries/screenings.ts';
import {
  finishScreening,
  getScreening,
  getScript,
  saveScript,
  setPosition,
  startScreening,
  updateAnswer,
} from './service.ts';

type ScreeningHandlers = Pick<
  ApiHandlers,
  | 'screening.getScript'
  | 'screening.saveScript'
  | 'screening.listForCandidate'
  | 'screening.start'
  | 'screening.get'
  | 'screening.updateAnswer'
  | 'screening.setPosition'
  | 'screening.finish'
>;

export function createScreeningHandlers(ctx: ServiceContext): ScreeningHandlers {
  const stamp = () => ctx.now().toISOString();
  return {
    'screening.getScript': async ({ version }) => getScript(ctx.db, version, stamp()),
    'screening.saveScript': async ({ script, changeNote }) => saveScript(ctx.db, script, changeNote, stamp()),
    'screening.listForCandidate': async ({ candidateId }) => {
      if (!getCandidateListItem(ctx.db, candidateId)) throw notFound('Candidate', candidateId);
      return listScreeningsForCandidate(ctx.db, candidateId);
    },
    'screening.start': async ({ candidateId, label }) => startScreening(ctx.db, candidateId, label, stamp()),
    'screening.get': async ({ screeningId }) => getScreening(ctx.db, screeningId),
    'screening.updateAnswer': async ({ screeningId, questionId, ...patch }) =>
      updateAnswer(ctx.db, { screeningId, questionId, ...patch }, stamp()),
    'screening.setPosition': async ({ screeningId, questionIndex }) => setPosition(ctx.db, screeningId, questionIndex, stamp()),
    'screening.finish': async ({ screeningId, recommendation, summaryNotes }) => {
      const now = stamp();
      const finished = finishScreening(ctx.db, screeningId, recommendation, summaryNotes, now);
      // Finishing moves the candidate's status (statusAfterFinish): recorded like a status change.
      appendAudit(ctx.db, { at: now, actor: ctx.actor, action: 'status-change', candidateId: finished.candidate.id, details: { screeningId, recommendation } });
      return finished;
    },
  };
}

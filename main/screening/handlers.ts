import type { ApiHandlers } from '../api/contract.ts';
import type { ServiceContext } from '../services/context.ts';
import { UserFacingError } from '../api/errors.ts';

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

// Replaced by the screening service (issue 5).
export function createScreeningHandlers(_ctx: ServiceContext): ScreeningHandlers {
  const unavailable = async (): Promise<never> => {
    throw new UserFacingError('Screening is not available yet.');
  };
  return {
    'screening.getScript': unavailable,
    'screening.saveScript': unavailable,
    'screening.listForCandidate': unavailable,
    'screening.start': unavailable,
    'screening.get': unavailable,
    'screening.updateAnswer': unavailable,
    'screening.setPosition': unavailable,
    'screening.finish': unavailable,
  };
}

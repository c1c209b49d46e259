import type { ApiHandlers } from '../api/contract.ts';
import type { ServiceContext } from '../services/context.ts';
import { UserFacingError } from '../api/errors.ts';

// Replaced by the brief exporter (issue 6).
export function createBriefHandlers(_ctx: ServiceContext): Pick<ApiHandlers, 'briefs.export'> {
  return {
    'briefs.export': async () => {
      throw new UserFacingError('Brief export is not available yet.');
    },
  };
}

import type { ApiHandlers } from '../api/contract.ts';
import type { ServiceContext } from '../services/context.ts';
import { UserFacingError } from '../api/errors.ts';

// Replaced by the import service (issue 2).
export function createImportHandlers(
  _ctx: ServiceContext,
): Pick<ApiHandlers, 'import.run' | 'import.samples' | 'import.cancel' | 'analysis.analyzeFiles'> {
  const unavailable = async (): Promise<never> => {
    throw new UserFacingError('Import is not available yet.');
  };
  return { 'import.run': unavailable, 'import.samples': unavailable, 'import.cancel': unavailable, 'analysis.analyzeFiles': unavailable };
}

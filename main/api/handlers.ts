import type { ApiHandlers } from './contract.ts';
import type { ServiceContext } from '../services/context.ts';
import { createCandidateHandlers } from '../candidates/handlers.ts';
import { createImportHandlers } from '../import/handlers.ts';
import { createScreeningHandlers } from '../screening/handlers.ts';
import { createBriefHandlers } from '../briefs/handlers.ts';
import { createSettingsHandlers } from '../settings/handlers.ts';

/** Every method of the contract, bound to one service context. */
export function createHandlers(ctx: ServiceContext): ApiHandlers {
  return {
    ...createCandidateHandlers(ctx),
    ...createImportHandlers(ctx),
    ...createScreeningHandlers(ctx),
    ...createBriefHandlers(ctx),
    ...createSettingsHandlers(ctx),
    'dialog.chooseImportFolders': () => ctx.dialogs.chooseImportFolders(),
    'dialog.chooseSavePath': ({ defaultName, kind }) => ctx.dialogs.chooseSavePath(defaultName, kind),
  } satisfies ApiHandlers;
}

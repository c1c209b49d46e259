import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from './context.ts';

/** The shell's native dialogs, answered by whatever shell built the context. */
export function createDialogHandlers(ctx: ServiceContext): Pick<ApiHandlers, 'dialog.chooseImportFolders' | 'dialog.chooseSavePath'> {
  return {
    'dialog.chooseImportFolders': () => ctx.dialogs.chooseImportFolders(),
    'dialog.chooseSavePath': ({ defaultName, kind }) => ctx.dialogs.chooseSavePath(defaultName, kind),
  };
}

import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from './context.ts';

/**
 * The shell's native dialogs, answered by whatever shell built the context. What the
 * person chose is granted (path-grants.ts): import folders for reading, a save target for writing.
 */
export function createDialogHandlers(ctx: ServiceContext): Pick<ApiHandlers, 'dialog.chooseImportFolders' | 'dialog.chooseSavePath'> {
  return {
    'dialog.chooseImportFolders': async () => {
      const paths = await ctx.dialogs.chooseImportFolders();
      if (paths) ctx.pathGrants.grant(paths, 'read');
      return paths;
    },
    'dialog.chooseSavePath': async ({ defaultName, kind }) => {
      const path = await ctx.dialogs.chooseSavePath(defaultName, kind);
      if (path !== null) ctx.pathGrants.grant([path], 'write');
      return path;
    },
  };
}

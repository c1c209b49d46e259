// briefs.export: load → build models (blind redaction included) in the main
// process, then hand the plain-JSON models to the worker thread to lay out and
// write, reporting progress per brief through ctx.emit('briefs.progress').
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { ApiHandlers, ApiParsedArgs } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { UserFacingError } from '../api/errors.ts';
import { createCandidateHandlers } from '../candidates/handlers.ts';
import { readSettings } from '../settings/handlers.ts';
import { buildBriefModel } from './brief-model.ts';
import { loadBriefScreening, type BriefSource } from './source.ts';
import { briefRoleFor } from '../roles/brief-role.ts';
import { briefFileName, prepareFileTarget, prepareFolderTarget, writeErrorMessage } from './output.ts';
import { BriefWriteError, renderBriefsInWorker } from './worker-client.ts';
import type { BriefModel, BriefWorkerRequest, RenderFonts } from './types.ts';
import { createHash } from 'node:crypto';
import { appendAudit } from '../../db/queries/audit.ts';

/** Where a brief went, as a hash: the file name usually carries the candidate's name. */
function pathHash(path: string): string {
  return createHash('sha256').update(path).digest('hex');
}

function combinedMetadata(models: BriefModel[], isBlind: boolean, recruiterName: string): BriefModel['metadata'] {
  const count = `${models.length} candidate${models.length === 1 ? '' : 's'}`;
  return {
    title: isBlind ? `Blind candidate briefs (${count})` : `Candidate briefs (${count})`,
    author: isBlind || recruiterName.trim() === '' ? 'Shipped' : recruiterName.trim(),
    subject: isBlind ? 'Blind MLOps candidate briefs' : 'MLOps candidate briefs',
    keywords: isBlind ? 'candidate brief, blind' : 'candidate brief',
  };
}

export function createBriefHandlers(ctx: ServiceContext): Pick<ApiHandlers, 'briefs.export'> {
  const getCandidate = createCandidateHandlers(ctx)['candidates.get'];
  const fontsDir = ctx.fontsFolder;
  const fonts: RenderFonts = { regular: join(fontsDir, 'DejaVuSans.ttf'), bold: join(fontsDir, 'DejaVuSans-Bold.ttf') };

  return {
    'briefs.export': async (args: ApiParsedArgs<'briefs.export'>) => {
      if (!existsSync(fonts.regular) || !existsSync(fonts.bold)) {
        throw new UserFacingError(`The fonts for PDF briefs are missing from ${fontsDir}. Reinstall Shipped.`);
      }
      const { target } = args;
      ctx.pathGrants.require(target.kind === 'folder' ? target.dir : target.path, 'write');
      const settings = readSettings(ctx.db);
      const pageSize = args.pageSize ?? settings.pageSize;
      const ids = [...new Set(args.candidateIds)];

      // Every id is checked before anything is written.
      const sources: BriefSource[] = [];
      for (const id of ids) {
        const detail = await getCandidate({ id });
        sources.push({ detail, screening: loadBriefScreening(ctx.db, id), role: briefRoleFor(ctx.db, id, args.roleId ?? null) });
      }
      const generatedOn = ctx.now().toISOString().slice(0, 10);
      const models = sources.map((source) =>
        buildBriefModel(source, { isBlind: args.isBlind, recruiterName: settings.recruiterName, generatedOn }),
      );

      let request: BriefWorkerRequest;
      if (target.kind === 'folder') {
        const dir = prepareFolderTarget(target.dir);
        request = {
          pageSize,
          fonts,
          combined: null,
          outputs: sources.map((source, index) => ({
            path: join(dir, briefFileName(source.detail.candidate.id, source.detail.candidate.name, args.isBlind)),
            model: models[index] as BriefModel,
          })),
        };
      } else {
        const path = prepareFileTarget(target.path);
        const only = models.length === 1 ? models[0] : undefined;
        request = {
          pageSize,
          fonts,
          outputs: models.map((model) => ({ path, model })),
          combined: {
            path,
            metadata: target.kind === 'file' && only ? only.metadata : combinedMetadata(models, args.isBlind, settings.recruiterName),
          },
        };
      }

      const total = models.length;
      ctx.emit('briefs.progress', { done: 0, total, currentCandidateId: null });
      try {
        const files = await renderBriefsInWorker(ctx.briefWorkerUrl, request, ({ done, candidateId }) =>
          ctx.emit('briefs.progress', { done, total, currentCandidateId: candidateId }),
        );
        const at = ctx.now().toISOString();
        ctx.db
          .transaction(() => {
            // A folder export writes one file per candidate in the order of `ids`; the other targets write one file.
            for (const [index, id] of ids.entries()) {
              const written = (target.kind === 'folder' ? files[index] : files[0])?.path;
              appendAudit(ctx.db, {
                at,
                actor: ctx.actor,
                action: 'brief-export',
                candidateId: id,
                details: { isBlind: args.isBlind, target: target.kind, pathSha256: written === undefined ? null : pathHash(written) },
              });
            }
          })
          .immediate();
        return { files: files.map((file) => file.path) };
      } catch (error) {
        if (error instanceof BriefWriteError) {
          if (error.code !== null) throw new UserFacingError(writeErrorMessage(error.code, error.path ?? '(unknown path)'));
          throw new UserFacingError(`The brief could not be generated: ${error.message}`);
        }
        throw error;
      }
    },
  };
}

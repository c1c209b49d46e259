import { apiMethods, type ApiHandlers, type ApiMethod } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { createCandidateHandlers } from '../candidates/handlers.ts';
import { createImportHandlers } from '../import/handlers.ts';
import { createScreeningHandlers } from '../screening/handlers.ts';
import { createBriefHandlers } from '../briefs/handlers.ts';
import { createSettingsHandlers } from '../settings/handlers.ts';
import { createDialogHandlers } from '../services/dialog-handlers.ts';
import { createRoleHandlers } from '../roles/handlers.ts';
import { createDataHandlers } from '../data/handlers.ts';
import { createRetentionHandlers } from '../retention/handlers.ts';

type HandlerGroup = Partial<Record<ApiMethod, unknown>>;

/**
 * Joins the domains' handler groups into one table. A method two domains both
 * answer is a wiring mistake; object spread would let the later one win silently,
 * so it stops start-up instead. A contract method no domain answers stops it too.
 */
export function combineHandlers(groups: Record<string, HandlerGroup>): ApiHandlers {
  const combined: HandlerGroup = {};
  const ownerOf = new Map<string, string>();
  for (const [domain, group] of Object.entries(groups)) {
    for (const [method, handler] of Object.entries(group)) {
      const owner = ownerOf.get(method);
      if (owner !== undefined) throw new Error(`API method "${method}" is handled by both ${owner} and ${domain}.`);
      ownerOf.set(method, domain);
      combined[method as ApiMethod] = handler;
    }
  }
  const unanswered = apiMethods.filter((method) => !ownerOf.has(method));
  if (unanswered.length > 0) throw new Error(`No handler for API method(s): ${unanswered.join(', ')}.`);
  return combined as ApiHandlers;
}

/** Every method of the contract, bound to one service context. */
export function createHandlers(ctx: ServiceContext): ApiHandlers {
  return combineHandlers({
    candidates: createCandidateHandlers(ctx),
    import: createImportHandlers(ctx),
    screening: createScreeningHandlers(ctx),
    briefs: createBriefHandlers(ctx),
    settings: createSettingsHandlers(ctx),
    retention: createRetentionHandlers(ctx),
    dialogs: createDialogHandlers(ctx),
    roles: createRoleHandlers(ctx),
    data: createDataHandlers(ctx),
  });
}

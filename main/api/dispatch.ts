import { z } from 'zod';
import { apiContract, type ApiHandlers, type ApiMethod, type ApiResponse } from '../../contract/api.ts';
import { UserFacingError } from './errors.ts';
import { DatabaseTooNewError } from '../../db/open.ts';
import { createLogger, logFilePath } from '../logger.ts';
import { storageErrorMessage } from '../data/sqlite-errors.ts';

const log = createLogger('api');

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single entry point every transport uses (IPC, the test harness, the CLI):
 * rejects unknown methods, validates the payload against the contract, and turns
 * failures into messages a recruiter can read. Stack traces stay in the log.
 */
export async function dispatch(handlers: ApiHandlers, method: unknown, payload: unknown): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: `Unknown request "${String(method).slice(0, 80)}".` };
  }
  const parsed = apiContract[method].args.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: `Invalid request for ${method}: ${describeIssues(parsed.error)}.` };
  }
  try {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof DatabaseTooNewError) {
      return { ok: false, error: error.message };
    }
    log.error(`${method} failed`, error);
    const storage = storageErrorMessage(error, ' from the Backups screen');
    if (storage !== null) return { ok: false, error: storage };
    const logPath = logFilePath();
    return { ok: false, error: `Something went wrong while doing that.${logPath ? ` Details are in the log: ${logPath}` : ''}` };
  }
}

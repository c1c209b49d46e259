import { createServiceContext } from '../../main/services/create-context.ts';
import type { ServiceContext } from '../../main/services/context.ts';
import type { ApiEventName, ApiEvents } from '../../contract/api.ts';

export interface RecordingContext {
  ctx: ServiceContext;
  events: Array<{ event: ApiEventName; payload: ApiEvents[ApiEventName] }>;
}

/** A service context on its own database (in memory unless a path is given), recording every event. */
export function makeContext(databasePath = ':memory:'): RecordingContext {
  const events: RecordingContext['events'] = [];
  const ctx = createServiceContext({
    databasePath,
    emit: (event, payload) => events.push({ event, payload }),
  });
  return { ctx, events };
}

export function rows<T>(ctx: ServiceContext, sql: string, ...params: unknown[]): T[] {
  return ctx.db.prepare(sql).all(...params) as T[];
}

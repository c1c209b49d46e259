import { z } from 'zod';
import type { ApiHandlers } from '../../contract/api.ts';
import type { Settings } from '../../contract/types.ts';
import type { ServiceContext } from '../services/context.ts';
import { readSetting, writeSetting } from '../../db/queries/settings.ts';
import type { Db } from '../../db/open.ts';

const settingsSchema = z.object({
  recruiterName: z.string().max(120).catch(''),
  pageSize: z.enum(['a4', 'letter']).catch('a4'),
});

const settingsKey = 'settings';

export function readSettings(db: Db): Settings {
  return settingsSchema.parse(readSetting(db, settingsKey) ?? {});
}

export function createSettingsHandlers(ctx: ServiceContext): Pick<ApiHandlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => readSettings(ctx.db),
    'settings.update': async (patch) => {
      // Read and write under one write lock, so a change made meanwhile by the other process is not overwritten.
      return ctx.db
        .transaction(() => {
          const next: Settings = { ...readSettings(ctx.db), ...patch };
          writeSetting(ctx.db, settingsKey, next);
          return next;
        })
        .immediate();
    },
  };
}

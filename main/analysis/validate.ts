import type { z } from 'zod';

/** Parses the engine's data with `schema`, or throws naming `what` and every offending path ("signals.0.pattern: …"). */
export function parseData<Schema extends z.ZodType>(schema: Schema, raw: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`Invalid ${what}: ${details}`);
  }
  return result.data;
}

import { z } from 'zod';

const itemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes')
  .describe('Stable id: stored answers and resume probes refer to it.');

/**
 * At most nine items per list: on the call screen, keys 1–9 tick good-answer
 * points and Shift+1–9 tick red flags, so every item must be reachable by one key.
 * A longer list is also too much to listen for while someone is talking.
 */
export const maxChecklistItems = 9;

export const checklistItemSchema = z.object({
  id: itemId,
  text: z.string().trim().min(3, 'write at least 3 characters').max(400).describe('What to listen for, as short as possible.'),
});

export const screeningQuestionSchema = z.object({
  id: itemId,
  kind: z.enum(['core', 'extra']).describe('core: asked on every call; extra: an optional kit for deeper rounds.'),
  title: z.string().trim().min(3, 'write at least 3 characters').max(120).describe('Short title shown in the question list.'),
  skills: z.array(z.string().trim().min(2).max(80)).min(1, 'name at least one skill').max(8).describe('Skills the question tests.'),
  prompt: z
    .string()
    .trim()
    .min(10, 'write at least 10 characters')
    .max(2000)
    .describe('What the recruiter reads aloud: plain, speakable words.'),
  goodAnswer: z
    .array(checklistItemSchema)
    .min(1, 'add at least one good-answer point')
    .max(maxChecklistItems, `at most ${maxChecklistItems} points (keys 1–9)`),
  redFlags: z
    .array(checklistItemSchema)
    .min(1, 'add at least one red flag')
    .max(maxChecklistItems, `at most ${maxChecklistItems} red flags (Shift+1–9)`),
  followUps: z.array(z.string().trim().min(3, 'write at least 3 characters').max(400)).max(10),
  /** Where the facts behind this question come from (a guide named in resources/). */
  source: z.string().trim().max(200).optional().describe('Where the facts and figures come from.'),
});

export const screeningScriptSchema = z
  .object({
    schemaVersion: z.literal(1),
    title: z.string().trim().min(3, 'write at least 3 characters').max(120),
    questions: z.array(screeningQuestionSchema).min(1, 'add at least one question').max(30),
  })
  .superRefine((script, ctx) => {
    const seen = new Set<string>();
    script.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `duplicate question id "${question.id}"` });
      }
      seen.add(question.id);
      for (const list of ['goodAnswer', 'redFlags'] as const) {
        const itemIds = new Set<string>();
        question[list].forEach((item, itemIndex) => {
          if (itemIds.has(item.id)) {
            ctx.addIssue({ code: 'custom', path: ['questions', index, list, itemIndex, 'id'], message: `duplicate item id "${item.id}"` });
          }
          itemIds.add(item.id);
        });
      }
    });
  });

export type ScreeningScript = z.infer<typeof screeningScriptSchema>;
export type ScreeningQuestion = z.infer<typeof screeningQuestionSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export interface ScriptIssue {
  /** Dotted path into the script, e.g. `questions.2.redFlags.0.text`. */
  path: string;
  message: string;
}

/** Validates a script and reports every problem with the dotted path of the bad field. */
export function validateScript(value: unknown): { ok: true; script: ScreeningScript } | { ok: false; issues: ScriptIssue[] } {
  const parsed = screeningScriptSchema.safeParse(value);
  if (parsed.success) return { ok: true, script: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

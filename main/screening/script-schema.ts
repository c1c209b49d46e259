import { z } from 'zod';

const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes');

export const checklistItemSchema = z.object({
  id: itemId,
  text: z.string().trim().min(3).max(400),
});

export const screeningQuestionSchema = z.object({
  id: itemId,
  kind: z.enum(['core', 'extra']),
  title: z.string().trim().min(3).max(120),
  skills: z.array(z.string().trim().min(2).max(80)).min(1).max(8),
  prompt: z.string().trim().min(10).max(2000),
  goodAnswer: z.array(checklistItemSchema).min(1).max(20),
  redFlags: z.array(checklistItemSchema).min(1).max(20),
  followUps: z.array(z.string().trim().min(3).max(400)).max(10),
  /** Where the facts behind this question come from (a guide named in resources/). */
  source: z.string().trim().max(200).optional(),
});

export const screeningScriptSchema = z
  .object({
    schemaVersion: z.literal(1),
    title: z.string().trim().min(3).max(120),
    questions: z.array(screeningQuestionSchema).min(1).max(30),
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

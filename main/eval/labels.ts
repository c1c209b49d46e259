// A labels file in the schema of the labelled corpus (one JSON object per line). Every key but
// "file" may be missing: a contact-only file is scored on contact alone.
import { z } from 'zod';
import { evidenceLevels, subRoleIds } from '../../contract/analysis.ts';

const nullableText = z.string().nullable();

export const evalLabelSchema = z.object({
  file: z.string().min(1),
  name: nullableText.optional(),
  email: nullableText.optional(),
  phone: nullableText.optional(),
  location: nullableText.optional(),
  subRole: z.enum(subRoleIds).optional(),
  evidence: z.enum(evidenceLevels).optional(),
  padding: z.boolean().optional(),
  toolsWithEvidence: z.array(z.string()).optional(),
  toolsListedOnly: z.array(z.string()).optional(),
  why: z.string().optional(),
});

export type EvalLabel = z.infer<typeof evalLabelSchema>;

/** A labels file that cannot be used as it stands; the message names the file and the line. */
export class LabelsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelsFileError';
  }
}

export function parseLabels(text: string, source: string): EvalLabel[] {
  const labels: EvalLabel[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new LabelsFileError(`${source}, line ${lineNumber}: not valid JSON (${detail})`);
    }
    const parsed = evalLabelSchema.safeParse(value);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`).join('; ');
      throw new LabelsFileError(`${source}, line ${lineNumber}: ${details}`);
    }
    const earlier = seen.get(parsed.data.file);
    if (earlier !== undefined) throw new LabelsFileError(`${source}, line ${lineNumber}: "${parsed.data.file}" is already labelled on line ${earlier}`);
    seen.set(parsed.data.file, lineNumber);
    labels.push(parsed.data);
  });
  if (labels.length === 0) throw new LabelsFileError(`${source}: no labels in the file`);
  return labels;
}

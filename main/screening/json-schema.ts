// Writes resources/screening-script.schema.json from the zod schema, so editors
// that open the script JSON get completion and inline errors. The zod schema is
// the source of truth; tests/screening/script.test.ts checks the file is current.
// Run: npx node main/screening/json-schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { screeningScriptSchema } from '../../contract/script-schema.ts';

export const scriptJsonSchemaUrl = new URL('../../resources/screening-script.schema.json', import.meta.url);

export function buildScriptJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(screeningScriptSchema, { io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: 'https://shipped.local/screening-script.schema.json',
    title: 'Shipped screening script',
    description:
      'The questions a recruiter reads on a screening call. Ids are referenced by resume probes and stored answers: rename them only with care. Ids must be unique (per script for questions, per list for items).',
    ...rest,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(scriptJsonSchemaUrl, `${JSON.stringify(buildScriptJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(scriptJsonSchemaUrl)}`);
}

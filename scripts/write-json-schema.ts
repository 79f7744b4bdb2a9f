/**
 * Write the JSON Schemas of model and overlay files (models/corridor-model.schema.json and
 * models/corridor-overlay.schema.json) from the zod schemas in src/corridor/schema.ts, so that
 * YAML editors can complete and check model files:
 *
 *     npx tsx scripts/write-json-schema.ts           # write both files
 *     npx tsx scripts/write-json-schema.ts --check   # exit 1 if either is out of date
 *
 * A model file opts in with a first line `# yaml-language-server: $schema=corridor-model.schema.json`.
 * tests/corridor/load-model.test.ts fails when a committed file differs from fresh output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_FILES, jsonSchemaText, modelJsonSchema, overlayJsonSchema } from '../src/corridor/json-schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputs = [
  { file: JSON_SCHEMA_FILES.model, text: jsonSchemaText(modelJsonSchema()) },
  { file: JSON_SCHEMA_FILES.overlay, text: jsonSchemaText(overlayJsonSchema()) },
];

/** The current contents of `file`, or undefined if it does not exist yet. */
function current(file: string): string | undefined {
  try {
    return readFileSync(`${root}${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

if (process.argv.includes('--check')) {
  const stale = outputs.filter(({ file, text }) => current(file) !== text).map(({ file }) => file);
  if (stale.length > 0) {
    console.error(`out of date: ${stale.join(', ')}; run: npx tsx scripts/write-json-schema.ts`);
    process.exit(1);
  }
} else {
  for (const { file, text } of outputs) {
    writeFileSync(`${root}${file}`, text);
    console.log(`wrote ${file}`);
  }
}

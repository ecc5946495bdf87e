/** Writes scenarios/schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenarioJsonSchema, SCHEMA_PATH } from './json-schema.ts';

const target = resolve(import.meta.dirname, '../../../..', SCHEMA_PATH);
writeFileSync(target, scenarioJsonSchema());
process.stdout.write(`wrote ${target}\n`);

/**
 * scenarios/schema.json: the JSON Schema of the scenario file format, generated from the zod
 * schema so that the two cannot drift apart (a test regenerates it and compares). Editors that
 * know JSON Schema (VS Code's YAML extension, IntelliJ) give hover help and completion from it.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/** Where the schema is written, relative to the repository root. */
export const SCHEMA_PATH = 'scenarios/schema.json';

/** The schema as the text of schema.json. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    $schema: schema.$schema,
    $id: 'https://cutover.invalid/schema/scenario.json',
    title: 'cutover scenario',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, scenarioJsonSchema } from '../../src/scenario/json-schema.ts';
import { DURATION_PATTERN } from '../../src/scenario/duration.ts';

const committed = readFileSync(resolve(import.meta.dirname, '../../../..', SCHEMA_PATH), 'utf8');

describe('scenarios/schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing it)', () => {
    expect(committed).toBe(scenarioJsonSchema());
  });

  it('describes every property, for editors\' hover help', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, child] of Object.entries(properties ?? {})) {
        const described = typeof (child as { description?: unknown }).description === 'string' || '$ref' in (child as object);
        if (!described) undescribed.push(`${path}.${key}`);
      }
      for (const [key, child] of Object.entries(node)) visit(child, `${path}/${key}`);
    };
    visit(JSON.parse(committed), '#');
    expect(undescribed).toEqual([]);
  });

  it('rejects unknown keys and carries the duration pattern', () => {
    const schema = JSON.parse(committed) as { additionalProperties: unknown; $defs: Record<string, { anyOf: { pattern?: string }[] }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$defs.duration!.anyOf.some((branch) => branch.pattern === DURATION_PATTERN.source)).toBe(true);
  });
});

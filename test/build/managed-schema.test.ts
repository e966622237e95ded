import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../../src/core/policy';

// Chrome exposes an organisation's policy to storage.managed only through the schema the manifest names, and refuses
// to load an extension whose schema breaks its rules. Firefox reads the policy from policies.json without a schema and
// ignores the key (web-ext lint accepts it: npm run lint:firefox). Checked on the built packages.
const root = new URL('../../', import.meta.url).pathname;

interface PropertySchema {
  type?: string;
  $ref?: string;
  minimum?: number;
  maximum?: number;
  title?: string;
  description?: string;
}
interface Schema {
  type: string;
  properties: Record<string, PropertySchema>;
  additionalProperties?: unknown;
}

function built(target: string): { manifest: { storage?: { managed_schema?: string } }; schema: () => Schema } {
  const dir = join(root, 'dist', target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return { manifest, schema: () => JSON.parse(readFileSync(join(dir, manifest.storage.managed_schema), 'utf8')) };
}

/** The smallest valid value of a property, as an administrator would set it. */
function sample(property: PropertySchema): unknown {
  if (property.type === 'boolean') return true;
  if (property.type === 'integer') return property.minimum ?? 1;
  if (property.type === 'string') return 'Acme security team: see wiki/keys';
  throw new Error(`no sample for ${JSON.stringify(property)}`);
}

describe.each(['chrome', 'firefox'])('%s build', (target) => {
  test('the manifest names the schema, and the package holds it', () => {
    const { manifest, schema } = built(target);
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
    expect(schema().type).toBe('object');
  });
});

describe("the schema follows Chrome's rules and agrees with the policy parser", () => {
  const schema = built('chrome').schema();

  test('top level: an object of properties, without additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  test.each(Object.entries(schema.properties))(
    '%s has exactly one of type or $ref, a title and a description',
    (_name, property) => {
      expect(Number('type' in property) + Number('$ref' in property)).toBe(1);
      expect(property.title).toBeTruthy();
      expect(property.description).toBeTruthy();
    },
  );

  test('every field the schema lets through, the parser reads without a note; together they set every part of the policy', () => {
    const policy = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, sample(property)]),
    );
    const reading = parsePolicy(policy);
    expect(reading.notes).toEqual([]);
    expect(reading.policy).toEqual({
      forbidWithdraw: true,
      requireIpBinding: true,
      maxRotationDays: 1,
      lockSettings: true,
      message: 'Acme security team: see wiki/keys',
    });
  });

  test("the schema's range for maxRotationDays is the parser's", () => {
    const { minimum, maximum } = schema.properties.maxRotationDays!;
    expect(parsePolicy({ maxRotationDays: maximum }).policy?.maxRotationDays).toBe(maximum);
    expect(parsePolicy({ maxRotationDays: maximum! + 1 }).policy).toBeUndefined();
    expect(parsePolicy({ maxRotationDays: minimum! - 1 }).policy).toBeUndefined();
  });
});

/** Validates documents against the feed v1 JSON Schema (schema/feed-v1.schema.json). */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(new URL('../../schema/feed-v1.schema.json', import.meta.url), 'utf8'));
    validator = new Ajv2020({ allErrors: false, strict: true }).compile(schema);
  }
  return validator;
}

/** Throws with the document path and the first schema errors when `doc` is not a valid feed v1 document. */
export function assertValidDocument(path: string, doc: unknown): void {
  const validate = compiled();
  if (!validate(doc)) throw new Error(`${path} does not match the feed v1 schema: ${describe(validate.errors)}`);
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

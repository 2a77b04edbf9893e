/**
 * The W3C annotation-model test schemas (web-platform-tests, vendored in
 * test-fixtures/w3c-annotation-model, see its SOURCES.md), loaded into ajv for
 * tests: `check(name, value)` says whether a value passes one assertion file or
 * one definition, and why not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';

const root = fileURLToPath(new URL('../../../../test-fixtures/w3c-annotation-model/', import.meta.url));

function filesIn(folder: string): string[] {
  return readdirSync(join(root, folder)).filter((f) => f.endsWith('.json')).map((f) => join(folder, f));
}

/** The assertion files (not the definitions) by folder, as the .test files name them. */
export const ASSERTIONS = {
  annotationMusts: filesIn('annotations').filter((f) => JSON.parse(readFileSync(join(root, f), 'utf8')).assertionType === 'must'),
  annotationOptionals: filesIn('annotations').filter((f) => JSON.parse(readFileSync(join(root, f), 'utf8')).assertionType !== 'must'),
  bodyOptionals: filesIn('bodiesTargets'),
  pageMusts: filesIn('collections/pages'),
};

export function wptSchemas() {
  // strict off: the schemas carry keywords of their own (assertionType, errorMessage …).
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The formats the schemas ask for (RFC 3986 absolute IRIs without spaces; RFC 3339 date-times).
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  const byFile = new Map<string, string>();
  for (const file of [...filesIn('definitions'), ...Object.values(ASSERTIONS).flat()]) {
    const schema = JSON.parse(readFileSync(join(root, file), 'utf8')) as { id: string };
    ajv.addSchema(schema);
    byFile.set(file, schema.id);
  }
  /** Errors of `value` against an assertion file (by path) or a definition (`bodyTarget.json#/definitions/…`); [] when it passes. */
  const check = (name: string, value: unknown): string[] => {
    const validate = ajv.getSchema(byFile.get(name) ?? name);
    if (!validate) throw new Error(`No schema ${name}`);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} (${e.schemaPath})`);
  };
  return { check };
}

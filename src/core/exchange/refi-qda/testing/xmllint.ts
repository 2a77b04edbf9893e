/**
 * Test support: validates XML against the vendored REFI-QDA project schema
 * with xmllint (libxml2-utils), the check the standard's own tools use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CODEBOOK_NAMESPACE } from '../codebook-xml';
import { PROJECT_NAMESPACE } from '../project-xml';

export const PROJECT_SCHEMA = resolve(import.meta.dirname, '../../../../../test-fixtures/refi-qda/Project-mrt2019.xsd');

/** xmllint's verdict on `xml` against the project schema: ok, and what it said. */
export function validateProject(xml: string | Uint8Array): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-refi-'));
  try {
    const file = join(dir, 'project.qde');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', PROJECT_SCHEMA, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A codebook (.qdc) checked without its own schema (see test-fixtures/refi-qda/SOURCES.md): the root must be
 * CodeBook in the codebook namespace holding Codes; those Codes, moved into an otherwise empty project, must
 * validate against the project schema, which declares the same CodeType.
 */
export function validateCodebook(xml: string): { ok: boolean; output: string } {
  const root = new RegExp(`^<\\?xml[^>]*\\?>\\s*<CodeBook xmlns="${CODEBOOK_NAMESPACE.replace(/\./g, '\\.')}"[^>]*>\\s*<Codes>`);
  if (!root.test(xml)) return { ok: false, output: 'not a CodeBook element in the codebook namespace with Codes first' };
  const codes = /<Codes>[\s\S]*<\/Codes>/.exec(xml);
  const rest = xml.replace(/<Codes>[\s\S]*<\/Codes>/, '').replace(/^<\?xml[^>]*\?>\s*<CodeBook[^>]*>/, '').replace(/<\/CodeBook>\s*$/, '');
  if (!codes || rest.trim() !== '') return { ok: false, output: `unexpected content beside Codes: ${rest.trim().slice(0, 80)}` };
  return validateProject(`<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${PROJECT_NAMESPACE}" name="codebook check"><CodeBook>${codes[0]}</CodeBook></Project>\n`);
}

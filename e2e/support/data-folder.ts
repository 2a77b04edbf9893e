/**
 * What a test reads straight from the data folder, as a user checking their
 * files would: each document's highlights as saved (the snapshot with the
 * change log's later lines applied).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation } from '../../src/shared/model';

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

/** The ids of the documents the library index lists, in its order. */
export async function documentIdsOnDisk(dataDir: string): Promise<string[]> {
  const library = (await readJson(join(dataDir, 'library.json'))) as { documents?: { id: string; title: string }[] } | null;
  return (library?.documents ?? []).map((d) => d.id);
}

/** A document's highlights as saved on disk (the first listed document when none is named). */
export async function highlightsOnDisk(dataDir: string, documentId?: string): Promise<Annotation[]> {
  const id = documentId ?? (await documentIdsOnDisk(dataDir))[0];
  if (!id) return [];
  const dir = join(dataDir, 'documents', id);
  const snapshot = (await readJson(join(dir, 'annotations.json'))) as { seq?: number; annotations?: Annotation[] } | null;
  const byId = new Map((snapshot?.annotations ?? []).map((a) => [a.id, a]));
  let log = '';
  try {
    log = await readFile(join(dir, 'annotations.log'), 'utf8');
  } catch {
    // No log: everything is in the snapshot.
  }
  for (const text of log.split('\n')) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as { seq: number; put?: Annotation; delete?: string };
    if (line.seq <= (snapshot?.seq ?? 0)) continue;
    if (line.put) byId.set(line.put.id, line.put);
    else if (line.delete) byId.delete(line.delete);
  }
  return [...byId.values()];
}

/**
 * The `gloss` commands that work on a library: `add` imports transcripts as
 * the app does, `list` shows the documents, `check` reads and validates every
 * data file (and with --repair, does what the app does at start). Each opens
 * the library under the sharing rules of library-access.ts, prints text or
 * (with --json) one JSON value, and returns the exit code.
 */
import { importPaths } from '../main/import/import-files';
import { type OpenedLibrary, openToAdd, openToRead, openToRepair } from '../main/store/library-access';
import type { DocumentSummary, StoreNotice } from '../shared/model';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Notices are part of each command's own output, not warnings besides it. */
const QUIET = { onNotice: () => undefined };

async function withLibrary<T>(open: Promise<OpenedLibrary>, use: (library: OpenedLibrary) => Promise<T>): Promise<T> {
  const library = await open;
  try {
    return await use(library);
  } finally {
    await library.release();
  }
}

/** `gloss add FILE...`: one result per file; exit 1 when any file was refused. */
export async function addCommand(dataDir: string, files: string[], json: boolean, io: Output): Promise<number> {
  const results = await withLibrary(openToAdd(dataDir, QUIET), ({ store }) => importPaths(store, files));
  if (json) {
    io.out(
      JSON.stringify(
        results.map((r) =>
          r.ok ? { file: r.fileName, ok: true, id: r.document.id, title: r.document.title, duplicate: r.duplicate } : { file: r.fileName, ok: false, error: r.message },
        ),
        null,
        2,
      ),
    );
  } else {
    for (const r of results) if (r.ok) io.out(`${r.document.id}  ${r.document.title}${r.duplicate ? '  (already in the library)' : ''}`);
  }
  for (const r of results) if (!r.ok) io.err(`gloss: ${r.message}`);
  return results.every((r) => r.ok) ? 0 : 1;
}

function listed(d: DocumentSummary) {
  return {
    id: d.id,
    title: d.title,
    format: d.format,
    source: d.source,
    speakers: d.speakers,
    wordCount: d.wordCount,
    highlightCount: d.highlightCount,
    noteCount: d.noteCount,
    addedAt: d.addedAt,
    openedAt: d.openedAt,
  };
}

/** `gloss list`: the documents, most recently opened first. */
export async function listCommand(dataDir: string, json: boolean, io: Output): Promise<number> {
  const documents = await withLibrary(openToRead(dataDir, QUIET), ({ store }) => store.list());
  if (json) {
    io.out(JSON.stringify(documents.map(listed), null, 2));
    return 0;
  }
  if (documents.length === 0) io.out(`No documents in ${dataDir}.`);
  for (const d of documents) {
    io.out(`${d.id}  ${d.title}`);
    io.out(`    ${d.format}, ${d.speakers.length} speakers, ${d.wordCount} words, ${d.highlightCount} highlights, ${d.noteCount} notes`);
  }
  return 0;
}

/** Reads every document's transcript and highlights, so every data file is checked (and, when owning, repaired). */
async function readEverything({ store }: OpenedLibrary): Promise<StoreNotice[]> {
  for (const d of await store.list()) {
    try {
      await store.forExport(d.id);
    } catch {
      // What could not be read is in the notices.
    }
  }
  return store.status().notices;
}

/**
 * `gloss check [--repair]`: reports every problem with the file's path; exit 1 when there are any. With --repair, first
 * does what the app does at start, reports what it did, then checks again.
 */
export async function checkCommand(dataDir: string, repair: boolean, json: boolean, io: Output): Promise<number> {
  const repaired = repair ? await withLibrary(openToRepair(dataDir, QUIET), readEverything) : [];
  const problems = await withLibrary(openToRead(dataDir, QUIET), readEverything);
  if (json) {
    io.out(JSON.stringify({ dataDir, ok: problems.length === 0, problems, ...(repair ? { repaired } : {}) }, null, 2));
  } else {
    for (const n of repaired) io.out(`repaired: ${n.message}`);
    for (const n of problems) io.out(`problem: ${n.message}`);
    io.out(problems.length === 0 ? `${dataDir}: every data file reads and checks.` : `${dataDir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}${repair ? ' left' : '; gloss check --repair fixes what can be fixed'}.`);
  }
  return problems.length === 0 ? 0 : 1;
}


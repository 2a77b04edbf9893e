/**
 * Writes a Markdown export to disk: one document to a file, several (or the
 * library) to a folder with one file per document and an index linking them.
 *
 * A file an earlier export wrote is merged, not overwritten: what the reader
 * added to it is kept (core/export/reexport-merge.ts). In a folder, a
 * document's earlier file is found by its front matter's `gloss-id`, whatever
 * it is called now, so a renamed document or file still merges.
 *
 * A file that is not a Gloss export is never written over: exporting one
 * document to it is refused, naming it, with nothing written; in a folder, a
 * document whose name it would take is written beside it under a name with
 * the document's id (`Title (3f2a9c1d).md`); so is a document whose earlier
 * file no longer says whose it is (its front matter made unreadable), which is
 * left as it is. Every merge is worked out and checked before the first
 * file is written (a fresh file, which nothing can refuse, is made when its
 * turn comes, while the file before it goes to disk). Every file is written
 * whole to a temporary file beside its place, and only when all are written
 * are they renamed into place: a failure or a cancel before that removes
 * them (and the folder, when the export made it), so nothing was written and
 * an earlier export being updated is left exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { errorMessage } from '../../core/error-message';
import { glossExportFacts } from '../../core/export/reexport-merge';
import { fileNameKey, INDEX_FILE_NAME, markdownFileNames } from '../../core/export/markdown-file-names';
import { markdownForDocument, markdownIndex, mergeReexport, type MarkdownContext } from '../../core/export/markdown-export';
import type { ExportReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import { isTempFile, nodeFileSystem, TEMP_MARK, type FileSystem } from '../store/file-system';
import type { TaskSteps } from '../tasks/task-steps';
import type { ExportDocument, ExportJob } from './export-documents';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What this export leaves out: parts the options turn off, and highlights the filter does not take. */
export function markdownLeftOut(job: Omit<ExportJob, 'target'>): string[] {
  const { markdown: options, documents } = job;
  const out: string[] = [];
  // One pass over the library's highlights (a quarter of a million of them), counting only what is turned off.
  let highlights = 0;
  let notes = 0;
  let coded = 0;
  let orphans = 0;
  for (const d of documents) {
    highlights += d.annotations.length;
    for (const a of d.annotations) {
      if (!options.notes && a.note.trim() !== '') notes++;
      if (!options.codes && a.codes.length > 0) coded++;
      if (!options.orphans && a.orphaned) orphans++;
    }
  }
  if (notes > 0) out.push(`The notes of ${plural(notes, 'highlight')} (notes are turned off).`);
  if (coded > 0) out.push(`The codes of ${plural(coded, 'highlight')} (codes are turned off).`);
  if (orphans > 0) out.push(`${plural(orphans, 'orphaned highlight')} (orphans are turned off).`);
  if (!options.colorNames && highlights > 0) out.push('Colour names (turned off).');
  if (!options.links && highlights > 0) out.push('Links back into Gloss (turned off).');
  if (!options.notebook && documents.some((d) => d.notebook.trim() !== '')) out.push('Notebooks (turned off).');
  const unfiltered = documents.reduce((n, d) => n + d.totalHighlights - d.annotations.length, 0);
  if (unfiltered > 0) out.push(`${plural(unfiltered, 'highlight')} not matching the filter.`);
  return out;
}

function contextOf(job: ExportJob): MarkdownContext {
  return { options: job.markdown, colorNames: job.colorNames, codebook: job.codebook, exportedAt: job.now };
}

async function readText(fs: FileSystem, path: string): Promise<string | null> {
  try {
    return (await fs.readFile(path)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new GlossError('storage', `Could not read ${path}: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
  }
}

interface Planned {
  path: string;
  text: string;
  readerTextKept: number;
}

/** The text to write to `path` for a fresh export: itself, or merged into the earlier export there. */
function planFile(path: string, fresh: string, existing: string | null, owner: { documentId: string | null; title: string }): Planned {
  if (existing === null) return { path, text: fresh, readerTextKept: 0 };
  const facts = glossExportFacts(existing);
  if (!facts.isGlossExport) {
    throw new GlossError('conflict', `${path} is not a Gloss export (it has no Gloss regions and no gloss-id), so Gloss will not write over it. Nothing was written; choose another file.`);
  }
  const mismatch = owner.documentId === null ? !facts.isIndex : facts.isIndex || (facts.documentId !== null && facts.documentId !== owner.documentId);
  if (mismatch) {
    throw new GlossError('conflict', `${path} is the export of ${facts.isIndex ? 'a library index' : 'another document'}, not of "${owner.title}", so Gloss will not merge into it. Nothing was written; choose another file.`);
  }
  try {
    const merged = mergeReexport(existing, fresh);
    return { path, text: merged.text, readerTextKept: merged.readerTextKept };
  } catch (error) {
    throw new GlossError('conflict', `${path} cannot be merged with the new export: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
  }
}

/** The Markdown files of a folder, each with what it says about itself. */
async function glossFilesIn(fs: FileSystem, folder: string): Promise<{ name: string; text: string; documentId: string | null; isIndex: boolean; isGloss: boolean }[]> {
  const names = (await fs.readdir(folder)).filter((n) => /\.md$/i.test(n) && !isTempFile(n)).sort();
  const out = [];
  for (const name of names) {
    const info = await fs.stat(join(folder, name));
    if (!info || info.isDirectory) continue;
    const text = (await readText(fs, join(folder, name))) ?? '';
    const facts = glossExportFacts(text);
    out.push({ name, text, documentId: facts.documentId, isIndex: facts.isIndex, isGloss: facts.isGlossExport });
  }
  return out;
}

/** A text as UTF-8, encoded in one pass (Buffer.from measures the text first: a second pass over megabytes). */
function utf8(text: string): Uint8Array {
  const buffer = Buffer.allocUnsafe(text.length * 3);
  return buffer.subarray(0, buffer.write(text, 'utf8'));
}

/**
 * A file to write: worked out already, or (a fresh file, where nothing can be refused) made when its turn comes, while
 * the file before it is being written, so that a library's files are not all held at once and the disk works while
 * the next file is made.
 */
type ToWrite = Planned | { path: string; make: () => Planned };

/** A temporary name beside `path`, of the kind every Gloss reader of a folder skips (isTempFile). */
function tempBeside(path: string): string {
  return `${path}${TEMP_MARK}export-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Writes the files, in order, first each to a temporary file beside its place (made, when it is made late, while the
 * one before it is being written), then, once all are whole, renames them into place. A failure or a cancel before
 * the renames removes the temporary files (and `createdFolder`, the folder this export made): nothing was written,
 * and an earlier export it was updating is left as it was. Returns the files as written.
 */
async function writeAll(fs: FileSystem, files: readonly ToWrite[], steps?: TaskSteps, createdFolder?: string): Promise<Planned[]> {
  // Each file as written, its text let go: a library's files are not held all at once.
  const written: (Planned & { temp: string })[] = [];
  let writing: Promise<unknown> | null = null;
  const finish = async () => {
    if (!writing) return;
    const done = writing;
    writing = null;
    try {
      await done;
    } catch (error) {
      const failed = written[written.length - 1];
      throw new GlossError('storage', `Could not write ${failed.path}: ${errorMessage(error)}. Nothing was written.`);
    }
  };
  const takeBack = async () => {
    await writing?.catch(() => undefined);
    for (const f of written) await fs.remove(f.temp).catch(() => undefined);
    if (createdFolder !== undefined && (await fs.readdir(createdFolder).catch(() => ['?'])).length === 0) await fs.remove(createdFolder).catch(() => undefined);
  };
  try {
    for (const next of files) {
      steps?.step(`Writing ${basename(next.path)}`);
      const file = 'make' in next ? next.make() : next;
      await finish();
      const temp = tempBeside(file.path);
      writing = fs.replaceFile(temp, utf8(file.text));
      // Awaited by finish() (after the next file is made); until then a failure must not count as unhandled.
      writing.catch(() => undefined);
      written.push({ ...file, text: '', temp });
    }
    await finish();
    steps?.commit('Putting the files in place');
  } catch (error) {
    await takeBack();
    throw error;
  }
  for (const [i, f] of written.entries()) {
    try {
      await fs.rename(f.temp, f.path);
    } catch (error) {
      for (const rest of written.slice(i)) await fs.remove(rest.temp).catch(() => undefined);
      const before = written.slice(0, i).map((p) => basename(p.path));
      throw new GlossError(
        'storage',
        `Could not write ${f.path}: ${errorMessage(error)}.${before.length > 0 ? ` Written before it: ${before.join(', ')}.` : ' Nothing was written.'}`,
      );
    }
  }
  return written.map(({ temp: _temp, ...f }) => f);
}

function report(job: ExportJob, planned: readonly Planned[]): ExportReport {
  return {
    format: 'md',
    files: planned.map((p) => p.path),
    documents: job.documents.length,
    highlights: job.documents.reduce((n, d) => n + d.annotations.length, 0),
    leftOut: markdownLeftOut(job),
    readerTextKept: planned.reduce((n, p) => n + p.readerTextKept, 0),
  };
}

function freshFor(doc: ExportDocument, ctx: MarkdownContext): string {
  return markdownForDocument({ document: doc.document, transcript: doc.transcript, plainText: doc.plainText, annotations: doc.annotations, notebook: doc.notebook }, ctx);
}

/** Writes one document to a file, or several (or none, or the library into an existing folder) to a folder. */
export async function writeMarkdownExport(job: ExportJob, fs: FileSystem = nodeFileSystem): Promise<ExportReport> {
  const ctx = contextOf(job);
  const targetInfo = await fs.stat(job.target);
  if (job.documents.length === 1 && !targetInfo?.isDirectory) {
    const [doc] = job.documents;
    const planned = planFile(job.target, freshFor(doc, ctx), await readText(fs, job.target), { documentId: doc.document.id, title: doc.document.title });
    return report(job, await writeAll(fs, [planned], job.steps));
  }
  if (targetInfo && !targetInfo.isDirectory) throw new GlossError('conflict', `${job.target} is a file; an export of several documents goes into a folder. Nothing was written.`);
  try {
    await fs.mkdir(job.target);
  } catch (error) {
    throw new GlossError('storage', `Could not make the folder ${job.target}: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
  }
  const existing = await glossFilesIn(fs, job.target);
  const byKey = new Map(existing.map((f) => [fileNameKey(f.name), f]));
  const exported = new Set(job.documents.map((d) => d.document.id));
  // A document's earlier file, found by its gloss-id (the first, by name, should there be two).
  const earlier = new Map<string, string>();
  for (const f of existing) if (f.documentId && exported.has(f.documentId) && !earlier.has(f.documentId)) earlier.set(f.documentId, f.name);
  const claimed = new Set([...earlier.values()].map(fileNameKey));
  const fresh = job.documents.filter((d) => !earlier.has(d.document.id));
  const freshNames = markdownFileNames(
    fresh.map((d) => d.document),
    existing.map((f) => f.name),
  );
  const nameOf = new Map<string, string>([...earlier, ...fresh.map((d, i) => [d.document.id, freshNames[i]] as const)]);

  const entries: Parameters<typeof markdownIndex>[0][number][] = [];
  const planned: ToWrite[] = [];
  for (const doc of job.documents) {
    const name = nameOf.get(doc.document.id)!;
    const path = join(job.target, name);
    const previous = claimed.has(fileNameKey(name)) ? (byKey.get(fileNameKey(name))?.text ?? null) : null;
    // A merge is worked out (and may be refused) before anything is written; a fresh file, which nothing can refuse, when it is written.
    if (previous === null) planned.push({ path, make: () => ({ path, text: freshFor(doc, ctx), readerTextKept: 0 }) });
    else planned.push(planFile(path, freshFor(doc, ctx), previous, { documentId: doc.document.id, title: doc.document.title }));
    entries.push({ document: doc.document, fileName: name, highlights: doc.annotations.length });
  }
  const indexName = existing.find((f) => f.isIndex)?.name ?? freeIndexName(new Set([...byKey.keys(), ...[...nameOf.values()].map(fileNameKey)]));
  const indexPrevious = byKey.get(fileNameKey(indexName))?.text ?? null;
  planned.push(planFile(join(job.target, indexName), markdownIndex(entries, ctx), indexPrevious, { documentId: null, title: 'Gloss library' }));
  return report(job, await writeAll(fs, planned, job.steps, targetInfo ? undefined : job.target));
}

/** "Gloss index.md", or (a file of the reader's has that name) "Gloss index (2).md", … */
function freeIndexName(taken: ReadonlySet<string>): string {
  if (!taken.has(fileNameKey(INDEX_FILE_NAME))) return INDEX_FILE_NAME;
  for (let n = 2; ; n++) {
    const name = INDEX_FILE_NAME.replace(/\.md$/, ` (${n}).md`);
    if (!taken.has(fileNameKey(name))) return name;
  }
}

/**
 * REFI-QDA on disk: writes a project (.qdpx: project.qde and sources/) or a
 * codebook (.qdc), and imports a .qdpx written by any tool into the library.
 * The XML is written and read in core/exchange/refi-qda; this module zips,
 * unzips, writes files atomically and drives the store. An import is planned
 * whole (every text, code and position checked) before its first write.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { placeAnchors, planImport, type ImportPlan, type PlannedDocument } from '../../core/exchange/refi-qda/import-plan';
import { codebookXml } from '../../core/exchange/refi-qda/codebook-xml';
import { projectXml } from '../../core/exchange/refi-qda/project-xml';
import { normaliseGuid } from '../../core/exchange/refi-qda/guids';
import { readProject, RefiQdaError } from '../../core/exchange/refi-qda/read-project';
import { errorMessage } from '../../core/error-message';
import { plainTextOf, wordCountOf } from '../../core/transcript/plain-text';
import { DEFAULT_COLOR_NAMES, HIGHLIGHT_COLORS, type Annotation, type DocumentSummary, type ExchangeImportReport, type ExportReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import type { ExportJob } from './export-documents';
import { zipArchive } from './zip-file';
import { TaskCancelled } from '../tasks/run-task';
import type { TaskSteps } from '../tasks/task-steps';

/** Who wrote the project, as REFI-QDA's `origin` says. */
const ORIGIN = 'Gloss';
/**
 * Deflate level of a .qdpx: the fastest, as a library's project is a hundred megabytes of XML and text. Measured on
 * the bench's library (113 MB): level 1 packs it to 26.7 MB, level 4 to 24.6 MB for 75% more time, and zlib's
 * Huffman-only and RLE strategies are no faster and make 72 MB.
 */
const ZIP_LEVEL = 1;
/** Most bytes an imported project may unpack to (its XML and texts; pictures and media are not unpacked). */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** What REFI-QDA has no place for, in words (a colour per highlight, …). */
export function refiQdaLeftOut(job: Omit<ExportJob, 'target'>, format: 'qdpx' | 'qdc'): string[] {
  const out: string[] = [];
  const renamed = HIGHLIGHT_COLORS.filter((c) => job.colorNames[c] !== DEFAULT_COLOR_NAMES[c]).length;
  if (format === 'qdc') {
    out.push('Documents, highlights, notes and notebooks: a codebook file holds only the code tree, with each code’s colour and description');
    if (renamed > 0) out.push(`The names you gave ${plural(renamed, 'colour')} (REFI-QDA has codes, not named colours)`);
    return out;
  }
  let placed = 0;
  let orphans = 0;
  let notes = 0;
  let timed = 0;
  for (const d of job.documents) {
    for (const a of d.annotations) {
      if (a.orphaned) orphans++;
      else {
        placed++;
        if (a.note.trim()) notes++;
      }
    }
    for (const turn of d.transcript.turns) for (const p of turn.paragraphs) if (p.startSeconds != null) timed++;
  }
  if (placed > 0) out.push(`${plural(placed, 'highlight’s colour', 'highlights’ colours')} (REFI-QDA keeps a colour per code, not per highlight: each code carries its codebook colour)`);
  if (orphans > 0) out.push(`${plural(orphans, 'orphaned highlight')} (not placed in the current text, so they cannot be passages of it)`);
  if (notes > 0 || job.documents.some((d) => d.notebook.trim()) || job.libraryNotebook.trim()) {
    out.push('The formatting of notes and notebooks: they are written as Markdown text, so other tools show the marks (**bold**, - lists) rather than the formatting');
  }
  if (renamed > 0) out.push(`The names you gave ${plural(renamed, 'colour')} (REFI-QDA has codes, not named colours)`);
  if (timed > 0) out.push(`The media times of ${plural(timed, 'paragraph')} (a REFI-QDA text source has no times)`);
  return out;
}

/** Writes `bytes` to `target` through a temporary file beside it, so that a failed write never leaves half a file. */
async function writeAtomically(target: string, bytes: Uint8Array | Uint8Array[], steps?: TaskSteps): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    steps?.step(`Writing ${basename(target)}`);
    // Pieces are written one after the other, not joined first (a library's project is tens of megabytes).
    await writeFile(temp, Array.isArray(bytes) ? bytes : [bytes]);
    // Cancelled before the rename, nothing was written (the temporary file goes).
    steps?.commit('Putting the file in place');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof TaskCancelled) throw error;
    throw new GlossError('storage', `Could not write ${basename(target)}: ${errorMessage(error)}`);
  }
}

export async function writeQdpxExport(job: ExportJob): Promise<ExportReport> {
  const leftOut = refiQdaLeftOut(job, 'qdpx');
  const name = job.documents.length === 1 ? job.documents[0].document.title : `Gloss: ${plural(job.documents.length, 'document')}`;
  const project = projectXml({
    name,
    documents: job.documents.map((d) => ({
      id: d.document.id,
      title: d.document.title,
      addedAt: d.document.addedAt,
      transcript: d.transcript,
      plainText: d.plainText,
      annotations: d.annotations,
      notebook: d.notebook,
    })),
    codes: job.codebook.codes,
    libraryNotebook: job.libraryNotebook,
    now: job.now,
    origin: ORIGIN,
  });
  let zip: Buffer[];
  try {
    // The sources are listed once project.qde has been read: its documents add them as they are written.
    const entries = function* () {
      yield { name: 'project.qde', pieces: project.xml };
      for (const s of project.sources) yield { name: s.path, pieces: [s.text] };
    };
    zip = await zipArchive(entries(), { level: ZIP_LEVEL, modified: job.now });
  } catch (error) {
    throw new GlossError('invalid-request', `The project cannot be written: ${errorMessage(error)}. Nothing was written.`);
  }
  await writeAtomically(job.target, zip, job.steps);
  return { format: 'qdpx', files: [job.target], documents: job.documents.length, highlights: project.highlights, leftOut, readerTextKept: 0 };
}

export async function writeQdcExport(job: ExportJob): Promise<ExportReport> {
  let xml: string;
  try {
    xml = codebookXml(job.codebook.codes, ORIGIN);
  } catch {
    throw new GlossError('invalid-request', 'The codebook has no codes yet, so there is nothing to write to a codebook file. Nothing was written.');
  }
  await writeAtomically(job.target, new TextEncoder().encode(xml), job.steps);
  return { format: 'qdc', files: [job.target], documents: 0, highlights: 0, leftOut: refiQdaLeftOut(job, 'qdc'), readerTextKept: 0 };
}

// ---- Import ----

/**
 * The entries of a zip whose names `wanted` accepts, unpacked (others are skipped unread). Throws a readable
 * error for a damaged zip or one whose entries would unpack to more than MAX_UNPACKED_BYTES.
 */
function unzipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  let total = 0;
  const entries = unzipSync(bytes, {
    filter: (file) => {
      if (!wanted(file.name)) return false;
      total += file.originalSize;
      if (total > MAX_UNPACKED_BYTES) throw new Error(`it unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
      return true;
    },
  });
  return new Map(Object.entries(entries));
}

/** The path a project names for a text, as its zip entry: `internal://x.txt` is `sources/x.txt`; a relative path is itself. */
function entryCandidates(plainTextPath: string): string[] {
  const path = plainTextPath.trim().replace(/\\/g, '/');
  const internal = /^internal:\/\/(.+)$/i.exec(path);
  if (internal) return [`sources/${internal[1]}`, internal[1]];
  const relative = path.replace(/^(relative|file):\/\/\/?/i, '').replace(/^\.\//, '');
  return [relative, `sources/${relative}`, `sources/${relative.slice(relative.lastIndexOf('/') + 1)}`];
}

function refused(fileName: string, reason: string): GlossError {
  return new GlossError('invalid-request', `${fileName} cannot be imported: ${reason}. Nothing was imported.`);
}

/** Reads and plans the import of a .qdpx: nothing is written. */
export function planQdpxImport(bytes: Uint8Array, fileName: string, now: Date): ImportPlan {
  const isProject = (name: string) => /(^|\/)project\.qde$/i.test(name) && !name.startsWith('__MACOSX/');
  let projectEntries: Map<string, Uint8Array>;
  try {
    projectEntries = unzipEntries(bytes, isProject);
  } catch (error) {
    throw refused(fileName, `it is not a readable zip (${errorMessage(error)})`);
  }
  // The one at the top if there are several.
  const projectName = [...projectEntries.keys()].sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (projectName === undefined) throw refused(fileName, 'it holds no project.qde, so it is not a REFI-QDA project');
  const decoder = new TextDecoder('utf-8');
  let project;
  try {
    project = readProject(decoder.decode(projectEntries.get(projectName)));
  } catch (error) {
    if (error instanceof RefiQdaError) throw refused(fileName, error.message);
    throw refused(fileName, `its project.qde could not be read (${errorMessage(error)})`);
  }
  // The texts the project names, looked for whatever the case of their folder and name.
  const prefix = projectName.slice(0, projectName.length - 'project.qde'.length);
  const paths = [...project.textSources.map((s) => s.plainTextPath), ...[...project.notes.values()].map((n) => n.plainTextPath)].filter((p): p is string => p !== null);
  const wanted = new Set(paths.flatMap((p) => entryCandidates(p).map((c) => `${prefix}${c}`.toLowerCase())));
  let texts: Map<string, Uint8Array>;
  try {
    texts = unzipEntries(bytes, (name) => wanted.has(name.toLowerCase()));
  } catch (error) {
    throw refused(fileName, `its texts could not be unpacked (${errorMessage(error)})`);
  }
  const byLowerName = new Map([...texts].map(([name, data]) => [name.toLowerCase(), data]));
  const readText = (plainTextPath: string): string | null => {
    for (const candidate of entryCandidates(plainTextPath)) {
      const data = byLowerName.get(`${prefix}${candidate}`.toLowerCase());
      if (data) return decoder.decode(data);
    }
    return null;
  };
  try {
    return planImport(project, readText, now);
  } catch (error) {
    if (error instanceof RefiQdaError) throw refused(fileName, error.message);
    throw error;
  }
}

export async function importQdpx(store: LibraryStore, bytes: Uint8Array, options: { fileName: string }): Promise<ExchangeImportReport> {
  const { fileName } = options;
  const plan = planQdpxImport(bytes, fileName, new Date());
  const report: ExchangeImportReport = {
    format: 'qdpx',
    documentsAdded: [],
    documentsUpdated: [],
    highlightsAdded: 0,
    highlightsUpdated: 0,
    highlightsUnchanged: 0,
    orphaned: 0,
    codesAdded: 0,
    notCarried: plan.notCarried,
  };
  const added: string[] = [];
  const library = await store.list();
  const before = new Set(library.map((d) => d.id));
  const known = new Map((await store.codebook()).codes.map((c) => [c.path, c]));
  try {
    for (const planned of plan.documents) {
      const document =
        (await libraryDocumentFor(store, library, planned)) ??
        (await store.importText({ text: planned.text, source: `${planned.title} (${fileName})`, fallbackTitle: planned.title }));
      const isNew = !before.has(document.id) && !added.includes(document.id);
      const annotations = await placedIn(store, document.id, planned);
      const counts = await store.mergeAnnotations(document.id, annotations);
      if (isNew) {
        added.push(document.id);
        report.documentsAdded.push({ id: document.id, title: document.title });
      } else if (before.has(document.id) && !report.documentsUpdated.some((d) => d.id === document.id)) {
        report.documentsUpdated.push({ id: document.id, title: document.title });
      }
      report.highlightsAdded += counts.added;
      report.highlightsUpdated += counts.updated;
      report.highlightsUnchanged += counts.unchanged;
      report.orphaned += annotations.filter((a) => a.orphaned).length;
    }
    for (const code of plan.codes) {
      const mine = known.get(code.path);
      if (!mine) report.codesAdded++;
      // The library's own colour and description are kept; the project's fill in what it has not given.
      const color = mine?.color ?? code.color;
      const description = mine?.description || code.description;
      if (mine && mine.color === color && mine.description === description) continue;
      await store.describeCode(code.path, { color, description });
    }
  } catch (error) {
    // Take back the documents this import added, so that a failure leaves the library as it was.
    for (const id of added.reverse()) await store.removeDocument(id).catch(() => undefined);
    if (error instanceof GlossError) throw new GlossError(error.code, `${fileName} could not be imported: ${error.message}${added.length > 0 ? ' The documents it had added were removed again.' : ''}`);
    throw new GlossError('storage', `${fileName} could not be imported: ${errorMessage(error)}`);
  }
  return report;
}

/**
 * The library's document a planned one is already, so that its highlights are merged into it rather than into a
 * second copy: the document whose id is the source's GUID (a project Gloss wrote: its text, with speaker labels,
 * is not byte for byte the document's), else one whose plain text is the one the source would import as. Null
 * when none is (the source is added as a new document, or found by its text's hash as before).
 */
async function libraryDocumentFor(store: LibraryStore, library: readonly DocumentSummary[], planned: PlannedDocument): Promise<DocumentSummary | null> {
  const guid = normaliseGuid(planned.sourceGuid);
  const byId = guid === null ? undefined : library.find((d) => normaliseGuid(d.id) === guid);
  if (byId) return byId;
  // Same plain text means same words: only documents with as many words are read.
  const words = wordCountOf(planned.transcript);
  for (const candidate of library) {
    if (candidate.wordCount !== words) continue;
    try {
      if (plainTextOf((await store.forExport(candidate.id)).transcript) === planned.plainText) return candidate;
    } catch {
      // A document that cannot be read now is not one to import into.
    }
  }
  return null;
}

/** The planned highlights of a document, placed in the plain text the library actually made of its text (placed again if it differs from the plan's). */
async function placedIn(store: LibraryStore, documentId: string, planned: PlannedDocument): Promise<Annotation[]> {
  const { transcript } = await store.forExport(documentId);
  const plainText = plainTextOf(transcript);
  const highlights =
    plainText === planned.plainText
      ? planned.highlights
      : placeAnchors(planned.text, plainText, planned.anchors).map((selectors, i) => {
          const { orphaned: _, ...h } = planned.highlights[i];
          return selectors ? { ...h, selectors } : { ...h, selectors: planned.anchors[i].selectors, orphaned: true };
        });
  return highlights.map((h) => ({ ...h, documentId }));
}

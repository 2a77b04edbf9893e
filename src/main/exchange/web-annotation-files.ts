/**
 * W3C Web Annotations on disk: writes the documents' highlights as one
 * AnnotationCollection (JSON-LD, core/exchange/web-annotation.ts says the
 * format), and imports such a file into the library, placing each annotation
 * in its document's text.
 *
 * An import reads and checks the whole file first (core/exchange/
 * web-annotation-read.ts), finds each annotation's document (by the Gloss
 * document IRI, else by the text's SHA-256, else the document the reader has
 * open), places it with the same matching as a corrected transcript
 * (core/anchoring/reanchor.ts, with the document's text as both old and new
 * text, so a position that still holds the quote is kept and any other is
 * searched for) and only then writes, merging by id (store.mergeAnnotations):
 * importing a file twice adds nothing the second time. A foreign id that is
 * not a UUID gets a UUID derived from it (name-based, SHA-1, as RFC 9562's
 * version 5), so it too stays the same from one import to the next.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { reanchor, type AnchorInput } from '../../core/anchoring/reanchor';
import { errorMessage } from '../../core/error-message';
import { CodePointIndex } from '../../core/exchange/code-points';
import { DOCUMENT_IRI_PREFIX, webAnnotationCollection } from '../../core/exchange/web-annotation';
import { type IncomingAnnotation, readWebAnnotations, WebAnnotationError } from '../../core/exchange/web-annotation-read';
import { MAX_CODES_PER_HIGHLIGHT, codeProblem, normaliseCode } from '../../core/study/code-path';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { Annotation, DocumentSummary, ExchangeImportReport, ExportReport, HighlightColor } from '../../shared/model';
import { HIGHLIGHT_COLORS } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import type { ExportJob } from './export-documents';
import { TaskCancelled } from '../tasks/run-task';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What the W3C model has no place for, in words, for the reader to be told before and after an export. */
export function webAnnotationLeftOut(job: Omit<ExportJob, 'target'>): string[] {
  const out: string[] = [];
  const withSpeakers = job.documents.filter((d) => d.transcript.speakers.length > 0 && d.annotations.length > 0).length;
  if (withSpeakers > 0) out.push('Speakers: the W3C model has no place for who says a passage, so each highlight keeps its quote but not its speaker.');
  const timed = job.documents.some((d) => d.transcript.turns.some((t) => t.paragraphs.some((p) => p.startSeconds != null)));
  if (timed) out.push('Media times: the passages are written by their place in the text, not by their time in the recording.');
  if (job.documents.some((d) => d.notebook.trim() !== '') || job.libraryNotebook.trim() !== '') out.push('Notebooks: a W3C annotation file holds annotations only, not your notebooks.');
  const rich = job.documents.reduce((n, d) => n + d.annotations.filter((a) => a.noteState).length, 0);
  if (rich > 0) out.push(`Rich-text notes: ${plural(rich, 'note')} ${rich === 1 ? 'is' : 'are'} written as Markdown; what the note editor keeps beyond Markdown is not carried.`);
  if (job.codebook.codes.some((c) => c.description.trim() !== '' || c.color !== null)) out.push("The codebook's descriptions and code colours: a code travels as a tag on each highlight, nothing more.");
  return out;
}

export async function writeWebAnnotationExport(job: ExportJob): Promise<ExportReport> {
  const highlights = job.documents.reduce((n, d) => n + d.annotations.length, 0);
  const label = job.documents.length === 1 ? `Gloss highlights: ${job.documents[0].document.title}` : `Gloss highlights: ${plural(job.documents.length, 'document')}`;
  const collection = webAnnotationCollection(job.documents, {
    collectionId: `urn:uuid:${randomUUID()}`,
    pageId: `urn:uuid:${randomUUID()}`,
    label,
    generated: job.now,
    colorNames: job.colorNames,
  });
  const temp = `${job.target}.gloss-${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  try {
    job.steps?.step(`Writing ${basename(job.target)}`);
    await writeFile(temp, `${JSON.stringify(collection, null, 2)}\n`, 'utf8');
    // Cancelled before the rename, nothing was written (the temporary file goes).
    job.steps?.commit('Putting the file in place');
    await rename(temp, job.target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof TaskCancelled) throw error;
    throw new GlossError('storage', `Could not write ${job.target}: ${errorMessage(error)}`);
  }
  return { format: 'w3c', files: [job.target], documents: job.documents.length, highlights, leftOut: webAnnotationLeftOut(job), readerTextKept: 0 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The namespace of the UUIDs derived from foreign annotation ids (a fixed random UUID of Gloss's own). */
const FOREIGN_ID_NAMESPACE = '6f1d3c1e-8a8e-4b53-9a57-2f0a4c7d9e21';

/** A UUID derived from `name` (SHA-1 of a namespace and the name, version 5 and variant bits set): the same name, the same UUID. */
export function nameBasedUuid(name: string): string {
  const namespace = Buffer.from(FOREIGN_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Gloss id of an incoming annotation: its own UUID (`urn:uuid:…`, or bare), else one derived from its id, else from what it says. */
function glossIdOf(incoming: IncomingAnnotation): string {
  const id = incoming.id?.trim() ?? '';
  const uuid = id.replace(/^urn:uuid:/i, '');
  if (UUID.test(uuid)) return uuid.toLowerCase();
  if (id !== '') return nameBasedUuid(id);
  const { source, quote, position, note, tags, created } = incoming;
  return nameBasedUuid(JSON.stringify({ source, quote, position, note, tags, created }));
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An ISO 8601 time as Gloss writes them (toISOString), keeping one already so. */
function isoTime(value: string | null, fallback: string): string {
  if (value === null) return fallback;
  if (ISO_TIME.test(value)) return value;
  const iso = new Date(value).toISOString();
  return iso === value ? value : iso;
}

interface Target {
  document: DocumentSummary;
  incoming: IncomingAnnotation[];
}

function glossDocumentId(source: string | null): string | null {
  if (!source?.startsWith(DOCUMENT_IRI_PREFIX)) return null;
  try {
    return decodeURIComponent(source.slice(DOCUMENT_IRI_PREFIX.length));
  } catch {
    return null;
  }
}

/** Which document each annotation goes to: the Gloss document it names, else the one with its text's hash, else `fallback`; the rest by source, not carried. */
function assignDocuments(incoming: readonly IncomingAnnotation[], documents: readonly DocumentSummary[], fallback: DocumentSummary | null): { targets: Target[]; missing: Map<string, number> } {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const byHash = new Map<string, DocumentSummary>();
  for (const d of documents) if (!byHash.has(d.hash)) byHash.set(d.hash, d);
  const targets = new Map<string, Target>();
  const missing = new Map<string, number>();
  for (const a of incoming) {
    const idNamed = glossDocumentId(a.source);
    const document = (idNamed !== null ? byId.get(idNamed) : undefined) ?? (a.sourceHash ? byHash.get(a.sourceHash) : undefined) ?? fallback ?? undefined;
    if (!document) {
      const source = a.source ?? '(no source given)';
      missing.set(source, (missing.get(source) ?? 0) + 1);
      continue;
    }
    const target = targets.get(document.id) ?? { document, incoming: [] };
    target.incoming.push(a);
    targets.set(document.id, target);
  }
  return { targets: [...targets.values()], missing };
}

function nameOf(a: IncomingAnnotation): string {
  return `annotation ${a.index}${a.id ? ` (${a.id.slice(0, 120)})` : ''}`;
}

/** What an import does once the file is read: every highlight placed, per document, and what is reported. */
interface Plan {
  merges: { document: DocumentSummary; annotations: Annotation[] }[];
  orphaned: number;
  notCarried: string[];
}

async function planImport(store: LibraryStore, read: ReturnType<typeof readWebAnnotations>, options: { documentId?: string | null; fileName: string }, now: string): Promise<Plan> {
  const documents = await store.list();
  const fallback = options.documentId ? (documents.find((d) => d.id === options.documentId) ?? null) : null;
  if (options.documentId && !fallback) throw new GlossError('not-found', `No document with id ${options.documentId} in this library. Nothing was imported.`);
  const { targets, missing } = assignDocuments(read.annotations, documents, fallback);
  const notCarried = [...read.notCarried];
  for (const [source, n] of missing) notCarried.push(`${plural(n, 'annotation is', 'annotations are')} on a document not in this library: ${source.slice(0, 300)}`);

  const refuse = (message: string): never => {
    throw new GlossError('invalid-request', `${options.fileName}: ${message}. Nothing was imported.`);
  };
  const ids = new Map<string, IncomingAnnotation>();
  const badCodes = new Map<string, string>();
  // Files repeat the same few tags thousands of times: each is checked once.
  const codeOfTag = new Map<string, string | null>();
  let tooManyCodes = 0;
  let uncoloured = 0;
  let orphaned = 0;
  const merges: Plan['merges'] = [];
  for (const { document, incoming } of targets) {
    const { transcript, annotations: current } = await store.forExport(document.id);
    const known = new Map(current.map((a) => [a.id, a]));
    const text = plainTextOf(transcript);
    const offsets = new CodePointIndex(text);
    const textPoints = offsets.length;
    const inputs: AnchorInput[] = [];
    const prepared = incoming.map((a) => {
      const id = glossIdOf(a);
      const twin = ids.get(id);
      if (twin) refuse(`${nameOf(a)} has the same id as ${nameOf(twin)}`);
      ids.set(id, a);
      const position = a.position ? { start: offsets.toUtf16(a.position.start), end: offsets.toUtf16(a.position.end) } : null;
      if (!a.quote && a.position && a.position.end > textPoints) {
        refuse(`${nameOf(a)} selects characters ${a.position.start} to ${a.position.end}, past the end of "${document.title}" (${textPoints} characters), and has no quote to search for`);
      }
      const quote = a.quote ?? { exact: text.slice(position!.start, position!.end), prefix: '', suffix: '' };
      const selectors = {
        quote: { type: 'TextQuoteSelector' as const, ...quote },
        position: { type: 'TextPositionSelector' as const, ...(position ?? { start: 0, end: 0 }) },
      };
      const codes: string[] = [];
      for (const tag of a.tags) {
        let code = codeOfTag.get(tag);
        if (code === undefined) {
          const problem = codeProblem(tag);
          if (problem) badCodes.set(tag, problem);
          code = problem ? null : normaliseCode(tag);
          codeOfTag.set(tag, code);
        }
        if (code === null) continue;
        if (codes.includes(code)) continue;
        if (codes.length === MAX_CODES_PER_HIGHLIGHT) tooManyCodes++;
        else codes.push(code);
      }
      const color = (HIGHLIGHT_COLORS as readonly string[]).includes(a.color ?? '') ? (a.color as HighlightColor) : null;
      if (!color) uncoloured++;
      // A file that gives no times (some tools write none) does not make an import look newer each time.
      const createdAt = isoTime(a.created, known.get(id)?.createdAt ?? now);
      const updatedAt = a.modified === null ? (known.get(id)?.updatedAt ?? createdAt) : isoTime(a.modified, createdAt);
      if (!a.orphaned) inputs.push({ id, selectors });
      return {
        id,
        documentId: document.id,
        selectors,
        color: color ?? 'yellow',
        note: a.note,
        noteState: null,
        codes,
        ...(a.orphaned ? { orphaned: true } : {}),
        createdAt,
        updatedAt,
      } satisfies Annotation;
    });
    const placed = new Map(reanchor(text, text, inputs).map((r) => [r.id, r]));
    const annotations = prepared.map((a): Annotation => {
      if (a.orphaned) return a;
      const result = placed.get(a.id)!;
      if (result.selectors) return { ...a, selectors: result.selectors };
      return { ...a, orphaned: true };
    });
    orphaned += annotations.filter((a) => a.orphaned).length;
    merges.push({ document, annotations });
  }
  if (badCodes.size > 0) {
    const examples = [...badCodes].slice(0, 3).map(([tag, problem]) => `"${tag.slice(0, 60)}" (${problem})`);
    notCarried.push(`${plural(badCodes.size, 'tag')} could not be made codes and ${badCodes.size === 1 ? 'was' : 'were'} left out: ${examples.join(', ')}${badCodes.size > 3 ? ', …' : ''}.`);
  }
  if (tooManyCodes > 0) notCarried.push(`${plural(tooManyCodes, 'tag')} past the ${MAX_CODES_PER_HIGHLIGHT} codes a highlight can carry ${tooManyCodes === 1 ? 'was' : 'were'} left out.`);
  if (uncoloured > 0) notCarried.push(`${plural(uncoloured, 'annotation')} had no Gloss colour and ${uncoloured === 1 ? 'was' : 'were'} made yellow.`);
  return { merges, orphaned, notCarried };
}

function textOf(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new GlossError('invalid-request', `${fileName} is not UTF-8 text, so it is not a W3C annotation file. Nothing was imported.`);
  }
}

/** Imports a W3C annotation file's bytes (JSON-LD); `documentId`, when given, is where annotations whose document is not in the library go. */
export async function importWebAnnotations(store: LibraryStore, bytes: Uint8Array, options: { documentId?: string | null; fileName: string }): Promise<ExchangeImportReport> {
  const { fileName } = options;
  let json: unknown;
  try {
    json = JSON.parse(textOf(bytes, fileName));
  } catch (error) {
    if (error instanceof GlossError) throw error;
    throw new GlossError('invalid-request', `${fileName} is not valid JSON (${errorMessage(error).slice(0, 200)}). Nothing was imported.`);
  }
  let read: ReturnType<typeof readWebAnnotations>;
  try {
    read = readWebAnnotations(json);
  } catch (error) {
    if (error instanceof WebAnnotationError) throw new GlossError('invalid-request', `${fileName} is not a valid W3C annotation file. ${error.message}. Nothing was imported.`);
    throw error;
  }
  const plan = await planImport(store, read, options, new Date().toISOString());

  const before = new Set((await store.codebook()).codes.map((c) => c.path));
  const report: ExchangeImportReport = {
    format: 'w3c',
    documentsAdded: [],
    documentsUpdated: [],
    highlightsAdded: 0,
    highlightsUpdated: 0,
    highlightsUnchanged: 0,
    orphaned: plan.orphaned,
    codesAdded: 0,
    notCarried: plan.notCarried,
  };
  for (const { document, annotations } of plan.merges) {
    const counts = await store.mergeAnnotations(document.id, annotations);
    report.highlightsAdded += counts.added;
    report.highlightsUpdated += counts.updated;
    report.highlightsUnchanged += counts.unchanged;
    if (counts.added + counts.updated > 0) report.documentsUpdated.push({ id: document.id, title: document.title });
  }
  report.codesAdded = (await store.codebook()).codes.filter((c) => !before.has(c.path)).length;
  return report;
}

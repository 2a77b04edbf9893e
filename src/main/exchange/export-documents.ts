/**
 * What every export works from: the documents asked for, in order, each with
 * its transcript, plain text and the highlights the export takes (those
 * matching the side panel's filter, when one is given), its notebook, and the
 * library's codebook. Read once here so that each format only writes.
 */
import { highlightMatcher } from '../../core/study/filter-highlights';
import { speakerIndex } from '../../core/study/speakers';
import type { Annotation, Codebook, DocumentSummary, ExportFilter, HighlightColor, MarkdownOptions, Transcript } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import type { TaskSteps } from '../tasks/task-steps';

export interface ExportDocument {
  document: DocumentSummary;
  transcript: Transcript;
  plainText: string;
  /** The highlights the export takes (all of them, or those matching the filter), as stored. */
  annotations: Annotation[];
  /** How many highlights the document has in all, before the filter. */
  totalHighlights: number;
  /** The document's notebook as Markdown ('' when never written). */
  notebook: string;
}

/** One export to run: what to write, how, and where. */
export interface ExportJob {
  store: LibraryStore;
  documents: ExportDocument[];
  codebook: Codebook;
  colorNames: Record<HighlightColor, string>;
  /** The library notebook as Markdown ('' when never written). */
  libraryNotebook: string;
  markdown: MarkdownOptions;
  filter: ExportFilter | null;
  /** A file, or (Markdown of several documents) a folder. */
  target: string;
  now: Date;
  /** The export's task, counted in steps (each document read, each file written); absent without a window to report to. */
  steps?: TaskSteps;
}

/**
 * Every document asked for, in order; the whole library (most recently opened first) with `all`. `listed`: the
 * library's list when the caller has it already (listing counts every document's highlights).
 */
export async function resolveDocumentIds(
  store: LibraryStore,
  request: { documentIds: readonly string[]; all?: boolean },
  listed?: readonly DocumentSummary[],
): Promise<string[]> {
  listed ??= await store.list();
  if (request.all) return listed.map((d) => d.id);
  const known = new Set(listed.map((d) => d.id));
  for (const id of request.documentIds) if (!known.has(id)) throw new GlossError('not-found', `No document with id ${id} in this library.`);
  return [...new Set(request.documentIds)];
}

/**
 * Reads what an export of these documents needs. A document whose highlights cannot be read is refused (an export
 * must not look complete when it is not). `listed`: as for resolveDocumentIds. `steps`: one step per document.
 */
export async function loadExportDocuments(
  store: LibraryStore,
  documentIds: readonly string[],
  filter: ExportFilter | null,
  listed?: readonly DocumentSummary[],
  steps?: TaskSteps,
): Promise<ExportDocument[]> {
  const out: ExportDocument[] = [];
  const summaries = new Map((listed ?? (await store.list())).map((d) => [d.id, d]));
  for (const id of documentIds) {
    steps?.step(`Reading “${summaries.get(id)?.title ?? id}”`);
    // The plain text as the store keeps it with the transcript (made once, not once per export).
    const { transcript, plainText, annotations } = await store.highlightsOf(id);
    const document = summaries.get(id);
    if (!document) throw new GlossError('not-found', `No document with id ${id} in this library.`);
    const notebook = await store.openNotebook(id);
    out.push({ document, transcript, plainText, annotations: filtered(transcript, annotations, filter), totalHighlights: annotations.length, notebook: notebook.markdown });
  }
  return out;
}

function filtered(transcript: Transcript, annotations: readonly Annotation[], filter: ExportFilter | null): Annotation[] {
  if (!filter) return [...annotations];
  const matches = highlightMatcher(filter);
  const speakers = speakerIndex(transcript);
  return annotations.filter((a) => {
    const { start, end } = a.selectors.position;
    // As the side panel sees it: an orphan is said by no one.
    return matches({ color: a.color, codes: a.codes, note: a.note, speakers: a.orphaned ? [] : speakers.speakersOf(start, end) });
  });
}

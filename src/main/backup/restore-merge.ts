/**
 * What restoring a checked backup (read-archive.ts) does to a library, by id,
 * the newer change winning, through the store's own methods:
 *
 * - a document not in the library is added whole (its entry, text,
 *   transcript, highlights and notebook, in one staging folder: all or none);
 * - a document in the library keeps its entry (title, times) and its text. Its
 *   highlights are merged by id (store.mergeAnnotations): one the library
 *   lacks is added, one the backup changed later (updatedAt) replaces the
 *   library's, any other is kept. When the backup's text of it differs (its
 *   hash), the library's text stays and the backup's highlights that would be
 *   added or win are re-anchored into it first, as for a corrected version;
 *   what cannot be placed comes in as an orphan, and the report says so;
 * - a notebook (each document's, the library's) is restored when the backup's
 *   was saved later, with the time it was saved;
 * - the codebook: colour names and codes the library lacks are added; for a
 *   code in both, the backup's colour and description fill the library's only
 *   where it has none (codebooks carry no times, so the library's word stands);
 * - settings are restored only into an empty library (no documents) or one
 *   whose settings were never changed; otherwise kept, and the report says so.
 *
 * Every document's merge is worked out (reading only) before anything is
 * written, so a restore cancelled then leaves the library exactly as it was;
 * past that point (the commit) it runs to the end.
 *
 * Nothing is deleted: a highlight deleted since the backup comes back. The
 * codebook is written first: it is a change only the library's owner may make,
 * so a store that may not restore refuses before anything else is written.
 * Restoring the same archive twice changes nothing the second time. A document
 * whose merge fails (its highlights unreadable, the disk full) is reported and
 * the others go on; restoring again later finishes it.
 */
import { isDeepStrictEqual } from 'node:util';
import { replaceHighlights } from '../../core/anchoring/text-replacement';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { Annotation, RestoreReport } from '../../shared/model';
import type { CodebookFile } from '../store/codebook-file';
import { DEFAULT_SETTINGS, type SettingsFile } from '../store/file-schemas';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import type { NotebookFile } from '../store/notebooks';
import type { TaskControl } from '../tasks/run-task';
import { TaskSteps } from '../tasks/task-steps';
import type { ArchivedDocument, LibraryArchive } from './read-archive';

/** What restore needs of a store. */
export type RestoreStore = Pick<
  LibraryStore,
  'list' | 'forExport' | 'mergeAnnotations' | 'addDocument' | 'openNotebook' | 'restoreNotebook' | 'codebookData' | 'changeCodebook' | 'settingsData' | 'changeSettings'
>;

export interface CodebookMerge {
  /** The merged codebook, or null when the library's already holds everything the backup's does. */
  next: CodebookFile | null;
  codesAdded: number;
  /** Codes in both whose empty colour or description the backup's filled. */
  codesUpdated: number;
  colorsNamed: number;
  /** Codes and colour names the two disagree on (the library's kept). */
  differing: number;
}

/** The backup's codebook merged into the library's (see the header for the rules). */
export function mergeCodebook(library: CodebookFile, archive: CodebookFile): CodebookMerge {
  const result: CodebookMerge = { next: null, codesAdded: 0, codesUpdated: 0, colorsNamed: 0, differing: 0 };
  const colors = { ...library.colors };
  for (const [color, name] of Object.entries(archive.colors) as [keyof CodebookFile['colors'], string][]) {
    if (!Object.hasOwn(colors, color)) {
      colors[color] = name;
      result.colorsNamed++;
    } else if (colors[color] !== name) result.differing++;
  }
  const codes = new Map(Object.entries(library.codes));
  for (const [code, entry] of Object.entries(archive.codes)) {
    const known = codes.get(code);
    if (!known) {
      codes.set(code, { ...entry });
      result.codesAdded++;
      continue;
    }
    const color = known.color ?? entry.color;
    const description = known.description === '' ? entry.description : known.description;
    if (color !== known.color || description !== known.description) {
      codes.set(code, { ...known, color, description });
      result.codesUpdated++;
    }
    if ((known.color !== null && entry.color !== null && known.color !== entry.color) || (known.description !== '' && entry.description !== '' && known.description !== entry.description)) {
      result.differing++;
    }
  }
  if (result.codesAdded + result.codesUpdated + result.colorsNamed > 0) result.next = { ...library, colors, codes: Object.fromEntries(codes) };
  return result;
}

/** Whether the backup's settings replace the library's: only in an empty library, or one whose settings are the defaults. */
export function takesSettings(libraryIsEmpty: boolean, current: Readonly<SettingsFile>): boolean {
  return libraryIsEmpty || isDeepStrictEqual(current, DEFAULT_SETTINGS);
}

/** A notebook worth restoring: one that was ever written. */
function written(notebook: NotebookFile | null): (NotebookFile & { state: string; updatedAt: string }) | null {
  return notebook && notebook.state !== null && notebook.updatedAt !== null ? (notebook as NotebookFile & { state: string; updatedAt: string }) : null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What restoring was cancelled before its commit leaves: the library as it was. */
export const RESTORE_CANCELLED = 'Restore cancelled: the library was not changed.';

/** One document's part of a restore, worked out before anything is written. */
type PlannedDocument =
  | { kind: 'add'; doc: ArchivedDocument }
  | { kind: 'merge'; doc: ArchivedDocument; incoming: readonly Annotation[]; kept: number; message: string | null }
  | { kind: 'failed'; doc: ArchivedDocument; message: string };

/**
 * Merges a checked archive into the library; the report says what was added, updated and kept. As a task: first each
 * document's merge is worked out, reading only (a cancel there leaves the library exactly as it was); then, past the
 * commit, everything is written, and it can no longer be cancelled.
 */
export async function mergeArchive(store: RestoreStore, archive: LibraryArchive, task?: TaskControl): Promise<RestoreReport> {
  const report: RestoreReport = {
    documentsAdded: 0,
    documentsMerged: 0,
    highlightsAdded: 0,
    highlightsUpdated: 0,
    highlightsKept: 0,
    notebooksRestored: 0,
    notebooksKept: 0,
    codesAdded: 0,
    codesUpdated: 0,
    settingsRestored: false,
    messages: [],
  };
  const steps = new TaskSteps(task, archive.documents.length * 2, RESTORE_CANCELLED);
  const before = await store.list();
  const known = new Map(before.map((d) => [d.id, d]));
  const plans: PlannedDocument[] = [];
  for (const doc of archive.documents) {
    steps.step(`Checking “${doc.entry.title}”`);
    try {
      plans.push(known.has(doc.entry.id) ? await planMerge(store, doc) : { kind: 'add', doc });
    } catch (error) {
      if (!(error instanceof GlossError)) throw error;
      plans.push({ kind: 'failed', doc, message: error.message });
    }
  }
  steps.commit('Restoring into the library');

  let codebook: CodebookMerge | null = null;
  await store.changeCodebook((current) => (codebook = mergeCodebook(current, archive.codebook)).next);
  const merged = codebook as CodebookMerge | null;
  if (merged) {
    report.codesAdded = merged.codesAdded;
    report.codesUpdated = merged.codesUpdated;
    if (merged.colorsNamed > 0) report.messages.push(`${plural(merged.colorsNamed, 'colour name')} came from the backup.`);
    if (merged.differing > 0) report.messages.push(`The library’s codebook was kept where it differs from the backup’s (${plural(merged.differing, 'code or colour name', 'codes or colour names')}).`);
  }

  if (!isDeepStrictEqual(store.settingsData, archive.settings)) {
    if (takesSettings(before.length === 0, store.settingsData)) {
      await store.changeSettings(() => structuredClone(archive.settings));
      report.settingsRestored = true;
    } else report.messages.push('The library’s settings were kept: a backup’s settings are restored only into an empty library.');
  }

  for (const plan of plans) {
    const { doc } = plan;
    steps.step(`Restoring “${doc.entry.title}”`);
    try {
      if (plan.kind === 'failed') throw new GlossError('storage', plan.message);
      if (plan.kind === 'merge') await applyMerge(store, plan, report);
      else await addDocument(store, doc, before, report);
    } catch (error) {
      if (!(error instanceof GlossError)) throw error;
      report.messages.push(`Could not restore “${doc.entry.title}” (${doc.entry.id}): ${error.message} Restoring again once that is put right finishes it.`);
    }
  }

  await restoreNotebookIfNewer(store, null, archive.notebook, report);
  return report;
}

async function addDocument(store: RestoreStore, doc: ArchivedDocument, before: readonly { hash: string; title: string }[], report: RestoreReport): Promise<void> {
  const notebook = written(doc.notebook);
  await store.addDocument({ entry: doc.entry, text: doc.text, transcript: doc.transcript, annotations: doc.annotations, notebook });
  report.documentsAdded++;
  report.highlightsAdded += doc.annotations.length;
  if (notebook) report.notebooksRestored++;
  const twin = before.find((d) => d.hash === doc.entry.hash);
  if (twin) report.messages.push(`“${doc.entry.title}” was added beside “${twin.title}”, which has the same text: they are separate documents (their highlights were not merged).`);
}

/** What merging a document the library has will write: its highlights, placed in the library's text when the backup's differs. Reads only. */
async function planMerge(store: RestoreStore, doc: ArchivedDocument): Promise<PlannedDocument> {
  const current = await store.forExport(doc.entry.id);
  const libraryText = current.document.hash === doc.entry.hash ? doc.plainText : plainTextOf(current.transcript);
  if (libraryText === doc.plainText) return { kind: 'merge', doc, incoming: doc.annotations, kept: 0, message: null };
  // Only what would be added or win is placed in the library's text; the rest is kept as the library has it.
  const library = new Map(current.annotations.map((a) => [a.id, a]));
  const wanted = doc.annotations.filter((a) => {
    const k = library.get(a.id);
    return !k || a.updatedAt > k.updatedAt;
  });
  const placed = replaceHighlights(doc.plainText, libraryText, wanted).annotations;
  const orphans = placed.filter((a) => a.orphaned && !wanted.find((w) => w.id === a.id)?.orphaned).length;
  const message =
    `The library’s text of “${current.document.title}” was kept; the backup’s text of it differs (older or newer) and was not restored. ` +
    (wanted.length === 0
      ? 'None of its highlights was newer than the library’s.'
      : `${plural(wanted.length, 'highlight')} from the backup ${wanted.length === 1 ? 'was' : 'were'} placed in the library’s text${orphans > 0 ? `, ${orphans} of them as orphans (listed under Orphans)` : ''}.`);
  return { kind: 'merge', doc, incoming: placed, kept: doc.annotations.length - wanted.length, message };
}

async function applyMerge(store: RestoreStore, plan: Extract<PlannedDocument, { kind: 'merge' }>, report: RestoreReport): Promise<void> {
  const id = plan.doc.entry.id;
  report.documentsMerged++;
  report.highlightsKept += plan.kept;
  if (plan.message) report.messages.push(plan.message);
  const counts = await store.mergeAnnotations(id, plan.incoming);
  report.highlightsAdded += counts.added;
  report.highlightsUpdated += counts.updated;
  report.highlightsKept += counts.unchanged;
  await restoreNotebookIfNewer(store, id, plan.doc.notebook, report);
}

async function restoreNotebookIfNewer(store: RestoreStore, documentId: string | null, archived: NotebookFile | null, report: RestoreReport): Promise<void> {
  const notebook = written(archived);
  if (!notebook) return;
  const { updatedAt } = await store.openNotebook(documentId);
  if (updatedAt !== null && updatedAt >= notebook.updatedAt) {
    report.notebooksKept++;
    return;
  }
  await store.restoreNotebook(documentId, notebook);
  report.notebooksRestored++;
}

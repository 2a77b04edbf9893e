/**
 * The main-process side of every IPC channel: validate, act on the store,
 * answer with an envelope. Free of Electron, so the same handlers serve the
 * real app and the browser-based end-to-end tests.
 */
import { exportFileName } from '../../core/export/markdown';
import type { Channel, Envelope, RequestOf, ResponseOf } from '../../shared/contract';
import { packDocument } from '../../core/wire/packed-document';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import { importDroppedFiles, importEnd, importPaths } from '../import/import-files';
import { payloadProblem } from './payload-guard';
import { backupFileName, backupLibrary, restoreLibrary } from '../backup/backup-service';
import { resolveDocumentIds } from '../exchange/export-documents';
import { EXPORT_EXTENSIONS, exportTargetKind, previewExport, runExport } from '../exchange/export-service';
import { importExchangeFile } from '../exchange/import-service';
import { describeIssues, requestSchemas } from './schemas';
import { type Task, TaskRegistry } from '../tasks/task-registry';
import { runTask } from '../tasks/run-task';
import type { ImportResult } from '../../shared/model';

/** What an Open dialog asks for: transcripts, an annotation file (W3C or REFI-QDA), or a backup archive. */
export type OpenKind = 'transcripts' | 'annotations' | 'backup';

export interface HandlerDeps {
  store: LibraryStore;
  /** Asks the user where to save; null when they cancel. The one place the save dialog is used. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
  /**
   * Asks the user which files to open (transcripts unless told: an annotation file, a backup), the dialog offering
   * files of that kind; empty when they cancel. The one place the open dialog is used.
   */
  chooseFilesToOpen(kind?: OpenKind): Promise<string[]>;
  /** Asks the user for a folder to export into (Markdown of several documents); null when they cancel. */
  chooseExportFolder(): Promise<string | null>;
  now(): Date;
  /** Long work under way, with its progress sent to the window; one that sends nowhere when not given. */
  tasks?: TaskRegistry;
}

export type Handlers = { [C in Channel]: (request: unknown) => Promise<Envelope<ResponseOf<C>>> };

type Implementations = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

function implementations({ store, chooseExportPath, chooseFilesToOpen, chooseExportFolder, now, tasks = new TaskRegistry(() => {}) }: HandlerDeps): Implementations {
  /** Imports files as a task (progress per file; a cancel leaves the files after it not imported, import-files.ts). */
  const importing = async (count: number, work: (task: Task) => Promise<ImportResult[]>): Promise<ImportResult[]> => {
    if (count === 0) return [];
    const results = await runTask(tasks, 'import', `Importing ${count} ${count === 1 ? 'file' : 'files'}`, work, importEnd);
    return Array.isArray(results) ? results : [];
  };
  return {
    'library:list': () => store.list(),
    'library:status': async () => store.status(),
    'library:import-dialog': async () => {
      const paths = await chooseFilesToOpen();
      return importing(paths.length, (task) => importPaths(store, paths, undefined, task));
    },
    'library:import-files': ({ files }) => importing(files.length, (task) => importDroppedFiles(store, files, undefined, task)),
    'documents:open': async ({ documentId }) => packDocument(await store.open(documentId)),
    'documents:rename': ({ documentId, title }) => store.renameDocument(documentId, title),
    'documents:remove': ({ documentId }) => store.removeDocument(documentId),
    'annotations:create': (request) => store.createAnnotation(request),
    'annotations:update': (request) => store.updateAnnotation(request),
    'annotations:delete': async ({ documentId, id }) => {
      await store.deleteAnnotation(documentId, id);
      return { id };
    },
    'annotations:restore': ({ annotation }) => store.restoreAnnotation(annotation),
    'codebook:get': () => store.codebook(),
    'codebook:name-color': ({ color, name }) => store.nameColor(color, name),
    'codebook:describe-code': ({ path, color, description }) => store.describeCode(path, { color, description }),
    'codes:apply': ({ operation }) => store.applyCodeOperation(operation),
    'codes:revert': ({ undoToken }) => store.revertCodeOperation(undoToken),
    'overview:get': ({ documentId }) => store.overview(documentId),
    'overview:highlights': (request) => store.overviewHighlights(request),
    'notebook:open': ({ documentId }) => store.openNotebook(documentId),
    'notebook:save': ({ documentId, state, markdown }) => store.saveNotebook(documentId, state, markdown),
    'documents:replace-text-dialog': async ({ documentId }) => {
      const [path] = await chooseFilesToOpen();
      return path === undefined ? { cancelled: true } : store.replaceTextFromPath(documentId, path);
    },
    'documents:replace-text': ({ documentId, file }) => store.replaceText(documentId, file),
    'documents:adopt-version': ({ documentId, into }) => store.adoptVersion(documentId, into),
    'documents:revert-text': ({ documentId, undoToken }) => store.revertText(documentId, undoToken),
    'annotations:reattach': (request) => store.reattachAnnotation(request),
    'search:query': (request) => store.search(request),
    'export:markdown': async ({ documentId }) => {
      const { document } = await store.forExport(documentId);
      const path = await chooseExportPath(exportFileName(document.title));
      if (!path) return { cancelled: true };
      // The remembered options; a file an earlier export wrote is merged, any other file refused (markdown-files.ts).
      const done = await runTask(tasks, 'export', `Exporting “${document.title}”`, (task) => runExport(store, { format: 'md', documentIds: [documentId] }, path, now(), task));
      return 'cancelled' in done ? done : { path };
    },
    'export:run': async (request) => {
      // An unknown document is refused before the reader is asked where to save.
      if (request.format !== 'qdc') await resolveDocumentIds(store, request);
      let target: string | null;
      if (exportTargetKind(request) === 'folder') target = await chooseExportFolder();
      else {
        const single = request.format === 'qdc' || request.documentIds.length !== 1 || request.all ? null : (await store.list()).find((d) => d.id === request.documentIds[0]);
        const stem = request.format === 'qdc' ? 'Gloss codebook' : single ? exportFileName(single.title).replace(/\.md$/, '') : 'Gloss library';
        target = await chooseExportPath(`${stem}.${EXPORT_EXTENSIONS[request.format]}`);
      }
      if (!target) return { cancelled: true };
      const label = request.format === 'qdc' ? 'Exporting the codebook' : request.all ? 'Exporting the library' : `Exporting ${request.documentIds.length} ${request.documentIds.length === 1 ? 'document' : 'documents'}`;
      return runTask(tasks, 'export', label, (task) => runExport(store, request, target, now(), task));
    },
    'export:preview': (request) => previewExport(store, request, now()),
    'export:options': async () => store.exportOptions(),
    'exchange:import-dialog': async ({ documentId }) => {
      if (documentId && !(await store.list()).some((d) => d.id === documentId)) throw new GlossError('not-found', `No document with id ${documentId} in this library.`);
      const [path] = await chooseFilesToOpen('annotations');
      return path === undefined ? { cancelled: true } : importExchangeFile(store, path, { documentId });
    },
    'library:backup-dialog': async () => {
      const at = now();
      const path = await chooseExportPath(backupFileName(at));
      return path ? runTask(tasks, 'backup', 'Backing up the library', (task) => backupLibrary(store, path, at, task)) : { cancelled: true };
    },
    'library:restore-dialog': async () => {
      const [path] = await chooseFilesToOpen('backup');
      return path === undefined ? { cancelled: true } : runTask(tasks, 'restore', 'Restoring a backup', (task) => restoreLibrary(store, path, task));
    },
    'settings:get': async () => store.uiSettings(),
    'settings:set': ({ change }) => store.changeUiSettings(change),
    'documents:reading-position': async ({ documentId }) => store.readingPosition(documentId),
    'documents:save-reading-position': async ({ documentId, position }) => {
      await store.saveReadingPosition(documentId, position);
      return {};
    },
    'tasks:cancel': async ({ taskId }) => ({ cancelling: tasks.cancel(taskId) }),
  };
}

/** Wraps one implementation with validation and error reporting. */
function handler<C extends Channel>(channel: C, impl: Implementations[C]): (request: unknown) => Promise<Envelope<ResponseOf<C>>> {
  return async (request: unknown): Promise<Envelope<ResponseOf<C>>> => {
    const problem = payloadProblem(request);
    if (problem) return { ok: false, error: { code: 'invalid-request', message: `${channel}: ${problem}` } };
    const parsed = requestSchemas[channel].safeParse(request);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-request', message: `${channel}: ${describeIssues(parsed.error)}` } };
    }
    try {
      const value = await (impl as (r: unknown) => Promise<ResponseOf<C>>)(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof GlossError) return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`[gloss] ${channel} failed`, error);
      return { ok: false, error: { code: 'internal', message: `${channel} failed unexpectedly: ${String(error)}` } };
    }
  };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const impls = implementations(deps);
  const out = {} as Record<Channel, unknown>;
  for (const channel of Object.keys(requestSchemas) as Channel[]) out[channel] = handler(channel, impls[channel]);
  return out as Handlers;
}

/** Calls the handler for a channel named at run time; an unknown name is refused like a bad payload. */
export async function invokeHandler(handlers: Handlers, channel: unknown, request: unknown): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(handlers, channel)) {
    const name = typeof channel === 'string' ? JSON.stringify(channel.slice(0, 100)) : `of type ${typeof channel}`;
    return { ok: false, error: { code: 'invalid-request', message: `Unknown channel ${name}` } };
  }
  return handlers[channel as Channel](request);
}

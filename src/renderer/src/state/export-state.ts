/**
 * The Export dialog's state, and the one place the renderer asks main to
 * export: the format, what to export (the document open in the reader, the
 * documents chosen in the library, or the whole library), the Markdown
 * options (loaded from main when the dialog opens; main remembers them on a
 * Markdown export), whether only the side panel's filtered highlights go.
 * While the dialog is open, a preview ("142 highlights from 1 document", and
 * what the format cannot carry) is asked for a moment after each change, and
 * an answer overtaken by a newer question is dropped.
 */
import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../core/error-message';
import type { ResponseOf } from '../../../shared/contract';
import {
  DEFAULT_MARKDOWN_OPTIONS,
  type ExportFilter,
  type ExportFormat,
  type ExportReport,
  type ExportRequest,
  type MarkdownOptions,
} from '../../../shared/model';

/** Changes pause this long before a preview is asked for. */
export const PREVIEW_DELAY_MS = 120;

export const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  md: 'Markdown',
  w3c: 'W3C Web Annotations',
  qdpx: 'REFI-QDA project',
  qdc: 'REFI-QDA codebook',
};

/** A document the dialog can offer to export. */
export interface ExportableDocument {
  id: string;
  title: string;
  /** Whether its transcript carries media times (WebVTT, SRT, timestamped lines). */
  timed: boolean;
}

/** Where the dialog was opened and what it offers. */
export interface ExportOpening {
  /** The document(s) offered as "these documents": the one open in the reader, or those chosen in the library. Empty: the library only. */
  documents: ExportableDocument[];
  /** What the dialog starts with selected. */
  scope: ExportScope;
  /** How many documents the library holds, and whether any of them is timed. */
  library: { documents: number; timed: boolean };
  /** The side panel's filter of the document offered, when it filters (only then can "only matching" be chosen). */
  filter: ExportFilter | null;
  /** The side panel's filter in words ("Yellow, #risk"), for the checkbox's label. */
  filterSummary?: string;
  /** Whether the document offered is the one open in the reader (Copy works on it). */
  inReader: boolean;
}

export type ExportScope = 'documents' | 'library';

export interface ExportPreview {
  documents: number;
  highlights: number;
  leftOut: string[];
}

export interface ExportDialogState {
  opening: ExportOpening | null;
  format: ExportFormat;
  scope: ExportScope;
  markdown: MarkdownOptions;
  /** Whether main has answered with the remembered options. */
  optionsLoaded: boolean;
  onlyFiltered: boolean;
  /** The latest preview, or null while none has come (or it failed: previewError). */
  preview: ExportPreview | null;
  previewError: string | null;
  /** An export is running (main's save dialog is open, or it is writing). */
  running: boolean;
  /** The last export's report, in words, once it is done. */
  done: { report: ExportReport; message: string } | null;
  /** Why the last export failed, in words. */
  error: string | null;
  /** The reader closed the place chooser: nothing was written. */
  cancelled: boolean;
}

/** The channels the dialog uses, typed against the contract (main, or a stand-in in tests). */
export interface ExportMain {
  options(): Promise<MarkdownOptions>;
  preview(request: ExportRequest): Promise<ResponseOf<'export:preview'>>;
  run(request: ExportRequest): Promise<ResponseOf<'export:run'>>;
}

const INITIAL: ExportDialogState = {
  opening: null,
  format: 'md',
  scope: 'documents',
  markdown: { ...DEFAULT_MARKDOWN_OPTIONS },
  optionsLoaded: false,
  onlyFiltered: false,
  preview: null,
  previewError: null,
  running: false,
  done: null,
  error: null,
  cancelled: false,
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The folder a file is in (either separator: the path comes from main, on any system). */
export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at > 0 ? path.slice(0, at) : path;
}

/** The preview line: "142 highlights from 1 document"; for a codebook, what it holds. */
export function previewLine(format: ExportFormat, preview: ExportPreview): string {
  if (format === 'qdc') return 'The code tree of the whole library, with colours and descriptions';
  if (preview.documents === 0) return 'No documents to export: open transcripts into the library first (Open transcripts… in the library).';
  const counts = `${plural(preview.highlights, 'highlight')} from ${plural(preview.documents, 'document')}`;
  // An empty export is allowed (a template to fill), but the reader should know how to have something in it.
  if (preview.highlights === 0) return `${counts}: nothing is highlighted yet. Select a passage in a transcript and pick a colour to highlight it, or export anyway for a file without highlights.`;
  return counts;
}

/** What an export did, in one sentence: where it went, how much, and the reader's own text kept. */
export function reportMessage(report: ExportReport): string {
  const kept = report.readerTextKept > 0 ? `; kept ${plural(report.readerTextKept, 'passage')} you added to the ${report.files.length === 1 ? 'file' : 'files'}` : '';
  if (report.format === 'qdc') return `Exported the codebook to ${report.files[0] ?? 'nowhere'}${kept}`;
  const what = plural(report.highlights, 'highlight');
  if (report.files.length === 1) return `Exported ${what} to ${report.files[0]}${kept}`;
  const folder = report.files.length > 0 ? folderOf(report.files[0]) : '';
  return `Exported ${what} from ${plural(report.documents, 'document')} to ${folder} (${plural(report.files.length, 'file')})${kept}`;
}

/** Why the Times option cannot be chosen for this export, or null when it can. */
export function timesUnavailable(state: Pick<ExportDialogState, 'opening' | 'scope'>): string | null {
  const opening = state.opening;
  if (!opening) return null;
  const timed = state.scope === 'library' ? opening.library.timed : opening.documents.some((d) => d.timed);
  if (timed) return null;
  return state.scope === 'library' || opening.documents.length > 1 ? 'None of these transcripts has media times' : 'This transcript has no media times';
}

/** Why "only highlights matching the filter" cannot be chosen, or null when it can. */
export function filterUnavailable(state: Pick<ExportDialogState, 'opening' | 'scope' | 'format'>): string | null {
  if (!state.opening?.filter) return 'The side panel shows every highlight';
  if (state.format === 'qdc') return 'A codebook holds codes, not highlights';
  if (state.scope === 'library') return 'The side panel’s filter is this document’s';
  return null;
}

/** The request the dialog's choices make. */
export function exportRequest(state: ExportDialogState): ExportRequest {
  const opening = state.opening;
  const library = state.scope === 'library' || !opening || opening.documents.length === 0;
  const request: ExportRequest = {
    format: state.format,
    documentIds: library || state.format === 'qdc' ? [] : opening.documents.map((d) => d.id),
    filter: state.onlyFiltered && filterUnavailable(state) === null ? opening!.filter : null,
  };
  if (library && state.format !== 'qdc') request.all = true;
  if (state.format === 'md') request.markdown = { ...state.markdown, times: state.markdown.times && timesUnavailable(state) === null };
  return request;
}

type Listener = () => void;

export class ExportDialogStore {
  private state: ExportDialogState = INITIAL;
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts questions: an answer whose ticket is not the latest is dropped. */
  private ticket = 0;
  /** The format chosen last, offered again next time (this session). */
  private lastFormat: ExportFormat = 'md';

  constructor(
    private readonly main: ExportMain,
    private readonly delayMs = PREVIEW_DELAY_MS,
  ) {}

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ExportDialogState => this.state;

  private set(patch: Partial<ExportDialogState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Opens the dialog; the remembered Markdown options are asked for, and the first preview. */
  open(opening: ExportOpening): Promise<void> {
    const scope: ExportScope = opening.documents.length === 0 ? 'library' : opening.scope;
    this.set({ ...INITIAL, markdown: this.state.markdown, optionsLoaded: this.state.optionsLoaded, opening, scope, format: this.lastFormat, onlyFiltered: opening.filter !== null });
    const loaded = this.main
      .options()
      .then((markdown) => {
        if (this.state.opening === opening) this.set({ markdown: { ...markdown }, optionsLoaded: true });
      })
      .catch(() => {
        // The defaults (or those used last in this session) stand; the export itself will say what is wrong.
        if (this.state.opening === opening) this.set({ optionsLoaded: true });
      });
    this.askPreview(true);
    return loaded;
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.ticket++;
    this.set({ opening: null, running: false });
  }

  /** Changes the dialog's choices; the preview follows a moment later. */
  choose(patch: Partial<Pick<ExportDialogState, 'format' | 'scope' | 'onlyFiltered'>> & { markdown?: Partial<MarkdownOptions> }): void {
    if (!this.state.opening) return;
    const { markdown, ...rest } = patch;
    if (rest.format) this.lastFormat = rest.format;
    this.set({ ...rest, markdown: markdown ? { ...this.state.markdown, ...markdown } : this.state.markdown, done: null, error: null, cancelled: false });
    // Markdown options change what is written, not what goes (the orphans aside): the preview is asked again all the same, it is cheap.
    this.askPreview(false);
  }

  private askPreview(now: boolean): void {
    clearTimeout(this.timer);
    const ticket = ++this.ticket;
    const ask = () => {
      this.timer = undefined;
      const request = exportRequest(this.state);
      this.main
        .preview(request)
        .then((preview) => {
          if (ticket === this.ticket) this.set({ preview, previewError: null });
        })
        .catch((e: unknown) => {
          if (ticket === this.ticket) this.set({ preview: null, previewError: errorMessage(e) });
        });
    };
    if (now) ask();
    else this.timer = setTimeout(ask, this.delayMs);
  }

  /** Whether a preview question is waiting to be sent. */
  get previewPending(): boolean {
    return this.timer !== undefined;
  }

  /** Exports as chosen: main asks where, then writes. Answers the report (null: cancelled or failed; the state says which). */
  async run(): Promise<ExportReport | null> {
    if (!this.state.opening || this.state.running) return null;
    const request = exportRequest(this.state);
    this.set({ running: true, done: null, error: null, cancelled: false });
    try {
      const result = await this.main.run(request);
      if ('cancelled' in result) {
        this.set({ running: false, cancelled: true });
        return null;
      }
      this.set({ running: false, done: { report: result, message: reportMessage(result) } });
      return result;
    } catch (e) {
      this.set({ running: false, error: `Export failed: ${errorMessage(e)}` });
      return null;
    }
  }
}

export function useExportDialogWith<T>(store: ExportDialogStore, pick: (s: ExportDialogState) => T): T {
  return useSyncExternalStore(store.subscribe, () => pick(store.getState()));
}

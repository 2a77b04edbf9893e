/**
 * Notebooks on disk: the library's (notebook.json in the data folder) and
 * each document's (notebook.json in its folder, so it leaves with the
 * document). Each holds the editor's serialised state and its Markdown:
 *
 *   { "schemaVersion": 4, "state": "{\"root\":…}", "markdown": "…", "updatedAt": "…" }
 *
 * Checked when read, written durably and atomically with rolling backups,
 * set aside and restored from a backup when damaged, read-only when written
 * by a newer Gloss, like every data file. Saved as the reader types: one
 * atomic replace per save, the saves of one notebook one after another, and
 * while one is being written only the newest of those asked for since is
 * kept (the last wins; the ones it replaces resolve when it is on disk).
 */
import type { Notebook } from '../../shared/model';
import { DamagedFileError, DataFile, decodeData, type FileKind, NewerFileError, readData } from './data-file';
import { CURRENT_SCHEMA } from './file-schemas';
import { recoverDamaged } from './recovery';
import { assertWritable, type StoreContext, writeError } from './store-context';
import { migrateSince3 } from './migrations';

export interface NotebookFile {
  schemaVersion: number;
  /** Serialised editor state; null for a notebook never written. */
  state: string | null;
  markdown: string;
  updatedAt: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Created at version 3 (unchanged since). */
export const notebookKind: FileKind<NotebookFile> = {
  migrate: migrateSince3,
  check: (v) => {
    if (!isObject(v)) return 'it does not hold a notebook';
    if (!(v.state === null || typeof v.state === 'string')) return 'state: neither text nor null';
    if (typeof v.markdown !== 'string') return 'markdown: not text';
    if (!(v.updatedAt === null || (typeof v.updatedAt === 'string' && v.updatedAt !== ''))) return 'updatedAt: not a time';
    return null;
  },
};

const empty = (): NotebookFile => ({ schemaVersion: CURRENT_SCHEMA, state: null, markdown: '', updatedAt: null });

/** A save asked for and not yet written. */
interface Pending {
  data: NotebookFile;
  waiters: { resolve: (at: { updatedAt: string }) => void; reject: (error: unknown) => void }[];
}

/** One notebook, open: its file, why it cannot be changed (if it cannot), and the saves waiting. */
class OpenNotebook {
  private writing: Promise<void> | null = null;
  private pending: Pending | null = null;

  constructor(
    readonly file: DataFile<NotebookFile>,
    readonly readOnly: string | undefined,
  ) {}

  /** What the notebook holds, saves not yet written included. */
  get current(): NotebookFile {
    return this.pending?.data ?? this.file.data;
  }

  save(data: NotebookFile): Promise<{ updatedAt: string }> {
    return new Promise((resolve, reject) => {
      if (this.pending) {
        this.pending.data = data;
        this.pending.waiters.push({ resolve, reject });
      } else this.pending = { data, waiters: [{ resolve, reject }] };
      this.writing ??= this.drain();
    });
  }

  /** Writes the newest save asked for, then the next, until none is waiting. */
  private async drain(): Promise<void> {
    for (let next = this.pending; next; next = this.pending) {
      this.pending = null;
      try {
        await this.file.replace(next.data);
        for (const w of next.waiters) w.resolve({ updatedAt: next.data.updatedAt! });
      } catch (error) {
        for (const w of next.waiters) w.reject(error);
      }
    }
    this.writing = null;
  }
}

/** The highlight ids a notebook's state quotes, by document: its `highlight-quote` nodes, wherever they sit in the tree. */
export function quotedHighlights(state: string | null): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (state === null) return out;
  let root: unknown;
  try {
    root = JSON.parse(state);
  } catch {
    return out;
  }
  // Depth first, children pushed last to first, so quotes come out in the order they appear.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (typeof node[i] === 'object' && node[i] !== null) stack.push(node[i]);
      continue;
    }
    if (!isObject(node)) continue;
    if (node.type === 'highlight-quote' && typeof node.documentId === 'string' && typeof node.highlightId === 'string') {
      let ids = out.get(node.documentId);
      if (!ids) out.set(node.documentId, (ids = new Set()));
      ids.add(node.highlightId);
    }
    const values = Object.values(node);
    for (let i = values.length - 1; i >= 0; i--) if (typeof values[i] === 'object' && values[i] !== null) stack.push(values[i]);
  }
  return out;
}

export class Notebooks {
  private readonly open = new Map<string, Promise<OpenNotebook>>();

  constructor(private readonly ctx: StoreContext) {}

  private key(documentId: string | null): string {
    return documentId ?? '';
  }

  /** A notebook's file, read (and recovered) once. */
  private get(documentId: string | null): Promise<OpenNotebook> {
    const key = this.key(documentId);
    let notebook = this.open.get(key);
    if (!notebook) {
      notebook = this.read(documentId);
      notebook.catch(() => this.open.delete(key));
      this.open.set(key, notebook);
    }
    return notebook;
  }

  private async read(documentId: string | null): Promise<OpenNotebook> {
    const { ctx } = this;
    const path = ctx.layout.notebook(documentId);
    const backups = documentId === null ? ctx.layout.backups : ctx.layout.documentBackups(documentId);
    const file = (data: NotebookFile, length = 0) => new DataFile(ctx.fs, path, notebookKind, data, length, (text) => ctx.backups.afterWrite(backups, path, text));
    try {
      const read = await readData(ctx.fs, path, notebookKind);
      return new OpenNotebook(read ? file(read.data, read.length) : file(empty()), undefined);
    } catch (error) {
      if (error instanceof NewerFileError) {
        // Shown if this Gloss can read it, never changed.
        const raw = JSON.parse(decodeData(await ctx.fs.readFile(path))) as unknown;
        return new OpenNotebook(file(notebookKind.check(raw) === null ? (raw as NotebookFile) : empty()), error.message);
      }
      if (!(error instanceof DamagedFileError)) throw error;
      const { restored, movedAside } = await recoverDamaged(ctx, error, backups, notebookKind, {
        documentId: documentId ?? undefined,
        withoutBackup: 'the notebook starts again empty',
      });
      if (restored) return new OpenNotebook(file(restored.data, restored.length), undefined);
      return new OpenNotebook(file(empty()), movedAside ? undefined : `${error.message} The notebook cannot be changed until it is repaired.`);
    }
  }

  /** A notebook as saved (an empty one if never written), and which of the highlights it quotes no longer exist. */
  async openNotebook(documentId: string | null, exists: (documentId: string, highlightId: string) => Promise<boolean>): Promise<Notebook> {
    const { state, markdown, updatedAt } = (await this.get(documentId)).current;
    const unlinked: string[] = [];
    for (const [quotedDocument, ids] of quotedHighlights(state)) {
      for (const id of ids) if (!(await exists(quotedDocument, id))) unlinked.push(id);
    }
    return { documentId, state, markdown, updatedAt, unlinked };
  }

  /**
   * Saves a notebook (see the header for how saves made while one is written are kept), changed now or, for a
   * notebook restored from a backup, at the time it was (`updatedAt`).
   */
  async saveNotebook(documentId: string | null, state: string, markdown: string, updatedAt = this.ctx.now().toISOString()): Promise<{ updatedAt: string }> {
    const notebook = await this.get(documentId);
    assertWritable(this.ctx, notebook.readOnly);
    try {
      return await notebook.save({ schemaVersion: CURRENT_SCHEMA, state, markdown, updatedAt });
    } catch (error) {
      throw writeError(documentId === null ? 'Could not save the library’s notebook' : 'Could not save the notebook', error);
    }
  }

  /** Forgets a document's notebook (the document left the library, its folder with it). */
  forget(documentId: string): void {
    this.open.delete(this.key(documentId));
  }
}

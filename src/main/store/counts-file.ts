/**
 * A document's highlight and note counts, kept in a small file beside its
 * highlights (counts.json), so that listing the library reads a few bytes per
 * document instead of every highlight of every document. The counts are
 * derived data: rewritten when a change alters them, corrected whenever the
 * highlights themselves are loaded, and rebuilt from the highlights when the
 * file is missing or damaged.
 */
import { join } from 'node:path';
import type { Annotation } from '../../shared/model';
import { asciiJson, decodeData } from './data-file';
import { countsFileSchema, CURRENT_SCHEMA } from './file-schemas';
import type { FileSystem } from './file-system';
import { COUNTS_FILE } from './layout';

export interface Counts {
  highlightCount: number;
  /** Highlights that carry a note. */
  noteCount: number;
}

export const NO_COUNTS: Counts = { highlightCount: 0, noteCount: 0 };

export function countsOf(annotations: readonly Annotation[]): Counts {
  let noteCount = 0;
  for (const a of annotations) if (a.note.trim() !== '') noteCount++;
  return { highlightCount: annotations.length, noteCount };
}

export class CountsFiles {
  /** What each document's counts.json holds, as far as this process knows. */
  private readonly onDisk = new Map<string, Counts>();
  /** The last save asked for, per document. */
  private readonly saving = new Map<string, Promise<void>>();

  constructor(
    private readonly fs: FileSystem,
    private readonly dirOf: (documentId: string) => string,
  ) {}

  /** The counts saved for a document; null when there are none to trust. */
  async read(documentId: string): Promise<Counts | null> {
    const known = this.onDisk.get(documentId);
    if (known) return known;
    try {
      const parsed = countsFileSchema.safeParse(JSON.parse(decodeData(await this.fs.readFile(join(this.dirOf(documentId), COUNTS_FILE)))));
      if (!parsed.success) return null;
      const counts = { highlightCount: parsed.data.highlightCount, noteCount: parsed.data.noteCount };
      this.onDisk.set(documentId, counts);
      return counts;
    } catch {
      return null;
    }
  }

  /**
   * Saves `counts` unless the file holds them already. Never fails: a count not saved is put right next time. The
   * saves of one document run one after another, in the order asked: two rewrites racing could leave the older
   * counts on disk.
   */
  keep(documentId: string, counts: Counts, dir = this.dirOf(documentId)): Promise<void> {
    const next = (this.saving.get(documentId) ?? Promise.resolve()).then(() => this.save(documentId, counts, dir));
    this.saving.set(documentId, next);
    void next.then(() => {
      if (this.saving.get(documentId) === next) this.saving.delete(documentId);
    });
    return next;
  }

  private async save(documentId: string, counts: Counts, dir: string): Promise<void> {
    // Reading a few bytes spares the write on the first open of a document whose counts are right.
    const known = this.onDisk.get(documentId) ?? (await this.read(documentId));
    if (known && known.highlightCount === counts.highlightCount && known.noteCount === counts.noteCount) return;
    this.onDisk.set(documentId, counts);
    try {
      await this.fs.replaceFile(join(dir, COUNTS_FILE), asciiJson({ schemaVersion: CURRENT_SCHEMA, ...counts }));
    } catch {
      this.onDisk.delete(documentId);
    }
  }

  /** Drops what is known of a document that left the library. */
  forget(documentId: string): void {
    this.onDisk.delete(documentId);
  }
}

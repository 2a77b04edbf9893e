/**
 * A document's highlight and note counts, kept in a small file beside its
 * highlights (counts.json), so that listing the library reads a few bytes per
 * document instead of every highlight of every document. The counts are
 * derived data: rewritten when a change alters them, corrected whenever the
 * highlights themselves are loaded, and rebuilt from the highlights when the
 * file is missing (a library from an earlier version) or damaged.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TextFile } from 'lowdb/node';
import type { Annotation } from '../../shared/model';
import { SCHEMA_VERSION } from '../../shared/model';

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

const FILE = 'counts.json';
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

export class CountsFiles {
  /** What each document's counts.json holds, as far as this process knows. */
  private readonly onDisk = new Map<string, Counts>();
  private readonly writers = new Map<string, TextFile>();

  constructor(private readonly dirOf: (documentId: string) => string) {}

  /** The counts saved for a document; null when there are none to trust. */
  async read(documentId: string): Promise<Counts | null> {
    const known = this.onDisk.get(documentId);
    if (known) return known;
    try {
      const data = JSON.parse(await readFile(join(this.dirOf(documentId), FILE), 'utf8')) as Partial<Counts>;
      if (!isCount(data.highlightCount) || !isCount(data.noteCount) || data.noteCount > data.highlightCount) return null;
      const counts = { highlightCount: data.highlightCount, noteCount: data.noteCount };
      this.onDisk.set(documentId, counts);
      return counts;
    } catch {
      return null;
    }
  }

  /** Saves `counts` unless the file holds them already. Never fails: a count not saved is put right next time. */
  async keep(documentId: string, counts: Counts): Promise<void> {
    // Reading a few bytes spares the write (temporary file and rename) on the first open of a document whose counts are right.
    const known = this.onDisk.get(documentId) ?? (await this.read(documentId));
    if (known && known.highlightCount === counts.highlightCount && known.noteCount === counts.noteCount) return;
    this.onDisk.set(documentId, counts);
    let writer = this.writers.get(documentId);
    if (!writer) this.writers.set(documentId, (writer = new TextFile(join(this.dirOf(documentId), FILE))));
    try {
      await writer.write(JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...counts }));
    } catch {
      this.onDisk.delete(documentId);
    }
  }

  /** Drops what is known of a document that left the library. */
  forget(documentId: string): void {
    this.onDisk.delete(documentId);
    this.writers.delete(documentId);
  }
}

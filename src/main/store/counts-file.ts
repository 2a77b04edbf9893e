/**
 * A document's highlight, note and code counts, kept in a small file beside
 * its highlights (counts.json), so that listing the library, or counting
 * the codes of the whole library, reads a few bytes per document instead of
 * every highlight of every document. The counts are derived data: rewritten
 * when a change alters them, corrected whenever the highlights themselves
 * are loaded, and rebuilt from the highlights when the file is missing,
 * damaged or from before a count it now holds (codes).
 */
import { join } from 'node:path';
import type { Annotation } from '../../shared/model';
import { asciiJson, decodeData } from './data-file';
import { countsFileSchema, CURRENT_SCHEMA } from './file-schemas';
import type { FileSystem } from './file-system';
import { COUNTS_FILE } from './layout';
import { isCode } from './shape-checks';

export interface Counts {
  highlightCount: number;
  /** Highlights that carry a note. */
  noteCount: number;
  /** Highlights carrying each code itself (not counting codes under it). */
  codes: ReadonlyMap<string, number>;
}

export const NO_COUNTS: Counts = { highlightCount: 0, noteCount: 0, codes: new Map() };

export function countsOf(annotations: readonly Annotation[]): Counts {
  let noteCount = 0;
  const codes = new Map<string, number>();
  for (const a of annotations) {
    if (a.note.trim() !== '') noteCount++;
    for (const code of a.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  return { highlightCount: annotations.length, noteCount, codes };
}

/** The counts file's content for `counts`: codes as an object, in a fixed order so equal counts are equal text. */
export function countsText(counts: Counts): string {
  const codes = Object.fromEntries([...counts.codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return asciiJson({ schemaVersion: CURRENT_SCHEMA, highlightCount: counts.highlightCount, noteCount: counts.noteCount, codes });
}

/** The counts a counts file holds; null when it is not one this Gloss can trust (damaged, or without code counts). */
export function parseCounts(value: unknown): Counts | null {
  const parsed = countsFileSchema.safeParse(value);
  if (!parsed.success) return null;
  const codes = (value as { codes?: unknown }).codes;
  if (typeof codes !== 'object' || codes === null || Array.isArray(codes)) return null;
  const map = new Map<string, number>();
  // Own keys only (JSON.parse makes even "__proto__" an own key), so a code named like a built-in is just a code.
  for (const [code, n] of Object.entries(codes)) {
    if (!isCode(code) || !Number.isSafeInteger(n) || (n as number) < 1 || (n as number) > parsed.data.highlightCount) return null;
    map.set(code, n as number);
  }
  return { highlightCount: parsed.data.highlightCount, noteCount: parsed.data.noteCount, codes: map };
}

function sameCounts(a: Counts, b: Counts): boolean {
  if (a.highlightCount !== b.highlightCount || a.noteCount !== b.noteCount || a.codes.size !== b.codes.size) return false;
  for (const [code, n] of a.codes) if (b.codes.get(code) !== n) return false;
  return true;
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
      const counts = parseCounts(JSON.parse(decodeData(await this.fs.readFile(join(this.dirOf(documentId), COUNTS_FILE)))));
      if (counts) this.onDisk.set(documentId, counts);
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
    if (known && sameCounts(known, counts)) return;
    this.onDisk.set(documentId, counts);
    try {
      await this.fs.replaceFile(join(dir, COUNTS_FILE), countsText(counts));
    } catch {
      this.onDisk.delete(documentId);
    }
  }

  /** Drops what is known of a document that left the library. */
  forget(documentId: string): void {
    this.onDisk.delete(documentId);
  }
}

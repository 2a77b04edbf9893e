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
import { countCodes } from '../../core/study/code-tree';
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
  /** Highlights carrying each code itself. */
  codes: ReadonlyMap<string, number>;
  /** Highlights carrying each code or one under it, each highlight once (parents of used codes included). */
  totals: ReadonlyMap<string, number>;
}

export const NO_COUNTS: Counts = { highlightCount: 0, noteCount: 0, codes: new Map(), totals: new Map() };

export function countsOf(annotations: readonly Annotation[]): Counts {
  let noteCount = 0;
  for (const a of annotations) if (a.note.trim() !== '') noteCount++;
  const { direct, totals } = countCodes(annotations);
  return { highlightCount: annotations.length, noteCount, codes: direct, totals };
}

/** A map as a JSON object, keys in a fixed order so equal counts are equal text. */
const sortedObject = (map: ReadonlyMap<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The counts file's content for `counts`. */
export function countsText(counts: Counts): string {
  const { highlightCount, noteCount } = counts;
  return asciiJson({ schemaVersion: CURRENT_SCHEMA, highlightCount, noteCount, codes: sortedObject(counts.codes), totals: sortedObject(counts.totals) });
}

/** Code counts read from a counts file: own keys only (JSON.parse makes even "__proto__" an own key). */
function codeCounts(value: unknown, most: number): Map<string, number> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const map = new Map<string, number>();
  for (const [code, n] of Object.entries(value)) {
    if (!isCode(code) || !Number.isSafeInteger(n) || (n as number) < 1 || (n as number) > most) return null;
    map.set(code, n as number);
  }
  return map;
}

/** The counts a counts file holds; null when it is not one this Gloss can trust (damaged, or without code counts). */
export function parseCounts(value: unknown): Counts | null {
  const parsed = countsFileSchema.safeParse(value);
  if (!parsed.success) return null;
  const { highlightCount, noteCount } = parsed.data;
  const codes = codeCounts((value as { codes?: unknown }).codes, highlightCount);
  const totals = codeCounts((value as { totals?: unknown }).totals, highlightCount);
  if (!codes || !totals) return null;
  for (const [code, n] of codes) if ((totals.get(code) ?? 0) < n) return null;
  return { highlightCount, noteCount, codes, totals };
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [code, n] of a) if (b.get(code) !== n) return false;
  return true;
}

function sameCounts(a: Counts, b: Counts): boolean {
  return a.highlightCount === b.highlightCount && a.noteCount === b.noteCount && sameMap(a.codes, b.codes) && sameMap(a.totals, b.totals);
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

  /** The counts this process already read or wrote for a document, without reading anything. */
  known(documentId: string): Counts | undefined {
    return this.onDisk.get(documentId);
  }

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
      // Not flushed: counts are derived, and a counts file lost or garbled by a power cut is rebuilt from the highlights.
      await this.fs.replaceFile(join(dir, COUNTS_FILE), countsText(counts), { flush: false });
    } catch {
      this.onDisk.delete(documentId);
    }
  }

  /** Drops what is known of a document that left the library. */
  forget(documentId: string): void {
    this.onDisk.delete(documentId);
  }
}

/**
 * Libraries of many small generated documents, written through the store's
 * own API (LibraryStore.addDocument: the entry, text, transcript and
 * highlights of each, as a restored backup adds them), for the library
 * table's tests and benchmark. Each document is a short interview whose
 * turns are its speakers' own, with highlights (some with notes) on its
 * paragraphs. The same specs always give the same text and ids. Written
 * without waiting for the disk to flush each file, several at a time: a
 * generated library need not survive a power cut, and a thousand documents
 * take seconds instead of minutes.
 */
import { createSelectors } from '../../src/core/anchoring/selectors';
import { seededRandom } from '../../src/core/testing/seeded-random';
import { normaliseText, parsePlainText } from '../../src/core/transcript/parse-plain-text';
import { paragraphsOf, plainTextOf, wordCountOf } from '../../src/core/transcript/plain-text';
import { nodeFileSystem, type FileSystem } from '../../src/main/store/file-system';
import { LibraryStore, type StoreMode } from '../../src/main/store/library-store';
import { textHash } from '../../src/main/store/text-versions';
import { HIGHLIGHT_COLORS, type Annotation, type TranscriptFormat } from '../../src/shared/model';

export interface GeneratedDocument {
  title: string;
  /** Who speaks, in turn (at least one). */
  speakers: string[];
  /** The format the library lists (the text itself is always a plain-text transcript). */
  format?: TranscriptFormat;
  /** About how many words (default 120), in `paragraphs` turns (default 6). */
  words?: number;
  paragraphs?: number;
  highlights?: number;
  /** How many of the highlights carry a note. */
  notes?: number;
  addedAt: string;
  openedAt?: string | null;
}

const WORDS = 'the river archive committee budget record we think that it was about memory and the school of the village in winter'.split(' ');

/** A version 4 UUID from the generator. */
function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function documentText(spec: GeneratedDocument, next: () => number): string {
  const lines = [spec.title];
  const paragraphs = spec.paragraphs ?? 6;
  const perParagraph = Math.max(3, Math.round((spec.words ?? 120) / paragraphs));
  for (let p = 0; p < paragraphs; p++) {
    const words = Array.from({ length: perParagraph }, () => WORDS[Math.floor(next() * WORDS.length)]);
    const text = `${words.join(' ')}.`;
    lines.push(`${spec.speakers[p % spec.speakers.length]}: ${text[0].toUpperCase()}${text.slice(1)}`);
  }
  return `${lines.join('\n\n')}\n`;
}

const unflushed: FileSystem = { ...nodeFileSystem, replaceFile: (path, data) => nodeFileSystem.replaceFile(path, data, { flush: false }) };
const AT_ONCE = 8;

/**
 * Adds the documents to the library in `dataDir` and gives their ids, in the order of the specs. `mode` 'guest'
 * adds beside a running app (which lists them the next time it lists the library), as `gloss add` does.
 */
export async function addGeneratedDocuments(dataDir: string, specs: readonly GeneratedDocument[], { mode = 'owner', seed = 7 }: { mode?: StoreMode; seed?: number } = {}): Promise<string[]> {
  const next = seededRandom(seed);
  const store = await LibraryStore.open(dataDir, { mode, onNotice: () => undefined, fs: unflushed });
  const ids = specs.map(() => uuid(next));
  const seeds = specs.map(() => Math.floor(next() * 2 ** 32));
  const add = async (spec: GeneratedDocument, id: string, seed: number) => {
    const next = seededRandom(seed);
    const text = normaliseText(documentText(spec, next));
    const transcript = parsePlainText(text, spec.title);
    const plain = plainTextOf(transcript);
    const paragraphs = paragraphsOf(transcript).filter((p) => p.end - p.start > 12);
    const annotations: Annotation[] = Array.from({ length: spec.highlights ?? 0 }, (_, i) => {
      const p = paragraphs[i % paragraphs.length];
      // Each highlight a little further into its paragraph than the last one there.
      const start = p.start + Math.min(p.end - p.start - 6, Math.floor(i / paragraphs.length) * 3);
      return {
        id: uuid(next),
        documentId: id,
        selectors: createSelectors(plain, start, Math.min(p.end, start + 12)),
        color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length],
        note: i < (spec.notes ?? 0) ? `Note ${i + 1} on ${spec.title}` : '',
        noteState: null,
        codes: [],
        createdAt: spec.addedAt,
        updatedAt: spec.addedAt,
      };
    });
    const entry = {
      id,
      title: spec.title,
      source: `${spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.txt`,
      format: spec.format ?? 'text',
      hash: textHash(text),
      speakers: transcript.speakers,
      wordCount: wordCountOf(transcript),
      addedAt: spec.addedAt,
      openedAt: spec.openedAt ?? null,
    };
    await store.addDocument({ entry, text, transcript, annotations, notebook: null });
  };
  try {
    for (let i = 0; i < specs.length; i += AT_ONCE) {
      await Promise.all(specs.slice(i, i + AT_ONCE).map((spec, k) => add(spec, ids[i + k], seeds[i + k])));
    }
  } finally {
    await store.close();
  }
  return ids;
}

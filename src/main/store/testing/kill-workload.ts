/**
 * The workload of the kill test's child process (write-then-die.mjs): a
 * seeded mix of everything the store writes (highlights created, recoloured,
 * annotated and deleted, in snapshot or change-log mode with folds; documents
 * imported, renamed and removed), one operation after another, until the
 * parent kills the process. It reports each step as one JSON line: the
 * operation about to start, every file operation it makes (so the parent can
 * kill at a chosen moment and say what was interrupted), and the operation
 * once the store has acknowledged it.
 */
import { seededRandom } from '../../../core/testing/seeded-random';
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { createSelectors } from '../../../core/anchoring/selectors';
import { parsePlainText } from '../../../core/transcript/parse-plain-text';
import { plainTextOf } from '../../../core/transcript/plain-text';
import { type Annotation, HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model';
import { type FileSystem, nodeFileSystem } from '../file-system';
import type { ChangeLogOptions } from '../highlights-file';
import { LibraryStore } from '../library-store';

export type Op =
  | { kind: 'create'; doc: string; id: string; color: HighlightColor; note: string; start: number; end: number }
  | { kind: 'update'; doc: string; id: string; color?: HighlightColor; note?: string }
  | { kind: 'delete'; doc: string; id: string }
  | { kind: 'import'; hash: string; source: string }
  | { kind: 'rename'; doc: string; title: string }
  | { kind: 'remove'; doc: string }
  /** Opening a document, which records when it was opened. */
  | { kind: 'open'; doc: string };

export type IoKind = 'replace' | 'create' | 'append' | 'rename' | 'remove' | 'mkdir';

export type WorkloadEvent =
  | { e: 'open' }
  | { e: 'begin'; op: Op }
  | { e: 'io'; io: IoKind; path: string }
  | { e: 'ack'; op: Op; doc?: string; title?: string; duplicate?: boolean };

type Focus = 'import' | 'rename' | 'remove' | 'highlight';

/** How often each kind of operation is chosen; the one in focus four times as often. */
const SHARES: Record<Focus, number> = { import: 12, rename: 10, remove: 8, highlight: 70 };

export interface WorkloadConfig {
  dataDir: string;
  seed: number;
  /** Highlight changes go to the change log (and are folded) under these options; snapshot mode without. */
  changeLog?: ChangeLogOptions;
  /** A kind of operation to run more often (the one the parent means to interrupt). */
  focus?: Focus;
}

/** Documents the workload keeps the library around (imports stop above, removes stop below). */
export const MOST_DOCUMENTS = 8;
export const FEWEST_DOCUMENTS = 2;

export { seededRandom };


const WORDS = ['scaling', 'laws', 'agents', 'gremlin', 'compute', 'safety', 'policy', 'export', 'chips', 'democracy', 'lead', 'model', 'research', 'risk'];
/** Notes with what a reader types: nothing, plain words, curly quotes and accents, an emoji (a surrogate pair), a line break. */
const NOTES = ['', 'Key point', 'Follow up on this', '“Quoted” — with a dash', 'Café, naïve, façade', 'Worth 😀 a second look', 'Two\nlines'];

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A file system that reports each operation (relative to the data folder) before making it. */
function reportingFileSystem(dataDir: string, emit: (event: WorkloadEvent) => void): FileSystem {
  const say = (io: IoKind, path: string) => emit({ e: 'io', io, path: relative(dataDir, path) });
  const fs = nodeFileSystem;
  return {
    readFile: (path) => fs.readFile(path),
    replaceFile: (path, data, options) => (say('replace', path), fs.replaceFile(path, data, options)),
    createExclusive: (path, data) => (say('create', path), fs.createExclusive(path, data)),
    append: (path, data) => (say('append', path), fs.append(path, data)),
    rename: (from, to) => (say('rename', from), fs.rename(from, to)),
    mkdir: (path) => (say('mkdir', path), fs.mkdir(path)),
    readdir: (path) => fs.readdir(path),
    stat: (path) => fs.stat(path),
    remove: (path) => (say('remove', path), fs.remove(path)),
  };
}

interface LocalDocument {
  id: string;
  source: string;
  /** The text, for documents this process imported. */
  text?: string;
  /** Loaded on first use. */
  highlights: Annotation[] | null;
  plainText: string | null;
}

/** Runs operations until the process is killed (or `maxOps` have run). */
export async function runWorkload(config: WorkloadConfig, emit: (event: WorkloadEvent) => void, maxOps = 100_000): Promise<void> {
  const random = seededRandom(config.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;

  const store = await LibraryStore.open(config.dataDir, { fs: reportingFileSystem(config.dataDir, emit), changeLog: config.changeLog });
  emit({ e: 'open' });
  const docs = new Map<string, LocalDocument>();
  for (const d of await store.list()) docs.set(d.id, { id: d.id, source: d.source, highlights: null, plainText: null });
  /** Texts this process removed, to import again (which must add them anew). */
  const removedTexts: string[] = [];
  let imported = 0;

  const load = async (doc: LocalDocument) => {
    if (!doc.highlights) {
      const op: Op = { kind: 'open', doc: doc.id };
      emit({ e: 'begin', op });
      const opened = await store.open(doc.id);
      doc.highlights = [...opened.annotations];
      doc.plainText = plainTextOf(opened.transcript);
      emit({ e: 'ack', op });
    }
    return doc as LocalDocument & { highlights: Annotation[]; plainText: string };
  };
  const newText = () => {
    imported++;
    const turns = Array.from({ length: int(2, 6) }, (_, t) => {
      const words = Array.from({ length: int(6, 30) }, () => pick(WORDS)).join(' ');
      return `${t % 2 ? 'Bo Chan' : 'Ann Lee'}: ${words} (${config.seed}.${imported}.${t}).`;
    });
    return `Interview ${config.seed}-${imported}\n\n${turns.join('\n\n')}\n`;
  };

  for (let n = 0; n < maxOps; n++) {
    const all = [...docs.values()];
    const removable = all.filter((d) => d.source !== 'Sample transcript');
    const share = (kind: Focus) => SHARES[kind] * (config.focus === kind ? 4 : 1);
    const roll = random() * (share('import') + share('rename') + share('remove') + share('highlight'));
    let op: Op;
    let text = '';
    if (roll < share('import') && docs.size < MOST_DOCUMENTS) {
      text = removedTexts.length > 0 && random() < 0.3 ? removedTexts.pop()! : newText();
      op = { kind: 'import', hash: textHash(text), source: `interview-${config.seed}-${imported}.txt` };
    } else if (roll < share('import') + share('rename') && all.length > 0) {
      op = { kind: 'rename', doc: pick(all).id, title: `${pick(['Interview', 'Talk', 'Café chat', '“Notes”'])} ${config.seed}-${n}` };
    } else if (roll < share('import') + share('rename') + share('remove') && docs.size > FEWEST_DOCUMENTS && removable.length > 0) {
      op = { kind: 'remove', doc: pick(removable).id };
    } else {
      if (all.length === 0) continue;
      // Half the highlight changes go to the sample, a long document whose log folds less often.
      const sample = all.find((d) => d.source === 'Sample transcript');
      const doc = await load(sample && random() < 0.5 ? sample : pick(all));
      const kind = doc.highlights.length === 0 ? 'create' : pick(['create', 'create', 'update', 'update', 'delete'] as const);
      if (kind === 'create') {
        const start = int(0, doc.plainText.length - 1);
        const end = Math.min(doc.plainText.length, start + int(1, 60));
        op = { kind, doc: doc.id, id: uuid(), color: pick(HIGHLIGHT_COLORS), note: pick(NOTES), start, end };
      } else if (kind === 'update') {
        const { id } = pick(doc.highlights);
        const change = random();
        op = { kind, doc: doc.id, id, ...(change < 0.66 ? { note: `${pick(NOTES)} ${n}` } : {}), ...(change > 0.33 ? { color: pick(HIGHLIGHT_COLORS) } : {}) };
      } else {
        op = { kind, doc: doc.id, id: pick(doc.highlights).id };
      }
    }

    emit({ e: 'begin', op });
    switch (op.kind) {
      case 'create': {
        const doc = docs.get(op.doc)!;
        const selectors = createSelectors(doc.plainText!, op.start, op.end);
        const saved = await store.createAnnotation({ documentId: op.doc, id: op.id, color: op.color, note: op.note, selectors });
        doc.highlights!.push(saved);
        emit({ e: 'ack', op });
        break;
      }
      case 'update': {
        const doc = docs.get(op.doc)!;
        const saved = await store.updateAnnotation({ documentId: op.doc, id: op.id, color: op.color, note: op.note });
        doc.highlights = doc.highlights!.map((a) => (a.id === saved.id ? saved : a));
        emit({ e: 'ack', op });
        break;
      }
      case 'delete': {
        const doc = docs.get(op.doc)!;
        await store.deleteAnnotation(op.doc, op.id);
        doc.highlights = doc.highlights!.filter((a) => a.id !== op.id);
        emit({ e: 'ack', op });
        break;
      }
      case 'import': {
        const transcript = parsePlainText(text, 'Untitled');
        const { document, duplicate } = await store.importTranscript({ text, transcript, format: 'text', source: op.source });
        if (!duplicate) docs.set(document.id, { id: document.id, source: document.source, text, highlights: null, plainText: null });
        emit({ e: 'ack', op, doc: document.id, title: document.title, duplicate });
        break;
      }
      case 'rename': {
        const { title } = await store.renameDocument(op.doc, op.title);
        emit({ e: 'ack', op, title });
        break;
      }
      case 'remove': {
        const removedText = docs.get(op.doc)!.text;
        await store.removeDocument(op.doc);
        docs.delete(op.doc);
        if (removedText) removedTexts.push(removedText);
        emit({ e: 'ack', op });
        break;
      }
    }
  }
}

/**
 * What the search index reads of the library, given by the store (library-store.ts), so the index never reaches
 * into the store's own files or caches.
 */
import type { SpeakerIndex } from '../../core/study/speakers';
import type { Annotation, HighlightColor, Transcript } from '../../shared/model';
import type { FileSystem } from '../store/file-system';
import type { Layout } from '../store/layout';
import type { LibraryChange } from '../store/library-store';

export interface SearchSource {
  fs: FileSystem;
  layout: Layout;
  /** Whether the index may write its files (never for a store opened to inspect, a guest, or a read-only folder). */
  writable(): boolean;
  documents(): readonly { id: string; title: string; hash: string }[];
  /** The data files a document's highlights are read from (their sizes and times say whether an index is current). */
  highlightFiles(documentId: string): string[];
  transcript(documentId: string): Promise<{ transcript: Transcript; plainText: string; speakers: SpeakerIndex }>;
  annotations(documentId: string): Promise<readonly Annotation[]>;
  notebookMarkdown(documentId: string | null): Promise<string>;
  colorNames(): Record<HighlightColor, string>;
  onChange(listener: (change: LibraryChange) => void): () => void;
}

/**
 * The library's search index, kept by the main process (the command line
 * builds one too, reading only). Each document has a shard (its transcript's
 * paragraphs, its highlights and notes, its notebook: three parts), and the
 * library notebook one more. Shards are read from their files the first time
 * a search needs them, all at once, leaving each part's text and places of
 * words in the file until a hit or a phrase needs them (shard-file.ts; the
 * store's FileSystem has no reads of part of a file, so these use node:fs
 * directly; writes go through it). A part whose file is missing, damaged or
 * out of date with the data files (its fingerprint differs) is rebuilt from
 * them. Every saved change marks the part it touched out of date (a highlight
 * edit: that document's highlights alone); it is rebuilt soon after, or by
 * the next search, and the shard is written again a little later, off the
 * path of the change, atomically but without waiting for the disk.
 * An index opened to inspect never writes.
 */
import { join } from 'node:path';
import { isEmptyQuery, namedBy, parseQuery, type ParsedQuery, QuerySyntaxError } from '../../core/search/query-syntax';
import { hitsOf, rankQuery, type SearchPart } from '../../core/search/run-query';
import { highlightsIndex, notebookIndex, transcriptIndex } from '../../core/search/search-units';
import type { TextIndex } from '../../core/search/text-index';
import { fold, termsOf } from '../../core/search/words';
import { HIGHLIGHT_COLORS, type HighlightColor, type SearchResults } from '../../shared/model';
import type { RequestOf } from '../../shared/contract';
import { GlossError } from '../store/errors';
import { errorCode } from '../store/file-system';
import { SEARCH_INDEX_FILE } from '../store/layout';
import type { LibraryChange } from '../store/library-store';
import { encodeShard, loadPart, loadUnitText, readShard, ShardChangedError, type ShardPart } from './shard-file';
import type { SearchSource } from './search-source';
import { stopIfCancelled, type TaskControl } from '../tasks/run-task';

export const DEFAULT_SEARCH_LIMIT = 100;
/** How long after a change its shard is written (changes come in bursts as the reader types). */
const WRITE_DELAY_MS = 2000;
/** How long after a change its part is rebuilt, if no search asks first. */
const REBUILD_DELAY_MS = 300;
/** Shards built at once (each reads a transcript, which for a long one takes tens of megabytes while it is parsed). */
const MAX_BUILDS = 2;
/** Shards read at once while the whole index is prepared. */
const PREPARING_AT_ONCE = 4;
/** What stopping the preparation of the index leaves. */
export const INDEX_CANCELLED = 'Search index: building stopped. Searches still work; they bring the index up to date as they need it.';
/** The title hits in the library notebook carry. */
export const LIBRARY_NOTEBOOK_TITLE = 'Library notebook';

type PartName = 'transcript' | 'highlights' | 'notebook';

interface Part {
  fingerprint: string;
  index: TextIndex;
}

/** One shard in memory: its parts, and which are out of date (a count of changes not yet rebuilt). */
interface Shard {
  key: string;
  documentId: string | null;
  parts: Map<PartName, Part>;
  changes: Map<PartName, number>;
  /** A rebuild under way, which every search waits for. */
  rebuilding: Promise<void> | null;
}

export class LibrarySearch {
  private readonly shards = new Map<string, Promise<Shard>>();
  private readonly writes = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly rebuilds = new Map<string, ReturnType<typeof setTimeout>>();
  /** Shard files being written now, so that closing can wait for them. */
  private readonly writing = new Set<Promise<void>>();
  private closed = false;
  private readonly stopListening: () => void;
  private building = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly source: SearchSource) {
    this.stopListening = source.onChange((change) => this.changed(change));
  }

  async search(request: RequestOf<'search:query'>): Promise<SearchResults> {
    let query: ParsedQuery;
    try {
      query = parseQuery(request.query);
    } catch (error) {
      if (error instanceof QuerySyntaxError) throw new GlossError('invalid-request', error.message);
      throw error;
    }
    if (isEmptyQuery(query)) return { query: request.query, hits: [], total: 0 };
    const colours = this.colours(query);
    const keys = this.keysFor(request.documentId, query);
    // A part whose file changed under it (or is damaged) is rebuilt and the search run again, once.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.run(request, query, colours, keys);
      } catch (error) {
        if (!(error instanceof ShardChangedError) || attempt > 0) throw error;
      }
    }
  }

  private async run(request: RequestOf<'search:query'>, query: ParsedQuery, colours: Set<HighlightColor> | null, keys: string[]): Promise<SearchResults> {
    // A document whose files cannot be read is left out of a library-wide search rather than failing it.
    const shards = (
      await Promise.all(
        keys.map((key) =>
          keys.length === 1
            ? this.ready(key)
            : this.ready(key).catch((error: unknown) => {
                if (error instanceof ShardChangedError) throw error;
                console.warn(`[gloss] search left out ${key || 'the library notebook'}:`, error);
                return null;
              }),
        ),
      )
    ).filter((shard): shard is Shard => shard !== null);
    const titles = new Map(this.source.documents().map((d) => [d.id, d.title]));
    const parts: (SearchPart & { shard: Shard; name: PartName })[] = shards.flatMap((shard) =>
      [...shard.parts].map(([name, part]) => ({
        shard,
        name,
        documentId: shard.documentId,
        documentTitle: shard.documentId === null ? LIBRARY_NOTEBOOK_TITLE : (titles.get(shard.documentId) ?? ''),
        index: part.index,
      })),
    );
    // Phrases are checked against the places of their words; snippets are cut from the text: both read when first needed.
    if (query.phrases.length > 0) await settled(parts.map((p) => this.loaded(p.shard, p.name, p.index, { places: true })));
    const { best, total } = rankQuery(parts, query, { colours, limit: request.limit ?? DEFAULT_SEARCH_LIMIT });
    await settled(parts.map((p) => this.loaded(p.shard, p.name, p.index, { units: best.filter((c) => c.part === p).map((c) => c.unit) })));
    return { query: request.query, hits: hitsOf(best, query), total };
  }

  /** Reads what a part read from its file left there; if the file changed or is damaged, the part is to be rebuilt. */
  private async loaded(shard: Shard, name: PartName, index: TextIndex, what: { text?: boolean; places?: boolean; units?: number[] }): Promise<void> {
    try {
      if (what.units?.length) await loadUnitText(index, what.units);
      if (what.text || what.places) await loadPart(index, what);
    } catch (error) {
      if (shard.parts.get(name)?.index === index && !shard.changes.has(name)) shard.changes.set(name, 1);
      throw error instanceof ShardChangedError ? error : new ShardChangedError(String(error));
    }
  }

  /**
   * Reads or builds every shard now, so the first search finds them ready (a shard that fails is left for the search to
   * report). `task`: a step per shard (a document, the library notebook); cancelled, it stops taking shards and throws
   * TaskCancelled: each shard is replaced whole or not at all, so the index stays usable (what it did not build, a
   * search builds when it needs it).
   */
  async prepare(task?: TaskControl): Promise<void> {
    const keys = this.keysFor(undefined, parseQuery(''));
    let next = 0;
    let done = 0;
    const titles = new Map(this.source.documents().map((d) => [d.id, d.title]));
    const worker = async () => {
      while (next < keys.length && !task?.signal.aborted && !this.closed) {
        const key = keys[next++];
        task?.report(done, keys.length, key === '' ? LIBRARY_NOTEBOOK_TITLE : `“${titles.get(key) ?? key}”`);
        await this.ready(key).catch(() => undefined);
        task?.report(++done, keys.length);
      }
    };
    // Shards are read several at a time (building them is limited apart, to MAX_BUILDS).
    await Promise.all(Array.from({ length: PREPARING_AT_ONCE }, worker));
    stopIfCancelled(task, INDEX_CANCELLED);
  }

  /** Writes every shard that is waiting to be written, now (tests, and before quitting). */
  async flush(): Promise<void> {
    const keys = [...this.writes.keys()];
    for (const key of keys) clearTimeout(this.writes.get(key));
    this.writes.clear();
    await Promise.all(keys.map((key) => this.write(key)));
  }

  /**
   * Stops following changes, drops pending rebuilds and writes, and resolves once no shard file is being written
   * (the store is closing: its folder may be moved or removed right after).
   */
  async close(): Promise<void> {
    this.closed = true;
    this.stopListening();
    for (const t of [...this.writes.values(), ...this.rebuilds.values()]) clearTimeout(t);
    this.writes.clear();
    this.rebuilds.clear();
    await Promise.all(this.writing);
  }

  /** Which shards a search reads: one document's, the library notebook's (null), or all that the doc: filters leave. */
  private keysFor(documentId: string | null | undefined, query: ParsedQuery): string[] {
    const documents = this.source.documents();
    if (documentId === null) return [''];
    if (documentId !== undefined) {
      if (!documents.some((d) => d.id === documentId)) throw new GlossError('not-found', `No document with id ${documentId} in the library.`);
      return [documentId];
    }
    if (query.docs.length === 0) return [...documents.map((d) => d.id), ''];
    return documents
      .filter((d) =>
        query.docs.some((f) => {
          const words = termsOf(f).join(' ');
          return d.id === f || (f.length >= 4 && d.id.startsWith(f)) || (words !== '' && namedBy(d.title, words));
        }),
      )
      .map((d) => d.id);
  }

  private colours(query: ParsedQuery): Set<HighlightColor> | null {
    if (query.colours.length === 0) return null;
    const names = this.source.colorNames();
    const out = new Set<HighlightColor>();
    for (const wanted of query.colours) {
      const found = HIGHLIGHT_COLORS.filter((c) => fold(c) === wanted || termsOf(names[c]).join(' ') === wanted);
      if (found.length === 0) {
        const known = HIGHLIGHT_COLORS.map((c) => (names[c] === c || fold(names[c]) === c ? c : `${c} (${names[c]})`)).join(', ');
        throw new GlossError('invalid-request', `No colour is called "${wanted}"; the colours are ${known}.`);
      }
      for (const c of found) out.add(c);
    }
    return out;
  }

  private path(key: string): string {
    return key === '' ? join(this.source.layout.dataDir, SEARCH_INDEX_FILE) : join(this.source.layout.documentDir(key), SEARCH_INDEX_FILE);
  }

  /** A shard, read (or built) once, with every out-of-date part rebuilt. */
  private async ready(key: string): Promise<Shard> {
    let shard = this.shards.get(key);
    if (!shard) {
      shard = this.load(key);
      shard.catch(() => this.shards.delete(key));
      this.shards.set(key, shard);
    }
    const loaded = await shard;
    await this.rebuild(loaded);
    return loaded;
  }

  private async load(key: string): Promise<Shard> {
    const documentId = key === '' ? null : key;
    const shard: Shard = { key, documentId, parts: new Map(), changes: new Map(), rebuilding: null };
    const saved = await readShard(this.path(key), key);
    const names = this.partNames(documentId);
    const current = await Promise.all(names.map((name) => this.fingerprint(documentId, name)));
    names.forEach((name, i) => {
      const part = saved?.find((p) => p.name === name);
      if (part && part.fingerprint === current[i]) shard.parts.set(name, { fingerprint: part.fingerprint, index: part.index });
      else shard.changes.set(name, 1);
    });
    return shard;
  }

  private partNames(documentId: string | null): PartName[] {
    return documentId === null ? ['notebook'] : ['transcript', 'highlights', 'notebook'];
  }

  /** What a part is built from, cheaply: the transcript's content hash; a data file's size and time. */
  private async fingerprint(documentId: string | null, name: PartName): Promise<string> {
    if (name === 'transcript') {
      const entry = this.source.documents().find((d) => d.id === documentId);
      return `hash:${entry?.hash ?? ''}`;
    }
    const files = name === 'notebook' ? [this.source.layout.notebook(documentId)] : this.source.highlightFiles(documentId!);
    const stats = await Promise.all(files.map((f) => this.source.fs.stat(f).catch(() => null)));
    // The transcript's hash too, for highlights: their speakers and places depend on it.
    const hash = name === 'highlights' ? `${await this.fingerprint(documentId, 'transcript')};` : '';
    return hash + stats.map((s) => (s ? `${s.size}@${s.mtimeMs}` : '-')).join(';');
  }

  /** Rebuilds the shard's out-of-date parts (one rebuild at a time per shard; a change during it is rebuilt after). */
  private async rebuild(shard: Shard): Promise<void> {
    while (shard.rebuilding) await shard.rebuilding;
    if (shard.changes.size === 0) return;
    shard.rebuilding = (async () => {
      try {
        const todo = [...shard.changes];
        const built = await this.limited(() => this.build(shard.documentId, todo.map(([name]) => name)));
        todo.forEach(([name, count], i) => {
          shard.parts.set(name, built[i]);
          if (shard.changes.get(name) === count) shard.changes.delete(name);
        });
        this.scheduleWrite(shard.key);
      } finally {
        shard.rebuilding = null;
      }
    })();
    await shard.rebuilding;
  }

  /**
   * Parts built from the data files (the transcript read once for all of them; each fingerprint taken before its
   * data is read, so a change while reading leaves the part out of date rather than wrongly current).
   */
  private async build(documentId: string | null, names: readonly PartName[]): Promise<Part[]> {
    const fingerprints = await Promise.all(names.map((name) => this.fingerprint(documentId, name)));
    const needsText = names.some((name) => name !== 'notebook');
    const loaded = needsText ? await this.source.transcript(documentId!) : null;
    return Promise.all(
      names.map(async (name, i): Promise<Part> => {
        const fingerprint = fingerprints[i];
        if (name === 'notebook') return { fingerprint, index: notebookIndex(await this.source.notebookMarkdown(documentId)) };
        if (name === 'transcript') return { fingerprint, index: transcriptIndex(loaded!.transcript, loaded!.plainText) };
        return { fingerprint, index: highlightsIndex(await this.source.annotations(documentId!), loaded!.speakers) };
      }),
    );
  }

  /** Runs `work` when fewer than MAX_BUILDS builds are under way, so a first search of a big library does not read every transcript at once. */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    while (this.building >= MAX_BUILDS) await new Promise<void>((resume) => this.waiting.push(resume));
    this.building++;
    try {
      return await work();
    } finally {
      this.building--;
      this.waiting.shift()?.();
    }
  }

  private changed(change: LibraryChange): void {
    const key = change.documentId ?? '';
    if (change.kind === 'removed') {
      this.shards.delete(key);
      for (const timers of [this.writes, this.rebuilds]) {
        clearTimeout(timers.get(key));
        timers.delete(key);
      }
      return;
    }
    const names: PartName[] = change.kind === 'transcript' ? ['transcript', 'highlights'] : change.kind === 'annotations' ? ['highlights'] : change.kind === 'notebook' ? ['notebook'] : [];
    const shard = this.shards.get(key);
    if (!shard || names.length === 0) return;
    void shard.then((s) => {
      for (const name of names) s.changes.set(name, (s.changes.get(name) ?? 0) + 1);
      this.scheduleRebuild(key);
    }, () => undefined);
  }

  private scheduleRebuild(key: string): void {
    if (this.closed) return;
    clearTimeout(this.rebuilds.get(key));
    this.rebuilds.set(
      key,
      setTimeout(() => {
        this.rebuilds.delete(key);
        void this.ready(key).catch((error: unknown) => console.warn('[gloss] could not bring the search index up to date:', error));
      }, REBUILD_DELAY_MS).unref(),
    );
  }

  private scheduleWrite(key: string): void {
    if (!this.source.writable() || this.closed) return;
    clearTimeout(this.writes.get(key));
    this.writes.set(
      key,
      // Not waited for at exit: the index is a cache, rebuilt from the data files when it is behind.
      setTimeout(() => {
        this.writes.delete(key);
        const writing = this.write(key).finally(() => this.writing.delete(writing));
        this.writing.add(writing);
      }, WRITE_DELAY_MS).unref(),
    );
  }

  /** Writes a shard's parts that are up to date; a failure is harmless (the index is rebuilt from the data files). */
  private async write(key: string): Promise<void> {
    const shard = await this.shards.get(key)?.catch(() => null);
    if (!shard || !this.source.writable() || !this.source.documents().some((d) => d.id === key || key === '')) return;
    const parts: ShardPart[] = [...shard.parts].filter(([name]) => !shard.changes.has(name)).map(([name, part]) => ({ name, ...part }));
    try {
      // What is still only in the old file is read before the file is replaced.
      await settled(parts.map((p) => this.loaded(shard, p.name as PartName, p.index, { text: true, places: true })));
      await this.source.fs.replaceFile(this.path(key), encodeShard(key, parts), { flush: false });
    } catch (error) {
      // A folder gone (the document removed meanwhile) needs no index; anything else is worth a line in the log.
      if (errorCode(error) !== 'ENOENT') console.warn('[gloss] could not write the search index:', error);
    }
  }
}

/** Waits for every promise (so each failure has marked its part) and then throws the first failure, if any. */
async function settled(promises: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(promises)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

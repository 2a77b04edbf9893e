/**
 * What the store's tests start from: the sample transcript (as the app adds
 * it to a new library), highlight ids, and the selectors of a quote in a
 * document's text, as the renderer makes them when a reader selects it.
 */
import { readFileSync } from 'node:fs';
import { createSelectors } from '../../../core/anchoring/selectors';
import { plainTextOf } from '../../../core/transcript/plain-text';
import { LibraryStore } from '../library-store';

/** The sample transcript's text (resources/sample-interview.txt). */
export const SAMPLE = readFileSync(new URL('../../../../resources/sample-interview.txt', import.meta.url), 'utf8');

/** The `n`th id a test gives a highlight (a valid UUID, ending in `n`). */
export const testId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The selectors of the first `quote` in document `documentId`'s text. */
export async function selectorsOf(store: LibraryStore, documentId: string, quote: string) {
  const text = plainTextOf((await store.open(documentId)).transcript);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return createSelectors(text, start, start + quote.length);
}

/** The store in `dir` with the sample added, as the app starts: the sample's summary (`doc`), its text, and `at(quote)`, the selectors of a quote in it. */
export async function storeWithSample(dir: string) {
  const store = await LibraryStore.open(dir);
  await store.addSampleOnce(SAMPLE);
  const [doc] = await store.list();
  const text = plainTextOf((await store.open(doc.id)).transcript);
  const at = (quote: string) => {
    const start = text.indexOf(quote);
    return createSelectors(text, start, start + quote.length);
  };
  return { store, doc, text, at };
}

/**
 * What a quote in a notebook needs to know of the notebook around it: whose
 * notebook it is (the library's quotes name their document), and what
 * opening a quote does. Reaches the quotes through React context (decorators
 * render in portals, which keep it).
 */
import { createContext, useContext } from 'react';
import type { HighlightQuote } from './quote';

export type NotebookScope = 'document' | 'library';

export interface NotebookContextValue {
  scope: NotebookScope;
  /** Opens the quote's document if needed and shows the passage. */
  openQuote(quote: HighlightQuote): void;
}

export const NotebookContext = createContext<NotebookContextValue>({ scope: 'document', openQuote: () => {} });

export function useNotebookContext(): NotebookContextValue {
  return useContext(NotebookContext);
}

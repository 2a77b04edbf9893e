/**
 * Opens a notebook from main and shows it in the editor; until it has
 * opened, quotes sent to it wait here (so none is written past the editor).
 * A notebook main cannot open, or whose saved state does not read, says why,
 * with Try again.
 */
import { createEditor } from 'lexical';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../core/error-message';
import { readingStore } from '../state/reading-store';
import type { NotebookScope } from './notebook-context';
import { NOTEBOOK_NODES } from './notebook-editor-config';
import { NotebookEditor } from './NotebookEditor';
import { openNotebook, registerLiveNotebook, type NotebookId } from './notebook-state';
import type { HighlightQuote } from './quote';

type Loaded = { ok: true; state: string | null; waiting: HighlightQuote[] } | { ok: false; reason: string };

/** Throws what is wrong with a saved state the editor could not show. */
function checkState(state: string | null): void {
  if (state === null) return;
  const probe = createEditor({
    namespace: 'gloss-notebook',
    nodes: [...NOTEBOOK_NODES],
    onError: (error) => {
      throw error;
    },
  });
  probe.parseEditorState(state);
}

export interface NotebookLoaderProps {
  id: NotebookId;
  scope: NotebookScope;
  readOnly: string | null;
  label: string;
  placeholder: string;
}

export function NotebookLoader({ id, scope, readOnly, label, placeholder }: NotebookLoaderProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const waiting: HighlightQuote[] = [];
    const unregister = registerLiveNotebook(id, { insertQuote: (quote) => void waiting.push(quote), flush: async () => {} });
    openNotebook(id)
      .then((notebook) => {
        checkState(notebook.state);
        return notebook;
      })
      .then(
        (notebook) => current && setLoaded({ ok: true, state: notebook.state, waiting }),
        (error: unknown) => {
          if (!current) return;
          unregister();
          setLoaded({ ok: false, reason: errorMessage(error) });
          if (waiting.length) readingStore.setStatus({ kind: 'error', message: `The quote was not added: the notebook could not be opened. ${errorMessage(error)}` });
        },
      );
    // Once open, the editor takes over as the notebook on screen (LiveNotebookPlugin), before it takes the waiting quotes.
    return () => {
      current = false;
      unregister();
    };
  }, [id, attempt]);

  if (loaded === null) return <p className="notebook__loading">Opening the notebook…</p>;
  if (!loaded.ok) {
    return (
      <div className="notebook__failed" role="alert">
        <p>The notebook could not be opened. {loaded.reason}</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setLoaded(null);
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  return <NotebookEditor id={id} scope={scope} initialState={loaded.state} waitingQuotes={loaded.waiting} readOnly={readOnly} label={label} placeholder={placeholder} />;
}

/**
 * The reading view: toolbar, transcript, side panel of highlights, status
 * line. Opens the most recently read document (the sample on first start).
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useEffect, useState } from 'react';
import { call, onMenuCommand } from '../gloss-client';
import { readingStore, useReading } from '../state/reading-store';
import { HighlightList } from './HighlightList';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { editorConfigFor, TranscriptView } from './TranscriptView';
import { exportMarkdown } from './export-action';

export function App() {
  const opened = useReading((s) => s.opened);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const documents = await call('library:list', {});
      if (documents.length === 0) throw new Error('The library is empty.');
      const doc = await call('documents:open', { documentId: documents[0].id });
      if (!cancelled) readingStore.load(doc);
    })().catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'export-markdown') void exportMarkdown();
      }),
    [],
  );

  if (loadError) {
    return (
      <div className="app-message" role="alert">
        <h1>Gloss could not open the library</h1>
        <p>{loadError}</p>
      </div>
    );
  }
  if (!opened) return <div className="app-message">Opening…</div>;

  return (
    <LexicalComposer key={opened.document.id} initialConfig={editorConfigFor(opened)}>
      <div className="app">
        <Toolbar />
        <TranscriptView />
        <HighlightList />
        <StatusBar />
      </div>
    </LexicalComposer>
  );
}

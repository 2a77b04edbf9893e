/** Export the open document's highlights to Markdown and report where it went. */
import { errorMessage } from '../../../core/error-message';
import { call } from '../gloss-client';
import { readingStore } from '../state/reading-store';

export async function exportMarkdown(): Promise<void> {
  const opened = readingStore.getState().opened;
  if (!opened) return;
  try {
    const result = await call('export:markdown', { documentId: opened.document.id });
    if ('path' in result) readingStore.setStatus({ kind: 'info', message: `Exported to ${result.path}` });
  } catch (error) {
    readingStore.setStatus({ kind: 'error', message: `Export failed: ${errorMessage(error)}` });
  }
}

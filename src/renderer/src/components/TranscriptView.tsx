/**
 * The transcript as a read-only Lexical editor: text can be selected and
 * copied, never changed. Typing, paste, drop, cut and IME composition have
 * nothing to act on because the editor is not editable.
 */
import { MarkNode } from '@lexical/mark';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import type { OpenedDocument } from '../../../shared/model';
import { readingStore } from '../state/reading-store';
import { $buildTranscript, type PlacedMark } from '../editor/build-transcript';
import { TranscriptParagraphNode } from '../editor/nodes/TranscriptParagraphNode';
import { HighlightPlugin } from '../editor/plugins/HighlightPlugin';

export function editorConfigFor(opened: OpenedDocument): InitialConfigType {
  const { ranges } = readingStore.getState();
  const marks: PlacedMark[] = [...opened.annotations]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .flatMap((a) => {
      const r = ranges.get(a.id);
      return r ? [{ id: a.id, ...r }] : [];
    });
  return {
    namespace: 'gloss-transcript',
    editable: false,
    nodes: [TranscriptParagraphNode, MarkNode],
    theme: { mark: 'hl', markOverlap: 'hl--overlap' },
    onError: (error: Error) => {
      readingStore.setStatus({ kind: 'error', message: `Display error: ${error.message}` });
    },
    editorState: () => $buildTranscript(opened.transcript, marks),
  };
}

export function TranscriptView() {
  return (
    <main className="reader">
      <ContentEditable className="transcript" aria-label="Transcript" aria-readonly="true" spellCheck={false} />
      <HighlightPlugin />
    </main>
  );
}

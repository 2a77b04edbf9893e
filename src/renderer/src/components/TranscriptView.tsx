/**
 * The transcript as a read-only Lexical editor: text can be selected and
 * copied, never changed. Typing, paste, drop, cut and IME composition have
 * nothing to act on because the editor is not editable. It takes the focus
 * (once in the tab order) and has a caret of its own for selecting from the
 * keyboard (editor/caret). A long transcript shows its first screen at once
 * and builds the rest just after.
 */
import { MarkNode } from '@lexical/mark';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { $getRoot } from 'lexical';
import { useState, type FocusEvent } from 'react';
import type { Annotation, OpenedDocument } from '../../../shared/model';
import { readingStore } from '../state/reading-store';
import { TranscriptBuilder, type PlacedMark } from '../editor/build-transcript';
import { TranscriptChunkNode } from '../editor/nodes/TranscriptChunkNode';
import { TranscriptParagraphNode, hasMediaTimes } from '../editor/nodes/TranscriptParagraphNode';
import { TranscriptCaretPlugin } from '../editor/caret/TranscriptCaretPlugin';
import { HighlightNavigationPlugin } from '../editor/plugins/HighlightNavigationPlugin';
import { HighlightPlugin } from '../editor/plugins/HighlightPlugin';
import { ProgressiveLoadPlugin } from '../editor/plugins/ProgressiveLoadPlugin';

/** Paragraphs built before the first paint: more than a tall window shows. */
const FIRST_SCREEN_PARAGRAPHS = 40;

export interface TranscriptLoad {
  config: InitialConfigType;
  builder: TranscriptBuilder;
}

/** The editor's configuration for a document, with the builder that fills it in. */
export function transcriptLoadFor(opened: OpenedDocument): TranscriptLoad {
  const state = readingStore.getState();
  const { ranges } = state;
  // The highlights as they are now, not as the document was opened: the reader is built again when it comes back
  // from another view (the overview, the search), and highlights made since must be painted too.
  const current = state.opened?.document.id === opened.document.id ? [...state.annotations.values()] : opened.annotations;
  // Stacked oldest first. Highlights are stored in the order they were made, so the sort is usually skipped.
  const byAge = (a: Annotation, b: Annotation) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
  const annotations = current.every((a, i, all) => i === 0 || byAge(all[i - 1], a) <= 0) ? current : [...current].sort(byAge);
  const marks: PlacedMark[] = [];
  for (const a of annotations) {
    const r = ranges.get(a.id);
    if (r) marks.push({ id: a.id, start: r.start, end: r.end });
  }
  const builder = new TranscriptBuilder(opened.transcript, marks);
  const config: InitialConfigType = {
    namespace: 'gloss-transcript',
    editable: false,
    nodes: [TranscriptChunkNode, TranscriptParagraphNode, MarkNode],
    theme: { mark: 'hl', markOverlap: 'hl--overlap' },
    onError: (error: Error) => {
      readingStore.setStatus({ kind: 'error', message: `Display error: ${error.message}` });
    },
    editorState: () => {
      $getRoot().clear();
      builder.$appendParagraphs(FIRST_SCREEN_PARAGRAPHS);
    },
  };
  return { config, builder };
}

export function TranscriptView({ builder }: { builder: TranscriptBuilder }) {
  // A transcript with media times keeps a margin for them (styles.css).
  const [timed] = useState(() => {
    const transcript = readingStore.getState().opened?.transcript;
    return transcript ? hasMediaTimes(transcript) : false;
  });
  // The reading view takes the focus back when a panel or dialog over it closes: the transcript in it has it then.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.querySelector<HTMLElement>('.transcript')?.focus({ preventScroll: true });
  };
  return (
    <main className="reader" tabIndex={-1} onFocus={onFocus}>
      <ContentEditable className={timed ? 'transcript transcript--timed' : 'transcript'} aria-label="Transcript" aria-readonly="true" spellCheck={false} tabIndex={0} />
      <TranscriptCaretPlugin />
      <HighlightPlugin />
      <HighlightNavigationPlugin />
      <ProgressiveLoadPlugin builder={builder} />
    </main>
  );
}

/**
 * A note in and out of its editor: loaded from its saved rich-text state
 * when it has one the editor can read, else from its Markdown (a note
 * written by an older Gloss, or given as `gloss highlight --note`), read with
 * the note's own Markdown shortcuts; and saved as its Markdown (written by
 * core's richTextToMarkdown, as main writes it) with its serialised state.
 */
import { $isListItemNode } from '@lexical/list';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { $createParagraphNode, $getRoot, $isElementNode, $parseSerializedNode, type EditorState, type SerializedLexicalNode } from 'lexical';
import { richTextToMarkdown } from '../../../../core/notes/rich-text-markdown';
import { NOTE_TRANSFORMERS } from './rich-text-config';

/** A note as a highlight carries it. */
export interface NoteContent {
  note: string;
  noteState: string | null;
}

/** The blocks of a saved state, or null when it cannot be read or holds something a note cannot. */
function $blocksOf(noteState: string) {
  try {
    const children = (JSON.parse(noteState) as { root?: { children?: unknown } } | null)?.root?.children;
    if (!Array.isArray(children) || children.length === 0) return null;
    const nodes = children.map((child) => $parseSerializedNode(child as SerializedLexicalNode));
    return nodes.every((node) => $isElementNode(node) && !node.isInline() && !$isListItemNode(node)) ? nodes : null;
  } catch {
    // A node type this editor does not have, or a malformed state.
    return null;
  }
}

/** Fills the editor (inside an update) with a note: from its state when readable, else from its Markdown. */
export function $loadNote({ note, noteState }: NoteContent): void {
  const root = $getRoot();
  root.clear();
  const blocks = noteState ? $blocksOf(noteState) : null;
  if (blocks) root.append(...blocks);
  else if (note.trim() !== '') $convertFromMarkdownString(note, NOTE_TRANSFORMERS);
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

/** The note an editor holds: its Markdown and serialised state; an empty note has neither (`''`, null). */
export function noteOf(editorState: EditorState): NoteContent {
  const json = editorState.toJSON();
  const note = richTextToMarkdown(json);
  return note === '' ? { note: '', noteState: null } : { note, noteState: JSON.stringify(json) };
}

/**
 * A run of whole turns (a few dozen paragraphs) in the editor. The browser
 * skips layout and paint of chunks off screen (content-visibility), and
 * tracks a hundred chunks rather than every paragraph of a book.
 */
import { $applyNodeReplacement, ElementNode, type EditorConfig, type LexicalNode, type SerializedElementNode } from 'lexical';

export class TranscriptChunkNode extends ElementNode {
  static override getType(): string {
    return 'transcript-chunk';
  }

  static override clone(node: TranscriptChunkNode): TranscriptChunkNode {
    return new TranscriptChunkNode(node.__key);
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const div = document.createElement('div');
    div.className = 'transcript-chunk';
    return div;
  }

  override updateDOM(): boolean {
    return false;
  }

  static override importJSON(_json: SerializedElementNode): TranscriptChunkNode {
    return $createTranscriptChunkNode();
  }

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'transcript-chunk', version: 1 };
  }

  override canBeEmpty(): boolean {
    return false;
  }
}

export function $createTranscriptChunkNode(): TranscriptChunkNode {
  return $applyNodeReplacement(new TranscriptChunkNode());
}

export function $isTranscriptChunkNode(node: LexicalNode | null | undefined): node is TranscriptChunkNode {
  return node instanceof TranscriptChunkNode;
}

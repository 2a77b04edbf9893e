/**
 * A paragraph of the transcript in the editor. It knows its turn's speaker
 * and kind and where it starts in the plain text; the speaker's name is drawn
 * by CSS from a data attribute, so it is never part of the selectable text.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import type { TurnKind } from '../../../../shared/model';

export interface ParagraphInfo {
  speaker: string | null;
  /** Position of the speaker in the transcript's speaker list, for their accent colour; -1 for none. */
  speakerIndex: number;
  kind: TurnKind;
  firstOfTurn: boolean;
  start: number;
  end: number;
}

export type SerializedTranscriptParagraphNode = Spread<ParagraphInfo, SerializedElementNode>;

export class TranscriptParagraphNode extends ElementNode {
  __info: ParagraphInfo;

  static override getType(): string {
    return 'transcript-paragraph';
  }

  static override clone(node: TranscriptParagraphNode): TranscriptParagraphNode {
    return new TranscriptParagraphNode(node.__info, node.__key);
  }

  constructor(info: ParagraphInfo, key?: NodeKey) {
    super(key);
    this.__info = info;
  }

  getInfo(): ParagraphInfo {
    return this.getLatest().__info;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const { speaker, speakerIndex, kind, firstOfTurn, start, end } = this.__info;
    const p = document.createElement('p');
    p.className = `para para--${kind}${firstOfTurn ? ' para--first' : ''}`;
    p.dataset.start = String(start);
    p.dataset.end = String(end);
    if (firstOfTurn && speaker) {
      p.dataset.speaker = speaker;
      p.dataset.speakerIndex = String(speakerIndex % 6);
    }
    return p;
  }

  override updateDOM(): boolean {
    return false;
  }

  static override importJSON(json: Record<string, unknown>): TranscriptParagraphNode {
    const { speaker, speakerIndex, kind, firstOfTurn, start, end } = json as unknown as ParagraphInfo;
    return $createTranscriptParagraphNode({ speaker, speakerIndex, kind, firstOfTurn, start, end });
  }

  override exportJSON(): SerializedTranscriptParagraphNode {
    return { ...super.exportJSON(), ...this.getInfo(), type: 'transcript-paragraph', version: 1 };
  }

  override canBeEmpty(): boolean {
    return false;
  }
}

export function $createTranscriptParagraphNode(info: ParagraphInfo): TranscriptParagraphNode {
  return $applyNodeReplacement(new TranscriptParagraphNode(info));
}

export function $isTranscriptParagraphNode(node: LexicalNode | null | undefined): node is TranscriptParagraphNode {
  return node instanceof TranscriptParagraphNode;
}

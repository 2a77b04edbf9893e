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
  /** The turn's kind, or 'title' for the heading that is the document's title. */
  kind: TurnKind | 'title';
  firstOfTurn: boolean;
  start: number;
  end: number;
  /** Media time of the paragraph (a caption cue's start), shown in the margin; null when the source has none. */
  startSeconds: number | null;
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatMediaTime(seconds: number): string {
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
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
    const { speaker, speakerIndex, kind, firstOfTurn, start, end, startSeconds } = this.__info;
    // Headings are real headings, so that assistive technology can move between sections.
    // setAttribute rather than dataset: a book builds thousands of these, and dataset's setter costs more.
    const p = document.createElement(kind === 'title' ? 'h1' : kind === 'heading' ? 'h2' : 'p');
    if (startSeconds !== null) p.setAttribute('data-time', formatMediaTime(startSeconds));
    p.className = `para para--${kind}${firstOfTurn ? ' para--first' : ''}`;
    p.setAttribute('data-start', String(start));
    p.setAttribute('data-end', String(end));
    if (firstOfTurn && speaker) {
      p.setAttribute('data-speaker', speaker);
      p.setAttribute('data-speaker-index', String(speakerIndex % 6));
    }
    return p;
  }

  override updateDOM(): boolean {
    return false;
  }

  static override importJSON(json: Record<string, unknown>): TranscriptParagraphNode {
    const { speaker, speakerIndex, kind, firstOfTurn, start, end, startSeconds } = json as unknown as ParagraphInfo;
    return $createTranscriptParagraphNode({ speaker, speakerIndex, kind, firstOfTurn, start, end, startSeconds: startSeconds ?? null });
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

/**
 * A paragraph of the transcript in the editor. It knows its turn's speaker
 * and kind and where it starts in the plain text; the speaker's name is drawn
 * by CSS from a data attribute, so it is never part of the selectable text,
 * and given to screen readers as the name of the turn's first paragraph (a
 * group described as a turn). An aside is a note to them.
 * A caption cue's time is a real element in the margin (so that it can be
 * seen, measured and laid out on one line), after the text and outside the
 * part of the paragraph Lexical manages.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  setDOMUnmanaged,
  type EditorConfig,
  type ElementDOMSlot,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import type { Transcript, TurnKind } from '../../../../shared/model';
import { formatMediaTime } from '../../../../core/export/media-time';

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

/** 75 -> "1:15", 3725 -> "1:02:05": the margin writes times as the export does. */
export { formatMediaTime };

/** Class of the cue time element inside a paragraph. */
export const MEDIA_TIME_CLASS = 'para__time';

/** Whether a transcript has media times to show in the margin (a caption file, a timed transcript). */
export function hasMediaTimes(transcript: Transcript): boolean {
  return transcript.turns.some((turn) => turn.paragraphs.some((p) => p.startSeconds != null));
}

/** The cue time, drawn in the margin: not selectable, not copied, not read out with the text. */
function mediaTimeElement(seconds: number): HTMLElement {
  const time = document.createElement('time');
  time.className = MEDIA_TIME_CLASS;
  time.textContent = formatMediaTime(seconds);
  time.setAttribute('contenteditable', 'false');
  time.setAttribute('aria-hidden', 'true');
  setDOMUnmanaged(time);
  return time;
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
    if (startSeconds !== null) {
      p.setAttribute('data-time', formatMediaTime(startSeconds));
      p.append(mediaTimeElement(startSeconds));
    }
    p.className = `para para--${kind}${firstOfTurn ? ' para--first' : ''}`;
    p.setAttribute('data-start', String(start));
    p.setAttribute('data-end', String(end));
    if (firstOfTurn && speaker) {
      p.setAttribute('data-speaker', speaker);
      p.setAttribute('data-speaker-index', String(speakerIndex % 6));
      // Screen readers announce the turn by its speaker ("Dario Amodei, turn"); the name CSS draws is kept from them.
      p.setAttribute('role', 'group');
      p.setAttribute('aria-roledescription', 'turn');
      p.setAttribute('aria-label', speaker);
    } else if (kind === 'aside') {
      // Stage directions, captions and other words around the talk: announced as a note, apart from what is said.
      p.setAttribute('role', 'note');
    }
    return p;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** The text goes before the cue time, which stays the paragraph's last child. */
  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    const slot = super.getDOMSlot(element);
    const last = element.lastElementChild;
    return last instanceof HTMLElement && last.classList.contains(MEDIA_TIME_CLASS) ? slot.withBefore(last) : slot;
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

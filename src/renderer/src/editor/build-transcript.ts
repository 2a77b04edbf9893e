/**
 * Builds the editor content for a transcript: one paragraph node per
 * paragraph, with highlights already cut into MarkNodes (instead of inserting
 * text and then wrapping marks one by one), a slice at a time.
 */
import { $createMarkNode } from '@lexical/mark';
import { $createTextNode, $getRoot, type LexicalNode } from 'lexical';
import type { Paragraph, Transcript } from '../../../shared/model';
import { $createTranscriptChunkNode, type TranscriptChunkNode } from './nodes/TranscriptChunkNode';
import { $createTranscriptParagraphNode, type ParagraphInfo } from './nodes/TranscriptParagraphNode';

/** Paragraphs per chunk, at least: a chunk ends with a turn. */
const CHUNK_PARAGRAPHS = 48;

export interface PlacedMark {
  id: string;
  start: number;
  end: number;
}

/** Text and mark nodes for one paragraph, given the marks that overlap it (in stacking order). */
function $paragraphChildren(p: Paragraph, marks: PlacedMark[]): LexicalNode[] {
  if (marks.length === 0) return [$createTextNode(p.text)];
  const cuts = new Set([p.start, p.end]);
  for (const m of marks) {
    if (m.start > p.start) cuts.add(m.start);
    if (m.end < p.end) cuts.add(m.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const children: LexicalNode[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const text = $createTextNode(p.text.slice(a - p.start, b - p.start));
    const ids = marks.filter((m) => m.start <= a && m.end >= b).map((m) => m.id);
    children.push(ids.length ? $createMarkNode(ids).append(text) : text);
  }
  return children;
}

/** One paragraph to build, with what it needs to know about its turn. */
interface PendingParagraph {
  paragraph: Paragraph;
  speaker: string | null;
  speakerIndex: number;
  kind: ParagraphInfo['kind'];
  firstOfTurn: boolean;
}

/**
 * Builds the editor content for a transcript a slice at a time, so the first
 * screen can be shown before the rest of a long transcript is built. Each
 * call appends the next paragraphs, marks cut in, to the root.
 */
export class TranscriptBuilder {
  private readonly pending: PendingParagraph[] = [];
  private readonly byStart: PlacedMark[];
  private readonly order: Map<string, number>;
  private built = 0;
  private nextMark = 0;
  private active: PlacedMark[] = [];

  /** @param marks highlights placed in the plain text, oldest first (later ones stack on top) */
  constructor(transcript: Transcript, marks: readonly PlacedMark[]) {
    const speakerIndexes = new Map(transcript.speakers.map((name, i) => [name, i]));
    transcript.turns.forEach((turn, turnIndex) => {
      const isTitle = turnIndex === 0 && turn.kind === 'heading' && turn.paragraphs[0]?.text === transcript.title;
      const speakerIndex = turn.speaker ? (speakerIndexes.get(turn.speaker) ?? -1) : -1;
      turn.paragraphs.forEach((paragraph, i) =>
        this.pending.push({ paragraph, speaker: turn.speaker, speakerIndex, kind: isTitle ? 'title' : turn.kind, firstOfTurn: i === 0 }),
      );
    });
    this.byStart = [...marks].sort((a, b) => a.start - b.start);
    this.order = new Map(marks.map((m, i) => [m.id, i]));
  }

  get done(): boolean {
    return this.built >= this.pending.length;
  }

  /**
   * Appends up to `count` more paragraphs; true when the whole transcript is
   * built. Paragraphs go into chunks of whole turns, about CHUNK_PARAGRAPHS each.
   */
  $appendParagraphs(count: number): boolean {
    const chunks: TranscriptChunkNode[] = [];
    let chunk: TranscriptChunkNode | null = null;
    let inChunk = 0;
    const until = Math.min(this.pending.length, this.built + count);
    for (; this.built < until; this.built++) {
      const { paragraph: p, ...info } = this.pending[this.built];
      if (chunk === null || (info.firstOfTurn && inChunk >= CHUNK_PARAGRAPHS)) {
        chunk = $createTranscriptChunkNode();
        chunks.push(chunk);
        inChunk = 0;
      }
      while (this.nextMark < this.byStart.length && this.byStart[this.nextMark].start < p.end) this.active.push(this.byStart[this.nextMark++]);
      this.active = this.active.filter((m) => m.end > p.start);
      const here = this.active.filter((m) => m.start < p.end).sort((a, b) => this.order.get(a.id)! - this.order.get(b.id)!);
      const node = $createTranscriptParagraphNode({ ...info, start: p.start, end: p.end, startSeconds: p.startSeconds ?? null });
      chunk.append(node.append(...$paragraphChildren(p, here)));
      inChunk++;
    }
    $getRoot().append(...chunks);
    return this.done;
  }
}

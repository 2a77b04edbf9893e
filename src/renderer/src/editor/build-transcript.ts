/**
 * Builds the editor content for a transcript in one pass: one paragraph node
 * per paragraph, with highlights already cut into MarkNodes, instead of
 * inserting text and then wrapping marks one by one.
 */
import { $createMarkNode } from '@lexical/mark';
import { $createTextNode, $getRoot, type LexicalNode } from 'lexical';
import type { Paragraph, Transcript } from '../../../shared/model';
import { $createTranscriptParagraphNode } from './nodes/TranscriptParagraphNode';

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

/**
 * Replaces the editor's content with the transcript.
 * @param marks highlights placed in the plain text, oldest first (later ones stack on top)
 */
export function $buildTranscript(transcript: Transcript, marks: PlacedMark[]): void {
  const root = $getRoot();
  root.clear();
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  const order = new Map(marks.map((m, i) => [m.id, i]));
  let next = 0;
  let active: PlacedMark[] = [];
  const nodes: LexicalNode[] = [];
  transcript.turns.forEach((turn, turnIndex) => {
    const isTitle = turnIndex === 0 && turn.kind === 'heading' && turn.paragraphs[0]?.text === transcript.title;
    const speakerIndex = turn.speaker ? transcript.speakers.indexOf(turn.speaker) : -1;
    turn.paragraphs.forEach((p, i) => {
      while (next < byStart.length && byStart[next].start < p.end) active.push(byStart[next++]);
      active = active.filter((m) => m.end > p.start);
      const here = active.filter((m) => m.start < p.end).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      const node = $createTranscriptParagraphNode({
        speaker: turn.speaker,
        speakerIndex,
        kind: isTitle ? 'title' : turn.kind,
        firstOfTurn: i === 0,
        start: p.start,
        end: p.end,
        startSeconds: p.startSeconds ?? null,
      });
      nodes.push(node.append(...$paragraphChildren(p, here)));
    });
  });
  root.append(...nodes);
}

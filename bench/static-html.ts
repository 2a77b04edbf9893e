/**
 * The benchmark's baseline: a transcript with its highlights as static HTML
 * (paragraphs and <mark>s, with the classes the app's stylesheet styles), so
 * the browser's cost of simply showing the text can be measured beside the
 * app's cost of opening it.
 */
import { resolveSelectors } from '../src/core/anchoring/selectors';
import { plainTextOf } from '../src/core/transcript/plain-text';
import type { Annotation, Transcript } from '../src/shared/model';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * @param chunkParagraphs when given, paragraphs are grouped in `.transcript-chunk`s of whole turns, at least this
 *   many paragraphs each, as the app groups them; otherwise the paragraphs are flat.
 */
export function staticHtml(t: Transcript, annotations: readonly Annotation[], chunkParagraphs?: number): string {
  const text = plainTextOf(t);
  const ranges = annotations.flatMap((a) => {
    const r = resolveSelectors(text, a.selectors);
    return r ? [{ ...r, color: a.color }] : [];
  });
  ranges.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let inChunk = 0;
  let next = 0;
  let active: typeof ranges = [];
  t.turns.forEach((turn, turnIndex) => {
    const speakerIndex = turn.speaker ? t.speakers.indexOf(turn.speaker) % 6 : -1;
    turn.paragraphs.forEach((p, i) => {
      while (next < ranges.length && ranges[next].start < p.end) active.push(ranges[next++]);
      active = active.filter((r) => r.end > p.start);
      const cuts = new Set([p.start, p.end]);
      for (const r of active) {
        if (r.start > p.start && r.start < p.end) cuts.add(r.start);
        if (r.end < p.end) cuts.add(r.end);
      }
      const bounds = [...cuts].sort((a, b) => a - b);
      let inner = '';
      for (let k = 0; k + 1 < bounds.length; k++) {
        const [a, b] = [bounds[k], bounds[k + 1]];
        const piece = escape(p.text.slice(a - p.start, b - p.start));
        const over = active.filter((r) => r.start <= a && r.end >= b);
        inner += over.length ? `<mark class="hl${over.length > 1 ? ' hl--overlap' : ''}" data-color="${over.at(-1)!.color}">${piece}</mark>` : piece;
      }
      const kind = turnIndex === 0 && turn.kind === 'heading' ? 'title' : turn.kind;
      const tag = kind === 'title' ? 'h1' : kind === 'heading' ? 'h2' : 'p';
      const speaker = i === 0 && turn.speaker ? ` data-speaker="${escape(turn.speaker)}" data-speaker-index="${speakerIndex}"` : '';
      const time = p.startSeconds != null ? ` data-time="${Math.floor(p.startSeconds / 60)}:${String(Math.floor(p.startSeconds % 60)).padStart(2, '0')}"` : '';
      if (chunkParagraphs !== undefined && (out.length === 0 || (i === 0 && inChunk >= chunkParagraphs))) {
        if (out.length > 0) out.push('</div>');
        out.push('<div class="transcript-chunk">');
        inChunk = 0;
      }
      inChunk++;
      out.push(`<${tag} class="para para--${kind}${i === 0 ? ' para--first' : ''}"${speaker}${time}>${inner}</${tag}>`);
    });
  });
  if (chunkParagraphs !== undefined && out.length > 0) out.push('</div>');
  return out.join('');
}

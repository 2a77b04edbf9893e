/**
 * Packs an opened document into the columns it crosses IPC in
 * (src/shared/packed-document.ts says why), and unpacks it on the other side:
 * main packs, the renderer unpacks.
 */
import type { Annotation, OpenedDocument, Paragraph, Turn } from '../../shared/model';
import type { PackedDocument } from '../../shared/packed-document';

export function packDocument({ document, transcript, annotations }: OpenedDocument): PackedDocument {
  const turns: PackedDocument['turns'] = { speaker: [], kind: [], paragraphs: [] };
  const paragraphs: PackedDocument['paragraphs'] = { text: [], start: [], end: [], startSeconds: [], endSeconds: [] };
  for (const turn of transcript.turns) {
    turns.speaker.push(turn.speaker);
    turns.kind.push(turn.kind);
    turns.paragraphs.push(turn.paragraphs.length);
    for (const p of turn.paragraphs) {
      paragraphs.text.push(p.text);
      paragraphs.start.push(p.start);
      paragraphs.end.push(p.end);
      paragraphs.startSeconds.push(p.startSeconds ?? null);
      paragraphs.endSeconds.push(p.endSeconds ?? null);
    }
  }
  const columns: PackedDocument['annotations'] = { id: [], exact: [], prefix: [], suffix: [], start: [], end: [], color: [], note: [], createdAt: [], updatedAt: [] };
  for (const a of annotations) {
    columns.id.push(a.id);
    columns.exact.push(a.selectors.quote.exact);
    columns.prefix.push(a.selectors.quote.prefix);
    columns.suffix.push(a.selectors.quote.suffix);
    columns.start.push(a.selectors.position.start);
    columns.end.push(a.selectors.position.end);
    columns.color.push(a.color);
    columns.note.push(a.note);
    columns.createdAt.push(a.createdAt);
    columns.updatedAt.push(a.updatedAt);
  }
  return { document, title: transcript.title, speakers: transcript.speakers, turns, paragraphs, annotations: columns };
}

/** The document as the renderer works with it. Media times that were absent come back absent. */
export function unpackDocument(packed: PackedDocument): OpenedDocument {
  const { document, turns: t, paragraphs: p, annotations: c } = packed;
  const turns: Turn[] = [];
  let next = 0;
  for (let i = 0; i < t.speaker.length; i++) {
    const paragraphs: Paragraph[] = [];
    for (const last = next + t.paragraphs[i]; next < last; next++) {
      const paragraph: Paragraph = { text: p.text[next], start: p.start[next], end: p.end[next] };
      if (p.startSeconds[next] !== null) paragraph.startSeconds = p.startSeconds[next];
      if (p.endSeconds[next] !== null) paragraph.endSeconds = p.endSeconds[next];
      paragraphs.push(paragraph);
    }
    turns.push({ speaker: t.speaker[i], kind: t.kind[i], paragraphs });
  }
  const annotations: Annotation[] = c.id.map((id, i) => ({
    id,
    documentId: document.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: c.exact[i], prefix: c.prefix[i], suffix: c.suffix[i] },
      position: { type: 'TextPositionSelector', start: c.start[i], end: c.end[i] },
    },
    color: c.color[i],
    note: c.note[i],
    createdAt: c.createdAt[i],
    updatedAt: c.updatedAt[i],
  }));
  return { document, transcript: { title: packed.title, speakers: packed.speakers, turns }, annotations };
}

/**
 * Packs an opened document into the columns it crosses IPC in
 * (src/shared/packed-document.ts says why), and unpacks it on the other side:
 * main packs, the renderer unpacks. A highlight's columns follow one field
 * list (PackedHighlightRow): `rowOf` and `highlightOf` say how a highlight
 * becomes a row and back, and everything else is generic over the list.
 */
import type { Annotation, OpenedDocument, Paragraph, Turn } from '../../shared/model';
import type { PackedDocument, PackedHighlightRow, PackedHighlights } from '../../shared/packed-document';

/** Joins a highlight's codes in one cell; no code holds a line break (code-path.ts refuses control characters). */
const CODE_SEPARATOR = '\n';

/** The row of one highlight. */
function rowOf(a: Annotation): PackedHighlightRow {
  const { quote, position } = a.selectors;
  return {
    id: a.id,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    color: a.color,
    note: a.note,
    noteState: a.noteState,
    codes: a.codes.join(CODE_SEPARATOR),
    orphaned: a.orphaned === true,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** The highlight a row holds. */
function highlightOf(row: PackedHighlightRow, documentId: string): Annotation {
  return {
    id: row.id,
    documentId,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
      position: { type: 'TextPositionSelector', start: row.start, end: row.end },
    },
    color: row.color,
    note: row.note,
    noteState: row.noteState,
    codes: row.codes === '' ? [] : row.codes.split(CODE_SEPARATOR),
    // Absent for a placed highlight, as everywhere else.
    ...(row.orphaned ? { orphaned: true } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns, in the order of the field list. */
const COLUMNS = ['id', 'exact', 'prefix', 'suffix', 'start', 'end', 'color', 'note', 'noteState', 'codes', 'orphaned', 'createdAt', 'updatedAt'] as const satisfies readonly (keyof PackedHighlightRow)[];
// Compile-time check that COLUMNS names every field of a row.
type MissingColumn = Exclude<keyof PackedHighlightRow, (typeof COLUMNS)[number]>;
export const COLUMNS_ARE_COMPLETE: [MissingColumn] extends [never] ? true : false = true;

type Column = (typeof COLUMNS)[number];
type AnyColumns = Record<Column, unknown[]>;

function packHighlights(annotations: readonly Annotation[]): PackedHighlights {
  const columns = Object.fromEntries(COLUMNS.map((k) => [k, []])) as unknown as AnyColumns;
  for (const a of annotations) {
    const row = rowOf(a);
    for (const k of COLUMNS) columns[k].push(row[k]);
  }
  return columns as PackedHighlights;
}

function unpackHighlights(columns: PackedHighlights, documentId: string): Annotation[] {
  const c = columns as AnyColumns;
  const out: Annotation[] = new Array(columns.id.length);
  for (let i = 0; i < out.length; i++) {
    const row = {} as Record<Column, unknown>;
    for (const k of COLUMNS) row[k] = c[k][i];
    out[i] = highlightOf(row as unknown as PackedHighlightRow, documentId);
  }
  return out;
}

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
  return { document, title: transcript.title, speakers: transcript.speakers, turns, paragraphs, annotations: packHighlights(annotations) };
}

/** The document as the renderer works with it. Media times that were absent come back absent. */
export function unpackDocument(packed: PackedDocument): OpenedDocument {
  const { document, turns: t, paragraphs: p } = packed;
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
  const annotations = unpackHighlights(packed.annotations, document.id);
  return { document, transcript: { title: packed.title, speakers: packed.speakers, turns }, annotations };
}

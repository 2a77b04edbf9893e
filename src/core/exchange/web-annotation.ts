/**
 * Writes highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
 * JSON-LD: one AnnotationCollection for an export, its annotations in one
 * embedded AnnotationPage. The format, as Gloss writes and reads it:
 *
 * - `@context`: ["http://www.w3.org/ns/anno.jsonld", {"gloss": GLOSS_NAMESPACE}]. The
 *   second entry maps the prefix `gloss:` to Gloss's own namespace for the
 *   properties the model has no place for. The namespace IRI is an identifier only
 *   (`.invalid` is reserved, so it can never resolve, and nothing fetches it).
 * - Collection: `id` urn:uuid, `label`, `total`, `generated`, `first`: the page,
 *   embedded with `id`, `partOf`, `startIndex` 0 and its `items`.
 * - Annotation: `id` `urn:uuid:<highlight id>`; `motivation` "highlighting", or
 *   "commenting" when it has a note; `created`/`modified` (ISO 8601, the highlight's
 *   createdAt/updatedAt); `gloss:color` (yellow … red) and `gloss:colorName` (the
 *   name the reader gave the colour); `body`, left out when there is nothing to say:
 *   the note as a TextualBody (`value` its Markdown, `format` text/markdown, `purpose`
 *   commenting), then each code as a TextualBody with `purpose` tagging and `value`
 *   the code path (`theme/risk`).
 * - `target`: a SpecificResource whose `source` is the document, `{id:
 *   "urn:gloss:document:<document id>", type: "Text", "gloss:sha256": <SHA-256 of the
 *   text>, "gloss:title": <title>}` (the hash lets another library holding the same
 *   transcript find it), and whose `selector` is [TextQuoteSelector {exact, prefix,
 *   suffix}, TextPositionSelector {start, end}] over the document's plain text. Positions
 *   count Unicode code points, as the model says (Gloss keeps UTF-16 offsets:
 *   converted here and when read).
 * - An orphan (a highlight whose text was corrected away) is written too, its
 *   selectors as they were, with `"gloss:orphaned": true` on the target; an import
 *   keeps it an orphan rather than placing it.
 *
 * Not carried, because the model has no place for it: who says the passage (the
 * speaker), the notebooks, the rich-text state of a note (its Markdown is written),
 * media times, and the codebook's descriptions and code colours (webAnnotationLeftOut
 * in main says so before an export).
 */
import type { Annotation, DocumentSummary, HighlightColor } from '../../shared/model';
import { CodePointIndex } from './code-points';

/** The model's own JSON-LD context. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Gloss's namespace for the properties the model has no place for (an identifier, never fetched). */
export const GLOSS_NAMESPACE = 'https://gloss.invalid/ns#';
/** The document IRI prefix: `urn:gloss:document:<document id>`. */
export const DOCUMENT_IRI_PREFIX = 'urn:gloss:document:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  format?: string;
  purpose: 'commenting' | 'tagging';
}

export interface W3CAnnotation {
  '@context'?: unknown;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  'gloss:color': HighlightColor;
  'gloss:colorName': string;
  body?: W3CTextualBody[];
  target: {
    type: 'SpecificResource';
    source: { id: string; type: 'Text'; 'gloss:sha256': string; 'gloss:title': string };
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
    'gloss:orphaned'?: true;
  };
}

export interface W3CAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: number;
  items: W3CAnnotation[];
}

export interface W3CAnnotationCollection {
  '@context': unknown[];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: W3CAnnotationPage;
}

/** One document as an export gives it: its summary, its plain text and the highlights to write. */
export interface WebAnnotationSource {
  document: Pick<DocumentSummary, 'id' | 'title' | 'hash'>;
  plainText: string;
  annotations: readonly Annotation[];
}

/** The JSON-LD `@context` of a Gloss export. */
export function glossContext(): unknown[] {
  return [ANNOTATION_CONTEXT, { gloss: GLOSS_NAMESPACE }];
}

/** The IRI of a highlight: `urn:uuid:<id>` for a UUID (every id Gloss makes), else an IRI of Gloss's own. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:gloss:highlight:${encodeURIComponent(id)}`;
}

export function documentIri(documentId: string): string {
  return `${DOCUMENT_IRI_PREFIX}${encodeURIComponent(documentId)}`;
}

/** One highlight as a W3C Annotation (without `@context`: the collection's applies). */
export function webAnnotationOf(
  annotation: Annotation,
  document: WebAnnotationSource['document'],
  offsets: CodePointIndex,
  colorNames: Readonly<Record<HighlightColor, string>>,
): W3CAnnotation {
  const { quote, position } = annotation.selectors;
  const body: W3CTextualBody[] = [];
  if (annotation.note.trim() !== '') body.push({ type: 'TextualBody', value: annotation.note, format: 'text/markdown', purpose: 'commenting' });
  for (const code of annotation.codes) body.push({ type: 'TextualBody', value: code, purpose: 'tagging' });
  return {
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: annotation.note.trim() !== '' ? 'commenting' : 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    'gloss:color': annotation.color,
    'gloss:colorName': colorNames[annotation.color],
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: { id: documentIri(document.id), type: 'Text', 'gloss:sha256': document.hash, 'gloss:title': document.title },
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: offsets.toCodePoint(position.start), end: offsets.toCodePoint(position.end) },
      ],
      ...(annotation.orphaned ? { 'gloss:orphaned': true as const } : {}),
    },
  };
}

/**
 * The collection of an export: every highlight of every document given, in order (placed ones in text order,
 * then orphans), in one embedded page. `ids` name the collection and its page (urn:uuid IRIs the caller makes).
 */
export function webAnnotationCollection(
  sources: readonly WebAnnotationSource[],
  options: { collectionId: string; pageId: string; label: string; generated: Date; colorNames: Readonly<Record<HighlightColor, string>> },
): W3CAnnotationCollection {
  const items: W3CAnnotation[] = [];
  for (const source of sources) {
    const offsets = new CodePointIndex(source.plainText);
    const ordered = [...source.annotations].sort(
      (a, b) => Number(a.orphaned ?? false) - Number(b.orphaned ?? false) || a.selectors.position.start - b.selectors.position.start || a.selectors.position.end - b.selectors.position.end,
    );
    for (const annotation of ordered) items.push(webAnnotationOf(annotation, source.document, offsets, options.colorNames));
  }
  return {
    '@context': glossContext(),
    id: options.collectionId,
    type: 'AnnotationCollection',
    label: options.label,
    total: items.length,
    generated: options.generated.toISOString(),
    first: { id: options.pageId, type: 'AnnotationPage', partOf: options.collectionId, startIndex: 0, items },
  };
}

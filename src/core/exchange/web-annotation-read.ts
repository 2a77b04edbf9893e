/**
 * Reads W3C Web Annotations (JSON-LD, already parsed) into what Gloss can
 * place: for each annotation its document (source IRI, text hash), its quote
 * and position (TextQuoteSelector, TextPositionSelector), its note, tags,
 * colour, times. Accepts what other tools write, not only Gloss
 * (web-annotation.ts describes Gloss's own format): an AnnotationCollection
 * with its pages embedded (first, then each next), an AnnotationPage, one
 * Annotation, or a list of annotations or pages; `type` as a string or a list,
 * with or without the `oa:` prefix; a target as an IRI, an object or a list; a
 * selector as an object or a list; a body as an IRI, an object or a list, or a
 * `bodyValue`.
 *
 * Everything is checked before anything is returned: a file that breaks the
 * model's rules (an annotation without a target, a selector with no text, a
 * position that is not a range, both body and bodyValue …) is refused with a
 * WebAnnotationError naming the annotation and the field. What is valid but has
 * no place in Gloss (a target that is a whole page or an image region, a body
 * that links to a web resource) is counted in `notCarried`, in words.
 */
import { GLOSS_NAMESPACE } from './web-annotation';

/** Most annotations one file may bring. */
export const MAX_IMPORTED_ANNOTATIONS = 200_000;
/** Longest note accepted (as the app's own notes). */
export const MAX_IMPORTED_NOTE_LENGTH = 100_000;
/** Longest quote accepted. */
export const MAX_IMPORTED_QUOTE_LENGTH = 100_000;

/** A file that is not valid W3C annotations: the message says where and why. */
export class WebAnnotationError extends Error {}

/** One annotation as read, before it is placed. Positions count code points, as in the file. */
export interface IncomingAnnotation {
  /** 1-based, in file order: how messages name it with its id. */
  index: number;
  /** The annotation's own id (an IRI), or null when it has none. */
  id: string | null;
  /** The document it is on: its IRI, and Gloss's text hash when the file gives one. */
  source: string | null;
  sourceHash: string | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  /** Its notes (commenting or describing bodies, bodyValue), joined by a blank line; '' for none. */
  note: string;
  /** Values of its tagging bodies, as written. */
  tags: string[];
  /** `gloss:color` as written, or null. */
  color: string | null;
  created: string | null;
  modified: string | null;
  /** Written by Gloss as an orphan (`gloss:orphaned`): not to be placed. */
  orphaned: boolean;
}

export interface ReadAnnotations {
  annotations: IncomingAnnotation[];
  /** What the file holds that Gloss does not take, in words. */
  notCarried: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** `type` (or `@type`) values, without an `oa:` prefix or the full oa namespace. */
function typesOf(value: Json): string[] {
  return listOf(value.type ?? value['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^oa:/, '').replace(/^http:\/\/www\.w3\.org\/ns\/oa#/, ''));
}

/** A Gloss extension property, written with its prefix or in full. */
function glossProperty(value: Json, name: string): unknown {
  return value[`gloss:${name}`] ?? value[`${GLOSS_NAMESPACE}${name}`];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The annotations a parsed file holds, checked, or a WebAnnotationError saying what is wrong. */
export function readWebAnnotations(root: unknown): ReadAnnotations {
  const counts = { iriItems: 0, notText: 0, iriBodies: 0, otherBodies: 0 };
  const items = itemsOf(root);
  if (items.length > MAX_IMPORTED_ANNOTATIONS) {
    throw new WebAnnotationError(`The file holds ${items.length.toLocaleString('en')} annotations; Gloss imports at most ${MAX_IMPORTED_ANNOTATIONS.toLocaleString('en')} at once`);
  }
  const annotations: IncomingAnnotation[] = [];
  for (const [i, item] of items.entries()) {
    const read = readAnnotation(item, i + 1, counts);
    if (read) annotations.push(read);
  }
  const notCarried: string[] = [];
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  if (counts.iriItems > 0) notCarried.push(`${plural(counts.iriItems, 'annotation is', 'annotations are')} only named by an address, not written in the file, so there is nothing to import of them.`);
  if (counts.notText > 0) {
    notCarried.push(`${plural(counts.notText, 'annotation points', 'annotations point')} at no passage of a text (a whole page, an image region, a time span): Gloss highlights only passages of a transcript.`);
  }
  if (counts.iriBodies > 0) notCarried.push(`${plural(counts.iriBodies, 'body links', 'bodies link')} to a web resource rather than holding text, and ${counts.iriBodies === 1 ? 'was' : 'were'} left out.`);
  if (counts.otherBodies > 0) notCarried.push(`${plural(counts.otherBodies, 'body', 'bodies')} of another kind (a choice, a set, a specific resource) ${counts.otherBodies === 1 ? 'was' : 'were'} left out.`);
  return { annotations, notCarried };
}

/** Every annotation (or annotation IRI) the file holds, in order. */
function itemsOf(root: unknown): unknown[] {
  if (Array.isArray(root)) return root.flatMap((entry) => (isObject(entry) && isPage(entry) ? pageItems(entry) : [entry]));
  if (!isObject(root)) throw new WebAnnotationError(`The file holds JSON, but not W3C annotations: ${describe(root)} where a collection, a page, an annotation or a list of annotations was expected`);
  const types = typesOf(root);
  if (types.includes('AnnotationCollection')) {
    const first = root.first;
    if (first === undefined || first === null) {
      if (root.total === 0 || root.total === undefined) return [];
      throw new WebAnnotationError(`The collection says it holds ${String(root.total)} annotations but has no first page`);
    }
    if (typeof first === 'string') throw new WebAnnotationError(`The collection's first page (${first.slice(0, 200)}) is not in the file; Gloss reads collections whose pages are written in the file itself`);
    if (!isObject(first)) throw new WebAnnotationError(`The collection's first page is ${describe(first)}, not a page`);
    return pageItems(first);
  }
  if (isPage(root)) return pageItems(root);
  if (types.includes('Annotation') || (types.length === 0 && 'target' in root)) return [root];
  const said = types.length > 0 ? `its type is ${types.map((t) => `"${t.slice(0, 60)}"`).join(', ')}` : 'it has no type';
  throw new WebAnnotationError(`The file holds JSON, but not W3C annotations: ${said} (expected an AnnotationCollection, an AnnotationPage or an Annotation)`);
}

function isPage(value: Json): boolean {
  return typesOf(value).includes('AnnotationPage') || (typesOf(value).length === 0 && Array.isArray(value.items) && !('target' in value));
}

/** A page's items and those of every page after it (each `next` written in the file). */
function pageItems(first: Json): unknown[] {
  const items: unknown[] = [];
  const seen = new Set<Json>();
  let page: unknown = first;
  for (let n = 1; page !== undefined && page !== null; n++) {
    if (typeof page === 'string') throw new WebAnnotationError(`Page ${n} of the collection (${page.slice(0, 200)}) is not in the file; Gloss reads collections whose pages are written in the file itself`);
    if (!isObject(page)) throw new WebAnnotationError(`Page ${n} of the collection is ${describe(page)}, not a page`);
    if (seen.has(page)) break;
    seen.add(page);
    if (!Array.isArray(page.items)) throw new WebAnnotationError(`Page ${n} of the collection has no list of items`);
    for (const item of page.items) items.push(item);
    if (items.length > MAX_IMPORTED_ANNOTATIONS) break;
    page = page.next;
  }
  return items;
}

function readAnnotation(item: unknown, index: number, counts: { iriItems: number; notText: number; iriBodies: number; otherBodies: number }): IncomingAnnotation | null {
  if (typeof item === 'string') {
    counts.iriItems++;
    return null;
  }
  if (!isObject(item)) throw new WebAnnotationError(`Item ${index} is ${describe(item)}, not an annotation`);
  const id = typeof item.id === 'string' ? item.id : typeof item['@id'] === 'string' ? (item['@id'] as string) : null;
  const name = `Annotation ${index}${id ? ` (${id.slice(0, 120)})` : ''}`;
  const types = typesOf(item);
  if (types.length > 0 && !types.includes('Annotation')) throw new WebAnnotationError(`Item ${index}${id ? ` (${id.slice(0, 120)})` : ''} is ${types.map((t) => `"${t.slice(0, 60)}"`).join(', ')}, not an Annotation`);
  if (item.id !== undefined && typeof item.id !== 'string') throw new WebAnnotationError(`${name}: its id is ${describe(item.id)}, not an IRI`);
  if (!('target' in item) || item.target === null || (Array.isArray(item.target) && item.target.length === 0)) throw new WebAnnotationError(`${name} has no target`);
  if ('body' in item && 'bodyValue' in item) throw new WebAnnotationError(`${name} has both a body and a bodyValue; the model allows one or the other`);

  const created = timeOf(item.created, name, 'created');
  const modified = timeOf(item.modified, name, 'modified');
  const { note, tags } = bodiesOf(item, name, counts);
  const color = glossProperty(item, 'color');

  const place = targetOf(item.target, name);
  if (!place) {
    counts.notText++;
    return null;
  }
  return {
    index,
    id,
    ...place,
    note,
    tags,
    color: typeof color === 'string' ? color : null,
    created,
    modified: modified ?? created,
  };
}

function timeOf(value: unknown, name: string, field: string): string | null {
  if (value === undefined || value === null) return null;
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof single !== 'string' || Number.isNaN(Date.parse(single))) throw new WebAnnotationError(`${name}: its ${field} time is not a date and time (${describe(single)}${typeof single === 'string' ? ` "${single.slice(0, 40)}"` : ''})`);
  return single;
}

function bodiesOf(item: Json, name: string, counts: { iriBodies: number; otherBodies: number }): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if ('bodyValue' in item) {
    const value = Array.isArray(item.bodyValue) && item.bodyValue.length === 1 ? item.bodyValue[0] : item.bodyValue;
    if (typeof value !== 'string') throw new WebAnnotationError(`${name}: its bodyValue is ${describe(value)}, not text`);
    notes.push(value);
  }
  for (const body of listOf(item.body)) {
    if (typeof body === 'string') {
      counts.iriBodies++;
      continue;
    }
    if (!isObject(body)) throw new WebAnnotationError(`${name}: a body is ${describe(body)}, neither an IRI nor an object`);
    if (!('value' in body)) {
      if (typeof body.id === 'string' && !('source' in body) && !('items' in body)) counts.iriBodies++;
      else counts.otherBodies++;
      continue;
    }
    if (typeof body.value !== 'string') throw new WebAnnotationError(`${name}: a body's value is ${describe(body.value)}, not text`);
    const purposes = listOf(body.purpose).filter((p): p is string => typeof p === 'string').map((p) => p.replace(/^oa:/, ''));
    if (purposes.includes('tagging')) tags.push(body.value);
    else notes.push(body.value);
  }
  const note = notes.filter((n) => n.trim() !== '').join('\n\n');
  if (note.length > MAX_IMPORTED_NOTE_LENGTH) throw new WebAnnotationError(`${name}: its note is ${note.length.toLocaleString('en')} characters long; Gloss keeps notes of at most ${MAX_IMPORTED_NOTE_LENGTH.toLocaleString('en')}`);
  return { note, tags };
}

type Place = Pick<IncomingAnnotation, 'source' | 'sourceHash' | 'quote' | 'position' | 'orphaned'>;

/** The first target that names a passage of a text (a quote or a position in it), or null when none does. */
function targetOf(target: unknown, name: string): Place | null {
  for (const entry of listOf(target)) {
    if (typeof entry === 'string') continue;
    if (!isObject(entry)) throw new WebAnnotationError(`${name}: a target is ${describe(entry)}, neither an IRI nor an object`);
    const { quote, position } = selectorsOf(entry.selector, name);
    if (!quote && !position) continue;
    const source = entry.source;
    const sourceId = typeof source === 'string' ? source : isObject(source) && typeof source.id === 'string' ? source.id : null;
    const hash = (isObject(source) ? glossProperty(source, 'sha256') : undefined) ?? glossProperty(entry, 'sha256');
    return {
      source: sourceId,
      sourceHash: typeof hash === 'string' && /^[0-9a-f]{64}$/i.test(hash) ? hash.toLowerCase() : null,
      quote,
      position,
      orphaned: glossProperty(entry, 'orphaned') === true,
    };
  }
  return null;
}

function selectorsOf(selector: unknown, name: string): Pick<IncomingAnnotation, 'quote' | 'position'> {
  let quote: IncomingAnnotation['quote'] = null;
  let position: IncomingAnnotation['position'] = null;
  for (const s of listOf(selector)) {
    if (!isObject(s)) continue;
    const types = typesOf(s);
    if (types.includes('TextQuoteSelector') && !quote) {
      const { exact, prefix = '', suffix = '' } = s;
      if (typeof exact !== 'string' || exact === '') throw new WebAnnotationError(`${name}: its TextQuoteSelector has no exact text`);
      if (exact.length > MAX_IMPORTED_QUOTE_LENGTH) throw new WebAnnotationError(`${name}: its TextQuoteSelector quotes ${exact.length.toLocaleString('en')} characters; Gloss highlights at most ${MAX_IMPORTED_QUOTE_LENGTH.toLocaleString('en')}`);
      if (typeof prefix !== 'string') throw new WebAnnotationError(`${name}: its TextQuoteSelector's prefix is ${describe(prefix)}, not text`);
      if (typeof suffix !== 'string') throw new WebAnnotationError(`${name}: its TextQuoteSelector's suffix is ${describe(suffix)}, not text`);
      quote = { exact, prefix: prefix.slice(-64), suffix: suffix.slice(0, 64) };
    } else if (types.includes('TextPositionSelector') && !position) {
      const { start, end } = s;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < 0) {
        throw new WebAnnotationError(`${name}: its TextPositionSelector's start and end are not whole numbers from 0 (start ${JSON.stringify(start)?.slice(0, 30)}, end ${JSON.stringify(end)?.slice(0, 30)})`);
      }
      if ((start as number) >= (end as number)) throw new WebAnnotationError(`${name}: its TextPositionSelector (start ${String(start)}, end ${String(end)}) selects no text`);
      position = { start: start as number, end: end as number };
    }
  }
  return { quote, position };
}

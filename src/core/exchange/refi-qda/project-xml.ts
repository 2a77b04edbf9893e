/**
 * Writes a REFI-QDA project (QDA-XML 1.0, the project.qde inside a .qdpx) of
 * Gloss documents. What goes where:
 *  - Users: one user, the Gloss reader, who made the project (and every
 *    highlight: selections do not repeat it, a library has 250,000 of them);
 *  - CodeBook: the code tree (codebook-xml.ts);
 *  - Cases: one per speaker (the same speaker across documents is one case),
 *    whose SelectionRefs point at that speaker's turns;
 *  - Sources: one TextSource per document, its text in sources/<guid>.txt
 *    (the transcript with speaker labels: source-text.ts). Each highlight is
 *    a PlainTextSelection (its GUID the highlight's id, its name a short quote,
 *    positions in code points) with a Coding per code and its note as its
 *    Description. Each turn of a speaker is a PlainTextSelection named
 *    "Turn: <speaker>", with no coding.
 *  - Notes: each document's notebook, linked from its source by NoteRef, and
 *    the library notebook, linked from the project.
 * Written straight into UTF-8 bytes (xml-bytes.ts), one document at a time,
 * not as a DOM nor as strings: a library of 250,000 highlights is a hundred
 * megabytes of XML, written in a second or two.
 */
import type { Annotation, Transcript } from '../../../shared/model';
import { type CodeEntry, codeGuid, codesXml, completeCodes } from './codebook-xml';
import { CodePointIndex } from '../code-points';
import { derivedGuid, GuidSet, guidForId, relatedGuid } from './guids';
import { sourceTextOf } from './source-text';
import { XmlBytes } from './xml-bytes';
import { escapeXmlAttribute, escapeXmlText } from './xml-text';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** Who made every highlight of a Gloss export. */
export const GLOSS_USER_NAME = 'Gloss reader';
export const GLOSS_USER_GUID = derivedGuid('gloss-user', GLOSS_USER_NAME);
/** How a speaker's turn selection is named, before the speaker's name (import-plan.ts knows turns by it). */
export const TURN_NAME_PREFIX = 'Turn: ';
/** How many characters of its quote name a selection. */
const NAME_LENGTH = 60;

export interface ProjectDocument {
  id: string;
  title: string;
  addedAt: string;
  transcript: Transcript;
  plainText: string;
  /** The highlights to write; orphans among them are left out (they have no place in the text). */
  annotations: readonly Annotation[];
  /** The document's notebook as Markdown ('' for none). */
  notebook: string;
}

export interface ProjectInput {
  name: string;
  documents: readonly ProjectDocument[];
  codes: readonly CodeEntry[];
  libraryNotebook: string;
  now: Date;
  origin: string;
}

export interface ProjectOutput {
  /**
   * project.qde as UTF-8, in chunks made as they are read: the head (users, codes, cases), then each document's
   * source, then the tail (notes). Read it once; `sources` and the counts are complete once it has been read.
   */
  xml: Iterable<Uint8Array>;
  /** Each source's text and its path inside the .qdpx (sources/<guid>.txt), added as its document is written. */
  sources: { path: string; text: string }[];
  highlights: number;
  orphansLeftOut: number;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

/** White space as String.prototype.trimEnd sees it. */
function isWhite(c: number): boolean {
  return isSpace(c) || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where a selection's name is in its quote, when it is a part of the quote as it is (and whether "…" follows). */
interface NameRange {
  from: number;
  to: number;
  more: boolean;
}

/** A selection's name (selectionName): most are a part of the quote, given as where it is; the others as text. */
function nameOf(quote: string): NameRange | string {
  // Over the first characters only: quotes can be pages long, and a library has 250,000 of them.
  let i = 0;
  while (i < quote.length && isSpace(quote.charCodeAt(i))) i++;
  const from = i;
  // Most names are the quote's next NAME_LENGTH characters as they are (single spaces between words).
  for (; i < quote.length && i - from < NAME_LENGTH; i++) {
    const c = quote.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || i + 1 === quote.length || isSpace(quote.charCodeAt(i + 1)))) break;
  }
  if (i === quote.length || i - from === NAME_LENGTH) {
    let rest = i;
    while (rest < quote.length && isWhite(quote.charCodeAt(rest))) rest++;
    if (rest === quote.length) return { from, to: i, more: false };
    // More text after the name: cut at NAME_LENGTH (never between the halves of a surrogate pair) and say so.
    let to = i;
    const last = quote.charCodeAt(to - 1);
    if (last >= 0xd800 && last <= 0xdbff) to--;
    while (to > from && isWhite(quote.charCodeAt(to - 1))) to--;
    return { from, to, more: true };
  }
  // White space to tidy: the name built a character at a time.
  let name = '';
  let space = false;
  for (i = from; i < quote.length && name.length < NAME_LENGTH; i++) {
    const c = quote.charCodeAt(i);
    if (isSpace(c)) {
      space = name.length > 0;
      continue;
    }
    if (space) name += ' ';
    space = false;
    name += quote[i];
  }
  if (name.length > NAME_LENGTH || (name.length === NAME_LENGTH && /\S/.test(quote.slice(i)))) {
    let cut = NAME_LENGTH;
    const last = name.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--;
    return `${name.slice(0, cut).trimEnd()}…`;
  }
  return name;
}

/** A selection's name: the start of its quote, on one line (runs of white space made one space), "…" when cut. */
export function selectionName(quote: string): string {
  const name = nameOf(quote);
  return typeof name === 'string' ? name : `${quote.slice(name.from, name.to)}${name.more ? '…' : ''}`;
}

interface SpeakerCase {
  guid: string;
  name: string;
  selections: string[];
}

export function projectXml(input: ProjectInput): ProjectOutput {
  const output: ProjectOutput = { xml: [], sources: [], highlights: 0, orphansLeftOut: 0 };
  output.xml = pieces(input, output);
  return output;
}

/** A document's source GUID and its speakers' turns, known before anything is written (the cases come before the sources). */
interface Planned {
  document: ProjectDocument;
  sourceGuid: string;
  /** The GUIDs of its speakers' turns, in order (each written twice: in its case, and as a selection). */
  turnGuids: string[];
}

function* pieces(input: ProjectInput, output: ProjectOutput): Generator<Uint8Array> {
  const taken = new GuidSet();
  const user = GLOSS_USER_GUID;
  const used = new Set<string>();
  for (const d of input.documents) for (const a of d.annotations) for (const c of a.codes) used.add(c);
  const codes = completeCodes(input.codes, used);
  const codeGuids = new Map(codes.map((c) => [c.path, codeGuid(c.path)]));
  const notes: string[] = [];
  const dates = new DateCheck();
  const w = new XmlBytes();

  // Cases first: each speaker's turns, by GUID (turn n of a source is its nth labelled turn, as source-text.ts counts them).
  const cases = new Map<string, SpeakerCase>();
  const planned: Planned[] = input.documents.map((document) => {
    const sourceGuid = guidForId(document.id, 'gloss-document', '', taken);
    const turnGuids: string[] = [];
    for (const turn of document.transcript.turns) {
      if (turn.kind !== 'speech' || !turn.speaker || turn.paragraphs.length === 0) continue;
      let speaker = cases.get(turn.speaker);
      if (!speaker) cases.set(turn.speaker, (speaker = { guid: derivedGuid('gloss-speaker', turn.speaker), name: turn.speaker, selections: [] }));
      const guid = turnGuid(sourceGuid, turnGuids.length);
      turnGuids.push(guid);
      speaker.selections.push(guid);
    }
    return { document, sourceGuid, turnGuids };
  });

  const now = input.now.toISOString();
  w.raw('<?xml version="1.0" encoding="utf-8"?>\n');
  w.raw(`<Project xmlns="${PROJECT_NAMESPACE}" name="`).attribute(input.name).raw('" origin="').attribute(input.origin);
  w.raw(`" creatingUserGUID="${user}" creationDateTime="${now}" modifyingUserGUID="${user}" modifiedDateTime="${now}">\n`);
  w.raw(`  <Users>\n    <User guid="${user}" name="${GLOSS_USER_NAME}"/>\n  </Users>\n`);
  if (codes.length > 0) w.raw('  <CodeBook>\n    <Codes>\n').markup(codesXml(codes, 3)).raw('    </Codes>\n  </CodeBook>\n');
  if (cases.size > 0) {
    w.raw('  <Cases>\n');
    for (const c of cases.values()) {
      w.raw(`    <Case guid="${c.guid}" name="`).attribute(c.name).raw('">\n');
      for (const s of c.selections) w.raw('      <SelectionRef targetGUID="').raw(s).raw('"/>\n');
      w.raw('    </Case>\n');
    }
    w.raw('  </Cases>\n');
  }
  if (planned.length > 0) w.raw('  <Sources>\n');
  yield* w.take();

  for (const { document, sourceGuid, turnGuids } of planned) {
    const source = sourceTextOf(document.transcript);
    const points = new CodePointIndex(source.text);
    output.sources.push({ path: `sources/${sourceGuid}.txt`, text: source.text });
    w.raw(`    <TextSource guid="${sourceGuid}" name="`).attribute(document.title).raw(`" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${user}"`);
    if (dates.ok(document.addedAt)) w.raw(' creationDateTime="').raw(document.addedAt).raw('"');
    w.raw('>\n');
    const placed = document.annotations.filter((a) => !a.orphaned);
    output.orphansLeftOut += document.annotations.length - placed.length;
    const { order, starts, ends } = inTextOrder(placed);
    for (let k = 0; k < order.length; k++) {
      const a = placed[order[k]];
      const start = starts[order[k]];
      const end = ends[order[k]];
      if (start < 0 || end > document.plainText.length || start >= end) {
        output.orphansLeftOut++;
        continue;
      }
      const guid = guidForId(a.id, 'gloss-highlight', document.id, taken);
      w.raw('      <PlainTextSelection guid="').raw(guid).raw('" name="');
      const quote = a.selectors.quote.exact;
      const name = nameOf(quote);
      if (typeof name === 'string') w.attribute(name);
      else {
        w.attribute(quote, name.from, name.to);
        if (name.more) w.attribute('…');
      }
      w.raw('" startPosition="').int(points.toCodePoint(source.toSource(start, 'start')));
      w.raw('" endPosition="').int(points.toCodePoint(source.toSource(end, 'end'))).raw('"');
      if (dates.ok(a.createdAt)) w.raw(' creationDateTime="').raw(a.createdAt).raw('"');
      // The time changed only when it differs from the time made (a reader of the file takes one for the other).
      if (a.updatedAt !== a.createdAt && dates.ok(a.updatedAt)) w.raw(' modifiedDateTime="').raw(a.updatedAt).raw('"');
      let body = false;
      if (a.note) {
        w.raw('><Description>').text(a.note).raw('</Description>');
        body = true;
      }
      for (const code of a.codes) {
        const target = codeGuids.get(code);
        if (!target) continue;
        if (!body) w.raw('>');
        body = true;
        w.raw('<Coding guid="').raw(relatedGuid(guid, code)).raw('"><CodeRef targetGUID="').raw(target).raw('"/></Coding>');
      }
      w.raw(body ? '</PlainTextSelection>\n' : '/>\n');
      output.highlights++;
    }
    source.turns.forEach((turn, index) => {
      w.raw('      <PlainTextSelection guid="').raw(turnGuids[index] ?? turnGuid(sourceGuid, index)).raw('" name="').attribute(TURN_NAME_PREFIX + turn.speaker);
      w.raw('" startPosition="').int(points.toCodePoint(turn.start)).raw('" endPosition="').int(points.toCodePoint(turn.end)).raw('"/>\n');
    });
    if (document.notebook.trim()) {
      const noteGuid = derivedGuid('gloss-notebook', sourceGuid);
      notes.push(noteXml(noteGuid, `Notebook: ${document.title}`, document.notebook, user, input.now));
      w.raw(`      <NoteRef targetGUID="${noteGuid}"/>\n`);
    }
    w.raw('    </TextSource>\n');
    // Whole chunks only, so that each piece compressed is a megabyte: the rest goes on with the next document.
    yield* w.takeFull();
  }

  if (planned.length > 0) w.raw('  </Sources>\n');
  let libraryNote = '';
  if (input.libraryNotebook.trim()) {
    libraryNote = derivedGuid('gloss-notebook', 'library');
    notes.push(noteXml(libraryNote, 'Library notebook', input.libraryNotebook, user, input.now));
  }
  if (notes.length > 0) w.raw('  <Notes>\n').markup(notes.join('')).raw('  </Notes>\n');
  if (libraryNote) w.raw(`  <NoteRef targetGUID="${libraryNote}"/>\n`);
  w.raw('</Project>\n');
  yield* w.take();
}

/**
 * The order of highlights in the text (by start, then end), with their positions: read from each highlight once
 * and sorted as numbers, since a library's highlights lie all over memory and a sort reads each a dozen times.
 */
function inTextOrder(annotations: readonly Annotation[]): { order: Uint32Array; starts: Float64Array; ends: Float64Array } {
  const n = annotations.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const order = new Uint32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const { start, end } = annotations[i].selectors.position;
    starts[i] = start;
    ends[i] = end;
    order[i] = i;
    if (i > 0 && (start < starts[i - 1] || (start === starts[i - 1] && end < ends[i - 1]))) sorted = false;
  }
  if (!sorted) order.sort((x, y) => starts[x] - starts[y] || ends[x] - ends[y] || x - y);
  return { order, starts, ends };
}

/** The GUID of a source's `index`th speaker turn. */
function turnGuid(sourceGuid: string, index: number): string {
  return relatedGuid(sourceGuid, `turn ${index}`);
}

/** Whether a time can be written as an xsd:dateTime, remembering the last time checked (most highlights of a document share few times). */
class DateCheck {
  private last = '';
  private lastOk = false;
  ok(value: string | null | undefined): value is string {
    if (!value) return false;
    if (value !== this.last) {
      this.last = value;
      this.lastOk = ISO_DATE_TIME.test(value);
    }
    return this.lastOk;
  }
}

function noteXml(guid: string, name: string, markdown: string, user: string, now: Date): string {
  return `    <Note guid="${guid}" name="${escapeXmlAttribute(name)}" creatingUser="${user}" creationDateTime="${now.toISOString()}"><PlainTextContent>${escapeXmlText(markdown)}</PlainTextContent></Note>\n`;
}

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
 * Built as strings, one piece per document, not as a DOM: a library of
 * 250,000 highlights is written in a few seconds.
 */
import type { Annotation, Transcript } from '../../../shared/model';
import { type CodeEntry, codeGuid, codesXml, completeCodes } from './codebook-xml';
import { CodePointIndex } from './code-points';
import { derivedGuid, guidForId, relatedGuid } from './guids';
import { sourceTextOf } from './source-text';
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
   * project.qde in pieces, built as they are read: the head (users, codes, cases), one piece per document, the
   * tail (notes). Read it once; `sources` and the counts are complete once it has been read.
   */
  xml: Iterable<string>;
  /** Each source's text and its path inside the .qdpx (sources/<guid>.txt), added as its document is written. */
  sources: { path: string; text: string }[];
  highlights: number;
  orphansLeftOut: number;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A selection's name: the start of its quote, on one line (runs of white space made one space). */
export function selectionName(quote: string): string {
  // A loop over the first characters only: quotes can be pages long, and a library has 250,000 of them.
  let name = '';
  let space = false;
  let i = 0;
  for (; i < quote.length && name.length < NAME_LENGTH; i++) {
    const c = quote.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029) {
      space = name.length > 0;
      continue;
    }
    if (space) name += ' ';
    space = false;
    name += quote[i];
  }
  // More text after the name: cut at NAME_LENGTH (never between the halves of a surrogate pair) and say so.
  if (name.length > NAME_LENGTH || (name.length === NAME_LENGTH && /\S/.test(quote.slice(i)))) {
    let cut = NAME_LENGTH;
    if (/[\uD800-\uDBFF]/.test(name[cut - 1])) cut--;
    return `${name.slice(0, cut).trimEnd()}…`;
  }
  return name;
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
}

function* pieces(input: ProjectInput, output: ProjectOutput): Generator<string> {
  const taken = new Set<string>();
  const user = GLOSS_USER_GUID;
  const used = new Set<string>();
  for (const d of input.documents) for (const a of d.annotations) for (const c of a.codes) used.add(c);
  const codes = completeCodes(input.codes, used);
  const codeGuids = new Map(codes.map((c) => [c.path, codeGuid(c.path)]));
  const notes: string[] = [];
  const dates = new DateAttributes();

  // Cases first: each speaker's turns, by GUID (turn n of a source is its nth labelled turn, as source-text.ts counts them).
  const cases = new Map<string, SpeakerCase>();
  const planned: Planned[] = input.documents.map((document) => {
    const sourceGuid = guidForId(document.id, 'gloss-document', '', taken);
    let index = 0;
    for (const turn of document.transcript.turns) {
      if (turn.kind !== 'speech' || !turn.speaker || turn.paragraphs.length === 0) continue;
      let speaker = cases.get(turn.speaker);
      if (!speaker) cases.set(turn.speaker, (speaker = { guid: derivedGuid('gloss-speaker', turn.speaker), name: turn.speaker, selections: [] }));
      speaker.selections.push(turnGuid(sourceGuid, index++));
    }
    return { document, sourceGuid };
  });

  const now = input.now.toISOString();
  const head: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<Project xmlns="${PROJECT_NAMESPACE}" name="${escapeXmlAttribute(input.name)}" origin="${escapeXmlAttribute(input.origin)}" creatingUserGUID="${user}" creationDateTime="${now}" modifyingUserGUID="${user}" modifiedDateTime="${now}">\n`,
    `  <Users>\n    <User guid="${user}" name="${GLOSS_USER_NAME}"/>\n  </Users>\n`,
  ];
  if (codes.length > 0) head.push(`  <CodeBook>\n    <Codes>\n${codesXml(codes, 3)}    </Codes>\n  </CodeBook>\n`);
  if (cases.size > 0) {
    head.push('  <Cases>\n');
    for (const c of cases.values()) {
      head.push(`    <Case guid="${c.guid}" name="${escapeXmlAttribute(c.name)}">\n`);
      for (const s of c.selections) head.push(`      <SelectionRef targetGUID="${s}"/>\n`);
      head.push('    </Case>\n');
    }
    head.push('  </Cases>\n');
  }
  if (planned.length > 0) head.push('  <Sources>\n');
  yield head.join('');

  for (const { document, sourceGuid } of planned) {
    const source = sourceTextOf(document.transcript);
    const points = new CodePointIndex(source.text);
    output.sources.push({ path: `sources/${sourceGuid}.txt`, text: source.text });
    const out: string[] = [
      `    <TextSource guid="${sourceGuid}" name="${escapeXmlAttribute(document.title)}" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${user}"${dates.of('creationDateTime', document.addedAt)}>\n`,
    ];
    const placed = document.annotations.filter((a) => !a.orphaned);
    output.orphansLeftOut += document.annotations.length - placed.length;
    placed.sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.selectors.position.end - b.selectors.position.end);
    for (const a of placed) {
      const { start, end } = a.selectors.position;
      if (start < 0 || end > document.plainText.length || start >= end) {
        output.orphansLeftOut++;
        continue;
      }
      const guid = guidForId(a.id, 'gloss-highlight', document.id, taken);
      const from = points.toCodePoint(source.toSource(start, 'start'));
      const to = points.toCodePoint(source.toSource(end, 'end'));
      const name = escapeXmlAttribute(selectionName(a.selectors.quote.exact));
      // The time changed only when it differs from the time made (a reader of the file takes one for the other).
      const times = dates.of('creationDateTime', a.createdAt) + (a.updatedAt === a.createdAt ? '' : dates.of('modifiedDateTime', a.updatedAt));
      let body = a.note ? `<Description>${escapeXmlText(a.note)}</Description>` : '';
      for (const code of a.codes) {
        const target = codeGuids.get(code);
        if (target) body += `<Coding guid="${relatedGuid(guid, code)}"><CodeRef targetGUID="${target}"/></Coding>`;
      }
      out.push(`      <PlainTextSelection guid="${guid}" name="${name}" startPosition="${from}" endPosition="${to}"${times}${body ? `>${body}</PlainTextSelection>\n` : '/>\n'}`);
      output.highlights++;
    }
    source.turns.forEach((turn, index) => {
      out.push(
        `      <PlainTextSelection guid="${turnGuid(sourceGuid, index)}" name="${escapeXmlAttribute(TURN_NAME_PREFIX + turn.speaker)}" startPosition="${points.toCodePoint(turn.start)}" endPosition="${points.toCodePoint(turn.end)}"/>\n`,
      );
    });
    if (document.notebook.trim()) {
      const noteGuid = derivedGuid('gloss-notebook', sourceGuid);
      notes.push(noteXml(noteGuid, `Notebook: ${document.title}`, document.notebook, user, input.now));
      out.push(`      <NoteRef targetGUID="${noteGuid}"/>\n`);
    }
    out.push('    </TextSource>\n');
    yield out.join('');
  }

  const tail: string[] = [];
  if (planned.length > 0) tail.push('  </Sources>\n');
  let libraryNote = '';
  if (input.libraryNotebook.trim()) {
    libraryNote = derivedGuid('gloss-notebook', 'library');
    notes.push(noteXml(libraryNote, 'Library notebook', input.libraryNotebook, user, input.now));
  }
  if (notes.length > 0) tail.push(`  <Notes>\n${notes.join('')}  </Notes>\n`);
  if (libraryNote) tail.push(`  <NoteRef targetGUID="${libraryNote}"/>\n`);
  tail.push('</Project>\n');
  yield tail.join('');
}

/** The GUID of a source's `index`th speaker turn. */
function turnGuid(sourceGuid: string, index: number): string {
  return relatedGuid(sourceGuid, `turn ${index}`);
}

/** dateTime attributes, remembering the last value checked (most highlights of a document share few times). */
class DateAttributes {
  private last = '';
  private lastOk = false;
  of(name: string, value: string | null | undefined): string {
    if (!value) return '';
    if (value !== this.last) {
      this.last = value;
      this.lastOk = ISO_DATE_TIME.test(value);
    }
    return this.lastOk ? ` ${name}="${value}"` : '';
  }
}

function noteXml(guid: string, name: string, markdown: string, user: string, now: Date): string {
  return `    <Note guid="${guid}" name="${escapeXmlAttribute(name)}" creatingUser="${user}" creationDateTime="${now.toISOString()}"><PlainTextContent>${escapeXmlText(markdown)}</PlainTextContent></Note>\n`;
}

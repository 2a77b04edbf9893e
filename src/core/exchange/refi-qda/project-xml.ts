/**
 * Writes a REFI-QDA project (QDA-XML 1.0, the project.qde inside a .qdpx) of
 * Gloss documents. What goes where:
 *  - Users: one user, the Gloss reader, who made every highlight;
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
import { derivedGuid, guidForId } from './guids';
import { sourceTextOf } from './source-text';
import { escapeXmlAttribute, escapeXmlText } from './xml-text';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** Who made every highlight of a Gloss export. */
export const GLOSS_USER_NAME = 'Gloss reader';
export const GLOSS_USER_GUID = derivedGuid('gloss-user', GLOSS_USER_NAME);
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
  /** project.qde, in pieces to be written one after the other (one per document in the middle). */
  xml: string[];
  /** Each source's text and its path inside the .qdpx (sources/<guid>.txt). */
  sources: { path: string; text: string }[];
  highlights: number;
  orphansLeftOut: number;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A dateTime attribute, when the value is one (xsd:dateTime); nothing otherwise. */
function dateAttribute(name: string, value: string | null | undefined): string {
  return value && ISO_DATE_TIME.test(value) ? ` ${name}="${value}"` : '';
}

/** A selection's name: the start of its quote, on one line. */
export function selectionName(quote: string): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  if (line.length <= NAME_LENGTH) return line;
  let cut = NAME_LENGTH;
  // Never cut a surrogate pair in two.
  if (/[\uD800-\uDBFF]/.test(line[cut - 1])) cut--;
  return `${line.slice(0, cut).trimEnd()}…`;
}

interface SpeakerCase {
  guid: string;
  name: string;
  selections: string[];
}

export function projectXml(input: ProjectInput): ProjectOutput {
  const taken = new Set<string>();
  const user = GLOSS_USER_GUID;
  const cases = new Map<string, SpeakerCase>();
  const used = new Set<string>();
  for (const d of input.documents) for (const a of d.annotations) for (const c of a.codes) used.add(c);
  const codes = completeCodes(input.codes, used);
  const codeGuids = new Map(codes.map((c) => [c.path, codeGuid(c.path)]));
  const notes: string[] = [];
  const sources: { path: string; text: string }[] = [];
  const sourcePieces: string[] = [];
  let highlights = 0;
  let orphansLeftOut = 0;

  for (const document of input.documents) {
    const sourceGuid = guidForId(document.id, 'gloss-document', '', taken);
    const source = sourceTextOf(document.transcript);
    const points = new CodePointIndex(source.text);
    sources.push({ path: `sources/${sourceGuid}.txt`, text: source.text });
    const out: string[] = [
      `    <TextSource guid="${sourceGuid}" name="${escapeXmlAttribute(document.title)}" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${user}"${dateAttribute('creationDateTime', document.addedAt)}>\n`,
    ];
    const placed = document.annotations.filter((a) => !a.orphaned);
    orphansLeftOut += document.annotations.length - placed.length;
    placed.sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.selectors.position.end - b.selectors.position.end);
    for (const a of placed) {
      const { start, end } = a.selectors.position;
      if (start < 0 || end > document.plainText.length || start >= end) {
        orphansLeftOut++;
        continue;
      }
      const guid = guidForId(a.id, 'gloss-highlight', document.id, taken);
      const from = points.toCodePoint(source.toSource(start, 'start'));
      const to = points.toCodePoint(source.toSource(end, 'end'));
      const name = escapeXmlAttribute(selectionName(a.selectors.quote.exact));
      const times = `${dateAttribute('creationDateTime', a.createdAt)} modifyingUser="${user}"${dateAttribute('modifiedDateTime', a.updatedAt)}`;
      let body = a.note ? `<Description>${escapeXmlText(a.note)}</Description>` : '';
      for (const code of a.codes) {
        const target = codeGuids.get(code);
        if (!target) continue;
        body += `<Coding guid="${derivedGuid('gloss-coding', guid, code)}" creatingUser="${user}"${dateAttribute('creationDateTime', a.updatedAt)}><CodeRef targetGUID="${target}"/></Coding>`;
      }
      out.push(
        `      <PlainTextSelection guid="${guid}" name="${name}" startPosition="${from}" endPosition="${to}" creatingUser="${user}"${times}${body ? `>${body}</PlainTextSelection>\n` : '/>\n'}`,
      );
      highlights++;
    }
    source.turns.forEach((turn, index) => {
      const guid = derivedGuid('gloss-turn', sourceGuid, String(index));
      let speaker = cases.get(turn.speaker);
      if (!speaker) cases.set(turn.speaker, (speaker = { guid: derivedGuid('gloss-speaker', turn.speaker), name: turn.speaker, selections: [] }));
      speaker.selections.push(guid);
      out.push(
        `      <PlainTextSelection guid="${guid}" name="${escapeXmlAttribute(`Turn: ${turn.speaker}`)}" startPosition="${points.toCodePoint(turn.start)}" endPosition="${points.toCodePoint(turn.end)}" creatingUser="${user}"/>\n`,
      );
    });
    if (document.notebook.trim()) {
      const noteGuid = derivedGuid('gloss-notebook', sourceGuid);
      notes.push(noteXml(noteGuid, `Notebook: ${document.title}`, document.notebook, user, input.now));
      out.push(`      <NoteRef targetGUID="${noteGuid}"/>\n`);
    }
    out.push('    </TextSource>\n');
    sourcePieces.push(out.join(''));
  }

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
  const tail: string[] = [];
  let libraryNote = '';
  if (input.libraryNotebook.trim()) {
    libraryNote = derivedGuid('gloss-notebook', 'library');
    notes.push(noteXml(libraryNote, 'Library notebook', input.libraryNotebook, user, input.now));
  }
  if (notes.length > 0) tail.push(`  <Notes>\n${notes.join('')}  </Notes>\n`);
  if (libraryNote) tail.push(`  <NoteRef targetGUID="${libraryNote}"/>\n`);
  tail.push('</Project>\n');
  const xml = sourcePieces.length > 0 ? [...head, '  <Sources>\n', ...sourcePieces, '  </Sources>\n', ...tail] : [...head, ...tail];
  return { xml, sources, highlights, orphansLeftOut };
}

function noteXml(guid: string, name: string, markdown: string, user: string, now: Date): string {
  return `    <Note guid="${guid}" name="${escapeXmlAttribute(name)}" creatingUser="${user}" creationDateTime="${now.toISOString()}"><PlainTextContent>${escapeXmlText(markdown)}</PlainTextContent></Note>\n`;
}

/**
 * Reads a REFI-QDA project (project.qde) as other tools write it, tolerantly:
 * any namespace prefix, GUIDs with or without braces, CRLF line ends, notes
 * inline or in files. What Gloss can use (codes, text sources, their
 * selections and notes) is read into plain data; everything else is counted
 * so that the import can say what it did not carry over. A file that is not
 * XML, or not a REFI-QDA project, is refused with the reason.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normaliseGuid } from './guids';

export interface RefiCode {
  guid: string;
  /** The code's names from the top of the tree down to it. */
  names: string[];
  color: string | null;
  description: string;
}

export interface RefiSelection {
  guid: string;
  name: string;
  /** Code points from 0, end exclusive, as the file gives them. */
  start: number;
  end: number;
  codeGuids: string[];
  description: string;
  noteGuids: string[];
  created: string | null;
  modified: string | null;
}

export interface RefiTextSource {
  guid: string;
  name: string;
  /** Where the text is: `internal://<file>`, a relative path, or null when it is inline. */
  plainTextPath: string | null;
  inlineText: string | null;
  selections: RefiSelection[];
  noteGuids: string[];
  created: string | null;
}

export interface RefiNote {
  guid: string;
  name: string;
  plainTextPath: string | null;
  inlineText: string | null;
}

export interface RefiLink {
  origin: string | null;
  target: string | null;
  noteGuids: string[];
}

/** What a project holds that Gloss has no place for, counted. */
export interface RefiUncarried {
  pictureSources: number;
  pdfSources: number;
  audioSources: number;
  videoSources: number;
  /** Selections on pictures, PDFs, audio and video (and their transcripts). */
  mediaSelections: number;
  /** Codings of a whole source rather than a passage. */
  sourceCodings: number;
  variables: number;
  cases: number;
  sets: number;
  graphs: number;
  users: number;
  /** Notes of the project, of codes or of sources (not of a selection). */
  otherNotes: number;
}

export interface RefiProject {
  name: string;
  origin: string;
  codes: RefiCode[];
  textSources: RefiTextSource[];
  notes: Map<string, RefiNote>;
  links: RefiLink[];
  /** The selections the project's cases refer to (SelectionRef), by GUID: how Gloss marks a speaker's turns. */
  caseSelections: Set<string>;
  uncarried: RefiUncarried;
}

/** A project file that cannot be read, with the reason in words. */
export class RefiQdaError extends Error {}

const ARRAYS = new Set([
  'User', 'Code', 'Case', 'Variable', 'VariableValue', 'Set', 'Graph', 'Note', 'Link', 'NoteRef', 'CodeRef', 'SourceRef', 'SelectionRef',
  'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'PictureSelection', 'PDFSelection',
  'AudioSelection', 'VideoSelection', 'Transcript', 'TranscriptSelection', 'SyncPoint', 'Coding', 'Vertex', 'Edge', 'MemberCode', 'MemberSource', 'MemberNote',
]);

type Node = Record<string, unknown>;

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    // Decodes numeric character references (&#13;, &#x1F600;) as well as the XML ones.
    htmlEntities: true,
    isArray: (name) => ARRAYS.has(name),
  });
}

function nodes(parent: unknown, name: string): Node[] {
  if (!parent || typeof parent !== 'object') return [];
  const value = (parent as Node)[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (v && typeof v === 'object' ? (v as Node) : { '#text': String(v) }));
}

function child(parent: unknown, name: string): Node | null {
  return nodes(parent, name)[0] ?? null;
}

function attribute(node: Node | null, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : null;
}

/** The text of an element that holds only text (Description, PlainTextContent); '' when absent. */
function textOf(parent: unknown, name: string): string | null {
  if (!parent || typeof parent !== 'object') return null;
  const value = (parent as Node)[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return null;
  if (typeof first === 'string') return first;
  const text = (first as Node)['#text'];
  return typeof text === 'string' ? text : '';
}

function guidOf(node: Node, what: string): string {
  const raw = attribute(node, 'guid');
  const guid = raw === null ? null : normaliseGuid(raw);
  if (!guid) throw new RefiQdaError(`${what} has ${raw === null ? 'no GUID' : `a GUID that is not one ("${raw.slice(0, 60)}")`}`);
  return guid;
}

function refs(parent: unknown, name: string): string[] {
  return nodes(parent, name).flatMap((r) => {
    const guid = normaliseGuid(attribute(r, 'targetGUID') ?? '');
    return guid ? [guid] : [];
  });
}

function position(node: Node, name: string, what: string): number {
  const raw = attribute(node, name);
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) throw new RefiQdaError(`${what} has ${raw === null ? `no ${name}` : `a ${name} that is not a whole number ("${raw.slice(0, 20)}")`}`);
  return Number(raw);
}

function readCodes(parent: Node | null, above: string[], out: RefiCode[]): void {
  for (const code of nodes(parent, 'Code')) {
    const name = attribute(code, 'name') ?? '';
    const names = [...above, name];
    out.push({ guid: guidOf(code, `The code "${name}"`), names, color: attribute(code, 'color'), description: textOf(code, 'Description') ?? '' });
    readCodes(code, names, out);
  }
}

function readSelection(node: Node, source: string): RefiSelection {
  const what = `A selection in "${source}"`;
  const guid = guidOf(node, what);
  return {
    guid,
    name: attribute(node, 'name') ?? '',
    start: position(node, 'startPosition', what),
    end: position(node, 'endPosition', what),
    codeGuids: nodes(node, 'Coding').flatMap((c) => refs(c, 'CodeRef')),
    description: textOf(node, 'Description') ?? '',
    noteGuids: [...refs(node, 'NoteRef'), ...nodes(node, 'Coding').flatMap((c) => refs(c, 'NoteRef'))],
    created: attribute(node, 'creationDateTime'),
    modified: attribute(node, 'modifiedDateTime'),
  };
}

function readNote(node: Node): RefiNote {
  return { guid: guidOf(node, `The note "${attribute(node, 'name') ?? ''}"`), name: attribute(node, 'name') ?? '', plainTextPath: attribute(node, 'plainTextPath'), inlineText: textOf(node, 'PlainTextContent') };
}

/** Refuses a document type declaration that declares entities: they can expand without bound, and no REFI-QDA tool writes them. */
function refuseEntities(xml: string): void {
  if (/<!ENTITY/i.test(xml)) throw new RefiQdaError('the project file declares XML entities, which Gloss does not read');
}

/** Reads project.qde's text. Throws RefiQdaError saying what is wrong. */
export function readProject(xml: string): RefiProject {
  const text = xml.replace(/^\uFEFF/, '');
  refuseEntities(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new RefiQdaError(`project.qde is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const root = parser().parse(text) as Node;
  const project = child(root, 'Project');
  if (!project) throw new RefiQdaError('project.qde has no Project element: it is not a REFI-QDA project');

  const codes: RefiCode[] = [];
  readCodes(child(child(project, 'CodeBook'), 'Codes'), [], codes);

  const sources = child(project, 'Sources');
  const media = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'] as const;
  const mediaSelections: Record<(typeof media)[number], string[]> = {
    PictureSource: ['PictureSelection'],
    PDFSource: ['PDFSelection'],
    AudioSource: ['AudioSelection', 'Transcript'],
    VideoSource: ['VideoSelection', 'Transcript'],
  };
  const uncarried: RefiUncarried = {
    pictureSources: nodes(sources, 'PictureSource').length,
    pdfSources: nodes(sources, 'PDFSource').length,
    audioSources: nodes(sources, 'AudioSource').length,
    videoSources: nodes(sources, 'VideoSource').length,
    mediaSelections: 0,
    sourceCodings: 0,
    variables: nodes(child(project, 'Variables'), 'Variable').length,
    cases: nodes(child(project, 'Cases'), 'Case').length,
    sets: nodes(child(project, 'Sets'), 'Set').length,
    graphs: nodes(child(project, 'Graphs'), 'Graph').length,
    users: nodes(child(project, 'Users'), 'User').length,
    otherNotes: 0,
  };
  for (const kind of media) {
    for (const source of nodes(sources, kind)) {
      uncarried.sourceCodings += nodes(source, 'Coding').length;
      for (const selectionKind of mediaSelections[kind]) {
        for (const s of nodes(source, selectionKind)) uncarried.mediaSelections += selectionKind === 'Transcript' ? nodes(s, 'TranscriptSelection').length : 1;
      }
    }
  }

  const textSources = nodes(sources, 'TextSource').map((source): RefiTextSource => {
    const name = attribute(source, 'name') ?? '';
    uncarried.sourceCodings += nodes(source, 'Coding').length;
    return {
      guid: guidOf(source, `The text source "${name}"`),
      name,
      plainTextPath: attribute(source, 'plainTextPath'),
      inlineText: textOf(source, 'PlainTextContent'),
      selections: nodes(source, 'PlainTextSelection').map((s) => readSelection(s, name)),
      noteGuids: refs(source, 'NoteRef'),
      created: attribute(source, 'creationDateTime'),
    };
  });

  const notes = new Map(nodes(child(project, 'Notes'), 'Note').map((n) => [readNote(n).guid, readNote(n)]));
  const links = nodes(child(project, 'Links'), 'Link').map((l) => ({
    origin: normaliseGuid(attribute(l, 'originGUID') ?? ''),
    target: normaliseGuid(attribute(l, 'targetGUID') ?? ''),
    noteGuids: refs(l, 'NoteRef'),
  }));
  const caseSelections = new Set(nodes(child(project, 'Cases'), 'Case').flatMap((c) => refs(c, 'SelectionRef')));
  return { name: attribute(project, 'name') ?? '', origin: attribute(project, 'origin') ?? '', codes, textSources, notes, links, caseSelections, uncarried };
}

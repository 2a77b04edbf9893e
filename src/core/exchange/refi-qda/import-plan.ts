/**
 * Plans the import of a REFI-QDA project (read-project.ts) before anything is
 * written: which text sources become documents (with the transcript Gloss
 * will parse from their text), which codes join the code tree, and each
 * highlight placed in its document's plain text. A selection's code-point
 * range in the source text becomes selectors in that text (exact quote,
 * prefix, suffix), then is placed in Gloss's plain text, which can differ
 * (speaker labels become speakers), by the same matching as a corrected
 * transcript (reanchor.ts); what cannot be placed is kept as an orphan.
 * Every selection becomes a highlight, coded or not, noted or not, except the
 * speaker turns a Gloss export writes (isGlossTurn): Gloss finds speakers
 * from the labels in the text. Everything that is not carried over is said
 * in words.
 */
import { reanchor, type AnchorInput } from '../../anchoring/reanchor';
import { createSelectors } from '../../anchoring/selectors';
import { codeProblem } from '../../study/code-path';
import { normaliseText, parsePlainText } from '../../transcript/parse-plain-text';
import { plainTextOf } from '../../transcript/plain-text';
import type { Annotation, HighlightColor, Transcript } from '../../../shared/model';
import { CodePointIndex } from '../code-points';
import { glossColorOf } from './colors';
import { TURN_NAME_PREFIX } from './project-xml';
import { RefiQdaError, type RefiProject, type RefiSelection, type RefiTextSource } from './read-project';

/** A highlight as planned: an annotation without its document (known once the document is added). */
export type PlannedHighlight = Omit<Annotation, 'documentId'>;

export interface PlannedCode {
  path: string;
  color: HighlightColor | null;
  description: string;
}

export interface PlannedDocument {
  sourceGuid: string;
  title: string;
  /** The source's text with line ends normalised: what the document is made from. */
  text: string;
  transcript: Transcript;
  plainText: string;
  /** Placed in plainText, or orphans (orphaned: true) keeping their selectors in `text`. */
  highlights: PlannedHighlight[];
  /** The highlights as anchored in `text`, to place them again if the library parses the text differently. */
  anchors: AnchorInput[];
  orphaned: number;
}

export interface ImportPlan {
  documents: PlannedDocument[];
  codes: PlannedCode[];
  notCarried: string[];
}

/** A text file of the project: its text, or null when the project does not hold it. */
export type TextReader = (plainTextPath: string) => string | null;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** One part of a code path: a code's name as Gloss can keep it (a `/` in a name would make a level of its own). */
function codePart(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot be part of a code
  const tidy = name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\//g, '∕').replace(/\s+/g, ' ').trim();
  return tidy || 'Unnamed code';
}

function isoOr(value: string | null, fallback: string): string {
  if (!value) return fallback;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/** Offsets in a text with CRLF (and lone CR) line ends, mapped to the same text with LF line ends. */
function lineEndMap(raw: string): (offset: number) => number {
  const removed: number[] = [];
  for (let at = raw.indexOf('\r\n'); at >= 0; at = raw.indexOf('\r\n', at + 2)) removed.push(at);
  if (removed.length === 0) return (offset) => offset;
  return (offset) => {
    let low = 0;
    let high = removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (removed[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return offset - low;
  };
}

/**
 * Whether a selection is one of the speaker turns a Gloss export writes, rather than a highlight: named
 * "Turn: <speaker>", referred to by a case (the speaker's), and with neither a code nor a note. All three are
 * needed: a case of another tool that groups coded passages, an uncoded passage another tool wrote, or a Gloss
 * highlight whose quote starts with "Turn: " are highlights.
 */
export function isGlossTurn(selection: RefiSelection, caseSelections: ReadonlySet<string>, notes: readonly string[]): boolean {
  return selection.name.startsWith(TURN_NAME_PREFIX) && caseSelections.has(selection.guid) && selection.codeGuids.length === 0 && notes.length === 0;
}

/** The title a source's document gets when its text has no title line: its name without a file extension. */
function titleOf(source: RefiTextSource): string {
  return source.name.replace(/\.(txt|docx?|rtf|odt|pdf|html?)$/i, '').trim() || 'Imported transcript';
}

/**
 * Plans the import of `project`, reading texts through `readText`. Throws RefiQdaError when a selection lies
 * outside its text (the project is damaged: nothing is imported).
 */
export function planImport(project: RefiProject, readText: TextReader, now: Date): ImportPlan {
  const notCarried: string[] = [];
  const nowIso = now.toISOString();

  // Codes: each GUID to a path; paths joined when two codes have the same name in the same place.
  const codePaths = new Map<string, string>();
  const codes = new Map<string, PlannedCode>();
  let badCodes = 0;
  for (const code of project.codes) {
    const path = code.names.map(codePart).join('/');
    if (codeProblem(path)) {
      badCodes++;
      continue;
    }
    codePaths.set(code.guid, path);
    const known = codes.get(path);
    const color = glossColorOf(code.color);
    const description = code.description.replace(/\r\n?/g, '\n').trim();
    codes.set(path, { path, color: known?.color ?? color, description: known?.description || description });
  }
  if (badCodes > 0) notCarried.push(`${plural(badCodes, 'code')} nested more than 10 levels deep or with names too long for Gloss`);

  // Notes attached to a selection: through its NoteRefs, or through a Link between the note and the selection.
  const selectionGuids = new Set(project.textSources.flatMap((s) => s.selections.map((sel) => sel.guid)));
  const linkedNotes = new Map<string, string[]>();
  let otherLinks = 0;
  for (const link of project.links) {
    const [selection, note] =
      link.origin && link.target && selectionGuids.has(link.origin) && project.notes.has(link.target)
        ? [link.origin, link.target]
        : link.origin && link.target && selectionGuids.has(link.target) && project.notes.has(link.origin)
          ? [link.target, link.origin]
          : [null, null];
    if (!selection || !note) {
      otherLinks++;
      continue;
    }
    linkedNotes.set(selection, [...(linkedNotes.get(selection) ?? []), note]);
  }
  const usedNotes = new Set<string>();
  const noteText = (guid: string): string => {
    const note = project.notes.get(guid);
    if (!note) return '';
    const text = note.inlineText ?? (note.plainTextPath ? readText(note.plainTextPath) : null) ?? '';
    usedNotes.add(guid);
    return normaliseText(text).trim();
  };

  let unknownCodings = 0;
  let empty = 0;
  let turns = 0;
  /** Highlights a case of the project groups: kept, without the case. */
  let grouped = 0;
  let duplicates = 0;
  const documents: PlannedDocument[] = [];
  for (const source of project.textSources) {
    const raw = source.inlineText ?? (source.plainTextPath ? readText(source.plainTextPath) : null);
    const label = source.name || source.guid;
    if (raw === null) {
      notCarried.push(`the text source "${label}" and its ${plural(source.selections.length, 'selection')}: its text is not in the project`);
      continue;
    }
    const withoutBom = raw.replace(/^\uFEFF/, '');
    const text = normaliseText(withoutBom);
    if (text.trim() === '') {
      notCarried.push(`the text source "${label}" and its ${plural(source.selections.length, 'selection')}: its text is empty`);
      continue;
    }
    const points = new CodePointIndex(withoutBom);
    const toText = lineEndMap(withoutBom);
    const transcript = parsePlainText(text, titleOf(source));
    const plainText = plainTextOf(transcript);
    const seen = new Set<string>();
    const drafts: { selection: RefiSelection; anchor: AnchorInput; codes: string[]; note: string }[] = [];
    for (const selection of source.selections) {
      if (selection.end > points.length || selection.start > selection.end) {
        throw new RefiQdaError(
          `the selection "${selection.name || selection.guid}" in "${label}" runs from position ${selection.start} to ${selection.end}, but its text has ${points.length} characters`,
        );
      }
      const codesOf = [...new Set(selection.codeGuids.flatMap((guid) => (codePaths.has(guid) ? [codePaths.get(guid)!] : (unknownCodings++, []))))];
      const notes = [selection.description.replace(/\r\n?/g, '\n').trim(), ...[...selection.noteGuids, ...(linkedNotes.get(selection.guid) ?? [])].map(noteText)].filter(Boolean);
      if (isGlossTurn(selection, project.caseSelections, notes)) {
        turns++;
        continue;
      }
      const start = toText(points.toUtf16(selection.start));
      const end = toText(points.toUtf16(selection.end));
      if (start >= end || text.slice(start, end).trim() === '') {
        empty++;
        continue;
      }
      if (seen.has(selection.guid)) {
        duplicates++;
        continue;
      }
      seen.add(selection.guid);
      if (project.caseSelections.has(selection.guid)) grouped++;
      drafts.push({ selection, anchor: { id: selection.guid, selectors: createSelectors(text, start, end) }, codes: codesOf, note: [...new Set(notes)].join('\n\n') });
    }
    const anchors = drafts.map((d) => d.anchor);
    const placed = placeAnchors(text, plainText, anchors);
    const highlights = drafts.map((d, i): PlannedHighlight => {
      const createdAt = isoOr(d.selection.created, nowIso);
      const color = d.codes.map((c) => codes.get(c)?.color ?? null).find((c) => c !== null) ?? 'yellow';
      const at = placed[i];
      return {
        id: d.selection.guid,
        selectors: at ?? d.anchor.selectors,
        color,
        note: d.note,
        noteState: null,
        codes: d.codes,
        ...(at ? {} : { orphaned: true }),
        createdAt,
        updatedAt: isoOr(d.selection.modified, createdAt),
      };
    });
    documents.push({ sourceGuid: source.guid, title: transcript.title, text, transcript, plainText, highlights, anchors, orphaned: placed.filter((p) => !p).length });
  }

  const u = project.uncarried;
  const counted: [number, string, string?][] = [
    [u.pictureSources, 'picture source'],
    [u.pdfSources, 'PDF source'],
    [u.audioSources, 'audio source'],
    [u.videoSources, 'video source'],
    [u.mediaSelections, 'selection on a picture, PDF, audio or video source', 'selections on pictures, PDFs, audio or video sources'],
    [u.sourceCodings, 'coding of a whole source', 'codings of whole sources'],
    [unknownCodings, 'coding that names a code the codebook does not have', 'codings that name codes the codebook does not have'],
    [turns, 'speaker’s turn written by Gloss (Gloss finds speakers from the labels in the text)', 'speakers’ turns written by Gloss (Gloss finds speakers from the labels in the text)'],
    [empty, 'selection of no text', 'selections of no text'],
    [duplicates, 'selection given twice', 'selections given twice'],
    [project.notes.size - usedNotes.size, 'note not attached to a passage (on the project, a source or a code)', 'notes not attached to a passage (on the project, sources or codes)'],
    [u.cases, `case (Gloss knows speakers from the transcript’s own labels${casesKept(u.cases, grouped)})`, `cases (Gloss knows speakers from the transcript’s own labels${casesKept(u.cases, grouped)})`],
    [u.variables, 'variable'],
    [u.sets, 'set'],
    [u.graphs, 'graph'],
    [otherLinks, 'link between codes, sources or notes', 'links between codes, sources or notes'],
    [u.users, 'user (Gloss does not keep who made a highlight)', 'users (Gloss does not keep who made a highlight)'],
  ];
  for (const [n, one, many] of counted) if (n > 0) notCarried.push(plural(n, one, many));
  return { documents, codes: [...codes.values()], notCarried };
}

/** What becomes of the passages cases group, said after the cases not carried ('' when they group none). */
function casesKept(cases: number, grouped: number): string {
  if (grouped === 0) return '';
  return `; ${plural(grouped, 'passage')} in ${cases === 1 ? 'it' : 'them'} ${grouped === 1 ? 'is kept as a highlight' : 'are kept as highlights'}`;
}

/** Places highlights anchored in a source's text in Gloss's plain text of it: selectors there, or null for an orphan. */
export function placeAnchors(sourceText: string, plainText: string, anchors: readonly AnchorInput[]): (PlannedHighlight['selectors'] | null)[] {
  if (anchors.length === 0) return [];
  const results = reanchor(sourceText, plainText, anchors);
  return results.map((r) => r.selectors);
}

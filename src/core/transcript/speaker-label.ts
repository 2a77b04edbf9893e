/**
 * Recognises a speaker label at the start of a paragraph in the forms people
 * write ("Dario Amodei: ...", "MM: ...", "[Alice] ...", "Bob (00:12:34): ...",
 * a name alone on its line) and decides which labels are really speakers,
 * resolving initials to the full names the transcript uses.
 */
import { OPENING_STAMP, TIME_STAMP, leadingStamp, stampSeconds } from './time-stamp';

export interface LabelMatch {
  /** The name as written, without brackets, colon or time stamp. */
  label: string;
  /** The speech after the label; '' when the label stands alone and the speech follows. */
  rest: string;
  /** A time stamp written before or after the label, in seconds. */
  seconds: number | null;
  /** The label is the whole paragraph ("HAMLET", "Alice Smith  0:03", "[Bob]"). */
  standalone: boolean;
  /** A bare name, without colon or brackets: it could as well be a one-word answer ("Yes"). */
  bare: boolean;
}

// A word of a name: capitalised ("Dr.", "O'Neil", "Jean-Luc", "ÉMILE"), or a number after a name ("Speaker 2").
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const PARTICLE = '(?:van|von|de|der|den|del|della|da|di|du|la|le|bin|ibn|al)';
const NAME = String.raw`${WORD}(?: (?:${WORD}|${PARTICLE}|\d{1,3})){0,4}`;
const STAMP = `(${TIME_STAMP})`;
const OPENING = `(${OPENING_STAMP})`;

// "[00:01] Name (00:02): speech", every part but the name and colon optional.
const COLON = new RegExp(String.raw`^(?:${OPENING}\s+)?(${NAME})(?:\s*${STAMP})?\s*:(?:\s+([\s\S]*))?$`, 'u');
// "[Name] speech" or "[Name]" alone, optionally with a time stamp either side and a colon.
const BRACKETED = new RegExp(String.raw`^(?:${OPENING}\s+)?\[(${NAME})\](?:\s*${STAMP})?\s*:?(?:\s+([\s\S]*))?$`, 'u');
// "Name" alone on its line, optionally followed by a time stamp ("Alice Smith  0:03"), not ending in a full stop.
const BARE = new RegExp(String.raw`^()(${NAME})(?<!\.)(?:\s+${STAMP})?$`, 'u');

function matchOf(m: RegExpExecArray, rest: string | undefined, bare = false): LabelMatch | null {
  const stamp = m[1] || m[3];
  let seconds = stamp ? stampSeconds(stamp) : null;
  // "[99:99:99] Ada: ..." is not a label with a time: the line is kept as text, stamp and all.
  if (stamp && seconds === null) return null;
  let text = (rest ?? '').trim();
  const inner = leadingStamp(text);
  if (inner) {
    seconds ??= inner.seconds;
    text = inner.rest;
  }
  return { label: m[2], rest: text, seconds, standalone: text === '', bare };
}

/** The label and the speech after it, or null when the paragraph does not start with a label. */
export function matchLabel(paragraph: string): LabelMatch | null {
  // Cheap tests first: a 50 MB transcript has a million lines, most of them not labels.
  const colon = paragraph.indexOf(':');
  let m = colon > 0 && colon < 160 ? COLON.exec(paragraph) : null;
  if (m) return matchOf(m, m[4]);
  const first = paragraph.charCodeAt(0);
  const opensBracketOrStamp = first === 0x5b || first === 0x28 || (first >= 0x30 && first <= 0x39);
  m = opensBracketOrStamp ? BRACKETED.exec(paragraph) : null;
  if (m) return matchOf(m, m[4]);
  if (paragraph.length > 120 || opensBracketOrStamp) return null;
  m = BARE.exec(paragraph);
  return m ? matchOf(m, undefined, true) : null;
}

/** Two or three capitals: "MM", "JFK". Longer all-capital labels are names ("HAMLET"). */
export function isInitials(label: string): boolean {
  return /^\p{Lu}{2,3}$/u.test(label);
}

/** "Madhumita Murgia" -> "MM"; titles such as "Dr." are skipped. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !/^(Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame)\.?$/i.test(w) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** Two or more words of a name: "Ada Lovelace", not "Speaker 2" or "Lecture 4". */
function isFullName(label: string): boolean {
  return label.split(' ').filter((w) => !/^\d+$/.test(w)).length >= 2;
}

/** Words that open a paragraph with a colon without being anybody's name. */
const NOT_NAMES = new Set(
  ['Note', 'Notes', 'Update', 'Correction', 'Source', 'Sources', 'Photo', 'Credit', 'Warning', 'Example', 'Transcript', 'Edit', 'Summary', 'Editor’s Note', "Editor's Note"].map((w) => w.toLowerCase()),
);

/** Words of stage directions and transcribers' remarks: "[Exit]", "[Enter Ghost]", "[Laughter]". */
const DIRECTION = /^(?:enter|exit|exeunt|re-enter|dies|aside|within|laughter|laughs|laughing|applause|music|crosstalk|inaudible|silence|pause|break|end|start|intro|outro)\b/i;

/** Words that open a section heading rather than name a speaker. */
export const SECTION_WORD = /^(?:act|scene|chapter|part|section|session|episode|day|prologue|epilogue|interlude|appendix|introduction|conclusion|transcript|interview)\b/i;

/** One place a label was seen: how it was written and whether speech followed it. */
export interface LabelCandidate {
  label: string;
  /** The label stood alone on its line. */
  standalone: boolean;
  /** It carried a time stamp, which people only write before speech. */
  timed: boolean;
  /** For a standalone label: the next paragraph is unlabelled text that can be its speech. */
  followedBySpeech: boolean;
  /** How many times it was seen so; 1 when not given. */
  times?: number;
}

function asCandidate(c: string | LabelCandidate): LabelCandidate {
  return typeof c === 'string' ? { label: c, standalone: false, timed: false, followedBySpeech: true } : c;
}

/**
 * Decides which label candidates are really speakers, mapping each to the name
 * shown. A paragraph such as "Note: ..." or "Two things: ..." must not become a
 * speaker, so an inline label counts when it is a multi-word name, carries a
 * time stamp, resolves as initials, or recurs. A label alone on its line counts
 * only when speech follows it and it recurs (or the text puts its speakers'
 * names on lines of their own), so a one-off heading ("AI Exchange") or a stage
 * direction ("[Exit]") is not taken for a speaker.
 */
export function acceptedLabels(input: readonly (string | LabelCandidate)[]): Map<string, string> {
  const inline = new Map<string, number>();
  const alone = new Map<string, number>();
  const timed = new Set<string>();
  for (const c of input.map(asCandidate)) {
    if (NOT_NAMES.has(c.label.toLowerCase())) continue;
    // "Prologue: ..." is a speaker in a play; "Prologue" alone on its line is a heading.
    if (c.standalone && (!c.followedBySpeech || DIRECTION.test(c.label) || SECTION_WORD.test(c.label))) continue;
    const counts = c.standalone ? alone : inline;
    counts.set(c.label, (counts.get(c.label) ?? 0) + (c.times ?? 1));
    if (c.timed) timed.add(c.label);
  }
  const count = (label: string) => (inline.get(label) ?? 0) + (alone.get(label) ?? 0);
  const labels = [...new Set([...inline.keys(), ...alone.keys()])];
  // When the text names its speakers by one word ("Alice:"), a one-off one-word label is a speaker too.
  const usesOneWordNames = labels.some((c) => count(c) >= 2 && !isInitials(c) && !isFullName(c));

  // When speakers' names stand alone on their lines, a one-off name alone is a speaker too.
  const usesStandaloneNames = [...alone.values()].some((n) => n >= 2) || [...alone.keys()].filter((c) => timed.has(c)).length >= 2;

  const accepted = labels.filter((label) => {
    if (count(label) >= 2) return true;
    if (!inline.has(label)) return usesStandaloneNames;
    return timed.has(label) || isFullName(label) || (usesOneWordNames && !isInitials(label));
  });
  // Looked up in a map and a set, not searched: a text can hold thousands of different labels.
  const fullNameByInitials = new Map<string, string>();
  for (const name of accepted.filter(isFullName)) {
    const initials = initialsOf(name);
    if (!fullNameByInitials.has(initials)) fullNameByInitials.set(initials, name);
  }
  const isAccepted = new Set(accepted);
  const resolved = new Map<string, string>();
  for (const label of labels) {
    const full = isInitials(label) ? fullNameByInitials.get(label) : undefined;
    if (full) resolved.set(label, full);
    else if (isAccepted.has(label)) resolved.set(label, label);
  }
  return resolved;
}

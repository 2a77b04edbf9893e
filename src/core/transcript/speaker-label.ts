/**
 * Recognises a speaker label at the start of a paragraph ("Dario Amodei: ...",
 * "MM: ...") and resolves initials to the full names the transcript uses.
 */

export interface LabelMatch {
  label: string;
  rest: string;
}

// A name: one to four capitalised words (allowing "Dr.", "O'Neil", "Jean-Luc"), or 2-4 capital initials.
const LABEL = /^((?:[A-Z][\p{L}'’.-]*)(?: [A-Z][\p{L}'’.-]*){0,3}|[A-Z]{2,4}):[ \t]+(\S[\s\S]*)$/u;

/** The label and the speech after it, or null when the paragraph does not start with a label. */
export function matchLabel(paragraph: string): LabelMatch | null {
  const m = LABEL.exec(paragraph);
  if (!m) return null;
  return { label: m[1], rest: m[2] };
}

export function isInitials(label: string): boolean {
  return /^[A-Z]{2,4}$/.test(label);
}

/** "Madhumita Murgia" -> "MM"; titles such as "Dr." are skipped. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !/^(Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?$/.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** Words that open a paragraph with a colon without being anybody's name. */
const NOT_NAMES = new Set(['Note', 'Notes', 'Update', 'Correction', 'Source', 'Sources', 'Photo', 'Credit', 'Warning', 'Example', 'Transcript', 'Edit', 'Summary']);

/**
 * Decides which label candidates are really speakers. A paragraph such as
 * "Note: ..." or "Two things: ..." must not become a speaker, so a candidate
 * counts when it is a multi-word name, resolves as initials, or recurs.
 */
export function acceptedLabels(candidates: string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c, (counts.get(c) ?? 0) + 1);
  // When the text names its speakers by one word ("Alice:"), a one-off one-word label is a speaker too.
  const usesOneWordNames = [...counts].some(([c, n]) => n >= 2 && !isInitials(c) && !c.includes(' '));
  const fullNames = [...counts.keys()].filter((c) => !isInitials(c) && c.includes(' '));
  const resolved = new Map<string, string>();
  for (const [label, count] of counts) {
    if (isInitials(label)) {
      const full = fullNames.find((n) => initialsOf(n) === label);
      if (full) resolved.set(label, full);
      else if (count >= 2) resolved.set(label, label);
    } else if (label.includes(' ') || count >= 2 || (usesOneWordNames && !NOT_NAMES.has(label))) {
      resolved.set(label, label);
    }
  }
  return resolved;
}

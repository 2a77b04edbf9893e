/**
 * Tells paragraphs that are plainly not speech (photo captions with a credit,
 * sidebar headings, stage directions, hashtag lines, stray numbers) from speech,
 * by their text alone.
 */

// A photo credit: "©", "Photo: …", "(Image by: …)", or an agency after a slash, bracket or dash ("/ Reuters").
const CREDIT = /©|\b(?:photo(?:graph)?|image|picture)s?(?: by)?:|(?:\/|\(|—|–)\s*(?:getty images|reuters|afp|ap|shutterstock|alamy)\b/gi;

/** Where photo credits occur in a text, in order; one scan, as a long transcript has a million lines. */
export function creditOffsets(text: string): number[] {
  return Array.from(text.matchAll(CREDIT), (m) => m.index);
}

/** A caption carries a photo credit such as "© AP" or "Photo: Jane Doe/Reuters". */
export function isCaption(text: string): boolean {
  return creditOffsets(text).length > 0;
}

/** Hashtags only ("#Democracies #maintain #lead") or a lone number. */
export function isDebris(text: string): boolean {
  const t = text.trim();
  // Not /^(#\S+\s*)+$/: "#a#a#a… x" splits into hashtags in exponentially many ways before it fails.
  return /^\d+$/.test(t) || /^#\S+(?:\s+#\S+)*$/.test(t);
}

/**
 * A short line without closing punctuation that reads like a title
 * ("AI Exchange", "Leave a Reply"): it opens a box of asides.
 */
export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).length;
  return words <= 10 && t.length <= 80 && /^[\p{Lu}\d]/u.test(t) && !/[.?!:;,…"”’'\])*]$/u.test(t);
}

/** A line wholly in brackets: a stage direction or a transcriber's remark ("[Exit Ghost]", "(laughter)"). */
export function isDirection(text: string): boolean {
  return /^\[[^\]]*\]$|^\([^)]*\)$/.test(text.trim());
}

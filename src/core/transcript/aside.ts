/**
 * Tells paragraphs that are plainly not speech (photo captions with a credit,
 * sidebar headings, hashtag lines, stray numbers) from speech, by their text alone.
 */

const CREDIT = /©|\((?:photo|image|picture)s?:|\b(?:getty images|reuters|afp|ap photo|shutterstock|alamy)\b/i;

/** A caption ends in a photo credit such as "© AP". */
export function isCaption(text: string): boolean {
  return CREDIT.test(text);
}

/** Hashtags only ("#Democracies #maintain #lead") or a lone number. */
export function isDebris(text: string): boolean {
  const t = text.trim();
  return /^\d+$/.test(t) || /^(#\S+\s*)+$/.test(t);
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

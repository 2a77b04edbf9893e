/**
 * Reads the time stamps people put in plain-text transcripts ("[00:12:34]",
 * "(1:02:03)", "12:34.5") into seconds.
 */

const TIME = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const BRACKETED = String.raw`\[\s*${TIME}\s*\]|\(\s*${TIME}\s*\)`;

/** The source of a regular expression matching one time stamp, bare or in brackets. */
export const TIME_STAMP = `(?:${BRACKETED}|${TIME})`;

/**
 * A time stamp that can open a line of text: in brackets, or bare with hours
 * ("00:12:34 Hello"), so that "12:30 is when we met" keeps its words.
 */
export const OPENING_STAMP = String.raw`(?:${BRACKETED}|\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)`;

const PARTS = /(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?/;

/** Seconds from the parts of a time stamp; the fraction is read as decimal digits ("5" is half a second). */
export function toSeconds(hours: string | undefined, minutes: string, seconds: string, fraction: string): number {
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  return (Number(hours ?? 0) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000 + millis) / 1000;
}

/**
 * Seconds for a time stamp as matched by TIME_STAMP, or null when a part is out
 * of range (minutes or seconds of 60 and over, when an hour or minute is given).
 */
export function stampSeconds(stamp: string): number | null {
  const m = PARTS.exec(stamp);
  if (!m) return null;
  const [, hours, minutes, seconds, fraction = ''] = m;
  if (Number(seconds) >= 60 || (hours !== undefined && Number(minutes) >= 60)) return null;
  return toSeconds(hours, minutes, seconds, fraction);
}

const ALONE = new RegExp(String.raw`^(${TIME_STAMP})\s*$`);
const LEADING = new RegExp(String.raw`^(${OPENING_STAMP})\s*[-–—:]?\s+`);

/** A paragraph that opens with a time stamp: its time and the text after it ('' when the stamp stands alone). */
export function leadingStamp(paragraph: string): { seconds: number; rest: string } | null {
  const m = ALONE.exec(paragraph) ?? LEADING.exec(paragraph);
  if (!m) return null;
  const seconds = stampSeconds(m[1]);
  return seconds === null ? null : { seconds, rest: paragraph.slice(m[0].length) };
}

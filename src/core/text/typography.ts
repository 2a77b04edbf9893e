/**
 * Characters that a reader treats as the same when looking for words: the
 * curly, angled and full-width forms of quotes and apostrophes, the dashes,
 * and white space. One table for every matcher (find, re-anchoring, the
 * command line's quote finding), so they agree on what is "the same".
 */

/** Single quotes and apostrophes other than the straight one (U+0027). */
export const SINGLE_QUOTES: ReadonlySet<number> = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x60, 0xb4, 0xff07]);
/** Double quotes other than the straight one (U+0022). */
export const DOUBLE_QUOTES: ReadonlySet<number> = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb, 0xff02]);
/** Dashes and minus signs other than the hyphen-minus (U+002D). */
export const DASHES: ReadonlySet<number> = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d]);

const SPACE = /\s/;

/** Whether UTF-16 code unit `code` is white space (ASCII tested without a regular expression). */
export const isSpace = (code: number): boolean => (code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(String.fromCharCode(code)));

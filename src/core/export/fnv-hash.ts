/**
 * A short, stable fingerprint of a text (32-bit FNV-1a over its UTF-16 code
 * units, as 8 hex digits): enough to tell whether a region of an exported
 * file is still exactly as Gloss wrote it, or to tell two block ids apart.
 * Not for security.
 */

// The offset basis as a signed 32-bit integer: the hash stays a small integer throughout (a library export hashes megabytes).
const OFFSET_BASIS = 0x811c9dc5 | 0;
const PRIME = 0x01000193;

function update(hash: number, text: string): number {
  let h = hash;
  const length = text.length;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
  return h;
}

const HEX = '0123456789abcdef';

/** The hash as 8 hex digits (toString(16) is slow for the thousands of regions of an export). */
function hex(hash: number): string {
  let out = '';
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(hash >>> shift) & 15];
  return out;
}

export function fnv1a(text: string): string {
  return hex(update(OFFSET_BASIS, text));
}

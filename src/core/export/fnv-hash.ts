/**
 * A short, stable fingerprint of a text (32-bit FNV-1a, as 8 hex digits):
 * enough to tell whether a region of an exported file is still exactly as
 * Gloss wrote it, or to tell two block ids apart. Not for security.
 */

export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

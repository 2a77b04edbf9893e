/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE
 * (with BOM, or recognised by its zero bytes), else Windows-1252 for legacy
 * single-byte files. UTF-8 and UTF-16 go through the platform's strict WHATWG
 * TextDecoder, Windows-1252 through iconv-lite (Node's TextDecoder reads that
 * label as Latin-1 and gets the curly quotes and dashes wrong). This module
 * only decides which encoding to use, and refuses bytes that are not text.
 */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export class NotTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTextError';
  }
}

/** How much of the file the binary and UTF-16 checks look at. */
const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: nearly every other byte is zero (ASCII-range text). */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) control++;
  }
  return control > sample.length * 0.01;
}

function decode(bytes: Uint8Array, encoding: TextEncodingName, skip: number): string {
  if (encoding === 'windows-1252') return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
}

/** Decodes a transcript file; throws NotTextError for binary content. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName | null = null;
  let skip = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [encoding, skip] = ['utf-8', 3];
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, skip] = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, skip] = ['utf-16be', 2];
  else encoding = sniffUtf16(bytes);

  let text: string;
  if (encoding) {
    try {
      text = decode(bytes, encoding, skip);
    } catch {
      throw new NotTextError(`it says it is ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}`);
    }
  } else {
    try {
      text = decode(bytes, 'utf-8', 0);
      encoding = 'utf-8';
    } catch {
      text = decode(bytes, 'windows-1252', 0);
      encoding = 'windows-1252';
    }
  }
  if (looksBinary(text)) throw new NotTextError('it is not a text file (it contains binary data)');
  return { text, encoding };
}

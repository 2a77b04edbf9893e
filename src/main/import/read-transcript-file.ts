/**
 * Reads a transcript file from disk into a parsed transcript, or refuses it
 * with a message that names the file and says why (missing, unreadable,
 * empty, too large, binary, not the format it claims). Import runs it in a
 * worker thread (off-thread-reader.ts), so a file slow to parse cannot freeze
 * the app or `gloss add`; `gloss parse` and the bench call it directly.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { detectFormat, type TranscriptFormat } from '../../core/transcript/detect-format';
import { TranscriptFormatError } from '../../core/transcript/format-error';
import { parseTranscript, titleFromFileName } from '../../core/transcript/parse-transcript';
import type { Transcript } from '../../shared/model';
import { decodeText, NotTextError, type TextEncodingName } from './decode-text';

/** Largest file Gloss opens. A 50 MB transcript must work; past this, refusing is kinder than freezing. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** A file Gloss will not open: the message names the file and says why. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    /** Not a refusal Gloss meant to make: a parser failed, or the worker reading the file stopped. */
    readonly unexpected = false,
  ) {
    super(`Could not open ${fileName}: ${reason}.`);
    this.name = 'ImportError';
  }
}

export interface ReadTranscript {
  fileName: string;
  format: TranscriptFormat;
  encoding: TextEncodingName;
  /** The decoded text, line ends as in the file. */
  text: string;
  transcript: Transcript;
}

function tooLarge(bytes: number): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `it is ${mb(bytes)}; Gloss opens transcripts up to ${mb(MAX_IMPORT_BYTES)}`;
}

export async function readTranscriptFile(path: string): Promise<ReadTranscript> {
  const fileName = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ImportError(fileName, 'it is a folder, not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size === 0) throw new ImportError(fileName, 'it is empty');
  if (size > MAX_IMPORT_BYTES) throw new ImportError(fileName, tooLarge(size));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportError(fileName, `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseTranscriptBytes(fileName, bytes);
}

/** Decodes and parses a file's bytes (a file read from disk, or one dropped on the window). */
export function parseTranscriptBytes(fileName: string, bytes: Uint8Array): ReadTranscript {
  if (bytes.byteLength === 0) throw new ImportError(fileName, 'it is empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportError(fileName, tooLarge(bytes.byteLength));
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (error) {
    if (error instanceof NotTextError) throw new ImportError(fileName, error.message);
    throw error;
  }
  if (decoded.text.trim() === '') throw new ImportError(fileName, 'it contains only blank space');
  const format = detectFormat(fileName, decoded.text);
  let transcript: Transcript;
  try {
    transcript = parseTranscript(decoded.text, format, titleFromFileName(fileName));
  } catch (error) {
    if (error instanceof TranscriptFormatError) throw new ImportError(fileName, error.message);
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new ImportError(fileName, 'it is nested too deeply to read', true);
    throw new ImportError(fileName, `it could not be read (${error instanceof Error ? error.message : String(error)})`, true);
  }
  return { fileName, format, encoding: decoded.encoding, text: decoded.text, transcript };
}

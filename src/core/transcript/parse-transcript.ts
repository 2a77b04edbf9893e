/**
 * One entry point for every transcript format: picks the parser for a format
 * decided by detect-format.ts.
 */
import type { Transcript } from '../../shared/model';
import type { TranscriptFormat } from './detect-format';
import { parseMarkdown } from './parse-markdown';
import { parsePlainText } from './parse-plain-text';
import { parseSrt } from './parse-srt';
import { parseWebVtt } from './parse-webvtt';

export function parseTranscript(text: string, format: TranscriptFormat, fallbackTitle: string): Transcript {
  switch (format) {
    case 'webvtt':
      return parseWebVtt(text, fallbackTitle);
    case 'srt':
      return parseSrt(text, fallbackTitle);
    case 'markdown':
      return parseMarkdown(text, fallbackTitle);
    case 'text':
      return parsePlainText(text, fallbackTitle);
  }
}

/** The title a transcript without one of its own gets: its file name without the extension, underscores as spaces. */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]{1,9}$/i, '').replace(/[_]+/g, ' ').trim() || fileName;
}

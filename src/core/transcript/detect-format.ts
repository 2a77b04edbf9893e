/**
 * Decides how to read a transcript: by its content first (a WebVTT header, SRT
 * time lines), then by its file extension, else as plain text.
 */

import type { TranscriptFormat } from '../../shared/model';

export type { TranscriptFormat };

const SRT_TIME = /^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}/m;

export function detectFormat(fileName: string, text: string): TranscriptFormat {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'webvtt';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'vtt') return 'webvtt';
  if (ext === 'srt' || SRT_TIME.test(head)) return 'srt';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  return 'text';
}

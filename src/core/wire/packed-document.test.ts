import { describe, expect, test } from 'vitest';
import type { Annotation, OpenedDocument, Turn } from '../../shared/model';
import { packDocument, unpackDocument } from './packed-document';

const documentId = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';

function opened(turnCount: number, annotationCount: number): OpenedDocument {
  const turns: Turn[] = [];
  let at = 0;
  for (let i = 0; i < turnCount; i++) {
    const kind = i === 0 ? 'heading' : i % 7 === 0 ? 'aside' : 'speech';
    const paragraphs = [0, 1].map((j) => {
      const text = `Turn ${i}, paragraph ${j}: “quoted” <b>not markup</b> – ${'word '.repeat(j + 3)}`.trim();
      const p = { text, start: at, end: at + text.length, ...(i % 3 === 0 ? { startSeconds: i * 4.5, endSeconds: i * 4.5 + 2 } : {}) };
      at += text.length + 2;
      return p;
    });
    turns.push({ speaker: kind === 'speech' ? `Speaker ${i % 3}` : null, kind, paragraphs });
  }
  const annotations: Annotation[] = [...Array(annotationCount).keys()].map((i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    documentId,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: `exact ${i}`, prefix: i % 2 ? '' : 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 7 },
    },
    color: (['yellow', 'green', 'blue'] as const)[i % 3],
    note: i % 4 ? '' : `Note ${i} with <script>alert(1)</script> and #tag`,
    noteState: i % 4 ? null : JSON.stringify({ root: { children: [{ type: 'paragraph', text: `Note ${i}\n“quoted”` }] } }),
    codes: [[], ['theme/risk'], ['method/interview', 'theme', 'Café, naïve/🙂 emoji'], ['a']][i % 4],
    // Some orphans (a corrected transcript could not place them); a placed highlight has no flag at all.
    ...(i % 5 === 2 ? { orphaned: true } : {}),
    createdAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-02-01T00:00:00.000Z',
  }));
  const document = {
    id: documentId,
    title: 'A hearing',
    source: 'hearing.txt',
    format: 'text' as const,
    hash: 'ab'.repeat(32),
    speakers: ['Speaker 0', 'Speaker 1', 'Speaker 2'],
    wordCount: 1234,
    highlightCount: annotationCount,
    noteCount: Math.ceil(annotationCount / 4),
    addedAt: '2026-01-01T00:00:00.000Z',
    openedAt: null,
  };
  return { document, transcript: { title: 'A hearing', speakers: document.speakers, turns }, annotations };
}

/** Objects and arrays in a value, itself included: what structured clone and JSON pay for one by one. */
function objectCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce((n: number, v) => n + objectCount(v), 0);
}

describe('the packed form of an opened document', () => {
  test('unpacks to the document it was packed from: turns, paragraphs, media times, highlights, notes, note states, codes and orphans', () => {
    const original = opened(40, 25);
    expect(unpackDocument(packDocument(original))).toEqual(original);
  });

  test('survives JSON and structured clone, the two ways it crosses (test harness and Electron IPC)', () => {
    const original = opened(12, 9);
    expect(unpackDocument(JSON.parse(JSON.stringify(packDocument(original))))).toEqual(original);
    expect(unpackDocument(structuredClone(packDocument(original)))).toEqual(original);
  });

  test('keeps an empty document empty', () => {
    const original = opened(0, 0);
    expect(unpackDocument(packDocument(original))).toEqual(original);
  });

  test('is a few dozen arrays however long the book, where the object form grows with every paragraph and highlight', () => {
    const small = opened(10, 10);
    const book = opened(3000, 5000);
    expect(objectCount(packDocument(book))).toBe(objectCount(packDocument(small)));
    expect(objectCount(packDocument(book))).toBeLessThan(40);
    expect(objectCount(book)).toBeGreaterThan(25_000);
  });
});

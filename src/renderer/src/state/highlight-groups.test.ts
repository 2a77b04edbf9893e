import { describe, expect, test } from 'vitest';
import type { Annotation, OpenedDocument } from '../../../shared/model';
import { HighlightGroups, splitOrphans, STRETCH_CHARS } from './highlight-groups';
import { ReadingStore } from './reading-store';

const documentId = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
/** Three stretches of text, one speaker's turn each. */
const paragraphs = ['a', 'b', 'c'].map((letter, i) => {
  const start = i * (STRETCH_CHARS + 2);
  return { text: letter.repeat(STRETCH_CHARS), start, end: start + STRETCH_CHARS };
});

function annotation(id: string, start: number, length = 10, note = ''): Annotation {
  const exact = paragraphs.find((p) => p.start <= start && start < p.end)!.text.slice(0, length);
  return {
    id,
    documentId,
    selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + length } },
    color: 'yellow',
    note,
    noteState: null,
    codes: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function setUp(annotations: Annotation[]) {
  const store = new ReadingStore();
  let pending: (() => void) | null = null;
  const groups = new HighlightGroups(store, (task) => (pending = task));
  const opened: OpenedDocument = {
    document: { id: documentId, title: 'T', source: 't.txt', format: 'text', hash: '', speakers: ['Ann Lee', 'Bo Chen', 'Cy Diaz'], wordCount: 3, highlightCount: 0, noteCount: 0, addedAt: '', openedAt: null },
    transcript: { title: 'T', speakers: ['Ann Lee', 'Bo Chen', 'Cy Diaz'], turns: paragraphs.map((p, i) => ({ speaker: ['Ann Lee', 'Bo Chen', 'Cy Diaz'][i], kind: 'speech', paragraphs: [p] })) },
    annotations,
  };
  store.load(opened);
  return { store, groups, finishLoad: () => pending?.() };
}

const ids = (groups: HighlightGroups) => groups.list().map(([, entries]) => entries.map((e) => e.annotation.id));

describe('the side panel’s groups of highlights', () => {
  test('a document’s highlights are grouped once its first screen is shown, by stretch and in text order, orphans last', () => {
    const orphan = annotation('orphan', 5);
    orphan.selectors.quote.exact = 'text that is not in the transcript';
    const { groups, finishLoad } = setUp([annotation('late', paragraphs[2].start + 50), orphan, annotation('b2', paragraphs[1].start + 9), annotation('b1', paragraphs[1].start + 3), annotation('a', 4)]);
    expect(groups.list()).toEqual([]);
    finishLoad();
    expect(ids(groups)).toEqual([['a'], ['b1', 'b2'], ['late'], ['orphan']]);
    expect(groups.list()[1][1].map((e) => e.speaker)).toEqual(['Bo Chen', 'Bo Chen']);
    expect(groups.list()[3][1][0].speaker).toBe('Text not found');
  });

  test('a highlight marked orphaned is listed apart, after those whose text is not found, even where its old position still fits the text', () => {
    // Its selectors are the old text's: here they would still resolve, and must not be used.
    const orphan = { ...annotation('orphan', paragraphs[0].start + 20), orphaned: true };
    const lost = annotation('lost', 5);
    lost.selectors.quote.exact = 'text that is not in the transcript';
    const { store, groups, finishLoad } = setUp([orphan, lost, annotation('a', 4)]);
    finishLoad();
    expect(store.getState().ranges.has('orphan')).toBe(false);
    expect(ids(groups)).toEqual([['a'], ['lost'], ['orphan']]);
    const { placed, orphans } = splitOrphans(groups.list());
    expect(placed.map(([, entries]) => entries.map((e) => e.annotation.id))).toEqual([['a'], ['lost']]);
    expect(orphans.map((e) => [e.annotation.id, e.range, e.speakers])).toEqual([['orphan', undefined, []]]);
  });

  test('each highlight knows every speaker whose turn it touches, for the filters; an orphan none', () => {
    const orphan = annotation('orphan', 5);
    orphan.selectors.quote.exact = 'text that is not in the transcript';
    const spanning = annotation('spanning', paragraphs[0].end - 4, STRETCH_CHARS);
    spanning.selectors.quote.exact = `${'a'.repeat(4)}\n\n${'b'.repeat(STRETCH_CHARS - 6)}`;
    const { groups, finishLoad } = setUp([spanning, orphan]);
    finishLoad();
    const entries = groups.list().flatMap(([, e]) => e);
    expect(entries.find((e) => e.annotation.id === 'spanning')?.speakers).toEqual(['Ann Lee', 'Bo Chen']);
    expect(entries.find((e) => e.annotation.id === 'orphan')?.speakers).toEqual([]);
  });

  test('a new highlight takes its place in its own group, and every other group stays the same array', () => {
    const { store, groups, finishLoad } = setUp([annotation('a', 4), annotation('b1', paragraphs[1].start + 3), annotation('b3', paragraphs[1].start + 30)]);
    finishLoad();
    const before = groups.list();
    const b2 = annotation('b2', paragraphs[1].start + 10);
    store.upsert(b2, { start: b2.selectors.position.start, end: b2.selectors.position.end });
    expect(ids(groups)).toEqual([['a'], ['b1', 'b2', 'b3']]);
    expect(groups.list()[0][1]).toBe(before[0][1]);
    expect(groups.list()[1][1]).not.toBe(before[1][1]);
  });

  test('a changed note replaces its entry where it stands; a removed highlight leaves, and an emptied group goes', () => {
    const { store, groups, finishLoad } = setUp([annotation('a', 4), annotation('b1', paragraphs[1].start + 3), annotation('b2', paragraphs[1].start + 3)]);
    finishLoad();
    store.upsert({ ...store.getState().annotations.get('b1')!, note: 'changed' });
    expect(ids(groups)).toEqual([['a'], ['b1', 'b2']]);
    expect(groups.list()[1][1][0].annotation.note).toBe('changed');
    store.remove('a');
    expect(ids(groups)).toEqual([['b1', 'b2']]);
  });

  test('the list is the same array until something changes', () => {
    const { store, groups, finishLoad } = setUp([annotation('a', 4)]);
    finishLoad();
    const listed = groups.list();
    store.select('a');
    store.setStatus({ kind: 'info', message: 'hello' });
    expect(groups.list()).toBe(listed);
  });

  test('opening another document before the first was grouped groups only the last one, once', () => {
    const tasks: (() => void)[] = [];
    const store = new ReadingStore();
    const groups = new HighlightGroups(store, (task) => tasks.push(task));
    const first = setUp([annotation('first', 4)]);
    const second = setUp([annotation('second', 4)]);
    store.load(first.store.getState().opened!);
    store.load(second.store.getState().opened!);
    tasks[0]();
    expect(groups.list()).toEqual([]);
    tasks[1]();
    expect(ids(groups)).toEqual([['second']]);
  });
});

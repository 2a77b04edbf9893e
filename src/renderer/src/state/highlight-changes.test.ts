import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Channel } from '../../../shared/contract';
import type { Annotation, OpenedDocument } from '../../../shared/model';
import { createHighlight, deleteHighlight, reattachHighlight, recolorHighlight, saveNote, setActiveMarks, unsavedNote, type HighlightMarks } from './highlight-changes';
import { undoHistory } from './undo-history';
import { readingStore } from './reading-store';
import { storeStatus } from './store-status';
import { installFakeMain, ok, removeFakeMain, type Answer } from '../testing/fake-main';

const DOCUMENT_ID = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
const TEXT = 'Do you want to let a gremlin loose in the internals of your computer?';
const FULL_DISK = 'Could not save: the disk is full (ENOSPC). Nothing was changed.';

let sent: Channel[] = [];
let answer: (channel: Channel, request: Record<string, unknown>) => Answer;

function opened(annotations: Annotation[] = []): OpenedDocument {
  return {
    document: {
      id: DOCUMENT_ID,
      title: 'An interview',
      source: 'interview.txt',
      format: 'text',
      hash: 'x',
      speakers: ['Dario Amodei'],
      wordCount: 13,
      highlightCount: annotations.length,
      noteCount: 0,
      addedAt: '2026-01-01T00:00:00.000Z',
      openedAt: null,
    },
    transcript: { title: 'An interview', speakers: ['Dario Amodei'], turns: [{ speaker: 'Dario Amodei', kind: 'speech', paragraphs: [{ text: TEXT, start: 0, end: TEXT.length }] }] },
    annotations,
  };
}

function saved(id: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf('a gremlin');
  return {
    id,
    documentId: DOCUMENT_ID,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'a gremlin', prefix: TEXT.slice(0, start), suffix: TEXT.slice(start + 9) },
      position: { type: 'TextPositionSelector', start, end: start + 9 },
    },
    color: 'yellow',
    note: '',
    noteState: null,
    codes: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** Records what the editor was asked to do. */
function recordingMarks(): HighlightMarks & { done: string[] } {
  const done: string[] = [];
  return { done, wrap: (id) => done.push(`wrap ${id}`), unwrap: (id) => done.push(`unwrap ${id}`) };
}

const refused = (code: 'storage' | 'read-only' | 'not-found', message: string): Answer => ({ ok: false, error: { code, message } });
const status = (readOnly: string | null = null): Answer => ok({ dataDir: '/data', readOnly, notices: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeEach(() => {
  sent = [];
  answer = (channel) => (channel === 'library:status' ? status() : ok(null));
  installFakeMain((channel, request) => {
    sent.push(channel);
    return answer(channel, request);
  });
  (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame = (run: () => void) => setTimeout(run, 0);
  storeStatus.apply({ dataDir: '/data', readOnly: null, notices: [] });
  readingStore.load(opened([saved('kept')]));
  readingStore.setStatus(null);
});

afterEach(() => {
  removeFakeMain();
  delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
});

const range = () => ({ start: TEXT.indexOf('internals'), end: TEXT.indexOf('internals') + 9 });

test('a new highlight main refuses loses its marks and its entry again, and the reader reads the cause', async () => {
  answer = (channel) => (channel === 'annotations:create' ? refused('storage', FULL_DISK) : status());
  const marks = recordingMarks();
  expect(await createHighlight(marks, range(), 'green')).toBe(false);
  const [made] = marks.done.map((d) => d.split(' ')[1]);
  expect(marks.done).toEqual([`wrap ${made}`, `unwrap ${made}`]);
  expect([...readingStore.getState().annotations.keys()]).toEqual(['kept']);
  expect(readingStore.getState().status).toEqual({ kind: 'error', message: `The highlight was not saved. ${FULL_DISK}` });
});

test('a new highlight main saves stays, with what main answered', async () => {
  answer = (channel, request) => (channel === 'annotations:create' ? ok(saved(request.id as string, { color: 'green', createdAt: 'saved' })) : status());
  const marks = recordingMarks();
  expect(await createHighlight(marks, range(), 'green')).toBe(true);
  expect(marks.done).toHaveLength(1);
  const made = [...readingStore.getState().annotations.values()].find((a) => a.id !== 'kept');
  expect(made?.createdAt).toBe('saved');
});

test('where the library is read-only nothing is sent: highlighting, recolouring, deleting and notes are refused with the reason', async () => {
  const reason = 'The library at /data is read-only: Gloss is not allowed to write there (EACCES). Documents can be read but not changed.';
  storeStatus.apply({ dataDir: '/data', readOnly: reason, notices: [] });
  const marks = recordingMarks();
  expect(await createHighlight(marks, range(), 'green')).toBe(false);
  expect(readingStore.getState().status?.message).toBe(`The passage was not highlighted. ${reason}`);
  expect(await recolorHighlight('kept', 'blue')).toBe(false);
  expect(readingStore.getState().status?.message).toBe(`The colour was not changed. ${reason}`);
  expect(await deleteHighlight(marks, 'kept')).toBe(false);
  expect(readingStore.getState().status?.message).toBe(`The highlight was not deleted. ${reason}`);
  expect(await saveNote(DOCUMENT_ID, 'kept', 'A thought')).toEqual({ saved: false, reason });
  expect(sent).toEqual([]);
  expect(marks.done).toEqual([]);
  expect(readingStore.getState().annotations.get('kept')).toEqual(saved('kept'));
});

test('a document that is read-only refuses changes with its own reason', async () => {
  readingStore.load({ ...opened([saved('kept')]), document: { ...opened().document, readOnly: 'The data file annotations.json was written by a newer Gloss.' } });
  expect(await recolorHighlight('kept', 'blue')).toBe(false);
  expect(readingStore.getState().status?.message).toBe('The colour was not changed. The data file annotations.json was written by a newer Gloss.');
  expect(sent).toEqual([]);
});

test('a change refused for being read-only makes the open document read-only, with main’s reason', async () => {
  answer = (channel) => (channel === 'annotations:update' ? refused('read-only', 'The data file annotations.json was written by a newer Gloss.') : status());
  expect(await recolorHighlight('kept', 'blue')).toBe(false);
  expect(readingStore.getState().annotations.get('kept')?.color).toBe('yellow');
  await settle();
  expect(sent).toEqual(['annotations:update', 'library:status']);
  expect(readingStore.getState().opened?.document.readOnly).toBe('The data file annotations.json was written by a newer Gloss.');
});

test('a deletion main refuses puts the highlight back, marks and all', async () => {
  answer = (channel) => (channel === 'annotations:delete' ? refused('storage', FULL_DISK) : status());
  const marks = recordingMarks();
  expect(await deleteHighlight(marks, 'kept')).toBe(false);
  expect(marks.done).toEqual(['unwrap kept', 'wrap kept']);
  expect(readingStore.getState().annotations.get('kept')).toEqual(saved('kept'));
  expect(readingStore.getState().status?.message).toBe(`The highlight was not deleted. ${FULL_DISK}`);
});

test('a deletion of a highlight main never had (its creation refused) leaves it gone', async () => {
  answer = (channel) => (channel === 'annotations:delete' ? refused('not-found', 'No highlight with id kept in this document.') : status());
  const marks = recordingMarks();
  await deleteHighlight(marks, 'kept');
  expect(marks.done).toEqual(['unwrap kept']);
  expect(readingStore.getState().annotations.has('kept')).toBe(false);
});

test('a note is sent with the rich-text state it was written from, and refused, is kept with it', async () => {
  const noteState = '{"root":{"type":"root","children":[]}}';
  const requests: Record<string, unknown>[] = [];
  answer = (channel, request) => {
    if (channel !== 'annotations:update') return status();
    requests.push(request);
    return requests.length === 1 ? refused('storage', FULL_DISK) : ok(saved('kept', { note: request.note as string, noteState: request.noteState as string }));
  };
  expect(await saveNote(DOCUMENT_ID, 'kept', '**x**', noteState)).toEqual({ saved: false, reason: FULL_DISK });
  expect(unsavedNote('kept')).toEqual({ note: '**x**', noteState });
  expect(await saveNote(DOCUMENT_ID, 'kept', '**x**', noteState)).toEqual({ saved: true });
  expect(requests.map((r) => [r.note, r.noteState])).toEqual([
    ['**x**', noteState],
    ['**x**', noteState],
  ]);
  expect(readingStore.getState().annotations.get('kept')?.noteState).toBe(noteState);
});

test('a note main refuses is kept as typed, unsaved, until a later save of the note supersedes it', async () => {
  answer = (channel) => (channel === 'annotations:update' ? refused('storage', FULL_DISK) : status());
  expect(await saveNote(DOCUMENT_ID, 'kept', 'First thought')).toEqual({ saved: false, reason: FULL_DISK });
  expect(unsavedNote('kept')).toEqual({ note: 'First thought', noteState: null });
  expect(readingStore.getState().annotations.get('kept')?.note).toBe('');
  expect(readingStore.getState().status?.message).toBe(`The note was not saved. ${FULL_DISK}`);
  expect(readingStore.getState().savingNotes.size).toBe(0);

  answer = (channel, request) => (channel === 'annotations:update' ? ok(saved('kept', { note: request.note as string })) : status());
  expect(await saveNote(DOCUMENT_ID, 'kept', 'First thought, and a second')).toEqual({ saved: true });
  expect(unsavedNote('kept')).toBeUndefined();
  expect(readingStore.getState().annotations.get('kept')?.note).toBe('First thought, and a second');
});

test('an orphan re-attached to a selection is painted there; undo makes it the orphan it was, note kept, and redo attaches it again', async () => {
  const orphan = saved('lost', {
    orphaned: true,
    note: 'Weary.',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'a line since cut', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 3, end: 19 } },
  });
  readingStore.load(opened([orphan]));
  expect(readingStore.getState().ranges.has('lost')).toBe(false);
  const requests: [Channel, Record<string, unknown>][] = [];
  answer = (channel, request) => {
    requests.push([channel, request]);
    if (channel === 'annotations:reattach') {
      const { orphaned: _, ...placed } = { ...orphan, selectors: request.selectors as Annotation['selectors'] };
      return ok(placed);
    }
    if (channel === 'annotations:restore') return ok(request.annotation);
    return channel === 'library:status' ? status() : ok(null);
  };
  const marks = recordingMarks();
  setActiveMarks(marks);
  undoHistory.clear();
  try {
    expect(await reattachHighlight('lost', range())).toBe(true);
    const [, attach] = requests.find(([c]) => c === 'annotations:reattach')!;
    expect((attach.selectors as Annotation['selectors']).quote.exact).toBe('internals');
    expect(readingStore.getState().ranges.get('lost')).toEqual(range());
    expect(readingStore.getState().annotations.get('lost')?.orphaned).toBeUndefined();
    expect(marks.done).toEqual(['unwrap lost', 'wrap lost']);

    expect(await undoHistory.undo()).toBe('Re-attach highlight');
    const restored = requests.find(([c]) => c === 'annotations:restore')![1].annotation as Annotation;
    expect([restored.orphaned, restored.selectors.quote.exact, restored.note]).toEqual([true, 'a line since cut', 'Weary.']);
    expect(requests.map(([c]) => c).filter((c) => c.startsWith('annotations:'))).toEqual(['annotations:reattach', 'annotations:delete', 'annotations:restore']);
    expect(readingStore.getState().annotations.get('lost')?.orphaned).toBe(true);
    expect(readingStore.getState().ranges.has('lost')).toBe(false);

    expect(await undoHistory.redo()).toBe('Re-attach highlight');
    expect(readingStore.getState().ranges.get('lost')).toEqual(range());
  } finally {
    setActiveMarks(null);
    undoHistory.clear();
  }
});

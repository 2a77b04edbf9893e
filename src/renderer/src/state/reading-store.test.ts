import { expect, test, vi } from 'vitest';
import type { Annotation } from '../../../shared/model';
import { INFO_STATUS_MS, ReadingStore } from './reading-store';

function annotation(id: string): Annotation {
  return {
    id,
    documentId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
    color: 'yellow',
    note: '',
    noteState: null,
    codes: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

test('a change of selection reaches only the entries it concerns: the one left and the one chosen', () => {
  const store = new ReadingStore();
  for (const id of ['a', 'b', 'c']) store.upsert(annotation(id));
  const heard: string[] = [];
  for (const id of ['a', 'b', 'c']) store.subscribeSelected(id, () => heard.push(id));
  store.select('a');
  expect(heard).toEqual(['a']);
  store.select('b');
  expect(heard).toEqual(['a', 'a', 'b']);
  store.upsert({ ...annotation('c'), note: 'changed' });
  expect(heard).toEqual(['a', 'a', 'b']);
});

test('selecting a highlight that is not there selects none', () => {
  const store = new ReadingStore();
  store.upsert(annotation('a'));
  store.select('a');
  store.select('gone');
  expect(store.getState().selectedId).toBeNull();
});

test('those who follow highlights hear which ones changed, and only then', () => {
  const store = new ReadingStore();
  const heard: (string[] | null)[] = [];
  store.subscribeHighlights((ids) => heard.push(ids && [...ids]));
  store.upsert(annotation('a'));
  store.upsert(annotation('b'));
  store.remove('a');
  store.setStatus({ kind: 'info', message: 'not a highlight change' });
  expect(heard).toEqual([['a'], ['b'], ['a']]);
  expect([...store.getState().annotations.keys()]).toEqual(['b']);
});

test('a highlight selected for its note asks its note editor, once, to take the focus; a plain selection does not', () => {
  const store = new ReadingStore();
  for (const id of ['a', 'b']) store.upsert(annotation(id));
  store.select('a');
  expect(store.takeNoteFocus('a')).toBe(false);
  store.select('b', { focusNote: true });
  expect(store.takeNoteFocus('a')).toBe(false);
  expect(store.takeNoteFocus('b')).toBe(true);
  expect(store.takeNoteFocus('b')).toBe(false);
  // Asked again for the highlight already selected (the Write-note key).
  store.select('b', { focusNote: true });
  expect(store.getState().selectedId).toBe('b');
  expect(store.takeNoteFocus('b')).toBe(true);
  // Another selection withdraws a request not yet taken.
  store.select('b', { focusNote: true });
  store.select('a');
  expect(store.takeNoteFocus('b')).toBe(false);
});

test('an info message goes by itself after a while and at clearInfo; an error stays', () => {
  vi.useFakeTimers();
  try {
    const store = new ReadingStore();
    store.setStatus({ kind: 'info', message: 'Select some text first.' });
    vi.advanceTimersByTime(INFO_STATUS_MS - 1);
    expect(store.getState().status?.message).toBe('Select some text first.');
    vi.advanceTimersByTime(1);
    expect(store.getState().status).toBeNull();

    store.setStatus({ kind: 'info', message: 'Imported 1 transcript.' });
    store.clearInfo();
    expect(store.getState().status).toBeNull();

    const error = { kind: 'error', message: 'The highlight was not saved. The disk is full.' } as const;
    store.setStatus({ kind: 'info', message: 'Exported.' });
    store.setStatus(error);
    store.clearInfo();
    vi.advanceTimersByTime(INFO_STATUS_MS * 10);
    expect(store.getState().status).toBe(error);
  } finally {
    vi.useRealTimers();
  }
});

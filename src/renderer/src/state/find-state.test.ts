import { beforeEach, describe, expect, test } from 'vitest';
import { parsePlainText } from '../../../core/transcript/parse-plain-text';
import type { OpenedDocument } from '../../../shared/model';
import { FindStore } from './find-state';
import { readingStore } from './reading-store';

const INTERVIEW = 'A river hearing\n\nAnn Lee: The river rose. Lee said so.\n\nBo Chen: Ann? The river fell.\n\nAnn Lee: It rose again.\n';

function opened(text: string): OpenedDocument {
  const transcript = parsePlainText(text);
  return {
    document: { id: 'doc', title: transcript.title, source: 'i.txt', format: 'text', hash: 'x', speakers: transcript.speakers, wordCount: 20, highlightCount: 0, noteCount: 0, addedAt: '', openedAt: null },
    transcript,
    annotations: [],
  };
}

/** Each match as the reader sees it: the words found, or the speaker's name for a name. */
function seen(store: FindStore): string[] {
  const { plainText, opened } = readingStore.getState();
  return store.getState().matches.map((m) =>
    m.kind === 'speaker' ? `[${opened!.transcript.turns.find((t) => t.paragraphs[0].start === m.start)!.speaker}]` : plainText.slice(m.start, m.end),
  );
}

let store: FindStore;
beforeEach(() => {
  readingStore.load(opened(INTERVIEW));
  store = new FindStore();
  store.openBar(undefined, 0);
});

describe('the find bar’s matches', () => {
  test('a speaker’s name is a match before the words of its turn, and is left out with its toggle off', () => {
    store.setQuery('lee', 0);
    expect(seen(store)).toEqual(['[Ann Lee]', 'Lee', '[Ann Lee]']);
    store.toggle('speakerNames', 0);
    expect(seen(store)).toEqual(['Lee']);
  });

  test('the toggles for case and whole words search again', () => {
    store.setQuery('ann', 0);
    store.toggle('speakerNames', 0);
    expect(seen(store)).toEqual(['Ann']);
    store.toggle('matchCase', 0);
    expect(seen(store)).toEqual([]);
    store.toggle('matchCase', 0);
    store.setQuery('rose', 0);
    store.toggle('wholeWord', 0);
    expect(seen(store)).toEqual(['rose', 'rose']);
  });

  test('a new query starts at the first match at or after the place given, wrapping to the first', () => {
    const { plainText } = readingStore.getState();
    store.setQuery('river', plainText.indexOf('Ann?'));
    expect(store.getState().current).toBe(2);
    store.setQuery('rose', plainText.length);
    expect(store.getState().current).toBe(0);
  });

  test('Enter and Shift+Enter step through the matches, wrapping both ways', () => {
    store.setQuery('river', 0);
    expect(store.getState().current).toBe(0);
    store.step(-1);
    expect(store.getState().current).toBe(2);
    store.step(1);
    store.step(1);
    expect(store.getState().current).toBe(1);
  });

  test('no matches: no current one, and stepping does nothing', () => {
    store.setQuery('zeppelin', 0);
    expect(store.getState()).toMatchObject({ matches: [], current: -1 });
    store.step(1);
    expect(store.getState().current).toBe(-1);
    expect(store.currentMatch()).toBeNull();
  });

  test('opened again after the text changed, the bar searches the new text', () => {
    store.setQuery('river', 0);
    store.close();
    readingStore.load(opened('A river hearing\n\nAnn Lee: No river here, nor there.\n'));
    store.openBar(undefined, 0);
    expect(seen(store)).toEqual(['river', 'river']);
  });
});

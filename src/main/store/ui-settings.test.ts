import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_UI_SETTINGS, UI_SETTINGS_LIMITS } from '../../shared/model';
import { createHandlers } from '../ipc/handlers';
import { SETTINGS_FILE } from './layout';
import { LibraryStore } from './library-store';
import { storeWithSample } from './testing/sample-library';
import { MAX_READING_POSITIONS, readReadingPosition, readUiSettings, uiSettingsChange, withReadingPosition } from './ui-settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-ui-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const handlersFor = (store: LibraryStore) =>
  createHandlers({ store, chooseExportPath: async () => null, chooseFilesToOpen: async () => [], chooseExportFolder: async () => null, now: () => new Date('2026-11-26T12:00:00Z') });

async function keptOnDisk(): Promise<{ ui?: Record<string, unknown>; reading?: Record<string, unknown> }> {
  return JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'));
}

describe('reading and layout settings as kept', () => {
  test('a new library has the defaults', async () => {
    const store = await LibraryStore.open(dir);
    expect(store.uiSettings()).toEqual(DEFAULT_UI_SETTINGS);
    await store.close();
  });

  test('each kept value this Gloss does not understand falls back to its default, the others are kept', () => {
    const kept = { theme: 'sepia', font: 'sans', textSize: 99, lineHeight: '2', columnWidth: 90, sidePanelWidth: 480, sidePanelCollapsed: 'yes', extra: 1 };
    expect(readUiSettings(kept)).toEqual({ ...DEFAULT_UI_SETTINGS, font: 'sans', columnWidth: 90, sidePanelWidth: 480 });
    for (const nothing of [undefined, null, 'dark', 42, []]) expect(readUiSettings(nothing)).toEqual(DEFAULT_UI_SETTINGS);
  });

  test('a change is saved in settings.json, read back after a restart, and a bad value written by hand falls back alone', async () => {
    let store = await LibraryStore.open(dir);
    expect(await store.changeUiSettings({ theme: 'dark', textSize: 20 })).toEqual({ ...DEFAULT_UI_SETTINGS, theme: 'dark', textSize: 20 });
    expect((await keptOnDisk()).ui).toMatchObject({ theme: 'dark', textSize: 20, font: 'serif' });
    await store.close();

    store = await LibraryStore.open(dir);
    expect(store.uiSettings()).toEqual({ ...DEFAULT_UI_SETTINGS, theme: 'dark', textSize: 20 });
    await store.close();

    const file = await keptOnDisk();
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ ...file, ui: { ...file.ui, textSize: 'huge' } }));
    store = await LibraryStore.open(dir);
    expect(store.uiSettings()).toEqual({ ...DEFAULT_UI_SETTINGS, theme: 'dark' });
    await store.close();
  });

  test('main refuses values outside the limits, of the wrong kind or unknown, and changes nothing', async () => {
    const store = await LibraryStore.open(dir);
    const handlers = handlersFor(store);
    const refused = [
      { textSize: UI_SETTINGS_LIMITS.textSize.max + 1 },
      { textSize: UI_SETTINGS_LIMITS.textSize.min - 1 },
      { lineHeight: 3 },
      { columnWidth: 20 },
      { sidePanelWidth: 10_000 },
      { theme: 'sepia' },
      { font: 'comic' },
      { sidePanelCollapsed: 'yes' },
      { textSize: Number.NaN },
      { fontSize: 18 },
    ];
    for (const change of refused) {
      expect(uiSettingsChange.safeParse(change).success, JSON.stringify(change)).toBe(false);
      const answer = await handlers['settings:set']({ change } as never);
      expect(answer.ok, JSON.stringify(change)).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('invalid-request');
    }
    expect(store.uiSettings()).toEqual(DEFAULT_UI_SETTINGS);
    // The limits themselves are allowed.
    const atLimits = { textSize: UI_SETTINGS_LIMITS.textSize.max, lineHeight: UI_SETTINGS_LIMITS.lineHeight.min, columnWidth: UI_SETTINGS_LIMITS.columnWidth.max };
    const answer = await handlers['settings:set']({ change: atLimits });
    expect(answer).toEqual({ ok: true, value: { ...DEFAULT_UI_SETTINGS, ...atLimits } });
    expect(await handlers['settings:get']({})).toEqual({ ok: true, value: { ...DEFAULT_UI_SETTINGS, ...atLimits } });
    await store.close();
  });
});

describe('reading positions', () => {
  test('a document reopens where it was read, until its text is replaced', async () => {
    const { store } = await storeWithSample(dir);
    const [doc] = await store.list();
    expect(store.readingPosition(doc.id)).toBeNull();
    await store.saveReadingPosition(doc.id, { offset: 1200, top: -14.5 });
    expect(store.readingPosition(doc.id)).toEqual({ offset: 1200, top: -14.5 });
    const kept = (await keptOnDisk()).reading as Record<string, { hash: string }>;
    expect(kept[doc.id]).toMatchObject({ offset: 1200, top: -14.5, hash: doc.hash, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    await store.close();

    const reopened = await LibraryStore.open(dir);
    expect(reopened.readingPosition(doc.id)).toEqual({ offset: 1200, top: -14.5 });
    await reopened.close();
    // Kept for another text (the hash no longer matches): not applied.
    expect(readReadingPosition(kept, doc.id, 'another-hash')).toBeNull();
  });

  test('a kept position that is damaged is ignored, and others are kept', () => {
    const kept = { a: { offset: -1, top: 0, hash: 'h', at: '2026-01-01' }, b: { offset: 5, top: 2, hash: 'h', at: '2026-01-02' }, c: 'nonsense' };
    expect(readReadingPosition(kept, 'a', 'h')).toBeNull();
    expect(readReadingPosition(kept, 'c', 'h')).toBeNull();
    expect(readReadingPosition(kept, 'b', 'h')).toEqual({ offset: 5, top: 2 });
    expect(readReadingPosition(kept, 'toString', 'h')).toBeNull();
    expect(Object.keys(withReadingPosition(kept, 'd', { offset: 1, top: 0, hash: 'h', at: '2026-01-03' }))).toEqual(['d', 'b']);
  });

  test('only the most recently read documents keep a position', () => {
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const kept: Record<string, unknown> = {};
    for (let i = 0; i < MAX_READING_POSITIONS + 4; i++) kept[`doc-${i}`] = { offset: i, top: 0, hash: 'h', at: at(i) };
    const ids = Object.keys(withReadingPosition(kept, `doc-${MAX_READING_POSITIONS + 4}`, { offset: 1, top: 0, hash: 'h', at: at(MAX_READING_POSITIONS + 4) }));
    expect(ids).toHaveLength(MAX_READING_POSITIONS);
    expect(ids[0]).toBe(`doc-${MAX_READING_POSITIONS + 4}`);
    expect(ids).not.toContain('doc-0');
    expect(ids).not.toContain('doc-4');
    expect(ids).toContain('doc-5');
  });

  test('main refuses a position that is not one', async () => {
    const { store } = await storeWithSample(dir);
    const [doc] = await store.list();
    const handlers = handlersFor(store);
    for (const position of [{ offset: -1, top: 0 }, { offset: 1.5, top: 0 }, { offset: 1, top: Number.POSITIVE_INFINITY }, { offset: 1 }, { offset: 1, top: 0, extra: true }]) {
      const answer = await handlers['documents:save-reading-position']({ documentId: doc.id, position } as never);
      expect(answer.ok, JSON.stringify(position)).toBe(false);
    }
    expect(store.readingPosition(doc.id)).toBeNull();
    await store.close();
  });
});

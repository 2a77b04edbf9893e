import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Channel } from '../../../shared/contract';
import type { ImportResult, TextReplacement } from '../../../shared/model';
import { installFakeMain, ok, removeFakeMain, type Answer } from '../testing/fake-main';
import { readingStore } from './reading-store';
import { storeStatus } from './store-status';
import {
  adoptNewVersion,
  keepBoth,
  offerNewVersions,
  replaceTextWithDialog,
  resetTextReplacement,
  summaryLine,
  textReplacementState,
  undoShownReplace,
} from './text-replacement';
import { undoHistory } from './undo-history';

let sent: { channel: Channel; request: Record<string, unknown> }[] = [];
let answer: (channel: Channel, request: Record<string, unknown>) => Answer;

const report = (undoToken: string, documentId = 'doc-1'): TextReplacement => ({
  documentId,
  kept: 2,
  moved: 1,
  changed: 1,
  orphaned: 1,
  highlights: [],
  previousVersion: `documents/${documentId}/versions/1.json`,
  undoToken,
});

let tokens = 0;
const usual = (channel: Channel): Answer => {
  if (channel === 'library:list') return ok([]);
  if (channel === 'library:status') return ok({ dataDir: '/data', readOnly: null, notices: [] });
  if (channel === 'documents:replace-text-dialog' || channel === 'documents:adopt-version' || channel === 'documents:revert-text') return ok(report(`token-${++tokens}`));
  return ok(null);
};

const channelsSent = () => sent.map((s) => s.channel).filter((c) => c !== 'library:list' && c !== 'library:status');

beforeEach(() => {
  sent = [];
  tokens = 0;
  answer = usual;
  installFakeMain((channel, request) => {
    sent.push({ channel, request });
    return answer(channel, request);
  });
  storeStatus.apply({ dataDir: '/data', readOnly: null, notices: [] });
  readingStore.setStatus(null);
  undoHistory.clear();
  resetTextReplacement();
});

afterEach(removeFakeMain);

test.each([
  [{ kept: 412, moved: 3, changed: 1, orphaned: 1 }, '412 highlights kept, 3 moved, 1 changed, 1 orphaned'],
  [{ kept: 1, moved: 0, changed: 0, orphaned: 0 }, '1 highlight kept, 0 moved, 0 changed, 0 orphaned'],
  [{ kept: 0, moved: 0, changed: 0, orphaned: 2 }, '0 highlights kept, 0 moved, 0 changed, 2 orphaned'],
  [{ kept: 1200, moved: 12, changed: 0, orphaned: 0 }, '1,200 highlights kept, 12 moved, 0 changed, 0 orphaned'],
])('the report says in one line what became of the highlights: %j', (counts, line) => {
  expect(summaryLine(counts)).toBe(line);
});

test('a replace shows its report and is undone with the token main gave, then redone without asking for the file again', async () => {
  await replaceTextWithDialog('doc-1');
  expect(textReplacementState().report).toMatchObject({ replacement: { undoToken: 'token-1' }, undone: false });
  expect(undoHistory.getState().undoLabel).toBe('Replace text');

  expect(await undoHistory.undo()).toBe('Replace text');
  expect(sent.find((s) => s.channel === 'documents:revert-text')?.request).toEqual({ documentId: 'doc-1', undoToken: 'token-1' });
  expect(textReplacementState().report?.undone).toBe(true);

  expect(await undoHistory.redo()).toBe('Replace text');
  // The revert's own token hands the revert back.
  expect(sent.filter((s) => s.channel === 'documents:revert-text').map((s) => s.request.undoToken)).toEqual(['token-1', 'token-2']);
  expect(channelsSent().filter((c) => c === 'documents:replace-text-dialog')).toHaveLength(1);
});

test('a cancelled dialog changes nothing and leaves nothing to undo', async () => {
  answer = (channel) => (channel === 'documents:replace-text-dialog' ? ok({ cancelled: true }) : usual(channel));
  expect(await replaceTextWithDialog('doc-1')).toBeNull();
  expect(textReplacementState()).toMatchObject({ report: null, busy: null });
  expect(undoHistory.getState().canUndo).toBe(false);
});

test('a replace main refuses says why, shows no report and leaves nothing to undo', async () => {
  answer = (channel) =>
    channel === 'documents:replace-text-dialog' ? { ok: false, error: { code: 'invalid-request', message: 'The file is empty.' } } : usual(channel);
  expect(await replaceTextWithDialog('doc-1')).toBeNull();
  expect(readingStore.getState().status).toMatchObject({ kind: 'error', message: 'The text was not replaced: The file is empty.' });
  expect(textReplacementState().report).toBeNull();
  expect(undoHistory.getState().canUndo).toBe(false);
});

test('in a read-only library nothing is asked of main, and the reason is shown', async () => {
  storeStatus.apply({ dataDir: '/data', readOnly: 'The data folder is read-only.', notices: [] });
  expect(await replaceTextWithDialog('doc-1')).toBeNull();
  expect(channelsSent()).toEqual([]);
  expect(readingStore.getState().status?.message).toBe('The text was not replaced. The data folder is read-only.');
});

test("the report's Undo reverts the replace once: a later Ctrl+Z does not revert it again", async () => {
  await replaceTextWithDialog('doc-1');
  expect(await undoShownReplace()).toBe(true);
  expect(textReplacementState().report?.undone).toBe(true);
  await undoHistory.undo();
  expect(channelsSent().filter((c) => c === 'documents:revert-text')).toHaveLength(1);
});

const imported = (id: string, fileName: string, newVersionOf?: { id: string; title: string }): ImportResult => ({
  fileName,
  ok: true,
  duplicate: false,
  newVersionOf,
  document: { id, title: fileName, source: fileName, format: 'text', hash: 'h', speakers: [], wordCount: 1, highlightCount: 0, noteCount: 0, addedAt: '', openedAt: null },
});

test('an imported new version is offered; adopting it sends the new document into the old one', async () => {
  offerNewVersions([imported('new-1', 'interview.txt', { id: 'doc-1', title: 'Interview' }), imported('other', 'other.txt')]);
  const [offer] = textReplacementState().offers;
  expect(textReplacementState().offers).toHaveLength(1);
  expect(offer).toEqual({ documentId: 'new-1', fileName: 'interview.txt', into: { id: 'doc-1', title: 'Interview' } });
  await adoptNewVersion(offer);
  expect(sent.find((s) => s.channel === 'documents:adopt-version')?.request).toEqual({ documentId: 'new-1', into: 'doc-1' });
  expect(textReplacementState().offers).toEqual([]);
  expect(textReplacementState().report?.replacement.documentId).toBe('doc-1');
  expect(undoHistory.getState().undoLabel).toBe('Replace text');
});

test('"Keep both" forgets the offer and asks nothing of main', () => {
  offerNewVersions([imported('new-1', 'interview.txt', { id: 'doc-1', title: 'Interview' })]);
  keepBoth(textReplacementState().offers[0]);
  expect(textReplacementState().offers).toEqual([]);
  expect(channelsSent()).toEqual([]);
});

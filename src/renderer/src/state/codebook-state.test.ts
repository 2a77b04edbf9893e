import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Channel } from '../../../shared/contract';
import type { Codebook, CodeOperation } from '../../../shared/model';
import {
  applyCodeOperation,
  codebookState,
  codesInUseChanged,
  colorName,
  colorPhrase,
  completionIndex,
  describeCode,
  nameColor,
  operationReport,
  refreshCodebook,
} from './codebook-state';
import { suggestCodes } from '../../../core/study/code-completion';
import { readingStore } from './reading-store';
import { storeStatus } from './store-status';
import { installFakeMain, ok, removeFakeMain, type Answer } from '../testing/fake-main';

let sent: { channel: Channel; request: Record<string, unknown> }[] = [];
let answer: (channel: Channel, request: Record<string, unknown>) => Answer;

const codebook = (names: Partial<Record<string, string>> = {}, codes: Codebook['codes'] = []): Codebook => ({
  colors: (['yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red'] as const).map((color) => ({ color, name: names[color] ?? color[0].toUpperCase() + color.slice(1) })),
  codes,
});

/** What main answers to what a test does not set up. */
const usual = (channel: Channel): Answer =>
  channel === 'codebook:get' ? ok(codebook()) : channel === 'library:status' ? ok({ dataDir: '/data', readOnly: null, notices: [] }) : ok(null);

beforeEach(async () => {
  sent = [];
  answer = usual;
  installFakeMain((channel, request) => {
    sent.push({ channel, request });
    return answer(channel, request);
  });
  storeStatus.apply({ dataDir: '/data', readOnly: null, notices: [] });
  readingStore.setStatus(null);
  await refreshCodebook();
  sent = [];
});

afterEach(removeFakeMain);

test.each<[CodeOperation, number, number, string]>([
  [{ kind: 'rename', from: 'theme/risk', to: 'theme/danger' }, 12, 3, 'Renamed theme/risk to theme/danger: 12 highlights changed in 3 documents.'],
  [{ kind: 'merge', from: 'risk', into: 'theme/risk' }, 1, 1, 'Merged risk into theme/risk: 1 highlight changed in 1 document.'],
  [{ kind: 'move', code: 'theme/risk', parent: 'method' }, 2, 1, 'Moved theme/risk under method (now method/risk): 2 highlights changed in 1 document.'],
  [{ kind: 'move', code: 'theme/risk', parent: '' }, 0, 0, 'Moved theme/risk to the top (now risk): 0 highlights changed in 0 documents.'],
  [{ kind: 'delete', code: 'theme' }, 1200, 40, 'Deleted theme: 1,200 highlights changed in 40 documents.'],
])('an operation is reported in one sentence: %j', (operation, highlightsChanged, documentsChanged, sentence) => {
  expect(operationReport(operation, { highlightsChanged, documentsChanged })).toBe(sentence);
});

test('a colour is spoken of by its own name until the reader names it', async () => {
  expect(colorName('yellow')).toBe('Yellow');
  expect(colorPhrase('yellow')).toBe('yellow');
  answer = (channel, request) => (channel === 'codebook:name-color' ? ok(codebook({ yellow: request.name as string })) : ok(null));
  expect(await nameColor('yellow', '  key   claim ')).toEqual({ color: 'yellow', before: 'Yellow', after: 'key claim' });
  expect(sent.map((s) => s.request)).toEqual([{ color: 'yellow', name: 'key claim' }]);
  expect(colorName('yellow')).toBe('key claim');
  expect(colorPhrase('yellow')).toBe('yellow — key claim');
});

test('naming a colour what it is already called sends nothing; an empty name gives back its own name', async () => {
  expect(await nameColor('blue', 'Blue')).toBeNull();
  expect(sent).toEqual([]);
  answer = (channel, request) => (channel === 'codebook:name-color' ? ok(codebook({ blue: (request.name as string) || 'Blue' })) : ok(null));
  await nameColor('blue', 'evidence');
  expect(await nameColor('blue', '   ')).toEqual({ color: 'blue', before: 'evidence', after: 'Blue' });
  expect(sent.at(-1)?.request).toEqual({ color: 'blue', name: '' });
});

test('in a read-only library nothing is sent and the reader reads why', async () => {
  storeStatus.apply({ dataDir: '/data', readOnly: 'The library at /data is read-only.', notices: [] });
  expect(await nameColor('red', 'disagree')).toBeNull();
  expect(await applyCodeOperation({ kind: 'delete', code: 'theme' })).toBeNull();
  expect(await describeCode('theme', { description: 'What it is about' })).toBeNull();
  expect(sent).toEqual([]);
  expect(readingStore.getState().status?.message).toBe('The codebook was not changed. The library at /data is read-only.');
});

test('a code operation main refuses changes nothing and says why', async () => {
  answer = (channel) => (channel === 'codes:apply' ? { ok: false, error: { code: 'conflict', message: 'theme/danger is already a code: merge instead.' } } : usual(channel));
  expect(await applyCodeOperation({ kind: 'rename', from: 'theme/risk', to: 'theme/danger' })).toBeNull();
  expect(readingStore.getState().status).toEqual({ kind: 'error', message: 'The codes were not changed. theme/danger is already a code: merge instead.' });
});

test('a code operation done is reported, and the counts are read again', async () => {
  const after = codebook({}, [{ path: 'theme', count: 0, total: 12, color: null, description: '' }, { path: 'theme/danger', count: 12, total: 12, color: null, description: '' }]);
  answer = (channel) =>
    channel === 'codes:apply' ? ok({ highlightsChanged: 12, documentsChanged: 3, undoToken: 't1' }) : channel === 'codebook:get' ? ok(after) : ok(null);
  const done = await applyCodeOperation({ kind: 'rename', from: 'theme/risk', to: 'theme/danger' });
  expect(done?.result.undoToken).toBe('t1');
  expect(readingStore.getState().status?.message).toBe('Renamed theme/risk to theme/danger: 12 highlights changed in 3 documents.');
  expect(codebookState().codes.map((c) => c.path)).toEqual(['theme', 'theme/danger']);
});

test('a code just made is offered by the autocomplete at once, its parents too, before main tells the counts', () => {
  answer = () => ({ ok: false, error: { code: 'internal', message: 'codebook:get is not built yet.' } });
  codesInUseChanged(['theme/new idea']);
  expect(suggestCodes(completionIndex(), 'new').map((s) => s.path)).toEqual(['theme/new idea']);
  expect(suggestCodes(completionIndex(), 'the').map((s) => s.path)).toEqual(['theme', 'theme/new idea']);
});

test('describing a code answers what it said before and after', async () => {
  answer = (channel) =>
    channel === 'codebook:describe-code' ? ok(codebook({}, [{ path: 'theme', count: 0, total: 0, color: 'red', description: 'What it is about' }])) : ok(null);
  expect(await describeCode('theme', { color: 'red', description: 'What it is about' })).toEqual({
    path: 'theme',
    before: { color: null, description: '' },
    after: { color: 'red', description: 'What it is about' },
  });
});

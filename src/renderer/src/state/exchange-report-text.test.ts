import { describe, expect, test } from 'vitest';
import type { ExchangeImportReport, RestoreReport } from '../../../shared/model';
import { backupSummary, fileSize, importSummary, restoreChangedNothing, restoreLines, restoreSummary } from './exchange-report-text';

const INTERVIEW = { id: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f', title: 'Interview' };

function imported(change: Partial<ExchangeImportReport>): ExchangeImportReport {
  return { format: 'w3c', documentsAdded: [], documentsUpdated: [], highlightsAdded: 0, highlightsUpdated: 0, highlightsUnchanged: 0, orphaned: 0, codesAdded: 0, notCarried: [], ...change };
}

const NOTHING: RestoreReport = {
  documentsAdded: 0,
  documentsMerged: 12,
  highlightsAdded: 0,
  highlightsUpdated: 0,
  highlightsKept: 3104,
  notebooksRestored: 0,
  notebooksKept: 4,
  codesAdded: 0,
  codesUpdated: 0,
  settingsRestored: false,
  messages: [],
};

describe('an import says what it did', () => {
  test.each([
    [
      'highlights added to one document, some updated and orphaned, codes added',
      imported({ documentsUpdated: [INTERVIEW], highlightsAdded: 42, highlightsUpdated: 3, orphaned: 2, codesAdded: 5 }),
      'Added 42 highlights to “Interview”, 3 updated, 2 orphaned (see Orphans); 5 codes added.',
    ],
    ['one highlight, nothing else', imported({ documentsUpdated: [INTERVIEW], highlightsAdded: 1 }), 'Added 1 highlight to “Interview”.'],
    [
      'a project that brought two documents, 1,200 highlights',
      imported({ format: 'qdpx', documentsAdded: [INTERVIEW, { id: 'b', title: 'Focus group' }], highlightsAdded: 1200, codesAdded: 1 }),
      'Added 1,200 highlights to 2 documents; 1 code added.',
    ],
    ['the same file again', imported({ documentsUpdated: [INTERVIEW], highlightsUnchanged: 42 }), 'No highlights to add: its 42 highlights were already here, as new.'],
    ['a file with nothing in it', imported({}), 'No highlights to add.'],
  ])('%s', (_what, report, line) => {
    expect(importSummary(report)).toBe(line);
  });
});

test('a backup says how much, where and how large', () => {
  expect(backupSummary({ path: '/home/u/Gloss backup 2026-11-29.zip', documents: 12, highlights: 3104, notebooks: 4, bytes: 2_411_725 })).toBe(
    'Backed up 12 documents, 3,104 highlights and 4 notebooks to /home/u/Gloss backup 2026-11-29.zip (2.3 MB).',
  );
  expect(fileSize(900)).toBe('900 bytes');
  expect(fileSize(1)).toBe('1 byte');
  expect(fileSize(840 * 1024)).toBe('840 KB');
});

describe('a restore says what it did, every count', () => {
  test('into the library it was taken from: nothing to change', () => {
    expect(restoreChangedNothing(NOTHING)).toBe(true);
    expect(restoreSummary(NOTHING)).toBe('Nothing to change: this library already has everything in the backup, as new or newer.');
    expect(restoreLines(NOTHING)).toEqual([
      'Documents: 0 added, 12 merged with the library\'s.',
      'Highlights: 0 added, 0 updated from the backup, 3,104 kept as the library had them (as new or newer).',
      'Notebooks: 0 restored, 4 kept as the library had them.',
      'Codes: 0 added, 0 updated.',
      'Settings: kept as they were.',
    ]);
  });

  test('into an empty library: everything added', () => {
    const report = { ...NOTHING, documentsAdded: 12, documentsMerged: 0, highlightsAdded: 3104, highlightsKept: 0, notebooksRestored: 4, notebooksKept: 0, codesAdded: 9, settingsRestored: true };
    expect(restoreChangedNothing(report)).toBe(false);
    expect(restoreSummary(report)).toBe('Restored: 12 documents added, 3,104 highlights added or updated, 4 notebooks restored, 9 codes added or updated, settings restored.');
  });

  test('a newer highlight in the backup alone is a change', () => {
    expect(restoreChangedNothing({ ...NOTHING, highlightsUpdated: 1 })).toBe(false);
    expect(restoreSummary({ ...NOTHING, highlightsUpdated: 1 })).toBe('Restored: 1 highlight added or updated.');
  });
});

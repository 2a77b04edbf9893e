/**
 * What the reports of an annotation import, a backup and a restore say, in
 * words a reader checks at a glance ("Added 42 highlights to “Interview”,
 * 3 updated, 2 orphaned (see Orphans); 5 codes added."). Pure: the report
 * dialog shows these lines, the tests read them.
 */
import type { BackupReport, ExchangeImportReport, RestoreReport } from '../../../shared/model';

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "2.3 MB", "840 KB", "512 bytes". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return count(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const FORMAT_NAMES: Record<ExchangeImportReport['format'], string> = { w3c: 'W3C Web Annotations', qdpx: 'REFI-QDA project' };

export function importFormatName(format: ExchangeImportReport['format']): string {
  return FORMAT_NAMES[format];
}

/** The documents an import put highlights into (new ones first), without repeats. */
export function importedDocuments(r: ExchangeImportReport): { id: string; title: string; added: boolean }[] {
  const seen = new Set<string>();
  const all = [...r.documentsAdded.map((d) => ({ ...d, added: true })), ...r.documentsUpdated.map((d) => ({ ...d, added: false }))];
  return all.filter((d) => !seen.has(d.id) && seen.add(d.id));
}

/** One line: what the import added, updated and orphaned, where, and the codes it added. */
export function importSummary(r: ExchangeImportReport): string {
  const documents = importedDocuments(r);
  const where = documents.length === 1 ? ` to “${documents[0].title}”` : documents.length > 1 ? ` to ${count(documents.length, 'document')}` : '';
  const codes = r.codesAdded > 0 ? `; ${count(r.codesAdded, 'code')} added` : '';
  if (r.highlightsAdded === 0 && r.highlightsUpdated === 0) {
    const already = r.highlightsUnchanged > 0 ? `: ${r.highlightsUnchanged === 1 ? 'its highlight was' : `its ${count(r.highlightsUnchanged, 'highlight')} were`} already here, as new` : '';
    return `No highlights to add${already}${codes}.`;
  }
  const parts = [`Added ${count(r.highlightsAdded, 'highlight')}${where}`];
  if (r.highlightsUpdated > 0) parts.push(`${r.highlightsUpdated.toLocaleString('en')} updated`);
  if (r.orphaned > 0) parts.push(`${r.orphaned.toLocaleString('en')} orphaned (see Orphans)`);
  if (r.highlightsUnchanged > 0) parts.push(`${r.highlightsUnchanged.toLocaleString('en')} already up to date`);
  return `${parts.join(', ')}${codes}.`;
}

/** One line: what a backup holds, where it went, and how large it is. */
export function backupSummary(r: BackupReport): string {
  return `Backed up ${count(r.documents, 'document')}, ${count(r.highlights, 'highlight')} and ${count(r.notebooks, 'notebook')} to ${r.path} (${fileSize(r.bytes)}).`;
}

/** Whether a restore changed nothing: everything in the archive was already here, as new. */
export function restoreChangedNothing(r: RestoreReport): boolean {
  return (
    r.documentsAdded + r.highlightsAdded + r.highlightsUpdated + r.notebooksRestored + r.codesAdded + r.codesUpdated === 0 && !r.settingsRestored
  );
}

/** The restore's counts, one line each, every count said (a zero too), for documents, highlights, notebooks, codes and settings. */
export function restoreLines(r: RestoreReport): string[] {
  return [
    `Documents: ${r.documentsAdded.toLocaleString('en')} added, ${r.documentsMerged.toLocaleString('en')} merged with the library's.`,
    `Highlights: ${r.highlightsAdded.toLocaleString('en')} added, ${r.highlightsUpdated.toLocaleString('en')} updated from the backup, ${r.highlightsKept.toLocaleString('en')} kept as the library had them (as new or newer).`,
    `Notebooks: ${r.notebooksRestored.toLocaleString('en')} restored, ${r.notebooksKept.toLocaleString('en')} kept as the library had them.`,
    `Codes: ${r.codesAdded.toLocaleString('en')} added, ${r.codesUpdated.toLocaleString('en')} updated.`,
    r.settingsRestored ? 'Settings: restored from the backup.' : 'Settings: kept as they were.',
  ];
}

export function restoreSummary(r: RestoreReport): string {
  if (restoreChangedNothing(r)) return 'Nothing to change: this library already has everything in the backup, as new or newer.';
  const parts = [
    r.documentsAdded > 0 ? `${count(r.documentsAdded, 'document')} added` : '',
    r.highlightsAdded + r.highlightsUpdated > 0 ? `${count(r.highlightsAdded + r.highlightsUpdated, 'highlight')} added or updated` : '',
    r.notebooksRestored > 0 ? `${count(r.notebooksRestored, 'notebook')} restored` : '',
    r.codesAdded + r.codesUpdated > 0 ? `${count(r.codesAdded + r.codesUpdated, 'code')} added or updated` : '',
    r.settingsRestored ? 'settings restored' : '',
  ].filter(Boolean);
  const text = parts.join(', ');
  return `Restored: ${text}.`;
}

/**
 * The `gloss` commands that replace a document's text: `replace-text` puts a
 * corrected version in its place, re-anchoring every highlight, and prints
 * the report (each highlight kept, moved, changed or orphaned, with its old
 * and new quote); `revert-text` undoes a replace by the token the report
 * gave. Both write, so they go through write-access.ts (to the running app
 * when it holds the library); the file is read by whoever writes, as an
 * import reads it.
 */
import { resolve } from 'node:path';
import { countStatuses, reportLine } from '../core/anchoring/text-replacement';
import type { QuotePlace, TextReplacement } from '../shared/model';
import type { Output } from './library-commands';
import { runWrite } from './write-access';

/** Characters of a quote shown on one line before it is cut with an ellipsis. */
const QUOTE_SHOWN = 160;

const flat = (quote: string) => {
  const one = quote.replace(/\s+/g, ' ').trim();
  return one.length > QUOTE_SHOWN ? `${one.slice(0, QUOTE_SHOWN - 1)}…` : one;
};
const place = (p: QuotePlace) => `${p.start}-${p.end} “${flat(p.quote)}”`;

/** The report as a reader reads it: the one line, then each highlight that did not simply stay, old and new. */
export function replacementLines(report: TextReplacement, undo: string): string[] {
  const lines = [reportLine(countStatuses(report.highlights))];
  for (const h of report.highlights) {
    if (h.status === 'kept') continue;
    lines.push('', `${h.status} ${h.id}`, `  before: ${place(h.before)}`, `  after:  ${h.after ? place(h.after) : '(not placed: listed under Orphans)'}`);
  }
  lines.push('', `The text replaced is kept in ${report.previousVersion}; undo with: ${undo}`);
  return lines;
}

/** The JSON printed: the report, each highlight with its place and quote before and after. */
function replacementJson(report: TextReplacement): unknown {
  const { documentId, kept, moved, changed, orphaned, previousVersion, undoToken, highlights } = report;
  return { documentId, kept, moved, changed, orphaned, previousVersion, undoToken, highlights };
}

function print(report: TextReplacement, asJson: boolean, io: Output): number {
  if (asJson) io.out(JSON.stringify(replacementJson(report), null, 2));
  else io.out(replacementLines(report, `gloss revert-text --doc ${report.documentId} ${report.undoToken}`).join('\n'));
  return 0;
}

/** `gloss replace-text --doc ID FILE`. */
export async function replaceTextCommand(dataDir: string, documentId: string, file: string, asJson: boolean, io: Output): Promise<number> {
  // The app may run in another folder: it is given the file's full path.
  const report = await runWrite(dataDir, 'replace-text', { documentId, path: resolve(file) });
  return print(report, asJson, io);
}

/** `gloss revert-text --doc ID TOKEN`. */
export async function revertTextCommand(dataDir: string, documentId: string, undoToken: string, asJson: boolean, io: Output): Promise<number> {
  const report = await runWrite(dataDir, 'revert-text', { documentId, undoToken });
  return print(report, asJson, io);
}

/**
 * The `gloss` command line, a stable surface for scripts. Every command takes
 * `--json` and `--data-dir DIR` (default: GLOSS_DATA_DIR, else the app's own
 * data folder), prints its result on stdout, and on failure a message on
 * stderr with a non-zero exit code (1: the work failed; 2: the command line
 * was wrong).
 *
 *   gloss parse FILE        a transcript as the app's import reads it
 *   gloss add FILE...       import transcripts into the library
 *   gloss list              the library's documents
 *   gloss check [--repair]  read and validate every data file (and repair)
 *   gloss highlights --doc ID               a document's highlights
 *   gloss highlight --doc ID --quote TEXT …  make a highlight
 *   gloss codes [rename OLD NEW | merge FROM INTO]
 *   gloss overview [--doc ID]               highlights by speaker and code
 *   gloss search QUERY [--doc ID] [--limit N]  search the library's text, highlights, notes and notebooks
 *   gloss find --doc ID QUERY               matches in one document's text, with offsets
 *   gloss replace-text --doc ID FILE        a corrected version of the text, highlights re-anchored
 *   gloss revert-text --doc ID TOKEN        undo a replace-text
 *   gloss export --format F (--doc ID... | --all) [--out PATH]  Markdown, W3C annotations, REFI-QDA
 *   gloss import FILE [--doc ID]            a W3C annotation file or a REFI-QDA project
 *   gloss backup OUT                        the whole library in one archive
 *   gloss restore ARCHIVE                   a backup merged into the library, by id, the newer change winning
 */
import { errorMessage } from '../core/error-message';
import { sharedReader } from '../main/import/off-thread-reader';
import { type FlagSpecs, parseArgs, requiredValue, UsageError, valueOf } from './args';
import { addCommand, checkCommand, listCommand, type Output } from './library-commands';
import { changeCodesCommand, codesCommand, highlightCommand, highlightsCommand, overviewCommand } from './study-commands';
import { replaceTextCommand, revertTextCommand } from './text-commands';
import { searchCommand } from './search-commands';
import { findCommand } from './find-command';
import { EXCHANGE_FLAGS, exportCommand, importCommand } from './exchange-commands';
import { backupCommand, restoreCommand } from './backup-commands';
import { transcriptToJson } from './transcript-json';
import { HIGHLIGHT_COLORS } from '../shared/model';

const USAGE = `Usage: gloss COMMAND [--json] [--data-dir DIR]
  parse FILE           read a transcript (plain text, Markdown, WebVTT or SRT) and print it
  add FILE...          import transcripts into the library, as the app does; prints each document's id
  list                 list the library's documents
  check [--repair]     read and validate every data file; --repair does what the app does at start
  highlights --doc ID  list a document's highlights in document order
  highlight --doc ID --quote TEXT --color KEY [--occurrence N] [--code CODE]... [--note MARKDOWN]
                       highlight a quote (the Nth occurrence, from 1, when it occurs more than once);
                       KEY is one of ${HIGHLIGHT_COLORS.join(', ')}
  codes                list the codes as a tree, with how many highlights carry each
  codes rename OLD NEW rename a code (and the codes under it) across the library
  codes merge FROM INTO
                       merge a code (and the codes under it) into another
  overview [--doc ID]  count highlights by speaker and code (and colour), for a document or the library
  search QUERY [--doc ID] [--limit N]
                       search every document's transcript, highlights, notes and notebooks (or one
                       document's): "quoted phrases", word* prefixes, speaker:, code:, colour:, doc:, kind:
  find --doc ID QUERY [--match-case] [--whole-word]
                       every match of QUERY in a document's text, as the reader's find bar finds them
                       (case, accents, curly quotes and white space aside), with offsets, speaker, context
  replace-text --doc ID FILE
                       replace a document's text with a corrected version of it, re-anchoring every
                       highlight; prints each one kept, moved, changed or orphaned, and an undo token
  revert-text --doc ID TOKEN
                       undo a replace-text: the text it replaced and every highlight's place come back
  export --format md|w3c|qdpx|qdc (--doc ID... | --all) [--out PATH]
                       export highlights as Markdown, W3C Web Annotations (JSON-LD) or a REFI-QDA project
                       (.qdpx), or the code tree as a REFI-QDA codebook (qdc, which takes no --doc or --all);
                       --out: a file, or a folder for Markdown of several documents (default: a name in the
                       current folder); only the highlights matching --colour KEY, --code PATH, --speaker NAME
                       (each repeatable), --with-note; Markdown, from its defaults: --group-by
                       document|speaker|colour|code, --no-notes, --no-codes, --no-colour-names, --no-times,
                       --no-notebook, --no-orphans, --no-links
  import FILE [--doc ID]
                       import a W3C Web Annotation file (JSON-LD) or a REFI-QDA project (.qdpx); --doc names
                       the document for annotations whose own document is not found
  backup OUT           back the whole library up to one archive (a zip; OUT may be a folder); works while
                       Gloss is running
  restore ARCHIVE      restore a backup into the library: documents it lacks are added, the others merged by
                       id (the newer change wins); a damaged archive changes nothing
Options:
  --json               print JSON
  --data-dir DIR       the library folder (default: $GLOSS_DATA_DIR, else the app's own)
Writing commands (highlight, codes rename|merge, replace-text, revert-text, import, restore) send the change to Gloss when it is running.`;

const FLAGS: FlagSpecs = {
  check: { repair: 'switch' },
  highlights: { doc: 'value' },
  highlight: { doc: 'value', quote: 'value', occurrence: 'value', color: 'value', code: 'values', note: 'value' },
  overview: { doc: 'value' },
  search: { doc: 'value', limit: 'value' },
  find: { doc: 'value', 'match-case': 'switch', 'whole-word': 'switch' },
  'replace-text': { doc: 'value' },
  'revert-text': { doc: 'value' },
  ...EXCHANGE_FLAGS,
};
const OPERANDS: Record<string, (n: number) => boolean> = {
  parse: (n) => n === 1,
  add: (n) => n >= 1,
  list: (n) => n === 0,
  check: (n) => n === 0,
  highlights: (n) => n === 0,
  highlight: (n) => n === 0,
  codes: (n) => n === 0 || n === 3,
  overview: (n) => n === 0,
  search: () => true,
  find: (n) => n >= 1,
  'replace-text': (n) => n === 1,
  'revert-text': (n) => n === 1,
  export: (n) => n === 0,
  import: (n) => n === 1,
  backup: (n) => n === 1,
  restore: (n) => n === 1,
};
/** What a command's operands are, for the message when there are too many or too few. */
const OPERAND_NAMES: Record<string, string> = { parse: 'files', add: 'files', codes: 'operands', 'replace-text': 'files', 'revert-text': 'undo tokens', import: 'files', backup: 'archives', restore: 'archives' };

async function parse(file: string, json: boolean, io: Output): Promise<number> {
  // Read as an import is: in the worker, with its time and memory limits.
  const read = await sharedReader().readFile(file);
  const transcript = transcriptToJson(read.transcript, read.format);
  if (json) io.out(JSON.stringify(transcript, null, 2));
  else {
    io.out(`${transcript.title} (${transcript.format}): ${transcript.speakers.length} speakers, ${transcript.turns.length} turns`);
    for (const turn of transcript.turns) io.out(`${turn.speaker ?? `[${turn.kind}]`}: ${turn.text.slice(0, 100)}`);
  }
  return 0;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void, env: Record<string, string | undefined> = process.env): Promise<number> {
  const io: Output = { out, err };
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out(USAGE);
    return 0;
  }
  let args;
  try {
    args = parseArgs(argv, FLAGS, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`gloss: ${error.message}\n${USAGE}`);
    return 2;
  }
  const { command, operands, json, dataDir, flags } = args;
  if (!command || !OPERANDS[command]?.(operands.length)) {
    err(
      command && OPERANDS[command]
        ? `gloss ${command}: ${OPERAND_NAMES[command] ? `wrong number of ${OPERAND_NAMES[command]}` : `unexpected ${operands.map((o) => JSON.stringify(o)).join(' ')}`}\n${USAGE}`
        : USAGE,
    );
    return 2;
  }
  try {
    if (command === 'parse') return await parse(operands[0], json, io);
    if (command === 'add') return await addCommand(dataDir, operands, json, io);
    if (command === 'list') return await listCommand(dataDir, json, io);
    if (command === 'check') return await checkCommand(dataDir, flags.has('repair'), json, io);
    if (command === 'highlights') return await highlightsCommand(dataDir, requiredValue(args, 'doc'), json, io);
    if (command === 'highlight') {
      const options = {
        documentId: requiredValue(args, 'doc'),
        quote: requiredValue(args, 'quote'),
        occurrence: valueOf(args, 'occurrence'),
        color: requiredValue(args, 'color'),
        codes: args.values.get('code') ?? [],
        note: valueOf(args, 'note'),
      };
      return await highlightCommand(dataDir, options, json, io);
    }
    if (command === 'replace-text') return await replaceTextCommand(dataDir, requiredValue(args, 'doc'), operands[0], json, io);
    if (command === 'revert-text') return await revertTextCommand(dataDir, requiredValue(args, 'doc'), operands[0], json, io);
    if (command === 'find') {
      const options = { documentId: requiredValue(args, 'doc'), query: operands.join(' '), matchCase: flags.has('match-case'), wholeWord: flags.has('whole-word') };
      return await findCommand(dataDir, options, json, io);
    }
    if (command === 'export') return await exportCommand(dataDir, args, io);
    if (command === 'import') return await importCommand(dataDir, operands[0], valueOf(args, 'doc'), json, io);
    if (command === 'backup') return await backupCommand(dataDir, operands[0], json, io);
    if (command === 'restore') return await restoreCommand(dataDir, operands[0], json, io);
    if (command === 'search') return await searchCommand(dataDir, { query: operands.join(' '), documentId: valueOf(args, 'doc'), limit: valueOf(args, 'limit') }, json, io);
    if (command === 'codes') return operands.length === 0 ? await codesCommand(dataDir, json, io) : await changeCodesCommand(dataDir, operands, json, io);
    return await overviewCommand(dataDir, valueOf(args, 'doc') ?? null, json, io);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`gloss: ${error.message}\n(gloss --help describes every command)`);
      return 2;
    }
    err(`gloss: ${errorMessage(error)}`);
    return 1;
  }
}

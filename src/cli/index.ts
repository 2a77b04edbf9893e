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
 */
import { errorMessage } from '../core/error-message';
import { sharedReader } from '../main/import/off-thread-reader';
import { parseArgs, UsageError } from './args';
import { addCommand, checkCommand, listCommand, type Output } from './library-commands';
import { transcriptToJson } from './transcript-json';

const USAGE = `Usage: gloss COMMAND [--json] [--data-dir DIR]
  parse FILE           read a transcript (plain text, Markdown, WebVTT or SRT) and print it
  add FILE...          import transcripts into the library, as the app does; prints each document's id
  list                 list the library's documents
  check [--repair]     read and validate every data file; --repair does what the app does at start
Options:
  --json               print JSON
  --data-dir DIR       the library folder (default: $GLOSS_DATA_DIR, else the app's own)`;

const FLAGS: Record<string, readonly string[]> = { check: ['repair'] };
const OPERANDS: Record<string, (n: number) => boolean> = {
  parse: (n) => n === 1,
  add: (n) => n >= 1,
  list: (n) => n === 0,
  check: (n) => n === 0,
};

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
    err(command && OPERANDS[command] ? `gloss ${command}: wrong number of files\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    if (command === 'parse') return await parse(operands[0], json, io);
    if (command === 'add') return await addCommand(dataDir, operands, json, io);
    if (command === 'list') return await listCommand(dataDir, json, io);
    return await checkCommand(dataDir, flags.has('repair'), json, io);
  } catch (error) {
    err(`gloss: ${errorMessage(error)}`);
    return 1;
  }
}

/**
 * The `gloss` command line. `gloss parse FILE --json` prints the parsed
 * transcript as JSON, read by the same code the app imports with; errors go
 * to stderr with a non-zero exit code.
 */
import { readTranscriptFile, ImportError } from '../main/import/read-transcript-file';
import { transcriptToJson } from './transcript-json';

const USAGE = `Usage: gloss parse FILE [--json]

  parse FILE   read a transcript (plain text, Markdown, WebVTT or SRT) and print it
  --json       print JSON: title, format, speakers, and turns with their segments`;

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const files = rest.filter((a) => !a.startsWith('--'));
  const flags = rest.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--json');
  if (command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  if (command !== 'parse' || files.length !== 1 || unknown.length > 0) {
    err(unknown.length ? `gloss: unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    const read = await readTranscriptFile(files[0]);
    const json = transcriptToJson(read.transcript, read.format);
    if (flags.includes('--json')) out(JSON.stringify(json, null, 2));
    else {
      out(`${json.title} (${json.format}): ${json.speakers.length} speakers, ${json.turns.length} turns`);
      for (const turn of json.turns) out(`${turn.speaker ?? `[${turn.kind}]`}: ${turn.text.slice(0, 100)}`);
    }
    return 0;
  } catch (error) {
    err(`gloss: ${error instanceof ImportError ? error.message : String(error)}`);
    return 1;
  }
}

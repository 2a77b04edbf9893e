/**
 * The error a parser throws when it refuses a text on purpose: it is not the
 * format it claims, or it is built in a way Gloss will not read (Markdown
 * nested too deeply). Its message is the reason, worded to follow "Could not
 * open FILE: ". Any other error from a parser is a bug.
 */
export class TranscriptFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranscriptFormatError';
  }
}

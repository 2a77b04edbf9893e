/** The one way Gloss puts a caught error into words: its message, or the value itself when it is not an Error. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Errors main reports to the renderer, with a code the UI can act on and a
 * message a user can read.
 */
import type { ErrorCode } from '../../shared/contract';

export class GlossError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GlossError';
  }
}

/**
 * Sends library search questions as the reader types: a moment after the
 * last keystroke, and only the answer to the latest question is handed on
 * (an answer that comes back after a newer question was asked is dropped).
 */
import { errorMessage } from '../../../core/error-message';
import type { SearchResults } from '../../../shared/model';

/** Typing pauses this long before the query is sent. */
export const SEARCH_DELAY_MS = 150;

export interface SearchQuestion {
  query: string;
  /** One document's id, or undefined for the whole library. */
  documentId: string | undefined;
}

export type SearchAnswer = { kind: 'results'; results: SearchResults } | { kind: 'error'; message: string };

/**
 * Sends questions a moment after the last one and hands on only the answer to the latest: an answer that comes back
 * after a newer question was asked (typing went on) is dropped.
 */
export class SearchRunner {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;

  constructor(
    private readonly send: (question: SearchQuestion) => Promise<SearchResults>,
    private readonly onAnswer: (answer: SearchAnswer, question: SearchQuestion) => void,
    private readonly delayMs = SEARCH_DELAY_MS,
  ) {}

  /** Asks `question` after the delay (at once with `now`); any earlier question's answer still to come is dropped. */
  ask(question: SearchQuestion, now = false): Promise<void> {
    this.cancel();
    const ticket = this.latest;
    return new Promise((resolve) => {
      const run = () => {
        this.timer = undefined;
        this.send(question)
          .then((results): SearchAnswer => ({ kind: 'results', results }))
          .catch((e: unknown): SearchAnswer => ({ kind: 'error', message: errorMessage(e) }))
          .then((answer) => {
            if (ticket === this.latest) this.onAnswer(answer, question);
          })
          .finally(resolve);
      };
      if (now) run();
      else this.timer = setTimeout(run, this.delayMs);
    });
  }

  /** Forgets the question waiting to be sent and any answer still to come. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest++;
  }

  /** A question is waiting to be sent or answered. */
  get pending(): boolean {
    return this.timer !== undefined;
  }
}

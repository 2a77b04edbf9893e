import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SearchResults } from '../../../shared/model';
import { SearchRunner, type SearchAnswer, type SearchQuestion } from './search-runner';

const results = (query: string): SearchResults => ({ query, hits: [], total: 0 });

/** A main process whose answers come back when the test says so, in any order. */
function slowMain() {
  const waiting = new Map<string, { resolve: (r: SearchResults) => void; reject: (e: Error) => void }>();
  const asked: string[] = [];
  const send = (q: SearchQuestion) =>
    new Promise<SearchResults>((resolve, reject) => {
      asked.push(q.query);
      waiting.set(q.query, { resolve, reject });
    });
  return { send, asked, answer: (query: string) => waiting.get(query)!.resolve(results(query)), fail: (query: string, message: string) => waiting.get(query)!.reject(new Error(message)) };
}

describe('SearchRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setUp = () => {
    const main = slowMain();
    const answers: SearchAnswer[] = [];
    const runner = new SearchRunner(main.send, (a) => answers.push(a), 150);
    return { main, answers, runner };
  };
  const answered = (answers: SearchAnswer[]) => answers.map((a) => (a.kind === 'results' ? a.results.query : `error: ${a.message}`));

  test('sends a query only once typing has paused', async () => {
    const { main, runner } = setUp();
    for (const query of ['r', 'ri', 'ris', 'risk']) {
      void runner.ask({ query, documentId: undefined });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(main.asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(main.asked).toEqual(['risk']);
  });

  test('drops an answer that comes back after a newer query was sent', async () => {
    const { main, answers, runner } = setUp();
    const first = runner.ask({ query: 'risk', documentId: undefined }, true);
    const second = runner.ask({ query: 'risky', documentId: undefined }, true);
    main.answer('risky');
    main.answer('risk');
    await Promise.all([first, second]);
    expect(answered(answers)).toEqual(['risky']);
  });

  test('hands on main’s error for a bad query, and drops a stale one', async () => {
    const { main, answers, runner } = setUp();
    const stale = runner.ask({ query: '"open', documentId: undefined }, true);
    const latest = runner.ask({ query: '"open quote', documentId: undefined }, true);
    main.fail('"open', 'stale');
    main.fail('"open quote', 'a quote is not closed');
    await Promise.all([stale, latest]);
    expect(answered(answers)).toEqual(['error: a quote is not closed']);
  });

  test('after cancel, nothing waiting is sent and nothing on its way is handed on', async () => {
    const { main, answers, runner } = setUp();
    const sent = runner.ask({ query: 'risk', documentId: undefined }, true);
    void runner.ask({ query: 'democracy', documentId: undefined });
    expect(runner.pending).toBe(true);
    runner.cancel();
    expect(runner.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    main.answer('risk');
    await sent;
    expect(main.asked).toEqual(['risk']);
    expect(answers).toEqual([]);
  });
});

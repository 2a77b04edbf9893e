import { expect, test } from 'vitest';
import { payloadProblem } from './payload-guard';

const deep = (n: number): unknown => (n === 0 ? {} : { a: deep(n - 1) });

test.each([
  ['an empty request', {}, null],
  ['a highlight', { documentId: 'x', selectors: { quote: { exact: 'a', prefix: '', suffix: '' }, position: { start: 0, end: 1 } } }, null],
  ['dropped files with their bytes', { files: [{ name: 'a.txt', bytes: new Uint8Array(10_000_000) }] }, null],
  ['bytes anywhere else', { selectors: new Uint8Array(1_000_000) }, /selectors is not plain data/],
  ['bytes as the request', new Uint8Array(1_000_000), /the request is not plain data/],
  ['a Map', { files: new Map() }, /files is not plain data/],
  ['a Date', { title: new Date() }, /title is not plain data/],
  ['a BigInt', { start: 1n }, /start is not plain data/],
  ['a request nested ten thousand deep', deep(10_000), /nested deeper than 8 levels/],
  ['a million-item array', { files: new Array(1_000_000).fill(0) }, /files holds more than 2000 values/],
  ['an object with a million keys', Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])), /holds more than 2000 values/],
])('%s', (_what, payload, problem) => {
  const started = performance.now();
  const found = payloadProblem(payload);
  if (problem === null) expect(found).toBeNull();
  else expect(found).toMatch(problem);
  expect(performance.now() - started).toBeLessThan(200);
});

/**
 * A first look at every IPC payload, before its schema: it must be plain data
 * (plain objects, arrays, strings, numbers, booleans, null), no deeper than a
 * request ever is and with no more values than one ever has, with bytes
 * (a Uint8Array) only where a dropped file's content goes. This answers a
 * hostile payload at once: a schema refusing a typed array of a million
 * bytes names every index as an unknown key, which took main a second and
 * a 12 MB message; one nested ten thousand deep is refused without walking it.
 */

/** Deeper than any request of the contract. */
const MAX_DEPTH = 8;
/** More values than any request holds (50 dropped files, a highlight's selectors). */
const MAX_VALUES = 2_000;

const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Where a payload may carry bytes: `files.<n>.bytes` (files dropped to import), `file.bytes` (a corrected version of a text). */
const bytesAllowed = (path: readonly (string | number)[]) =>
  (path.length === 3 && path[0] === 'files' && typeof path[1] === 'number' && path[2] === 'bytes') || (path.length === 2 && path[0] === 'file' && path[1] === 'bytes');

/** What makes `payload` unacceptable before any schema looks at it, or null. */
export function payloadProblem(payload: unknown): string | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: payload, path: [] }];
  let values = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++values > MAX_VALUES) return `the request holds more than ${MAX_VALUES} values`;
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return `${where(path)} is not plain data`;
      continue;
    }
    if (value instanceof Uint8Array && bytesAllowed(path)) continue;
    if (path.length >= MAX_DEPTH) return `the request is nested deeper than ${MAX_DEPTH} levels`;
    if (Array.isArray(value)) {
      if (value.length > MAX_VALUES) return `${where(path)} holds more than ${MAX_VALUES} values`;
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length > MAX_VALUES) return `${where(path)} holds more than ${MAX_VALUES} values`;
      for (const key of keys) stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    } else return `${where(path)} is not plain data`;
  }
  return null;
}

function where(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'the request' : path.join('.');
}

/**
 * Code paths: a code is written as its place in the code tree, parts joined
 * by `/` (`theme/risk`). This module says what a well-formed path is and
 * how paths relate (parent, child, the tree order they are listed in).
 */

/** Longest code path accepted, in characters. */
export const MAX_CODE_LENGTH = 200;
/** Most codes one highlight may carry. */
export const MAX_CODES_PER_HIGHLIGHT = 100;
/** Deepest code tree accepted. */
export const MAX_CODE_DEPTH = 10;

/**
 * The path as Gloss keeps it: each part's spaces trimmed and runs of white space made one space, empty parts
 * dropped (`" theme // risk "` is `theme/risk`). Throws a readable error for a path that is empty, too long, too
 * deep or holds control characters.
 */
export function normaliseCode(raw: string): string {
  const problem = codeProblem(raw);
  if (problem) throw new Error(problem);
  return tidy(raw);
}

function tidy(raw: string): string {
  return raw
    .split('/')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join('/');
}

/** Why `raw` is not a code path, or null when it is one (once normalised). */
export function codeProblem(raw: string): string | null {
  // Control characters and bidi overrides would make a code print as something else.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(raw)) return 'a code cannot hold control characters or line breaks';
  const path = tidy(raw);
  if (path === '') return 'a code cannot be empty';
  if (path.length > MAX_CODE_LENGTH) return `a code can be at most ${MAX_CODE_LENGTH} characters long`;
  if (path.split('/').length > MAX_CODE_DEPTH) return `a code can be at most ${MAX_CODE_DEPTH} levels deep`;
  return null;
}

/** Whether `code` is `parent` itself or somewhere under it. */
export function isWithin(code: string, parent: string): boolean {
  return code === parent || code.startsWith(`${parent}/`);
}

/** The paths above `code`, nearest last: `a/b/c` has `a` and `a/b`. */
export function ancestorsOf(code: string): string[] {
  const parts = code.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The last part of a path: what the code is called in its place. */
export function leafOf(code: string): string {
  return code.slice(code.lastIndexOf('/') + 1);
}

/** The path above `code`, or '' at the top. */
export function parentOf(code: string): string {
  const at = code.lastIndexOf('/');
  return at < 0 ? '' : code.slice(0, at);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Tree order: a parent before its children, siblings alphabetically (case and accents aside, numbers by value). */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const order = collator.compare(pa[i], pb[i]) || (pa[i] < pb[i] ? -1 : pa[i] > pb[i] ? 1 : 0);
    if (order !== 0) return order;
  }
  return pa.length - pb.length;
}

/** The codes given, normalised, each once, in the order first given. Throws on one that is not a code. */
export function normaliseCodes(raw: readonly string[]): string[] {
  const out = [...new Set(raw.map(normaliseCode))];
  if (out.length > MAX_CODES_PER_HIGHLIGHT) throw new Error(`a highlight can carry at most ${MAX_CODES_PER_HIGHLIGHT} codes`);
  return out;
}

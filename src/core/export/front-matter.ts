/**
 * YAML front matter for exported Markdown: written with the `yaml` library,
 * so it is valid YAML whatever a title or a speaker's name holds (quotes,
 * colons, `#`, `---`, line breaks, any script), and read back the same way.
 *
 * A re-export replaces Gloss's own keys and keeps the keys a reader added
 * (`tags`, `aliases`, …) after them, as they wrote them.
 */
import { Document, isMap, isScalar, parseDocument } from 'yaml';

export interface SplitFrontMatter {
  /** The YAML between the `---` lines, or null when the text opens with none. */
  yaml: string | null;
  /** The text after the closing `---` line (all of it when there is no front matter). */
  body: string;
}

/** Splits a Markdown text (with `\n` line ends) into its front matter and the rest. */
export function splitFrontMatter(text: string): SplitFrontMatter {
  if (!text.startsWith('---\n')) return { yaml: null, body: text };
  const close = /^(---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(4);
  const match = close.exec(rest);
  if (!match) return { yaml: null, body: text };
  return { yaml: rest.slice(0, match.index), body: rest.slice(match.index + match[0].length).replace(/^\n/, '') };
}

/** The front matter block for these fields, in this order, with its `---` lines. */
export function frontMatter(fields: Readonly<Record<string, unknown>>): string {
  return fence(new Document(fields));
}

function fence(doc: Document): string {
  // lineWidth 0: a long title stays on one line rather than folded.
  return `---\n${doc.toString({ lineWidth: 0 })}---`;
}

/** The fields of a front matter's YAML as plain values, or null when it is not a YAML mapping. */
export function readFrontMatter(yaml: string): Record<string, unknown> | null {
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) return null;
  const value: unknown = doc.toJS();
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Gloss's fresh front matter (the YAML of `frontMatter`, without its `---` lines) with the keys of an earlier one
 * that Gloss does not write appended. Throws when the earlier front matter is not valid YAML, saying so.
 */
export function mergeFrontMatter(fresh: string, previous: string | null): string {
  const freshDoc = parseDocument(fresh);
  if (previous === null || previous.trim() === '') return fence(freshDoc);
  const previousDoc = parseDocument(previous);
  if (previousDoc.errors.length > 0) {
    throw new Error(`its front matter is not valid YAML (${previousDoc.errors[0].message.split('\n')[0]}); correct it or remove it`);
  }
  const freshMap = freshDoc.contents;
  const previousMap = previousDoc.contents;
  if (!isMap(freshMap) || !isMap(previousMap)) return fence(freshDoc);
  const ours = new Set(freshMap.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key))));
  for (const pair of previousMap.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!ours.has(key)) freshMap.items.push(pair);
  }
  return fence(freshDoc);
}

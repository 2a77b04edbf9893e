/**
 * Codes as Obsidian tags. Obsidian reads `#` followed by letters, digits,
 * `_`, `-` and `/` as a tag, `/` making it nested (`#theme/risk` sits under
 * `#theme`), and refuses a tag made of digits only. The rule, part by part
 * of the code's path:
 *
 * - `&` becomes ` and ` (`Risk & Trust` → `Risk_and_Trust`);
 * - every run of other characters (spaces, punctuation, emoji) becomes one `_`,
 *   runs of `_` become one, and a part's leading and trailing `_` are dropped;
 * - parts left empty are dropped (`a/???/b` → `a/b`); a code with nothing left is `#code`;
 * - a tag made of digits only gets a leading `_` (`2024` → `#_2024`).
 *
 * Letters and digits of any script are kept (`Café/Überblick` stays as it is).
 * Two codes may give the same tag (`a b` and `a-b` do not, `a b` and `a_b` do);
 * the front matter lists every code exactly as written.
 */

const NOT_IN_TAG = /[^\p{L}\p{M}\p{N}_-]+/gu;

/** The tag for a code path, with its `#`. */
export function obsidianTag(code: string): string {
  const parts = code
    .normalize('NFC')
    .split('/')
    .map((part) => part.replace(/&/g, ' and ').replace(NOT_IN_TAG, '_').replace(/_{2,}/g, '_').replace(/^_+|_+$/g, ''))
    .filter((part) => part !== '');
  let tag = parts.join('/');
  if (tag === '') tag = 'code';
  if (/^[\d/]+$/.test(tag)) tag = `_${tag}`;
  return `#${tag}`;
}

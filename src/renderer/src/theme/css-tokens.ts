/**
 * Reads the theme's custom properties out of stylesheet text, as the
 * browser would for each theme: the declarations in `:root { … }` rules
 * make the light theme; those in `:root[data-theme='dark'] { … }` rules
 * override them for the dark one. `var(--name)` (with or without a
 * fallback) is resolved. Used by the contrast test, so that it checks the
 * colours that ship, not a copy of them.
 */

export type ThemeName = 'light' | 'dark';
export type Tokens = ReadonlyMap<string, string>;

const RULE = /([^{}]+)\{([^{}]*)\}/g;
const DECLARATION = /(--[\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g;

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** The custom properties each theme declares on the root, in source order (a later one wins), before var() is resolved. */
export function rootDeclarations(css: string): Record<ThemeName, Map<string, string>> {
  const light = new Map<string, string>();
  const dark = new Map<string, string>();
  // At-rules (@media, @keyframes) hold nested braces: the theme's tokens are never inside them, so they are cut out first.
  let text = stripComments(css);
  for (;;) {
    const next = text.replace(/@[\w-]+[^{};]*\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, '');
    if (next === text) break;
    text = next;
  }
  for (const [, selectorText, body] of text.matchAll(RULE)) {
    for (const selector of selectorText.split(',').map((s) => s.trim().replace(/"/g, "'"))) {
      const target = selector === ':root' ? light : selector === ":root[data-theme='dark']" ? dark : null;
      if (!target) continue;
      for (const [, name, value] of body.matchAll(DECLARATION)) target.set(name, value);
    }
  }
  return { light, dark };
}

/** Replaces each var(--name[, fallback]) in `value` by what `tokens` say, over and over until none is left. */
export function resolveVars(value: string, tokens: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 20) throw new Error(`var() references go round in a circle in "${value}".`);
  const found = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/.exec(value);
  if (!found) return value;
  const [whole, name, fallback] = found;
  const replacement = tokens.get(name) ?? fallback;
  if (replacement === undefined) throw new Error(`${name} is used but not declared on :root.`);
  return resolveVars(value.replace(whole, replacement.trim()), tokens, depth + 1);
}

/** Both themes' tokens from the stylesheets' text, every var() resolved (the dark theme inherits what it does not override). */
export function themeTokens(...stylesheets: string[]): Record<ThemeName, Tokens> {
  const light = new Map<string, string>();
  const darkOverrides = new Map<string, string>();
  for (const css of stylesheets) {
    const declared = rootDeclarations(css);
    for (const [k, v] of declared.light) light.set(k, v);
    for (const [k, v] of declared.dark) darkOverrides.set(k, v);
  }
  const dark = new Map([...light, ...darkOverrides]);
  const resolve = (raw: Map<string, string>) => new Map([...raw].map(([k, v]) => [k, resolveVars(v, raw)] as const));
  return { light: resolve(light), dark: resolve(dark) };
}

/**
 * Contrast of every colour pair that meets on screen, in both themes, computed from the stylesheets that ship (every
 * .css file under src/renderer/src, read from disk as text, the custom properties of :root and :root[data-theme='dark']).
 *
 * - Text: WCAG 2.x AA, 4.5:1 for normal text (SC 1.4.3), over every background it is drawn on: the page, the panels,
 *   each highlight colour, the deeper band of a colour over itself, every band of two and three overlapping
 *   highlights, and the find bar's match and current-match washes over each of those.
 * - Non-text (SC 1.4.11, 3:1): the selected highlight's outline against the page and against every mark; the focus
 *   ring against the surfaces it is drawn on; the note's dotted underline and the find bar's underlines against the
 *   marks under them.
 * - Telling colours apart: CIEDE2000 ΔE between colours that must not be confused. ΔE00 ≈ 1 is the smallest
 *   difference an observer notices side by side; about 10 is where two small patches read as different colours at
 *   a glance rather than as one colour, which is what a reader needs when scanning marks a few letters high. So the
 *   seven highlight colours stay at least 10 apart from each other in each theme, a deeper band at least 6 from its
 *   own colour (it only has to read as a second stroke of the same ink, and sits right against it), and the current
 *   match's wash at least 5 from a plain match's over the same mark (it also has a thicker underline of its own).
 */
// The renderer's code never touches the disk; this test reads the stylesheets that ship (Vitest empties CSS imports, ?raw too).
// eslint-disable-next-line no-restricted-imports
import { readdirSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../shared/model';
import { contrastRatio, deltaE2000, parseColour, stack, toLab, type Rgba } from './colour-maths';
import { themeTokens, type ThemeName, type Tokens } from './css-tokens';

const SRC = join(__dirname, '..');

/** Every stylesheet of the renderer, by its path from src/renderer/src, and its text. */
function stylesheets(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [{ path: relative(SRC, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

const STYLESHEETS = stylesheets(SRC);
const FILES = STYLESHEETS.map((s) => s.path);
const THEMES = themeTokens(...STYLESHEETS.map((s) => s.text));
const NAMES: ThemeName[] = ['light', 'dark'];

const TEXT_AA = 4.5;
const NON_TEXT = 3;
const DISTINCT_COLOURS = 10;
const DISTINCT_DEEP_BAND = 6;
const DISTINCT_CURRENT_MATCH = 5;

function colourOf(tokens: Tokens, name: string): Rgba {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`${name} is not declared`);
  return parseColour(value);
}

/** A token's colour as it shows over the page (a translucent one laid over it). */
function onPage(tokens: Tokens, name: string): Rgba {
  return stack(colourOf(tokens, name), colourOf(tokens, '--paper'));
}

/** The paints of the bands of overlapping highlights, oldest first, as mark-painter.ts draws them. */
function bandPaints(colours: readonly string[]): string[] {
  return colours.map((c, i) => (i > 0 && colours[i - 1] === c ? `--hl-${c}-deep` : `--hl-${c}`));
}

function* stacks(size: number): Generator<string[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (const rest of stacks(size - 1)) for (const c of HIGHLIGHT_COLORS) yield [...rest, c];
}

/** Every background text is drawn on in the transcript: the page, each mark and each band of 2 or 3 overlapping highlights. */
function transcriptBackgrounds(tokens: Tokens): Map<string, Rgba> {
  const out = new Map<string, Rgba>([['page', colourOf(tokens, '--paper')]]);
  for (const size of [1, 2, 3]) {
    for (const colours of stacks(size)) {
      bandPaints(colours).forEach((paint) => out.set(paint.slice(2), onPage(tokens, paint)));
    }
  }
  return out;
}

describe.each(NAMES)('the %s theme', (theme) => {
  const tokens = THEMES[theme];
  const ink = colourOf(tokens, '--ink');
  const backgrounds = transcriptBackgrounds(tokens);

  it('reads the colours from the shipped stylesheets', () => {
    expect(FILES).toContain('styles.css');
    expect(FILES.length).toBeGreaterThan(15);
    for (const c of HIGHLIGHT_COLORS) {
      expect(tokens.has(`--hl-${c}`), `--hl-${c}`).toBe(true);
      expect(tokens.has(`--hl-${c}-deep`), `--hl-${c}-deep`).toBe(true);
    }
    // Both themes have their own values, not the light ones inherited.
    expect(THEMES.dark.get('--paper')).not.toBe(THEMES.light.get('--paper'));
  });

  it('keeps text at 4.5:1 over the page, every highlight colour, and every band of two and three overlapping highlights', () => {
    // Every band of every stack of 1–3 highlights is one of these paints: each colour and each colour's deeper band.
    expect([...backgrounds.keys()].sort()).toEqual(['page', ...HIGHLIGHT_COLORS.flatMap((c) => [`hl-${c}`, `hl-${c}-deep`])].sort());
    for (const [name, background] of backgrounds) {
      expect(contrastRatio(ink, background), `text over ${name}`).toBeGreaterThanOrEqual(TEXT_AA);
    }
  });

  it('keeps text at 4.5:1 under the find bar’s match and current-match washes, over the page and every highlight', () => {
    for (const [name, background] of backgrounds) {
      for (const wash of ['--find-match-bg', '--find-current-bg']) {
        const shown = stack(colourOf(tokens, wash), background);
        expect(contrastRatio(ink, shown), `text under ${wash} over ${name}`).toBeGreaterThanOrEqual(TEXT_AA);
      }
    }
  });

  it('tells the current match from the other matches over every background', () => {
    for (const [name, background] of backgrounds) {
      const match = stack(colourOf(tokens, '--find-match-bg'), background);
      const current = stack(colourOf(tokens, '--find-current-bg'), background);
      expect(deltaE2000(toLab(match), toLab(current)), `match and current match over ${name}`).toBeGreaterThanOrEqual(DISTINCT_CURRENT_MATCH);
      // The current match's underline shows against what it is drawn over.
      expect(contrastRatio(colourOf(tokens, '--find-current-line'), current), `current match's underline over ${name}`).toBeGreaterThanOrEqual(NON_TEXT);
    }
  });

  it('draws the selected highlight’s outline at 3:1 against the page and against every mark', () => {
    const outline = colourOf(tokens, '--selected-outline');
    for (const [name, background] of backgrounds) {
      expect(contrastRatio(outline, background), `outline against ${name}`).toBeGreaterThanOrEqual(NON_TEXT);
    }
  });

  it('underlines a noted highlight at 3:1 against its mark', () => {
    for (const [name, background] of backgrounds) {
      if (name === 'page') continue;
      const underline = stack(colourOf(tokens, '--note-underline'), background);
      expect(contrastRatio(underline, background), `note underline on ${name}`).toBeGreaterThanOrEqual(NON_TEXT);
    }
  });

  it('keeps the seven highlight colours apart (CIEDE2000 ≥ 10), and each deeper band apart from its colour (≥ 6)', () => {
    const labs = HIGHLIGHT_COLORS.map((c) => [c, toLab(onPage(tokens, `--hl-${c}`))] as const);
    for (let i = 0; i < labs.length; i++) {
      for (let j = i + 1; j < labs.length; j++) {
        expect(deltaE2000(labs[i][1], labs[j][1]), `${labs[i][0]} and ${labs[j][0]}`).toBeGreaterThanOrEqual(DISTINCT_COLOURS);
      }
    }
    for (const c of HIGHLIGHT_COLORS) {
      expect(deltaE2000(toLab(onPage(tokens, `--hl-${c}`)), toLab(onPage(tokens, `--hl-${c}-deep`))), `${c} and its deeper band`).toBeGreaterThanOrEqual(DISTINCT_DEEP_BAND);
    }
  });

  /** Text colour, and the backgrounds it is drawn on in the app's views. */
  const TEXT_PAIRS: [string, string[]][] = [
    ['--ink', ['--paper', '--surface', '--panel', '--field-bg', '--hover-bg', '--accent-soft-bg', '--info-bg', '--alert-bg', '--warn-bg', '--quote-bg', '--chip-bg']],
    ['--ink-soft', ['--paper', '--surface', '--panel']],
    // Muted text: asides in the transcript and the side panel's headings sit on --panel (axe measured 4.28:1 there before).
    ['--muted', ['--paper', '--surface', '--panel', '--hover-bg', '--field-bg', '--accent-soft-bg', '--info-bg', '--alert-bg']],
    ['--accent', ['--paper', '--surface', '--panel', '--info-bg', '--accent-soft-bg', '--accent-pressed-bg']],
    ['--danger', ['--paper', '--surface', '--panel', '--alert-bg']],
    ['--success', ['--surface', '--paper']],
    ['--warn-ink', ['--warn-bg', '--surface', '--paper']],
    ['--on-accent', ['--accent']],
    ['--on-accent-muted', ['--accent']],
    ['--on-danger', ['--danger']],
    ['--on-warn', ['--warn-ink']],
    ['--kind-highlight-ink', ['--kind-highlight-bg']],
    ['--kind-note-ink', ['--kind-note-bg']],
    ['--kind-notebook-ink', ['--kind-notebook-bg']],
    ['--removed-ink', ['--removed-bg']],
    ['--added-ink', ['--added-bg']],
    ['--tag-ink', ['--tag-bg']],
    ['--unlinked-ink', ['--unlinked-bg']],
    ...[0, 1, 2, 3, 4, 5].map((i): [string, string[]] => [`--speaker-${i}`, ['--paper']]),
  ];

  it.each(TEXT_PAIRS)('draws %s text at 4.5:1 on the backgrounds it is shown on', (text, on) => {
    for (const background of on) {
      const shownOn = onPage(tokens, background);
      expect(contrastRatio(stack(colourOf(tokens, text), shownOn), shownOn), `${text} on ${background}`).toBeGreaterThanOrEqual(TEXT_AA);
    }
  });

  it('draws the focus ring at 3:1 against the surfaces it is drawn on', () => {
    for (const background of ['--paper', '--surface', '--panel', '--field-bg']) {
      expect(contrastRatio(colourOf(tokens, '--focus-ring'), onPage(tokens, background)), `focus ring on ${background}`).toBeGreaterThanOrEqual(NON_TEXT);
    }
  });
});

describe('the stylesheets', () => {
  it('name no colour outside the theme’s custom properties', () => {
    const literal = /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(white|black)\b/i;
    const offenders: string[] = [];
    for (const { path, text } of STYLESHEETS) {
      const css = text.replace(/\/\*[\s\S]*?\*\//g, '');
      css.split('\n').forEach((line, i) => {
        // Declarations of custom properties are the token set itself; `white-space` is not a colour.
        const declaration = line.replace(/white-space/g, '');
        if (!/^\s*--[\w-]+\s*:/.test(line) && !/:root/.test(line) && literal.test(declaration)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

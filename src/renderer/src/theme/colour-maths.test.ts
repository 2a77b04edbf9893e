import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE2000, over, parseColour, relativeLuminance, stack, toLab } from './colour-maths';
import { resolveVars, rootDeclarations, themeTokens } from './css-tokens';

describe('colour maths', () => {
  it('reads hex, rgb() and rgba() colours', () => {
    expect(parseColour('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColour('#3b5bdb')).toEqual({ r: 59, g: 91, b: 219, a: 1 });
    expect(parseColour('#00000080').a).toBeCloseTo(128 / 255, 6);
    expect(parseColour('rgba(59, 91, 219, 0.1)')).toEqual({ r: 59, g: 91, b: 219, a: 0.1 });
    expect(parseColour('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(() => parseColour('oklch(0.5 0.1 20)')).toThrow('Not a colour this check reads: "oklch(0.5 0.1 20)"');
  });

  it('gives WCAG’s own end points and a known pair', () => {
    const [white, black] = [parseColour('#fff'), parseColour('#000')];
    expect(relativeLuminance(white)).toBeCloseTo(1, 10);
    expect(contrastRatio(white, black)).toBeCloseTo(21, 10);
    expect(contrastRatio(black, white)).toBeCloseTo(21, 10);
    // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
    expect(contrastRatio(parseColour('#767676'), white)).toBeCloseTo(4.54, 2);
  });

  it('lays a translucent colour over another', () => {
    const half = over(parseColour('rgba(0, 0, 0, 0.5)'), parseColour('#ffffff'));
    expect([half.r, half.g, half.b, half.a]).toEqual([127.5, 127.5, 127.5, 1]);
    // Top first: the wash over the mark over the page.
    const shown = stack(parseColour('rgba(255, 0, 0, 0.5)'), parseColour('rgba(0, 0, 255, 0.5)'), parseColour('#fff'));
    expect([shown.r, shown.g, shown.b].map(Math.round)).toEqual([191, 64, 128]);
  });

  it('converts sRGB to CIE Lab (D65)', () => {
    const lab = toLab(parseColour('#ff0000'));
    expect(lab.L).toBeCloseTo(53.24, 1);
    expect(lab.a).toBeCloseTo(80.09, 1);
    expect(lab.b).toBeCloseTo(67.2, 1);
  });

  // Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula", table 1: pairs 1, 7, 17, 25 and 34.
  it.each([
    [{ L: 50, a: 2.6772, b: -79.7751 }, { L: 50, a: 0, b: -82.7485 }, 2.0425],
    [{ L: 50, a: 0, b: 0 }, { L: 50, a: -1, b: 2 }, 2.3669],
    [{ L: 50, a: 2.5, b: 0 }, { L: 73, a: 25, b: -18 }, 27.1492],
    [{ L: 60.2574, a: -34.0099, b: 36.2677 }, { L: 60.4626, a: -34.1751, b: 39.4387 }, 1.2644],
    [{ L: 22.7233, a: 20.0904, b: -46.694 }, { L: 23.0331, a: 14.973, b: -42.5619 }, 2.0373],
  ])('gives CIEDE2000 as Sharma’s test data do (%o, %o → %d)', (x, y, expected) => {
    expect(deltaE2000(x, y)).toBeCloseTo(expected, 4);
    expect(deltaE2000(y, x)).toBeCloseTo(expected, 4);
  });
});

describe('reading the theme from stylesheets', () => {
  const css = `
    /* --commented: #000; */
    :root { --paper: #fff; --ink: #111; --accent: #36c; --ring: var(--accent); }
    @media (min-width: 10px) { :root { --paper: #eee; } }
    :root[data-theme="dark"] { --paper: #000; --ink: #eee; }
    .x { --not-root: red; }
    :root { --wash: var(--missing, rgba(0, 0, 0, 0.1)); }
  `;

  it('takes :root for the light theme and :root[data-theme=dark] over it for the dark one, outside at-rules', () => {
    const { light, dark } = rootDeclarations(css);
    expect(Object.fromEntries(light)).toEqual({ '--paper': '#fff', '--ink': '#111', '--accent': '#36c', '--ring': 'var(--accent)', '--wash': 'var(--missing, rgba(0, 0, 0, 0.1))' });
    expect(Object.fromEntries(dark)).toEqual({ '--paper': '#000', '--ink': '#eee' });
  });

  it('resolves var() with the theme’s own values, and a fallback when there is none', () => {
    const themes = themeTokens(css, ':root[data-theme=\'dark\'] { --accent: #8af; }');
    expect(themes.light.get('--ring')).toBe('#36c');
    expect(themes.dark.get('--ring')).toBe('#8af');
    expect(themes.dark.get('--wash')).toBe('rgba(0, 0, 0, 0.1)');
    expect(() => resolveVars('var(--nowhere)', new Map())).toThrow('--nowhere is used but not declared on :root.');
  });
});

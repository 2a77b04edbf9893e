/**
 * The convention scripts/security-scan.mjs enforces (it lives here because
 * Vitest runs src/): every electronegativity finding is explained in a comment
 * on its line or right above it, and no explanation outlives its finding.
 */
import { describe, expect, test } from 'vitest';
import { findExplanation, judgeFindings, parseExplanation } from '../../../scripts/security-scan.mjs';

const WINDOW = `import { BrowserWindow } from 'electron';

export function open() {
  // Sized for reading.
  // electronegativity: AUXCLICK_JS_CHECK — new windows are denied app-wide, so a middle click opens nothing.
  const win = new BrowserWindow({
    webPreferences: {
      preload: path, // electronegativity: PRELOAD_JS_CHECK — the preload exposes only the contract's channels.
    },
  });
  /*
   * electronegativity: SANDBOX_JS_CHECK, CONTEXT_ISOLATION_JS_CHECK — both set to true in the literal below, spread in from one place.
   */
  const other = new BrowserWindow(options);

  const third = new BrowserWindow({});
}`.split('\n');

const HTML = `<head>
    <!--
      electronegativity: CSP_GLOBAL_CHECK — 'self' is app://gloss, which serves only the built renderer.
    -->
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'" />
</head>`.split('\n');

describe('reading an explanation', () => {
  test.each([
    ['// electronegativity: AUXCLICK_JS_CHECK — windows are denied app-wide.', ['AUXCLICK_JS_CHECK']],
    ['/* electronegativity: A_CHECK, B_CHECK - both are fine for this reason */', ['A_CHECK', 'B_CHECK']],
    ['<!-- electronegativity: CSP_GLOBAL_CHECK: self is the app origin only -->', ['CSP_GLOBAL_CHECK']],
  ])('%s explains %j', (text, ids) => {
    expect(parseExplanation(text)?.ids).toEqual(ids);
  });

  test.each(['// electronegativity: AUXCLICK_JS_CHECK', '// electronegativity: AUXCLICK_JS_CHECK — fine', '// eng-disable AUXCLICK_JS_CHECK', '// AUXCLICK_JS_CHECK — this is fine here really'])(
    '%s is not an explanation (no reason, or not the convention)',
    (text) => {
      expect(parseExplanation(text)).toBeNull();
    },
  );
});

describe('finding the explanation of a finding', () => {
  test('in the comment block right above the flagged line', () => {
    expect(findExplanation(WINDOW, 6, 'AUXCLICK_JS_CHECK')?.reason).toBe('new windows are denied app-wide, so a middle click opens nothing.');
  });

  test('at the end of the flagged line', () => {
    expect(findExplanation(WINDOW, 8, 'PRELOAD_JS_CHECK')).not.toBeNull();
  });

  test('in a block comment above, for each id it names', () => {
    expect(findExplanation(WINDOW, 14, 'SANDBOX_JS_CHECK')).not.toBeNull();
    expect(findExplanation(WINDOW, 14, 'CONTEXT_ISOLATION_JS_CHECK')).not.toBeNull();
  });

  test('in an HTML comment above', () => {
    expect(findExplanation(HTML, 5, 'CSP_GLOBAL_CHECK')).not.toBeNull();
  });

  test('not for another check, not past a line of code or a blank line', () => {
    expect(findExplanation(WINDOW, 6, 'PRELOAD_JS_CHECK')).toBeNull();
    expect(findExplanation(WINDOW, 16, 'AUXCLICK_JS_CHECK')).toBeNull();
    expect(findExplanation(WINDOW, 14, 'AUXCLICK_JS_CHECK')).toBeNull();
  });
});

describe('judging a scan', () => {
  const sources = new Map([
    ['main/window.ts', WINDOW],
    ['renderer/index.html', HTML],
  ]);

  test('a finding without an explanation, or with no place in the code, fails', () => {
    const { unexplained } = judgeFindings(
      [
        { file: 'main/window.ts', line: 16, id: 'AUXCLICK_JS_CHECK' },
        { file: 'N/A', line: 0, id: 'LIMIT_NAVIGATION_GLOBAL_CHECK' },
      ],
      sources,
    );
    expect(unexplained.map((f) => f.id)).toEqual(['AUXCLICK_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']);
  });

  test('explanations no finding needs any more are reported as stale', () => {
    const { explained, stale } = judgeFindings(
      [
        { file: 'main/window.ts', line: 6, id: 'AUXCLICK_JS_CHECK' },
        { file: 'main/window.ts', line: 8, id: 'PRELOAD_JS_CHECK' },
        { file: 'renderer/index.html', line: 5, id: 'CSP_GLOBAL_CHECK' },
      ],
      sources,
    );
    expect(explained).toHaveLength(3);
    expect(stale).toEqual([
      { file: 'main/window.ts', line: 12, id: 'SANDBOX_JS_CHECK' },
      { file: 'main/window.ts', line: 12, id: 'CONTEXT_ISOLATION_JS_CHECK' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { glossUrl, parseGlossUrl } from './gloss-url';

const DOC = '0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';
const HL = 'aa7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';

describe('gloss:// links', () => {
  it('reads back every link it writes', () => {
    for (const place of [{ documentId: DOC }, { documentId: DOC, highlightId: HL }, { documentId: DOC, start: 0, end: 12 }]) {
      expect(parseGlossUrl(glossUrl(place))).toEqual({ ok: true, place });
    }
  });

  it('writes links a notes app shows as they are', () => {
    expect(glossUrl({ documentId: DOC, highlightId: HL })).toBe(`gloss://document/${DOC}/highlight/${HL}`);
    expect(glossUrl({ documentId: DOC, start: 3, end: 9 })).toBe(`gloss://document/${DOC}?from=3&to=9`);
  });

  it.each([
    [42, 'must be text'],
    ['x'.repeat(600), 'at most 512'],
    ['not a url', 'is not a Gloss link'],
    ['gloss:document', 'is not a link'],
    [`https://document/${DOC}`, 'not a Gloss link'],
    [`gloss://evil.example/${DOC}`, 'not to "evil.example"'],
    [`gloss://user:pw@document/${DOC}`, 'no user'],
    [`gloss://document/${DOC}#x`, 'no user, password, port or #fragment'],
    ['gloss://document/../../etc/passwd', 'not a UUID'],
    ['gloss://document/', 'not a UUID'],
    [`gloss://document/${DOC}/highlight/nope`, 'highlight Gloss could have made'],
    [`gloss://document/${DOC}/note/${HL}`, 'can only name a highlight'],
    [`gloss://document/${DOC}/highlight/${HL}/more`, 'can only name a highlight'],
    [`gloss://document/${DOC}/highlight/${HL}?from=1&to=2`, 'takes no ?from='],
    [`gloss://document/${DOC}?from=1`, 'exactly ?from='],
    [`gloss://document/${DOC}?from=1&to=2&x=3`, 'exactly ?from='],
    [`gloss://document/${DOC}?from=1&from=2&to=3`, 'exactly ?from='],
    [`gloss://document/${DOC}?from=-1&to=2`, 'two whole numbers'],
    [`gloss://document/${DOC}?from=1.5&to=2`, 'two whole numbers'],
    [`gloss://document/${DOC}?from=01&to=2`, 'two whole numbers'],
    [`gloss://document/${DOC}?from=9&to=2`, 'ends before it starts'],
  ])('refuses %s with the reason', (raw, reason) => {
    const parsed = parseGlossUrl(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(reason);
  });

  it('reads ids in capitals as the same ids', () => {
    expect(parseGlossUrl(`gloss://document/${DOC.toUpperCase()}`)).toEqual({ ok: true, place: { documentId: DOC } });
  });
});

import { describe, expect, it } from 'vitest';
import { derivedGuid, guidForId, normaliseGuid, relatedGuid } from './guids';

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

describe('REFI-QDA GUIDs', () => {
  it('derives the same GUID from the same parts, and different ones from different parts', () => {
    expect(derivedGuid('gloss-code', 'theme/risk')).toBe(derivedGuid('gloss-code', 'theme/risk'));
    expect(derivedGuid('gloss-code', 'theme/risk')).toMatch(GUID);
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => derivedGuid('gloss-code', `code ${i}`)));
    expect(many.size).toBe(20_000);
    expect(derivedGuid('a', 'bc')).not.toBe(derivedGuid('ab', 'c'));
  });

  it('keeps a Gloss id that is a UUID (upper case), and derives one for an id that is not, or is taken', () => {
    const taken = new Set<string>();
    expect(guidForId('0a1b2c3d-0000-4000-8000-00000000000f', 'h', 'doc', taken)).toBe('0A1B2C3D-0000-4000-8000-00000000000F');
    const again = guidForId('0a1b2c3d-0000-4000-8000-00000000000f', 'h', 'other doc', taken);
    expect(again).toMatch(GUID);
    expect(guidForId('highlight-7', 'h', 'doc', taken)).toMatch(GUID);
    expect(taken.size).toBe(3);
  });

  it('reads GUIDs as other tools write them: braces, upper case, spaces', () => {
    expect(normaliseGuid(' {0A1B2C3D-0000-4000-8000-00000000000F} ')).toBe('0a1b2c3d-0000-4000-8000-00000000000f');
    expect(normaliseGuid('not-a-guid')).toBeNull();
  });

  it('relates GUIDs to a GUID by key: stable, distinct, never the GUID itself', () => {
    const base = '0A1B2C3D-0000-4000-8000-00000000000F';
    const keys = Array.from({ length: 2000 }, (_, i) => `turn ${i}`);
    const related = keys.map((k) => relatedGuid(base, k));
    expect(new Set(related).size).toBe(2000);
    expect(related).not.toContain(base);
    expect(relatedGuid(base, 'turn 3')).toBe(related[3]);
  });
});

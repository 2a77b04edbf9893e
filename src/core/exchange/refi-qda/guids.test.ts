import { describe, expect, it } from 'vitest';
import { derivedGuid, GuidSet, guidForId, normaliseGuid, relatedGuid } from './guids';

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
    const taken = new GuidSet();
    expect(guidForId('0a1b2c3d-0000-4000-8000-00000000000f', 'h', 'doc', taken)).toBe('0A1B2C3D-0000-4000-8000-00000000000F');
    const again = guidForId('0a1b2c3d-0000-4000-8000-00000000000f', 'h', 'other doc', taken);
    expect(again).toMatch(GUID);
    expect(guidForId('highlight-7', 'h', 'doc', taken)).toMatch(GUID);
    expect(taken.size).toBe(3);
  });

  it('keeps a set of GUIDs whatever their case, through many additions', () => {
    const taken = new GuidSet();
    const guids = Array.from({ length: 50_000 }, (_, i) => derivedGuid('gloss-highlight', `h${i}`));
    for (const g of guids) expect(taken.add(g)).toBe(true);
    expect(taken.size).toBe(50_000);
    expect(taken.add(guids[123].toLowerCase())).toBe(false);
    expect(taken.add(guids[49_999])).toBe(false);
    // GUIDs that differ in one digit only, in each of the four words.
    for (const at of [0, 9, 20, 35]) {
      const base = '00000000-0000-4000-8000-000000000000';
      expect(taken.add(`${base.slice(0, at)}1${base.slice(at + 1)}`)).toBe(true);
    }
    expect(taken.size).toBe(50_004);
    expect(() => taken.add('not a GUID')).toThrow(/not a GUID/);
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

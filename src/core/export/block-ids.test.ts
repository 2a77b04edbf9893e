import { expect, test } from 'vitest';
import { blockIdList, blockIdsFor, shortBlockId } from './block-ids';

const OBSIDIAN_BLOCK_ID = /^[A-Za-z0-9-]+$/;

test('a UUID gives its first 12 hex digits, lower case', () => {
  expect(shortBlockId('3F2A9C1D-4E5F-4a7b-9e8f-1a2b3c4d5e6f')).toBe('gloss-3f2a9c1d4e5f');
});

test('any other id gives its letters and digits, dashes between, or a fingerprint when it has none', () => {
  expect(shortBlockId('a1')).toBe('gloss-a1');
  expect(shortBlockId('Über id_7!')).toBe('gloss-ber-id-7');
  expect(shortBlockId('!!!')).toMatch(/^gloss-[0-9a-f]{8}$/);
  for (const id of ['a1', 'Über id_7!', '!!!', 'x'.repeat(100)]) expect(shortBlockId(id)).toMatch(OBSIDIAN_BLOCK_ID);
});

test('block ids are unique in an export even when two ids share their first 12 hex digits, whatever order they come in', () => {
  const a = '3f2a9c1d-4e5f-4a7b-9e8f-1a2b3c4d5e6f';
  const b = '3f2a9c1d-4e5f-4000-8000-000000000000';
  const one = blockIdsFor([a, b]);
  const other = blockIdsFor([b, a]);
  expect(one).toEqual(other);
  expect(new Set(one.values()).size).toBe(2);
  for (const id of one.values()) expect(id).toMatch(OBSIDIAN_BLOCK_ID);
  // The one that sorts first keeps the short id.
  expect(one.get(b)).toBe('gloss-3f2a9c1d4e5f');
});

test('the same highlight has the same block id in exports of different highlights', () => {
  const id = '0a1b2c3d-0000-4000-8000-000000000000';
  expect(blockIdsFor([id]).get(id)).toBe(blockIdsFor([id, 'ffffffff-0000-4000-8000-000000000000']).get(id));
});

test('a list of ids gets the block ids the map gives, in its order, an id given twice the same one twice', () => {
  const a = '3f2a9c1d-4e5f-4a7b-9e8f-1a2b3c4d5e6f';
  const b = '3f2a9c1d-4e5f-4000-8000-000000000000';
  const c = 'Custom id';
  const ids = [a, c, b, a, 'ABCDEF01-2345-4678-9abc-def012345678'];
  const map = blockIdsFor(ids);
  expect(blockIdList(ids)).toEqual(ids.map((id) => map.get(id)));
  expect(blockIdList(ids)).toEqual([expect.stringMatching(/^gloss-3f2a9c1d4e5f-[0-9a-f]{8}$/), 'gloss-custom-id', 'gloss-3f2a9c1d4e5f', expect.any(String), 'gloss-abcdef012345']);
});

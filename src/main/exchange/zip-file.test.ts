import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { zipArchive } from './zip-file';

/** Text of `bytes` bytes that does not compress to nothing (a seeded sequence of words). */
function words(bytes: number, seed: number): string {
  const vocabulary = ['transcript', 'highlight', 'speaker', 'note', 'code', 'théme', 'risk', 'growth', '🎉', 'trust', 'interview'];
  let x = seed;
  const out: string[] = [];
  let length = 0;
  while (length < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const w = vocabulary[x % vocabulary.length];
    out.push(w);
    length += w.length + 1;
  }
  return out.join(' ');
}

describe('zipArchive', () => {
  test('writes entries in pieces that another zip reader unpacks to the same bytes', async () => {
    // Pieces larger than the 1 MB a compression takes, and small ones joined: the joined deflate streams must read as one.
    const big = [words(1_500_000, 1), words(10, 2), words(2_200_000, 3), 'end ✓'];
    const archive = Buffer.concat(await zipArchive([
      { name: 'project.qde', pieces: big },
      { name: 'sources/Ä b.txt', pieces: ['one piece'] },
      { name: 'empty.txt', pieces: [] },
    ], { level: 1, modified: new Date('2025-03-01T10:00:00Z') }));
    const files = unzipSync(new Uint8Array(archive));
    expect(Object.keys(files)).toEqual(['project.qde', 'sources/Ä b.txt', 'empty.txt']);
    expect(new TextDecoder().decode(files['project.qde'])).toBe(big.join(''));
    expect(new TextDecoder().decode(files['sources/Ä b.txt'])).toBe('one piece');
    expect(files['empty.txt']).toHaveLength(0);
    // Compressed: far smaller than the text.
    expect(archive.length).toBeLessThan(big.join('').length / 2);
  });
});

import { describe, expect, test } from 'vitest';
import { markdownForDocument } from './markdown-export';
import { glossExportFacts, mergeReexport } from './reexport-merge';
import { contextWith, DOC_ID, readBack, sampleDocument, sampleHighlight, toString } from './testing/markdown-fixtures';

const ctx = contextWith();
const later = { ...ctx, exportedAt: new Date('2026-12-01T08:00:00Z') };

/** The lines of `text` that are `lines`, in order (each found after the one before). */
function positions(text: string, lines: readonly string[]): number[] {
  const all = text.split('\n');
  return lines.map((line) => all.indexOf(line));
}

describe('re-exporting into a file the reader edited', () => {
  const a = sampleHighlight('I want to kick off by talking about your essay', { note: 'Opening question.' });
  const b = sampleHighlight('let a gremlin loose', { note: 'Vivid.', codes: ['theme/risk'] });
  const c = sampleHighlight('the scaling laws don’t say', { note: 'Key claim.' });
  const first = markdownForDocument(sampleDocument([a, b, c]), ctx);
  const blockId = (id: string) => `gloss-${id.replace(/-/g, '').slice(0, 12)}`;

  // The reader's edits, as a reader makes them in Obsidian.
  const top = 'Read this for the seminar on Thursday.';
  const underA = 'My thought on the opening: it frames the *whole* talk.';
  const ownHeading = '## My questions';
  const underB = `Compare with [[Other talk#^x1]] and with the gremlin above: [[#^${blockId(b.id)}]]`;
  const refToC = `The key claim is here: ![[#^${blockId(c.id)}]]`;
  const insideC = 'A line I typed inside the region, by mistake.';
  const atEnd = 'Last line of mine.';
  const endRegion = (id: string) => {
    const at = first.indexOf(`<!-- gloss:begin highlight:${id} `);
    return first.indexOf('<!-- gloss:end -->', at) + '<!-- gloss:end -->'.length;
  };
  let edited = first.replace('gloss-id:', 'tags:\n  - reading\ngloss-id:');
  edited = edited.replace('---\n\n<!-- gloss:begin title', `---\n\n${top}\n\n<!-- gloss:begin title`);
  const afterA = endRegion(a.id) + (edited.length - first.length);
  edited = `${edited.slice(0, afterA)}\n\n${underA}${edited.slice(afterA)}`;
  const afterB = edited.indexOf('<!-- gloss:end -->', edited.indexOf(`<!-- gloss:begin highlight:${b.id} `)) + '<!-- gloss:end -->'.length;
  edited = `${edited.slice(0, afterB)}\n\n${ownHeading}\n\n${underB}\n${refToC}${edited.slice(afterB)}`;
  edited = edited.replace('Key claim.\n', `Key claim.\n\n${insideC}\n`);
  edited = `${edited}\n${atEnd}\n`;

  // Then, in Gloss: b is deleted, d is added, a's note is changed.
  const d = sampleHighlight('isn’t a mathematical constant', { note: 'New one.' });
  const a2 = { ...a, note: 'Opening question, reread.' };
  const fresh = markdownForDocument(sampleDocument([a2, c, d]), later);
  const { text: merged, readerTextKept } = mergeReexport(edited, fresh);
  const back = readBack(merged);

  test("every line the reader wrote is still there", () => {
    for (const line of [top, underA, ownHeading, underB, refToC, insideC, atEnd]) expect(merged.split('\n'), line).toContain(line);
    expect(readerTextKept).toBe(5);
  });

  test("the reader's text stays where it was: under the highlight before it, or the nearest one left when that one is gone", () => {
    const [pTop, pTitle, pA, pUnderA, pHeading, pUnderB, pC, pInside, pD, pEnd] = positions(merged, [
      top,
      `# ${'Democracies must maintain the lead in AI'}`,
      `^${blockId(a.id)}`,
      underA,
      ownHeading,
      underB,
      `^${blockId(c.id)}`,
      insideC,
      `^${blockId(d.id)}`,
      atEnd,
    ]);
    expect([pTop, pTitle, pA, pUnderA, pHeading, pUnderB, pC, pInside, pD].every((p, i, all) => p >= 0 && (i === 0 || p > all[i - 1]))).toBe(true);
    // The last line followed the last highlight of the earlier export (c); d is new and comes after c's text.
    expect(pEnd).toBeGreaterThan(pInside);
  });

  test("Gloss's content is the fresh export: b gone, d added in order, a's new note, the same block ids", () => {
    expect(back.regions.map((r) => r.key)).toEqual(['title', 'highlights', `highlight:${a.id}`, `highlight:${c.id}`, `highlight:${d.id}`]);
    expect(merged).not.toContain('Vivid.');
    // b's block id is left only in the reader's own link to it.
    expect(merged).not.toContain(`\n^${blockId(b.id)}\n`);
    expect(toString(back.regions[2].blocks.at(-1)!)).toBe('Opening question, reread.');
    for (const h of [a, c]) expect(merged).toContain(`\n^${blockId(h.id)}\n`);
    expect(back.fields).toMatchObject({ exported: '2026-12-01T08:00:00.000Z', highlights: 3, 'gloss-id': DOC_ID, tags: ['reading'] });
    expect(Object.keys(back.fields).at(-1)).toBe('tags');
  });

  test("the reader's blocks are outside every region, as the reader wrote them", () => {
    const outside = back.outside.filter((n) => n.type !== 'html');
    expect(outside.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(outside.map((n) => toString(n))).toEqual([top, underA.replace('*whole*', 'whole'), 'My questions', `${underB}\n${refToC}`, insideC, atEnd]);
  });

  test('exporting again with nothing changed changes nothing', () => {
    // Passages that now stand together count as one: the top, what follows a, what follows c.
    expect(mergeReexport(merged, fresh)).toEqual({ text: merged, readerTextKept: 3 });
  });
});

describe('mergeReexport', () => {
  const a = sampleHighlight('let a gremlin loose', { note: 'n' });
  const fresh = markdownForDocument(sampleDocument([a]), ctx);

  test('keeps Windows line ends in a file that had them', () => {
    const previous = `${fresh.replace(/\n/g, '\r\n')}Mine.\r\n`;
    const { text } = mergeReexport(previous, fresh);
    expect(text).toContain('\r\nMine.\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('a marker-like line in a note does not cut its region short', () => {
    const hostile = sampleHighlight('gremlin', { note: '<!-- gloss:end -->\n\n<!-- gloss:begin title 00000000 -->' });
    const out = markdownForDocument(sampleDocument([hostile]), ctx);
    expect(readBack(out).regions.map((r) => r.key)).toEqual(['title', 'highlights', `highlight:${hostile.id}`]);
    expect(mergeReexport(out, out)).toEqual({ text: out, readerTextKept: 0 });
  });

  test('refuses a file whose front matter is not valid YAML, saying why', () => {
    const broken = fresh.replace('format: text', 'format: [text');
    expect(() => mergeReexport(broken, fresh)).toThrow(/front matter is not valid YAML/);
  });

  test('a region whose end marker the reader deleted keeps what followed it', () => {
    const cut = `${fresh.replace(/<!-- gloss:end -->\n$/, '')}\nMy note at the end.\n`;
    const { text } = mergeReexport(cut, fresh);
    expect(text.split('\n')).toContain('My note at the end.');
    expect(readBack(text).regions.map((r) => r.key)).toEqual(['title', 'highlights', `highlight:${a.id}`]);
  });
});

test('glossExportFacts tells an earlier export (and of which document) from a file of the reader\'s', () => {
  expect(glossExportFacts(markdownForDocument(sampleDocument([]), ctx))).toEqual({ isGlossExport: true, documentId: DOC_ID, isIndex: false });
  expect(glossExportFacts('# My notes\n\n<!-- a comment -->\n')).toEqual({ isGlossExport: false, documentId: null, isIndex: false });
  expect(glossExportFacts('---\ntitle: x\n---\n# x')).toEqual({ isGlossExport: false, documentId: null, isIndex: false });
});

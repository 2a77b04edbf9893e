import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSelectors } from '../../anchoring/selectors';
import { parsePlainText } from '../../transcript/parse-plain-text';
import { plainTextOf } from '../../transcript/plain-text';
import type { Annotation, HighlightColor } from '../../../shared/model';
import { CodePointIndex } from '../code-points';
import { codeGuid } from './codebook-xml';
import { type ProjectDocument, type ProjectOutput, projectXml, selectionName } from './project-xml';
import { validateProject } from './testing/xmllint';

const SAMPLE = readFileSync(new URL('../../../../resources/sample-interview.txt', import.meta.url), 'utf8');
const NOW = new Date('2025-03-01T10:00:00.000Z');

function documentOf(text: string, title: string, id: string): ProjectDocument & { annotate(quote: string, extra?: Partial<Annotation>): Annotation } {
  const transcript = parsePlainText(text, title);
  const plainText = plainTextOf(transcript);
  const annotations: Annotation[] = [];
  return {
    id,
    title: transcript.title,
    addedAt: '2025-02-01T09:00:00.000Z',
    transcript,
    plainText,
    annotations,
    notebook: '',
    annotate(quote, extra = {}) {
      const start = plainText.indexOf(quote);
      if (start < 0) throw new Error(`not in the text: ${quote}`);
      const a: Annotation = {
        id: `00000000-0000-4000-8000-${String(annotations.length + 1).padStart(12, '0')}`,
        documentId: id,
        selectors: createSelectors(plainText, start, start + quote.length),
        color: 'yellow' as HighlightColor,
        note: '',
        noteState: null,
        codes: [],
        createdAt: '2025-02-02T09:00:00.000Z',
        updatedAt: '2025-02-03T09:00:00.000Z',
        ...extra,
      };
      annotations.push(a);
      return a;
    },
  };
}

/** project.qde as text. */
function xmlOf(out: ProjectOutput): string {
  return Buffer.concat([...out.xml]).toString('utf8');
}

/** The attributes of the PlainTextSelection with this GUID. */
function selection(xml: string, guid: string): Record<string, string> {
  const tag = new RegExp(`<PlainTextSelection guid="${guid}"[^>]*>`, 'i').exec(xml);
  if (!tag) throw new Error(`no selection ${guid}`);
  return Object.fromEntries([...tag[0].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe('projectXml', () => {
  it('writes the highlights of a document in the order of the text (by start, then end), however they were made', () => {
    const doc = documentOf(SAMPLE, 'Sample', '11111111-2222-4333-8444-555555555555');
    const quotes = ['scaling laws', 'Amazon invested $4bn', 'Machines of Loving Grace', 'Amazon invested', 'Machines of Loving'];
    for (const q of quotes) doc.annotate(q);
    const xml = xmlOf(projectXml({ name: 'Order', documents: [doc], codes: [], libraryNotebook: '', now: NOW, origin: 'Gloss' }));
    const written = [...xml.matchAll(/<PlainTextSelection guid="([^"]+)" name="(?!Turn: )[^"]*" startPosition="(\d+)" endPosition="(\d+)"/g)];
    const expected = [...doc.annotations]
      .sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.selectors.position.end - b.selectors.position.end)
      .map((a) => a.id.toUpperCase());
    expect(written.map((m) => m[1])).toEqual(expected);
    expect(expected).not.toEqual(doc.annotations.map((a) => a.id.toUpperCase()));
  });

  it('writes a project the REFI-QDA schema accepts, with codes, highlights, speakers as cases and notebooks', () => {
    const doc = documentOf(SAMPLE, 'Sample', '11111111-2222-4333-8444-555555555555');
    doc.annotate('Machines of Loving Grace', { codes: ['theme/risk', 'method'], note: 'A **bold** note & <more>' });
    doc.annotate('scaling laws', { codes: ['theme/scale'] });
    doc.annotate('Amazon invested $4bn');
    doc.notebook = '# My notebook\n\nThoughts.';
    const out = projectXml({
      name: 'Sample',
      documents: [doc],
      codes: [
        { path: 'theme', color: 'blue', description: 'Big themes' },
        { path: 'theme/risk', color: 'red', description: 'What could go wrong' },
      ],
      libraryNotebook: 'Library thoughts',
      now: NOW,
      origin: 'Gloss',
    });
    const xml = xmlOf(out);
    const verdict = validateProject(xml);
    expect(verdict.output).toContain('validates');
    expect(verdict.ok).toBe(true);
    expect(out.highlights).toBe(3);
    // Nested codes: risk and scale inside theme, with colours and descriptions.
    expect(xml).toMatch(/<Code guid="[^"]+" name="theme" isCodable="true" color="#BFDBFE"><Description>Big themes<\/Description>\n\s*<Code guid="[^"]+" name="risk" isCodable="true" color="#FCA5A5"><Description>What could go wrong<\/Description>/);
    expect(xml).toContain(`<CodeRef targetGUID="${codeGuid('theme/risk')}"/>`);
    expect(xml).toContain('<Description>A **bold** note &amp; &lt;more&gt;</Description>');
    // Speakers are cases pointing at their turns.
    expect(xml).toMatch(/<Case guid="[^"]+" name="Dario Amodei">\n\s*<SelectionRef targetGUID=/);
    expect(xml).toContain('name="Turn: Madhumita Murgia"');
    expect(xml).toMatch(/<Note guid="[^"]+" name="Notebook: Democracies must maintain the lead in AI"[^>]*><PlainTextContent># My notebook/);
    // The source text has the speakers' names, and every selection's positions (code points) give its quote.
    const source = out.sources[0].text;
    expect(source).toContain('\n\nDario Amodei: ');
    const points = new CodePointIndex(source);
    for (const a of doc.annotations) {
      const s = selection(xml, a.id.toUpperCase());
      expect(source.slice(points.toUtf16(Number(s.startPosition)), points.toUtf16(Number(s.endPosition)))).toBe(a.selectors.quote.exact);
    }
  });

  it('counts positions in code points: emoji before a highlight shift it by one each, not two', () => {
    const doc = documentOf('Ana: I love 🎉🎉 parties and 𝒳 math.\n\nBo: Me 😀 too, really.', 'Emoji', '11111111-2222-4333-8444-555555555556');
    const a = doc.annotate('math');
    const b = doc.annotate('too, really');
    const out = projectXml({ name: 'Emoji', documents: [doc], codes: [], libraryNotebook: '', now: NOW, origin: 'Gloss' });
    const xml = xmlOf(out);
    expect(validateProject(xml).ok).toBe(true);
    const source = out.sources[0].text;
    expect(source).toBe('Ana: I love 🎉🎉 parties and 𝒳 math.\n\nBo: Me 😀 too, really.');
    // "Ana: I love 🎉🎉 parties and 𝒳 " is 29 code points (32 UTF-16 units).
    expect(selection(xml, a.id.toUpperCase())).toMatchObject({ startPosition: '29', endPosition: '33' });
    expect([...source].slice(29, 33).join('')).toBe('math');
    const s = selection(xml, b.id.toUpperCase());
    expect([...source].slice(Number(s.startPosition), Number(s.endPosition)).join('')).toBe('too, really');
  });

  it('leaves orphans out and counts them', () => {
    const doc = documentOf(SAMPLE, 'Sample', '11111111-2222-4333-8444-555555555557');
    doc.annotate('scaling laws', { orphaned: true });
    doc.annotate('Amazon invested $4bn');
    const out = projectXml({ name: 'S', documents: [doc], codes: [], libraryNotebook: '', now: NOW, origin: 'Gloss' });
    expect(validateProject(xmlOf(out)).ok).toBe(true);
    expect(out).toMatchObject({ highlights: 1, orphansLeftOut: 1 });
  });

  it('makes hostile titles, notes and codes safe XML', () => {
    const doc = documentOf('Ann: a "quoted" <tag> & \u0001 text\n\nBob: reply', 'T', '11111111-2222-4333-8444-555555555558');
    doc.title = 'A "title" <with> & \u0007 control\nline';
    doc.annotate('"quoted" <tag> &', { codes: ['a "b"/<c> & d'], note: 'note ]]> \u0000 end\r\n' });
    const out = projectXml({ name: doc.title, documents: [doc], codes: [], libraryNotebook: '', now: NOW, origin: 'Gloss' });
    const verdict = validateProject(xmlOf(out));
    expect(verdict.output).toContain('validates');
  });

  it('names a selection by the start of its quote, on one line', () => {
    expect(selectionName('  two\n\nlines  ')).toBe('two lines');
    expect(selectionName('x'.repeat(80))).toBe(`${'x'.repeat(60)}…`);
  });
});

describe('the schema check', () => {
  it('refuses a project that breaks the schema (a selection without positions, a bad GUID)', () => {
    const bad = '<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="not-a-guid"><PlainTextSelection guid="11111111-2222-4333-8444-555555555555"/></TextSource></Sources></Project>';
    const verdict = validateProject(bad);
    expect(verdict.ok).toBe(false);
    expect(verdict.output).toMatch(/startPosition|GUIDType|not-a-guid/);
  });
});

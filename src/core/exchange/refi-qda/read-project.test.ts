import { describe, expect, it } from 'vitest';
import { readProject } from './read-project';

const PREFIXED = `<?xml version="1.0" encoding="utf-8"?>\r
<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="Prefixed" origin="Some tool">\r
  <qda:CodeBook><qda:Codes>\r
    <qda:Code guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="Top" isCodable="true" color="#123456">\r
      <qda:Code guid="aaaaaaaa-0000-4000-8000-000000000002" name="Child" isCodable="true"><qda:Description>Line one\r
line two &amp; more &#x1F600;</qda:Description></qda:Code>\r
    </qda:Code>\r
  </qda:Codes></qda:CodeBook>\r
  <qda:Cases><qda:Case guid="FFFFFFFF-0000-4000-8000-000000000001" name="Someone"><qda:SelectionRef targetGUID="{CCCCCCCC-0000-4000-8000-000000000001}"/></qda:Case></qda:Cases>\r
  <qda:Sources>\r
    <qda:TextSource guid="BBBBBBBB-0000-4000-8000-000000000001" name="One" plainTextPath="internal://x.txt">\r
      <qda:PlainTextSelection guid="CCCCCCCC-0000-4000-8000-000000000001" name="sel" startPosition="3" endPosition="9">\r
        <qda:Coding guid="DDDDDDDD-0000-4000-8000-000000000001"><qda:CodeRef targetGUID="{AAAAAAAA-0000-4000-8000-000000000002}"/></qda:Coding>\r
      </qda:PlainTextSelection>\r
    </qda:TextSource>\r
    <qda:AudioSource guid="EEEEEEEE-0000-4000-8000-000000000001" name="Tape"><qda:AudioSelection guid="EEEEEEEE-0000-4000-8000-000000000002" begin="1" end="2"/></qda:AudioSource>\r
  </qda:Sources>\r
</qda:Project>`;

describe('readProject', () => {
  it('reads a project with a namespace prefix, braced GUIDs and CRLF line ends', () => {
    const project = readProject(PREFIXED);
    expect(project.codes).toEqual([
      { guid: 'aaaaaaaa-0000-4000-8000-000000000001', names: ['Top'], color: '#123456', description: '' },
      { guid: 'aaaaaaaa-0000-4000-8000-000000000002', names: ['Top', 'Child'], color: null, description: 'Line one\nline two & more 😀' },
    ]);
    expect(project.textSources[0]).toMatchObject({ name: 'One', plainTextPath: 'internal://x.txt', inlineText: null });
    expect(project.textSources[0].selections).toEqual([
      expect.objectContaining({ guid: 'cccccccc-0000-4000-8000-000000000001', start: 3, end: 9, codeGuids: ['aaaaaaaa-0000-4000-8000-000000000002'] }),
    ]);
    expect(project.uncarried).toMatchObject({ audioSources: 1, mediaSelections: 1, cases: 1 });
    expect([...project.caseSelections]).toEqual(['cccccccc-0000-4000-8000-000000000001']);
  });

  it.each([
    ['not XML', 'hello', /not well-formed XML/],
    ['another XML file', '<?xml version="1.0"?><html><body/></html>', /no Project element/],
    ['a selection without positions', PREFIXED.replace(' startPosition="3"', ''), /A selection in "One" has no startPosition/],
    ['a position that is not a number', PREFIXED.replace('endPosition="9"', 'endPosition="nine"'), /endPosition that is not a whole number \("nine"\)/],
    ['a GUID that is not one', PREFIXED.replace('BBBBBBBB-0000-4000-8000-000000000001', 'source-1'), /The text source "One" has a GUID that is not one \("source-1"\)/],
    ['entity declarations', `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Project name="x"/>`, /declares XML entities/],
  ])('refuses %s, saying what is wrong', (_, xml, message) => {
    expect(() => readProject(xml)).toThrow(message);
  });
});

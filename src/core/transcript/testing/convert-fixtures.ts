/**
 * Turns the real plain-text and WebVTT fixtures into the other formats, so
 * the Markdown and SRT readers can be tested (and fuzzed) on real dialogue
 * too: "Name: text" paragraphs become "**Name:** text", WebVTT cues become
 * numbered SRT cues. Test support only.
 */

/** A plain-text transcript as Markdown: the first line a level-1 heading, labels in bold, every few turns a section. */
export function markdownFromPlainText(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return paragraphs
    .map((p, i) => {
      if (i === 0) return `# ${p.replace(/\n/g, ' ')}`;
      if (i % 25 === 0) return `## Part ${i / 25}\n\n${p}`;
      const label = /^([A-Z][\w.’' -]{0,40}):\s+/.exec(p);
      return label ? `**${label[1]}:** ${p.slice(label[0].length)}` : p;
    })
    .join('\n\n');
}

/** A WebVTT file as SRT: the header and NOTE/STYLE blocks dropped, cues numbered, times with commas and hours. */
export function srtFromWebVtt(vtt: string): string {
  const blocks = vtt.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const cues: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const time = lines[at]
      .replace(/\s+(?:align|position|line|size|region|vertical):\S+/g, '')
      .replace(/(^|\s)(\d{2}:\d{2}\.\d{3})/g, '$100:$2')
      .replace(/\./g, ',');
    const text = lines.slice(at + 1).map((l) => l.replace(/<v(?:\.[^ >]*)? ([^>]+)>/g, '$1: ').replace(/<[^>]*>/g, ''));
    cues.push(`${cues.length + 1}\n${time}\n${text.join('\n')}`);
  }
  return `${cues.join('\n\n')}\n`;
}

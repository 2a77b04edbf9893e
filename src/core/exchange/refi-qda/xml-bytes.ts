/**
 * XML written straight into UTF-8 bytes, for the project.qde of a whole
 * library (a hundred megabytes and more): text is escaped and encoded in one
 * pass over its characters, into chunks of a megabyte that a zip writer can
 * compress as they fill, with no string built for the whole and none for
 * each element. Escaping is that of xml-text.ts: the five special characters
 * (in attributes also line breaks and tabs) written as references, and the
 * characters XML 1.0 cannot hold left out.
 */

/** Bytes a chunk holds: large enough that a chunk's compression costs little beyond the compression itself. */
const CHUNK_BYTES = 1024 * 1024;

const AMP = [0x26, 0x61, 0x6d, 0x70, 0x3b]; // &amp;
const LT = [0x26, 0x6c, 0x74, 0x3b]; // &lt;
const GT = [0x26, 0x67, 0x74, 0x3b]; // &gt;
const QUOT = [0x26, 0x71, 0x75, 0x6f, 0x74, 0x3b]; // &quot;
const CR = [0x26, 0x23, 0x31, 0x33, 0x3b]; // &#13;
const LF = [0x26, 0x23, 0x31, 0x30, 0x3b]; // &#10;
const TAB = [0x26, 0x23, 0x39, 0x3b]; // &#9;

/**
 * For each character below 128: 0 when it is written as it is, 1 when XML 1.0 cannot hold it (left out), or the
 * reference it is written as, in element text and in attribute values.
 */
const IN_TEXT: (0 | 1 | number[])[] = [];
const IN_ATTRIBUTE: (0 | 1 | number[])[] = [];
/** XML made already (escaped): every character written as it is. */
const AS_IS: 0[] = new Array<0>(128).fill(0);
for (let c = 0; c < 128; c++) {
  const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
  IN_TEXT.push(control ? 1 : c === 0x26 ? AMP : c === 0x3c ? LT : c === 0x3e ? GT : c === 0x0d ? CR : 0);
  IN_ATTRIBUTE.push(control ? 1 : c === 0x26 ? AMP : c === 0x3c ? LT : c === 0x3e ? GT : c === 0x22 ? QUOT : c === 0x0d ? CR : c === 0x0a ? LF : c === 0x09 ? TAB : 0);
}

export class XmlBytes {
  private chunk = new Uint8Array(CHUNK_BYTES);
  private at = 0;
  /** Where the part of the current chunk not yet handed out by take() starts. */
  private from = 0;
  private ready: Uint8Array[] = [];

  /** Room for `n` more bytes: the current chunk's part written so far is put aside and a new chunk begun when it is full. */
  private room(n: number): void {
    if (this.at + n <= this.chunk.length) return;
    if (this.at > this.from) this.ready.push(this.chunk.subarray(this.from, this.at));
    this.chunk = new Uint8Array(Math.max(CHUNK_BYTES, n));
    this.at = 0;
    this.from = 0;
  }

  /** The chunks filled since the last take() or takeFull() (never written to again): each a megabyte or so. */
  takeFull(): Uint8Array[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** The bytes written since the last take() or takeFull(), in chunks (never written to again). */
  take(): Uint8Array[] {
    const out = this.ready;
    if (this.at > this.from) out.push(this.chunk.subarray(this.from, this.at));
    this.from = this.at;
    this.ready = [];
    return out;
  }

  /** Writes markup or a value known to need no escaping and to be ASCII (a tag, a GUID, a number, an ISO time). */
  raw(text: string): this {
    const n = text.length;
    this.room(n);
    const { chunk } = this;
    let at = this.at;
    for (let i = 0; i < n; i++) chunk[at++] = text.charCodeAt(i);
    this.at = at;
    return this;
  }

  /** Writes XML made already (its text escaped), such as the code tree from codebook-xml.ts. */
  markup(xml: string): this {
    return this.escaped(xml, AS_IS);
  }

  /** Writes a whole number (a position, 0 or more) in decimal. */
  int(n: number): this {
    if (!(n >= 0 && n <= 0xffffffff && n === Math.floor(n))) return this.raw(String(n));
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    this.room(digits);
    const { chunk } = this;
    let rest = n;
    for (let at = this.at + digits - 1; at >= this.at; at--) {
      chunk[at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.at += digits;
    return this;
  }

  /** Writes element text, escaped. */
  text(text: string): this {
    return this.escaped(text, IN_TEXT);
  }

  /** Writes an attribute value (to go between double quotes), escaped: `text`, or its part from `from` to `to`. */
  attribute(text: string, from = 0, to = text.length): this {
    return this.escaped(text, IN_ATTRIBUTE, from, to);
  }

  private escaped(text: string, table: (0 | 1 | number[])[], from = 0, to = text.length): this {
    const n = to;
    // At most six bytes for one UTF-16 unit (&quot;); three for any character outside ASCII.
    this.room((to - from) * 6);
    const { chunk } = this;
    let at = this.at;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        const how = table[c];
        if (how === 0) chunk[at++] = c;
        else if (how !== 1) for (let k = 0; k < how.length; k++) chunk[at++] = how[k];
      } else if (c < 0x800) {
        chunk[at++] = 0xc0 | (c >> 6);
        chunk[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        // A surrogate pair is one character of four bytes; a lone surrogate is no character at all and is left out.
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          chunk[at++] = 0xf0 | (point >> 18);
          chunk[at++] = 0x80 | ((point >> 12) & 0x3f);
          chunk[at++] = 0x80 | ((point >> 6) & 0x3f);
          chunk[at++] = 0x80 | (point & 0x3f);
          i++;
        }
      } else if (c !== 0xfffe && c !== 0xffff) {
        chunk[at++] = 0xe0 | (c >> 12);
        chunk[at++] = 0x80 | ((c >> 6) & 0x3f);
        chunk[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.at = at;
    return this;
  }
}

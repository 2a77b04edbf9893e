/**
 * Text made safe for XML 1.0: the five special characters escaped, and the
 * characters XML 1.0 cannot hold at all (most control characters, lone
 * surrogates, U+FFFE and U+FFFF) left out. Attribute values also keep their
 * line breaks and tabs, which a parser would otherwise turn into spaces.
 */

// eslint-disable-next-line no-control-regex -- finding characters XML cannot hold is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- as above
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff\r]/;
// eslint-disable-next-line no-control-regex -- as above
const ATTRIBUTE_SPECIAL = /[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Text as XML 1.0 can hold it (characters it cannot hold removed). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Escapes element text. A carriage return is written as a reference so that it survives parsing. */
export function escapeXmlText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (to be written between double quotes). */
export function escapeXmlAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIAL.test(text)) return text;
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

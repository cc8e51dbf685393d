/**
 * Text from a file reaches the terminal only as text: a title or lot name holding escape
 * sequences (colour, "set window title", clear screen) or bidirectional overrides could
 * otherwise recolour, hide or fake lines of the report. Control characters are shown as
 * visible escapes instead (`\x1B`), and in JSON output as JSON's own `\u001b` escapes.
 */

/**
 * Characters a terminal acts on rather than shows: C0 controls but tab and line feed, DEL, C1
 * controls (U+009B is a one-character escape sequence on some terminals), and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder a line.
 */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number): string =>
  c.charCodeAt(0).toString(16).toUpperCase().padStart(width, "0");

/** Text for the terminal: each active character shown as `\x1B` (or `\u202E`). */
export function showSafely(text: string): string {
  return text.replace(ACTIVE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON text for the terminal: the same characters written as JSON escapes (`\u009b`), which
 * JSON.stringify leaves raw. They only occur inside strings, so the JSON reads back the same.
 */
export function jsonSafely(json: string): string {
  return json.replace(ACTIVE, (c) => `\\u${hex(c, 4).toLowerCase()}`);
}

/** The bytes of a file the user gives, as text. */

/** Node and every browser the pane runs in have TextDecoder and TextEncoder (the engine's lib does not declare them). */
declare const TextDecoder: new (
  label?: string,
  options?: { ignoreBOM?: boolean },
) => { decode(bytes: Uint8Array): string };
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

/**
 * File bytes as text: UTF-8 (without its byte order mark, if it has one). Bytes that are not
 * UTF-8 are read as Windows-1252, the code page Excel's plain "CSV" uses in the UK (£ is byte A3).
 * UTF-16 files are refused with what to do instead.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      error: `the file is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8" or UTF-8 text and try again`,
    };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A UTF-8 byte order mark (Excel's "CSV UTF-8"): the text follows it.
    return { ok: true, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)) };
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  // Valid UTF-8 encodes back to the same bytes; anything else had bytes replaced by U+FFFD.
  const again = new TextEncoder().encode(text);
  const same = again.length === bytes.length && again.every((b, i) => b === bytes[i]);
  return { ok: true, text: same ? text : new TextDecoder("windows-1252").decode(bytes) };
}

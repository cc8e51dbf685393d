/** The bytes of a file the user gives, as text. */

import { decodeWindows1252 } from "../tables/windows-1252";

/** Node and every browser the pane runs in have TextDecoder and TextEncoder (the engine's lib does not declare them). */
declare const TextDecoder: new (
  label?: string,
  options?: { ignoreBOM?: boolean; fatal?: boolean },
) => { decode(bytes: Uint8Array): string };

/** How a file's bytes were read as text, for the user to be told when it was not UTF-8. */
export type TextEncodingName = "UTF-8" | "Windows-1252";

/**
 * Whether the bytes look like UTF-16 saved without a byte order mark: text in UTF-16 has a zero
 * byte in every other place for the Latin letters, digits and punctuation of a table or notice.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return Math.max(evenZeros, oddZeros) >= (n / 2) * 0.3;
}

const UTF16_ADVICE = `save it as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8) or as UTF-8 text and try again`;

/**
 * File bytes as text: UTF-8 (without its byte order mark, if it has one). Bytes that are not
 * UTF-8 are read as Windows-1252, the code page Excel's plain "CSV" uses in the UK (£ is byte
 * A3, ’ is 92), and `encoding` says so. UTF-16 files, with or without a byte order mark, and
 * binary files are refused with what to do instead.
 */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: TextEncodingName } | { ok: false; error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: `the file is saved as UTF-16 ("Unicode text"); ${UTF16_ADVICE}` };
  }
  if (looksLikeUtf16(bytes)) {
    return {
      ok: false,
      error: `the file looks like UTF-16 ("Unicode text") saved without a byte order mark (every other byte is zero); ${UTF16_ADVICE}`,
    };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      error:
        "the file holds zero bytes, so it is not text; give the tender as text (.json, .csv, .txt) or a workbook (.xlsx)",
    };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const text = decodeUtf8(body);
  return text !== undefined
    ? { ok: true, text, encoding: "UTF-8" }
    : { ok: true, text: decodeWindows1252(bytes), encoding: "Windows-1252" };
}

/** The bytes as UTF-8, or undefined when they are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not UTF-8: the caller reads the bytes as Windows-1252 instead, and says so.
    return undefined;
  }
}

/** The note shown when a file was not UTF-8, naming the encoding assumed. */
export function encodingNote(file: string, encoding: TextEncodingName): string | undefined {
  return encoding === "UTF-8"
    ? undefined
    : `read ${file} as Windows-1252 (Excel's plain "CSV"), as it is not UTF-8; if letters look wrong, save it as "CSV UTF-8"`;
}

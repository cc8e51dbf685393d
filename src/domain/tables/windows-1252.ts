/**
 * Windows-1252, the code page of Excel's plain "CSV" and Notepad's "ANSI" on UK Windows. It is
 * Latin-1 except for bytes 0x80–0x9F, which hold ’ “ ” – — € … and others instead of control
 * characters (Node's TextDecoder("windows-1252") reads them as Latin-1's controls, so "King’s
 * Lynn" lost its apostrophe). The five bytes Windows-1252 leaves undefined (81 8D 8F 90 9D) keep
 * their Latin-1 code points, as the WHATWG Encoding Standard's index does.
 * Source: WHATWG Encoding Standard, index-windows-1252.txt (https://encoding.spec.whatwg.org/index-windows-1252.txt).
 */

/** The characters of bytes 0x80–0x9F. */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

/** Bytes read as Windows-1252 text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join("");
}

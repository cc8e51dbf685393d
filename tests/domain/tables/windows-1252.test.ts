/**
 * decodeWindows1252 at its edges: every byte of 0x80–0x9F, the bytes either side of that block
 * (0x7F and 0xA0 stay themselves), and text longer than the 8,192 bytes decoded at a time.
 * Source: WHATWG Encoding Standard, index-windows-1252 (https://encoding.spec.whatwg.org/index-windows-1252.txt).
 */
import { decodeWindows1252 } from "../../../src/domain/tables/windows-1252";

describe("decodeWindows1252", () => {
  it("reads 0x80–0x9F as the index gives them, undefined bytes as their Latin-1 code points", () => {
    const block = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(block)).toBe("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ");
  });

  it("leaves the bytes just outside the block, and plain ASCII and Latin-1, as they are", () => {
    expect(decodeWindows1252(Uint8Array.from([0x41, 0x7f, 0xa0, 0xa3, 0xff]))).toBe("A\u007f\u00a0£ÿ");
  });

  it("decodes text longer than one chunk of 8,192 bytes whole, across the chunk's edge", () => {
    const bytes = new Uint8Array(8192 * 2 + 3).fill(0x61);
    bytes[8191] = 0x92;
    bytes[8192] = 0x80;
    bytes[bytes.length - 1] = 0x85;
    const text = decodeWindows1252(bytes);
    expect(text).toHaveLength(bytes.length);
    expect(text[8191]).toBe("’");
    expect(text[8192]).toBe("€");
    expect(text.endsWith("a…")).toBe(true);
    expect(text.startsWith("aaa")).toBe(true);
  });

  it("reads no bytes as no text", () => {
    expect(decodeWindows1252(new Uint8Array(0))).toBe("");
  });
});

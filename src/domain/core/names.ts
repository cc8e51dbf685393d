/**
 * Names as people mean them: a lot, council or invoice number compared after Unicode
 * normalisation (NFKC: "ﬁ" is "fi", a full-width "Ｂ" is "B"), without the characters that show
 * nothing (zero-width spaces and joiners, the byte-order mark, soft hyphens, direction marks), and
 * with case and runs of spaces ignored. "Bar\u200bnet" and "Barnet" are one name; a name made only
 * of such characters is no name at all.
 */
import type { Parsed } from "./types";

/** Characters that take no room on screen: format characters (Unicode category Cf) and soft hyphens. */
const INVISIBLE = /[\p{Cf}\u00AD\u115F\u1160\u3164\uFFA0]/gu;

/** The name as it is compared: normalised, invisible characters dropped, spaces folded, lower case. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** True when the name shows something: not empty once invisible characters and spaces are gone. */
export function isVisibleName(name: string): boolean {
  return nameKey(name) !== "";
}

/**
 * A reader of a value from the words people write for it (`{ scotland: "GB-SCT", … }`, each word
 * lower case with single spaces), ignoring case and runs of spaces; anything else, including a word
 * the table does not hold itself (such as "constructor"), is `error(value)`.
 */
export function wordReader<T>(
  words: Readonly<Record<string, T>>,
  error: (value: unknown) => string,
): (value: unknown) => Parsed<T> {
  return (value) => {
    if (typeof value === "string") {
      const word = value.trim().toLowerCase().replace(/\s+/g, " ");
      if (Object.prototype.hasOwnProperty.call(words, word)) return { ok: true, value: words[word] };
    }
    return { ok: false, error: error(value) };
  };
}

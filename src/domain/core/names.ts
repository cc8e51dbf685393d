/**
 * Names as people mean them: a lot, council or invoice number compared after Unicode
 * normalisation (NFKC: "ﬁ" is "fi", a full-width "Ｂ" is "B"), without the characters that show
 * nothing (zero-width spaces and joiners, the byte-order mark, soft hyphens, direction marks), and
 * with case and runs of spaces ignored. "Bar\u200bnet" and "Barnet" are one name; a name made only
 * of such characters is no name at all.
 */

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

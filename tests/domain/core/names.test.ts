/**
 * Issue #20, wrong results: a lot named "Bar\u200bnet" beside "Barnet", or one whose name is only
 * zero-width characters, was accepted. Names are compared after Unicode normalisation (NFKC, Unicode
 * Standard Annex #15, https://unicode.org/reports/tr15/) without format characters (general category
 * Cf: zero-width space U+200B, joiners U+200C/U+200D, word joiner U+2060, byte-order mark U+FEFF,
 * direction marks) or soft hyphens (U+00AD), ignoring case and runs of spaces.
 */
import { isVisibleName, nameKey } from "../../../src/domain/core/names";
import { parseTender } from "../../../src/domain/check/tender";
import { matchKey } from "../../../src/domain/actuals/model";

const tender = (names: string[]) => ({
  title: "T",
  buyer: "B",
  currency: "GBP",
  dayRate: 960,
  lots: names.map((name) => ({ name, days: 10 })),
});

describe("names as people mean them", () => {
  test.each([
    ["Bar\u200bnet", "Barnet"],
    ["\ufeffBarnet", "Barnet"],
    ["Bar\u00adnet", "Barnet"],
    ["Ｂａｒｎｅｔ", "Barnet"], // full-width letters
    ["Barnet\u200e", "Barnet"], // left-to-right mark
    ["  kirklees   council ", "Kirklees Council"],
    ["Cafe\u0301", "Café"], // e + combining acute is é
  ])("%j is the same name as %j", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  test("different names stay different", () => {
    expect(nameKey("Barnet")).not.toBe(nameKey("Barnes"));
  });

  test("a space between words is kept: runs of spaces become one, not none", () => {
    expect(nameKey("North Somerset")).not.toBe(nameKey("Northsomerset"));
    expect(nameKey("North \t Somerset")).toBe(nameKey("north somerset"));
  });

  test("a name of invisible characters only is no name", () => {
    expect(isVisibleName("\u200b\u200c\u2060")).toBe(false);
    expect(isVisibleName(" \ufeff ")).toBe(false);
    expect(isVisibleName("Barnet")).toBe(true);
  });

  test("the tender refuses the second of two lots that differ only by an invisible character", () => {
    const t = parseTender(tender(["Barnet", "Bar\u200bnet"]));
    expect(t.ok).toBe(false);
    expect(!t.ok && t.errors.map((e) => e.path)).toEqual(["lots[1].name"]);
  });

  test("the tender refuses a lot whose name shows nothing, naming it", () => {
    const t = parseTender(tender(["Barnet", "\u200b\u200b"]));
    expect(!t.ok && t.errors).toEqual([
      {
        path: "lots[1].name",
        message:
          "This lot's name holds only characters that show nothing (such as zero-width spaces); give the lot a name",
      },
    ]);
  });

  test("invoices are matched to lots by the same rule", () => {
    expect(matchKey("Bar\u200bnet")).toBe(matchKey("barnet"));
  });
});

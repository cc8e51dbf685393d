/**
 * Notices as they are published: Contracts Finder pages (labelled lines, the buyer in capitals on
 * a line of its own), Find a Tender pages under the Procurement Act 2023 (a heading with its value
 * on the next lines, amounts "excluding VAT" and "including VAT"), and the sites that re-publish
 * them ("Value: 6000000.0 GBP   Gross: 7200000.0 GBP", "Deadline: 20 Nov 2025, 12:00", lots run
 * together on one line). The ten notices in tests/fixtures/notices/published are written here in
 * those layouts; the figures are made up.
 */
import * as fs from "fs";
import * as path from "path";
import { parseNotice } from "../../../src/domain/notice";
import { nameFromCapitals, readLayout } from "../../../src/domain/notice/layout";
import { parseTender } from "../../../src/domain/check/tender";
import { expectedReadings, NOTICES_DIR, noticeText, reading } from "../../support/notices";

const DIR = path.join(NOTICES_DIR, "published");
const notice = (name: string): string => noticeText(path.join("published", name));

/** What each published notice must give, field for field (tests/fixtures/notices/published/readings.json). */
const EXPECTED = expectedReadings("published");

describe("notices in published layouts", () => {
  test("ten notices are written, and each is covered", () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  test.each(Object.keys(EXPECTED))("%s gives the tender field for field", (file) => {
    expect(reading(parseNotice(notice(file))).input).toEqual(EXPECTED[file]);
  });

  test.each(Object.keys(EXPECTED))(
    "%s: the engine reads it, asking only for what the notice leaves out",
    (file) => {
      const t = parseTender(reading(parseNotice(notice(file))).input);
      // Lots listed without a value or days are kept, and the engine asks for them by name.
      const asked = t.ok ? [] : t.errors.map((e) => e.path);
      const unvalued = EXPECTED[file].lots.flatMap((l, i) =>
        l.statedValue === undefined && l.days === undefined ? [`lots[${i}]`] : [],
      );
      expect(asked).toEqual(unvalued);
    },
  );
});

describe("what a published layout says", () => {
  test("the buyer in capitals is its whole name in the usual case, not its last words", () => {
    expect(nameFromCapitals("BOLTON METROPOLITAN BOROUGH COUNCIL")).toBe(
      "Bolton Metropolitan Borough Council",
    );
    expect(nameFromCapitals("LONDON BOROUGH OF BARKING AND DAGENHAM")).toBe(
      "London Borough of Barking and Dagenham",
    );
    expect(nameFromCapitals("STOCKTON-ON-TEES BOROUGH COUNCIL")).toBe("Stockton-on-Tees Borough Council");
    expect(nameFromCapitals("NHS NORTH EAST AND NORTH CUMBRIA ICB")).toBe(
      "NHS North East and North Cumbria ICB",
    );
    expect(nameFromCapitals("KING'S LYNN AND WEST NORFOLK BOROUGH COUNCIL")).toBe(
      "King's Lynn and West Norfolk Borough Council",
    );
  });

  test("a line in capitals without an organisation's word is not taken for the buyer", () => {
    const r = reading(parseNotice("ROAD RESURFACING WORKS\n\nBuyer: Wigan Council\nValue: 250000.0 GBP\n"));
    expect(r.input.buyer).toBe("Wigan Council");
    expect(r.input.title).toBe("ROAD RESURFACING WORKS");
  });

  test("each field quotes the notice as published, not as it was rewritten for reading", () => {
    const r = reading(parseNotice(notice("p02-republished-value-gross.txt")));
    expect(r.fields.statedTotal?.sentence).toBe("Value: 6000000.0 GBP   Gross: 7200000.0 GBP");
    expect(r.fields.buyer?.sentence).toBe("Buyer: WIGAN COUNCIL");
    const fts = reading(parseNotice(notice("p03-find-a-tender-lots.txt")));
    expect(fts.lots[0].statedValue?.sentence).toBe(
      "Lot 1. North Sheffield Lot value (estimated) £125,000 excluding VAT £150,000 including VAT",
    );
    expect(fts.fields.closingDate?.sentence).toBe("Tender submission deadline 6 March 2026, 12:00pm");
  });

  test("the amount including VAT is checked against the ex-VAT one at 20%, and the ex-VAT one is used", () => {
    const agrees = reading(parseNotice(notice("p02-republished-value-gross.txt")));
    expect(agrees.notes).toContain(
      "Gross value: £7,200,000 including VAT is £6,000,000 plus VAT at 20%; the tender uses £6,000,000 (ex VAT).",
    );
    // Find a Tender's "including VAT" lines are read as such, not as a text in VAT-inclusive figures.
    const fts = reading(parseNotice(notice("p03-find-a-tender-lots.txt")));
    expect(fts.notes).toContain(
      "Total value: £300,000 including VAT is £250,000 plus VAT at 20%; the tender uses £250,000 (ex VAT).",
    );
    expect(fts.notes.some((n) => n.startsWith("The text gives amounts including VAT"))).toBe(false);
    const differs = reading(parseNotice(notice("p08-republished-iso-dates.txt")));
    expect(differs.notes).toContain(
      "Gross value: £500,000 including VAT is not £420,000 plus VAT at 20% (£504,000); the tender uses £420,000 (ex VAT). Check the VAT rate.",
    );
  });

  test("lots listed without values are kept, and the notes say to give them values or days", () => {
    const r = reading(parseNotice(notice("p05-republished-lots-no-values.txt")));
    expect(r.notes).toContain(
      "The notice lists Grounds Maintenance, Tree Surgery, Playground Inspection without a value or days; they are kept as lots: give each its value or days.",
    );
  });

  test("a sentence that starts with a lot number is not a listed lot", () => {
    const layout = readLayout("Lot 1 covers the north of the county.\nLot 2 Tree Surgery\n");
    expect(layout.listedLots.map((l) => l.name)).toEqual(["Tree Surgery"]);
  });

  test("text in other shapes passes through unchanged", () => {
    const prose = noticeText("01-sandwell-lone-amount.txt");
    const layout = readLayout(prose);
    expect(layout.text).toBe(
      prose
        .split(/\r?\n/)
        .map((l) => l.replace(/\s+$/, ""))
        .join("\n"),
    );
    expect(layout.listedLots).toEqual([]);
    expect(layout.origins.size).toBe(0);
  });
});

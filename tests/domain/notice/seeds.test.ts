import * as fs from "fs";
import * as path from "path";
import { parseNotice } from "../../../src/domain/notice";
import type { NoticeReading } from "../../../src/domain/notice";
import { parseTender } from "../../../src/domain/check/tender";
import { describeWith, sharedDir } from "../../support/shared-material";
import { reading } from "../../support/notices";

const SEEDS = sharedDir("seeds", "the seed articles read as notices (seeds 000-004, 11 tests)");

function seed(prefix: string): string {
  if (SEEDS === undefined)
    throw new Error("the seed articles are not there: the test should have been skipped");
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (file === undefined) throw new Error(`seed ${prefix} not found in ${SEEDS}`);
  return fs.readFileSync(path.join(SEEDS, file), "utf8");
}

describeWith(SEEDS)("seed 000: the DfE commissioners tender", () => {
  let r: NoticeReading;
  beforeAll(() => {
    r = reading(parseNotice(seed("000")));
  });

  test("four lots with their stated values, Reading and Worcestershire sharing one amount", () => {
    expect(r.input.lots).toEqual([
      { name: "Barnet", statedValue: "£107,520" },
      { name: "Kirklees", statedValue: "£48,960" },
      { name: "Reading", statedValue: "£95,040" },
      { name: "Worcestershire", statedValue: "£95,040" },
    ]);
  });

  test("the stated total despite the typo 'has bene set aside'", () => {
    expect(r.input.statedTotal).toBe("£346,000");
    expect(r.fields.statedTotal?.sentence).toMatch(/^A total of £346,000 has bene set aside/);
    expect(r.fields.statedTotal?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  test("closing 31 July 2017 and start 31 August 2017, the year from the date line", () => {
    expect(r.input.closingDate).toBe("2017-07-31");
    expect(r.input.startDate).toBe("2017-08-31");
    expect(r.fields.closingDate?.sentence).toBe(
      "The closing date for applications is 31 July, with the contracts due to commence from 31 August.",
    );
    expect(r.notes).toContain(
      "The closing date “31 July” has no year; 2017 was taken from the date line “| 26 July 2017”.",
    );
    // The report deadline "31 March 2017" earlier in the article is not the closing date.
    expect(r.notes.join(" ")).not.toMatch(/2017-03-31/);
  });

  test("buyer and title", () => {
    expect(r.input.buyer).toBe("Department for Education");
    expect(r.input.title).toBe(
      "Commissioners to decide future of children's services at four 'inadequate' councils",
    );
  });

  test("says what it did not find, and that the lots do not add up", () => {
    expect(r.missing).toEqual([
      "no day rate found",
      "no days found for Barnet, Kirklees, Reading, Worcestershire",
      "no end date found",
    ]);
    expect(r.notes).toContain(
      "The lots add up to £346,560, not the stated £346,000; the check reports the difference.",
    );
  });

  test("every lot carries its sentence and confidence", () => {
    expect(r.lots).toHaveLength(4);
    for (const lot of r.lots) {
      expect(lot.statedValue?.sentence).toContain(String(lot.statedValue?.value));
      expect(lot.name.sentence).toContain(String(lot.name.value));
      expect(lot.name.confidence).toBeGreaterThan(0.5);
    }
  });

  test("the engine reads the input unchanged", () => {
    const t = parseTender(r.input);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.value.statedTotal).toEqual({ pence: 34_600_000, precision: 100_000 });
    expect(t.value.lots.map((l) => l.statedValue)).toEqual([10_752_000, 4_896_000, 9_504_000, 9_504_000]);
    expect(t.value.closingDate).toBe("2017-07-31");
    expect(t.value.startDate).toBe("2017-08-31");
  });
});

describeWith(SEEDS)("seeds without a tender", () => {
  test.each(["001", "003", "004"])("seed %s holds no tender amounts", (prefix) => {
    const r = parseNotice(seed(prefix));
    expect(r).toEqual({ ok: false, error: "No tender amounts found in the text.", notes: [] });
  });

  test("seed 002: the £5.1m council spending and the magazine prices are never lots", () => {
    const r = parseNotice(seed("002"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe("No tender amounts found in the text.");
    expect(r.notes).toHaveLength(3);
    expect(r.notes[0]).toBe(
      "£5.1m was not read as a tender amount (spending, not a tender amount): “…that and we have already allocated an extra £5.1m into improving children's social care in Worcestershire…”.",
    );
    expect(r.notes[1]).toMatch(/^£15 was not read as a tender amount \(a rate that is not per day\)/);
    expect(r.notes[2]).toMatch(/^£12 was not read as a tender amount/);
  });

  test("seed 002 with a reference date still gives no lots", () => {
    const r = parseNotice(seed("002"), { referenceDate: "2017-09-19" });
    expect(r.ok).toBe(false);
  });
});

/**
 * Issue #20: "the tool must read back any workbook it writes". A tender of 2,000 lots written by
 * `check --out x.xlsx` reads back through `check x.xlsx` as the same tender, with the same
 * allocation and totals. (The 100,000-lot workbook, minutes to write and read, is read back in the
 * benchmark: bench/readback.ts, `npm run bench`.)
 */
import { writeFileSync } from "node:fs";
import { run, scratch } from "../hostile/run";

/** A tender file of `n` lots: awkward names, own day rates, half days, stated values and dates. */
function tenderFile(n: number): object {
  const names = ["=SUM(1,2)", "King’s Lynn", 'a "quoted" lot', "Total", " padded", "+44 line", "😀"];
  return {
    title: "Read-back tender",
    buyer: "Department for Education",
    statedTotal: "£12,345,678",
    dayRate: 650,
    closingDate: "2024-01-31",
    startDate: "2024-03-01",
    endDate: "2025-02-28",
    lots: Array.from({ length: n }, (_, i) => ({
      name: `${names[i % names.length]} ${i + 1}`,
      ...(i % 3 === 0 ? { dayRate: 500 + (i % 9) * 25 } : {}),
      ...(i % 11 === 0 ? { statedValue: 9_999.99 } : { days: (i % 40) + (i % 4 === 0 ? 0.5 : 1) }),
      ...(i % 5 === 0 ? { startDate: "2024-04-01", endDate: "2024-09-30" } : {}),
    })),
  };
}

describe("a workbook the command writes reads back", () => {
  it("2,000 lots: the same tender, allocation and totals", async () => {
    const s = scratch();
    try {
      writeFileSync(s.path("t.json"), JSON.stringify(tenderFile(2_000)));
      const wrote = await run(["check", s.path("t.json"), "--json", "--out", s.path("t.xlsx")]);
      expect(wrote.stderr).toContain("wrote");
      const read = await run(["check", s.path("t.xlsx"), "--json"]);
      expect(read.stderr).toBe("");
      expect(read.code).toBe(wrote.code);
      const before = JSON.parse(wrote.stdout);
      const after = JSON.parse(read.stdout);
      expect(after.tender.lots).toHaveLength(2_000);
      expect(after.tender).toEqual(before.tender);
      expect(after.lines).toEqual(before.lines);
      expect(after.totals).toEqual(before.totals);
      expect(after.findings.map((f: { code: string }) => f.code)).toEqual(
        before.findings.map((f: { code: string }) => f.code),
      );
    } finally {
      s.done();
    }
  }, 180_000);
});

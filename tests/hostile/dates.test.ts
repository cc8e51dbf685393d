/**
 * Issue #20, crashes: dates near 9999 ("startDate": "9999-12-31", --start 9999-12-31, an invoice
 * in 9999) ended in "unexpected failure: Not a calendar date "10000-01-01"" when phasing or working
 * days ran past the last four-digit year. The dates Tender Budget works with are 1 January 1900
 * (Excel's first date: https://support.microsoft.com/office/date-systems-in-excel) to
 * 31 December 2199: each end is accepted and checked in full, the day beyond is refused naming the
 * field and the range.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { DATE_RANGE } from "../../src/domain/core/calendar";
import { checkTender } from "../../src/domain/check/check";
import { parseTender } from "../../src/domain/check/tender";
import { readTableDate } from "../../src/domain/tables/table-cells";
import { EXAMPLE_JSON, INVOICES, run, scratch } from "./run";

const example = (): Record<string, unknown> => JSON.parse(readFileSync(EXAMPLE_JSON, "utf8"));
const RANGE = "is outside the dates Tender Budget works with: 1 January 1900 to 31 December 2199";

describe("the dates Tender Budget works with", () => {
  test("are 1 January 1900 to 31 December 2199", () => {
    expect(DATE_RANGE).toEqual({ first: "1900-01-01", last: "2199-12-31" });
  });

  test.each([
    ["startDate", "2199-12-31"],
    ["closingDate", "1900-01-01"],
  ])("a tender with %s %s, an end of the range, is read and checked in full", (field, date) => {
    const input = { ...example(), [field]: date };
    if (field === "startDate") delete input.endDate;
    const tender = parseTender(input);
    expect(tender.ok).toBe(true);
    if (!tender.ok) return;
    // Phasing 361 days of work from the last day: into 2201, and nothing throws.
    const report = checkTender(tender.value);
    expect(report.allocation.total).toBe(346_560_00);
  });

  test.each([
    ["startDate", "9999-12-31"],
    ["startDate", "2200-01-01"],
    ["endDate", "1899-12-31"],
  ])("%s %s is refused, naming the field and the range", (field, date) => {
    const tender = parseTender({ ...example(), [field]: date });
    expect(tender.ok).toBe(false);
    expect(!tender.ok && tender.errors).toContainEqual({ path: field, message: `"${date}" ${RANGE}` });
  });

  test("a date typed in a table or an option: the same range", () => {
    expect(readTableDate("31/12/2199")).toEqual({ ok: true, value: "2199-12-31" });
    const late = readTableDate("01/01/2200");
    expect(!late.ok && late.message).toMatch(/^"01\/01\/2200" is outside the dates Tender Budget works with/);
  });
});

describe("on the command line", () => {
  test("--start 9999-12-31: exit 2 naming the option, not an unexpected failure", async () => {
    const r = await run(["check", EXAMPLE_JSON, "--start", "9999-12-31"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--start: "9999-12-31" ${RANGE}`);
    expect(r.stderr).not.toContain("unexpected failure");
  });

  test('a tender file with "startDate": "9999-12-31": exit 2 naming the field', async () => {
    const dir = scratch();
    try {
      const file = dir.path("far.json");
      writeFileSync(file, JSON.stringify({ ...example(), startDate: "9999-12-31", endDate: undefined }));
      const r = await run(["check", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`startDate: "9999-12-31" ${RANGE}`);
    } finally {
      dir.done();
    }
  });

  test("an invoice dated in 9999: exit 2 naming its row, not an unexpected failure", async () => {
    const dir = scratch();
    try {
      const lines = readFileSync(INVOICES, "utf8").split(/\r?\n/);
      lines[1] = lines[1].replace(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/, "31/12/9999");
      const file = dir.path("invoices.csv");
      writeFileSync(file, lines.join("\n"));
      const r = await run(["check", EXAMPLE_JSON, "--actuals", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"31/12/9999" ${RANGE}`);
      expect(r.stderr).not.toContain("unexpected failure");
    } finally {
      dir.done();
    }
  });
});

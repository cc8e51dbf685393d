/**
 * Issue #20, output safety: a table whose cells are split by a character Tender Budget does not
 * split on (pipes) is refused naming what it saw, by each reader of tables: the lots table, the
 * tender CSV and the invoices (all find the separator with tables/csv's detectSeparator and word
 * the refusal with describeTableText), on the command line and in the engine the pane uses.
 */
import { writeFileSync } from "node:fs";
import { readTenderFile } from "../../src/domain/formats/tender-file";
import { EXAMPLE_JSON, run, scratch, snapshot } from "./run";

const PIPES = "which holds pipes (|) where cells would be";

const LOTS = "Lot|Day rate|Days\nBarnet|960|112\nKirklees|960|51\n";
const TENDER =
  "Title|DfE commissioners 2017\nBuyer|Department for Education\n\nLot|Day rate|Days\nBarnet|960|112\n";
const TENDER_LOTS =
  "Title,DfE commissioners 2017\nBuyer,Department for Education\n\nLot|Day rate|Days\nBarnet|960|112\n";
const INVOICES = "Lot|Invoice number|Invoice date|Amount\nBarnet|BAR-001|2017-09-30|9600\n";

describe("a table split by pipes is refused naming the pipes", () => {
  it.each([
    ["a lots table", "lots.csv", LOTS],
    ["a tender CSV", "dfe.tender.csv", TENDER],
    ["a tender CSV whose lots table alone is split by pipes", "dfe.tender.csv", TENDER_LOTS],
  ])("%s, on the command line and in the engine", async (_what, name, text) => {
    const s = scratch();
    try {
      writeFileSync(s.path(name), text);
      const before = snapshot(s.dir);
      const r = await run(["check", s.path(name)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("it was read with commas between cells");
      expect(r.stderr).toContain(PIPES);
      expect(snapshot(s.dir)).toEqual(before);
      const read = await readTenderFile(name, new TextEncoder().encode(text));
      expect(read.ok ? "read" : JSON.stringify(read.errors)).toContain(PIPES);
    } finally {
      s.done();
    }
  });

  it("invoices given with --actuals", async () => {
    const s = scratch();
    try {
      writeFileSync(s.path("invoices.csv"), INVOICES);
      const r = await run(["check", EXAMPLE_JSON, "--actuals", s.path("invoices.csv")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("no header row found in the invoices file");
      expect(r.stderr).toContain(PIPES);
    } finally {
      s.done();
    }
  });

  it("a table with semicolons or tabs is read, not refused", async () => {
    for (const sep of [";", "\t"]) {
      const text = LOTS.replace(/\|/g, sep);
      const read = await readTenderFile("lots.csv", new TextEncoder().encode(text));
      expect(read.ok && read.value.tender.lots.map((l) => l.days)).toEqual([112, 51]);
    }
  });
});

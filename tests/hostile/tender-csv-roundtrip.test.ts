/**
 * Issue #20, wrong results: a `.tender.csv` the command writes always reads back as the same tender,
 * whatever the lots are called ("Total", "Grand total", "+SUM(1,2)" could not be read back). The
 * writer is the command's (`tenderToCsv`, what `--out x.tender.csv` writes, as UTF-8 bytes); the
 * reader is the one the command and the pane open files with (`readTenderFile`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { isVisibleName, nameKey } from "../../src/domain/core/names";
import type { Tender } from "../../src/domain/core/types";
import { tenderToCsv } from "../../src/domain/formats/csv-export";
import { readTenderFile } from "../../src/domain/formats/tender-file";
import { dfeTender } from "../support/tenders";
import { EXAMPLE_JSON, run, scratch } from "./run";

/** Names a user or a published notice gives a lot that a table reader may take for something else. */
const AWKWARD_NAMES = [
  "Total",
  "Grand total",
  "total",
  "TOTAL",
  "Sub-total",
  "Totals",
  "+SUM(1,2)",
  "=1+1",
  "-3",
  "@x",
  "'quoted",
  "''",
  "Barnet, Enfield",
  'The "North" lot',
  "Line one\nline two",
  "Line one\r\nline two",
  " leading space",
  "trailing space ",
  "Tab\there",
  "Semi;colon",
  "Pipe|name",
  "Lot",
  "Day rate",
  "Days",
  "Title",
  "Stated value",
  "Ynys Môn",
  "Київ",
  "東京都",
  "مانشستر",
  "1",
  "0.5",
  "£107,520",
  "31/07/2017",
  "#N/A",
  "TRUE",
];

const BYTES = new TextEncoder();

async function readBack(csv: string): Promise<Tender> {
  const read = await readTenderFile("lots.tender.csv", BYTES.encode(csv));
  if (!read.ok) throw new Error(`not read back: ${JSON.stringify(read.errors)}\n${csv}`);
  return read.value.tender;
}

/** The DfE 2017 tender with these lot names (and title). */
function tenderWith(names: readonly string[], title = "DfE commissioners 2017"): Tender {
  const base = dfeTender();
  return { ...base, title, lots: names.map((name, i) => ({ ...base.lots[i % base.lots.length], name })) };
}

/** Names a tender can have: each shows something, no two the same as people mean them. */
const acceptable = (names: readonly string[]): boolean =>
  names.every(isVisibleName) && new Set(names.map(nameKey)).size === names.length;

describe("a tender CSV the command writes reads back as the same tender", () => {
  it.each(AWKWARD_NAMES.map((n) => [JSON.stringify(n), n]))("a lot named %s", async (_shown, name) => {
    const tender = tenderWith(["Barnet", name]);
    expect(await readBack(tenderToCsv(tender))).toEqual(tender);
  });

  it("any lot names and title (fast-check: awkward names, any text, Unicode)", async () => {
    const name = fc.oneof(
      fc.constantFrom(...AWKWARD_NAMES),
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
      fc.string({
        unit: fc.constantFrom(",", ";", "\t", '"', "\n", " ", "=", "+", "-", "@", "'", "a", "T"),
        minLength: 1,
        maxLength: 10,
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 5 }),
        fc.oneof(fc.constantFrom("Total", "a;b;c", "x\ty", "=1+1", ""), fc.string({ maxLength: 10 })),
        async (names, title) => {
          fc.pre(acceptable(names));
          const tender = tenderWith(names, title);
          expect(await readBack(tenderToCsv(tender))).toEqual(tender);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("through the command: check in.json --out x.tender.csv, and x.tender.csv holds in.json's tender", async () => {
    const s = scratch();
    try {
      const input = JSON.parse(readFileSync(EXAMPLE_JSON, "utf8"));
      const names = ["Total", "Grand total", "+SUM(1,2)", "Barnet, Enfield\nNorth"];
      input.lots.forEach((lot: { name: string }, i: number) => (lot.name = names[i]));
      writeFileSync(s.path("in.json"), JSON.stringify(input));
      const out = await run(["check", s.path("in.json"), "--out", s.path("x.tender.csv")]);
      expect(out.code).toBe(1); // 1: the DfE lots do not add to £346,000
      expect(out.stderr).toContain("x.tender.csv: the tender (its details, then the lots) as CSV");
      const written = await readTenderFile("in.json", readFileSync(s.path("in.json")));
      const back = await readTenderFile("x.tender.csv", readFileSync(s.path("x.tender.csv")));
      expect(back.ok && back.value.tender).toEqual(written.ok && written.value.tender);
      expect(back.ok && back.value.tender.lots.map((l) => l.name)).toEqual(names);
      const again = await run(["check", s.path("x.tender.csv"), "--json"]);
      expect([again.code, again.stderr]).toEqual([1, ""]);
      expect(JSON.parse(again.stdout).tender.lots.map((l: { name: string }) => l.name)).toEqual(names);
    } finally {
      s.done();
    }
  }, 30_000);
});

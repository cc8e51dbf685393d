/** The pure parts of the workbook layer: addresses, request blocks, kept state, highlight bookkeeping. */
import fc from "fast-check";
import {
  columnIndex,
  columnLetter,
  parseAddress,
  qualified,
  rangeAddress,
  surroundingRegion,
  uniqueSheetName,
  uniqueTableName,
} from "../../src/workbook/a1";
import { blocksOf, rowBytes } from "../../src/workbook/service/blocks";
import { highlightsToXml, stateToXml, xmlToHighlights, xmlToState } from "../../src/workbook/state";
import { chooseTarget, HIGHLIGHT_FILL, nextHighlights } from "../../src/workbook/targets";
import { reportView } from "../../src/domain/formats/report-view";
import { checkTender } from "../../src/domain/check/check";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";

describe("A1 addresses", () => {
  test("column letters", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetter(c)) === c));
  });

  test("sheet names are quoted when they need it, and parse back", () => {
    expect(qualified("Tender", "C7")).toBe("Tender!C7");
    expect(qualified("Allocation (2)", "A1")).toBe("'Allocation (2)'!A1");
    expect(qualified("Bob's lots", "A1:B2")).toBe("'Bob''s lots'!A1:B2");
    expect(parseAddress("'Bob''s lots'!$A$1:B2")).toEqual({
      sheet: "Bob's lots",
      rect: { r0: 0, c0: 0, r1: 1, c1: 1 },
    });
    expect(parseAddress("C7")).toEqual({ sheet: undefined, rect: { r0: 6, c0: 2, r1: 6, c1: 2 } });
    expect(parseAddress("not an address")).toBeUndefined();
    expect(rangeAddress({ r0: 16, c0: 0, r1: 21, c1: 8 }, true)).toBe("$A$17:$I$22");
  });

  test("a name clash gives (2), (3)…, whatever the case; table names are made valid", () => {
    expect(uniqueSheetName("Allocation", ["Sheet1"])).toBe("Allocation");
    expect(uniqueSheetName("Allocation", ["allocation", "Allocation (2)"])).toBe("Allocation (3)");
    expect(uniqueSheetName("A".repeat(31), ["A".repeat(31)])).toBe(`${"A".repeat(27)} (2)`);
    expect(uniqueTableName("Tender summary", ["Tender_summary"])).toBe("Tender_summary_2");
    expect(uniqueTableName("2017 lots", [])).toBe("_2017_lots");
  });

  test("the current region grows over filled neighbours only", () => {
    const filled = new Set(["1,1", "1,2", "2,1", "2,2", "3,2", "6,6"]);
    expect(surroundingRegion((r, c) => filled.has(`${r},${c}`), 1, 1)).toEqual({
      r0: 1,
      c0: 1,
      r1: 3,
      c1: 2,
    });
  });
});

describe("request blocks", () => {
  test("blocks cover every row once, in order, each within the budget", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)),
            { maxLength: 6 },
          ),
          {
            maxLength: 300,
          },
        ),
        fc.integer({ min: 50, max: 2000 }),
        (rows, budget) => {
          const blocks = blocksOf(rows, budget);
          let next = 0;
          for (const [s, e] of blocks) {
            expect(s).toBe(next);
            expect(e).toBeGreaterThan(s);
            const size = rows.slice(s, e).reduce((n, r) => n + rowBytes(r), 0);
            // A block holds more than one row only when they fit the budget together.
            if (e - s > 1) expect(size).toBeLessThanOrEqual(budget);
            next = e;
          }
          expect(next).toBe(rows.length);
        },
      ),
    );
  });

  test("a row's size is its JSON's UTF-8 bytes (within the separators)", () => {
    const row = ["Lot £1", 450, null, 'say "hi"'];
    expect(rowBytes(row)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(row), "utf8"));
    expect(rowBytes(row)).toBeLessThanOrEqual(
      Buffer.byteLength(JSON.stringify(row), "utf8") + row.length + 3,
    );
  });
});

describe("state kept in the workbook", () => {
  test("the tender and choices round-trip through the custom XML part, escaping what XML needs", () => {
    const tender = { ...DFE_2017_TENDER, title: "Lots <A> & <B>", buyer: "O'Neil & Sons" };
    const state = { tender, choices: { phasing: "quarter", days: 4 } };
    const xml = stateToXml(state);
    expect(xml).toContain('xmlns="urn:tender-budget:state:v1"');
    expect(xml).toContain("Lots &lt;A&gt; &amp; &lt;B&gt;");
    expect(xmlToState(xml)).toEqual({ ok: true, value: state });
  });

  test("a newer or damaged record is a clear error", () => {
    expect(xmlToState('<tenderBudget version="2">{}</tenderBudget>')).toEqual({
      ok: false,
      errors: [{ path: "workbook", message: expect.stringContaining("newer version of Tender Budget") }],
    });
    expect(xmlToState('<tenderBudget version="1">{oops</tenderBudget>')).toEqual({
      ok: false,
      errors: [{ path: "workbook", message: expect.stringContaining("is damaged") }],
    });
    expect(xmlToHighlights(highlightsToXml([{ address: "Tender!B5", previousFill: "#FFFF00" }]))).toEqual({
      ok: true,
      value: [{ address: "Tender!B5", previousFill: "#FFFF00" }],
    });
  });
});

describe("highlights and targets", () => {
  test("a cell highlighted again keeps the fill recorded the first time", () => {
    const fills: Record<string, string | undefined> = {
      "Tender!B5": HIGHLIGHT_FILL,
      "Tender!C15": "#00FF00",
    };
    const next = nextHighlights(
      [{ address: "tender!$B$5", previousFill: "#FFFF00" }],
      ["Tender!B5", "Tender!C15"],
      (a) => fills[a],
    );
    expect(next).toEqual([
      { address: "Tender!B5", previousFill: "#FFFF00" },
      { address: "Tender!C15", previousFill: "#00FF00" },
    ]);
  });

  test("the add-in's own sheet is replaced; a user's sheet of the same name never is", () => {
    expect(chooseTarget("allocation", [{ name: "Allocation" }])).toEqual({ name: "Allocation (2)" });
    expect(
      chooseTarget("allocation", [{ name: "Allocation" }, { name: "My allocation", owner: "allocation" }]),
    ).toEqual({ name: "My allocation", replaces: "My allocation" });
    expect(chooseTarget("summary", [{ name: "Tender summary", owner: "summary" }], false)).toEqual({
      name: "Tender summary (2)",
    });
  });

  test("quarters read as people say them", () => {
    const quarters = reportView(checkTender(DFE_2017_TENDER)).phasing.quarters;
    expect(quarters.map((q) => q.label)).toEqual([
      "Q2 2017/18 (Jul–Sep)",
      "Q3 2017/18 (Oct–Dec)",
      "Q4 2017/18 (Jan–Mar)",
    ]);
  });
});

import fc from "fast-check";
import { allocate } from "../../../src/domain/check/allocation";
import { parseCsv } from "../../../src/domain/tables/csv";
import {
  allocationToCsv,
  CSV_BOM,
  csvTextField,
  csvToTender,
  findingsToCsv,
  neutraliseFormulaText,
  poundsField,
  restoreFormulaText,
  tenderToCsv,
} from "../../../src/domain/formats/csv-export";
import type { Finding, Tender } from "../../../src/domain/core/types";
import { dfeTender, tenderArb, trickyText } from "./arbitraries";
import { eachGives } from "../../support/cases";
import { dfeNamed, HYPERLINK } from "../../support/tenders";

/** The records of an export, after checking it is BOM + CRLF-terminated RFC 4180. */
function records(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function readBack(csv: string): Tender {
  const result = csvToTender(csv);
  if (!result.ok) throw new Error(`csvToTender failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** No field a spreadsheet would take for a formula: only plain numbers may start with "-". */
function expectNoFormulaFields(rows: string[][]): void {
  for (const row of rows) {
    for (const f of row) {
      if (/^[=+@\t\r]/.test(f)) throw new Error(`field starts like a formula: ${JSON.stringify(f)}`);
      if (f.startsWith("-") && !/^-\d+(\.\d+)?$/.test(f))
        throw new Error(`field starts with "-": ${JSON.stringify(f)}`);
    }
  }
}

describe("formula injection (OWASP CSV injection)", () => {
  test.each([
    ["=1+2", "'=1+2"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-560", "'-560"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["'=1+2", "''=1+2"],
    ["''x", "'''x"],
    ["'plain", "'plain"],
    ["Barnet", "Barnet"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j is written %j and read back", (text, safe) => {
    expect(neutraliseFormulaText(text)).toBe(safe);
    expect(restoreFormulaText(safe)).toBe(text);
  });

  test("a neutralised cell is quoted; quotes inside are doubled", () => {
    expect(csvTextField(HYPERLINK)).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvTextField("a,b")).toBe('"a,b"');
    expect(csvTextField("a;b")).toBe('"a;b"');
    expect(csvTextField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvTextField(" padded ")).toBe('" padded "');
    expect(csvTextField("Barnet")).toBe("Barnet");
  });

  test("restore undoes neutralise for any text", () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string()), (s) => {
        expect(restoreFormulaText(neutraliseFormulaText(s))).toBe(s);
        expect(neutraliseFormulaText(s)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe("money in pounds as plain numbers", () => {
  eachGives("%d pence is %s", poundsField, [
    [10_752_000, "107520.00"],
    [-56_000, "-560.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [0, "0.00"],
    [123_456_789_01, "123456789.01"],
  ]);
});

describe("findings as CSV", () => {
  const findings: Finding[] = [
    {
      code: "TOTAL_MISMATCH",
      severity: "error",
      message: "The lots add up to £346,560.00, £560.00 more than the stated total of £346,000.00.",
      path: "statedTotal",
    },
    {
      code: "RATE_INFERRED",
      severity: "info",
      message: "-> day rate £960.00, inferred",
      path: "lots[0].dayRate",
    },
  ];

  test("one row per finding under Severity, Code, Field, Message", () => {
    const csv = findingsToCsv(findings);
    expect(csv).toBe(
      CSV_BOM +
        "Severity,Code,Field,Message\r\n" +
        'error,TOTAL_MISMATCH,statedTotal,"The lots add up to £346,560.00, £560.00 more than the stated total of £346,000.00."\r\n' +
        `info,RATE_INFERRED,lots[0].dayRate,"'-> day rate £960.00, inferred"\r\n`,
    );
    expect(records(csv).slice(1)).toEqual([
      ["error", "TOTAL_MISMATCH", "statedTotal", findings[0].message],
      ["info", "RATE_INFERRED", "lots[0].dayRate", "'" + findings[1].message],
    ]);
  });

  test("no findings: the header alone", () => {
    expect(findingsToCsv([])).toBe(CSV_BOM + "Severity,Code,Field,Message\r\n");
  });
});

describe("the allocation as CSV", () => {
  test("the DfE tender: inferred £960 a day, 112/51/99/99 days, £560 over the stated total", () => {
    const tender = dfeTender();
    const csv = allocationToCsv({ tender, allocation: allocate(tender) });
    const inferred =
      '"day rate inferred from the stated values; days worked out from the stated value at the day rate"';
    expect(csv).toBe(
      CSV_BOM +
        [
          "Lot,Day rate,Days,Value,Stated value,Variance,Share (%),Start date,End date,Notes",
          `Barnet,960.00,112,107520.00,107520.00,,31.02,2017-08-31,,${inferred}`,
          `Kirklees,960.00,51,48960.00,48960.00,,14.13,2017-08-31,,${inferred}`,
          `Reading,960.00,99,95040.00,95040.00,,27.42,2017-08-31,,${inferred}`,
          `Worcestershire,960.00,99,95040.00,95040.00,,27.42,2017-08-31,,${inferred}`,
          "Total,,361,346560.00,346000.00,560.00,100,2017-08-31,,variance +0.16% of the stated total",
          "VAT at 20%,,,69312.00,,,,,,",
          "Total inc VAT,,,415872.00,,,,,,",
        ].join("\r\n") +
        "\r\n",
    );
  });

  test("a negative variance stays a number; a formula-like lot name is text", () => {
    const tender = dfeNamed([HYPERLINK, "-Kirklees", "Reading", "Worcestershire"]);
    const csv = allocationToCsv({ tender, allocation: allocate(tender) });
    const rows = records(csv);
    expectNoFormulaFields(rows);
    expect(csv).toContain(
      `\r\n"'=HYPERLINK(""http://x"",""click"")",960.00,112,107520.00,108080.00,-560.00,`,
    );
    expect(rows[1][0]).toBe("'" + HYPERLINK);
    expect(rows[2][0]).toBe("'-Kirklees");
    expect(rows[5].slice(0, 6)).toEqual(["Total", "", "361", "346560.00", "347120.00", "-560.00"]);
    expect(rows[5][9]).toBe("variance -0.16% of the stated total");
  });

  test("no field of any allocation export starts like a formula", () => {
    fc.assert(
      fc.property(tenderArb, (tender) => {
        expectNoFormulaFields(records(allocationToCsv({ tender, allocation: allocate(tender) })));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the tender as CSV, and back", () => {
  test("the DfE tender: details, a blank row, the lots table", () => {
    expect(tenderToCsv(dfeTender())).toBe(
      CSV_BOM +
        [
          "Title,Children's services commissioners: Barnet, Kirklees, Reading and Worcestershire",
          "Buyer,Department for Education",
          "Currency,GBP",
          "Stated total,346000.00",
          "Stated total precision,1000.00",
          "Day rate,",
          "Closing date,2017-07-31",
          "Start date,2017-08-31",
          "End date,",
          "Region,GB-ENG",
          "VAT rate (%),20",
          "",
          "Lot,Day rate,Days,Stated value,Start date,End date",
          "Barnet,,,107520.00,,",
          "Kirklees,,,48960.00,,",
          "Reading,,,95040.00,,",
          "Worcestershire,,,95040.00,,",
        ]
          .join("\r\n")
          .replace(
            "Title,Children's services commissioners: Barnet, Kirklees, Reading and Worcestershire",
            'Title,"Children\'s services commissioners: Barnet, Kirklees, Reading and Worcestershire"',
          ) +
        "\r\n",
    );
    expect(readBack(tenderToCsv(dfeTender()))).toEqual(dfeTender());
  });

  test("round trip: tender → CSV → tender loses nothing, and nothing in it runs as a formula", () => {
    fc.assert(
      fc.property(tenderArb, (tender) => {
        const csv = tenderToCsv(tender);
        expectNoFormulaFields(records(csv));
        expect(readBack(csv)).toEqual(tender);
      }),
      { numRuns: 300 },
    );
  });

  test("a lot named =HYPERLINK(...) survives as text", () => {
    const tender: Tender = { ...dfeTender(), lots: [{ name: HYPERLINK, days: 10, dayRate: 500_00 }] };
    const csv = tenderToCsv(tender);
    expect(csv).toContain(`\r\n"'=HYPERLINK(""http://x"",""click"")",500.00,10,,,\r\n`);
    expect(readBack(csv).lots[0].name).toBe(HYPERLINK);
  });

  test("reads the file after Excel has saved it: £ amounts, UK dates, no BOM, LF line ends", () => {
    const edited = [
      "Title,DfE commissioners",
      "Buyer,Department for Education",
      "Currency,GBP",
      'Stated total,"£346,000"',
      "Stated total precision,",
      "Day rate,",
      "Closing date,31/07/2017",
      "Start date,31/08/2017",
      "End date,",
      "Region,Scotland",
      "VAT rate (%),20%",
      ",",
      "Lot,Day rate,Days,Stated value,Start date,End date",
      'Barnet,,,"£107,520.00",,',
      "'=cmd,£960,12.5,,01/09/2017,30/11/2017",
      "",
    ].join("\n");
    expect(readBack(edited)).toEqual({
      title: "DfE commissioners",
      buyer: "Department for Education",
      currency: "GBP",
      statedTotal: { pence: 346_000_00, precision: 1_000_00 },
      closingDate: "2017-07-31",
      startDate: "2017-08-31",
      region: "GB-SCT",
      vatRate: 20,
      lots: [
        { name: "Barnet", statedValue: 107_520_00 },
        { name: "=cmd", dayRate: 960_00, days: 12.5, startDate: "2017-09-01", endDate: "2017-11-30" },
      ],
    });
  });

  test("a bare lots table reads as a tender with the defaults, its names tidied", () => {
    expect(
      readBack('Council,Stated value,Start date\r\n"  Barnet\r\nCouncil ","£107,520",31/08/2017\r\n'),
    ).toEqual({
      title: "",
      buyer: "",
      currency: "GBP",
      region: "GB-ENG",
      vatRate: 20,
      lots: [{ name: "Barnet Council", statedValue: 107_520_00, startDate: "2017-08-31" }],
    });
  });

  describe("problems name the row and column", () => {
    const good = tenderToCsv(dfeTender());
    const errorsOf = (csv: string) => {
      const r = csvToTender(csv);
      if (r.ok) throw new Error("expected errors");
      return r.errors;
    };

    test("a detail that is not one, bad money, a bad date, a bad region, a bad VAT rate", () => {
      const csv = good
        .replace("Stated total,346000.00", "Stated total,1.2.3")
        .replace("Closing date,2017-07-31", "Closing date,2017-02-30")
        .replace("Region,GB-ENG", "Region,Wales and Scotland")
        .replace("VAT rate (%),20", "VAT rate (%),0.2")
        .replace("Currency,GBP", "Colour,GBP");
      const errors = errorsOf(csv);
      expect(errors.map((e) => e.path)).toEqual([
        "row 3, column 1",
        "row 4 (Stated total)",
        "row 7 (Closing date)",
        "row 10 (Region)",
        "row 11 (VAT rate (%))",
      ]);
      expect(errors[0].message).toMatch(/"Colour" is not a tender detail/);
      expect(errors[1].message).toMatch(/"1.2.3" is not an amount/);
      expect(errors[2].message).toMatch(/February 2017 has 28 days/);
    });

    test("without a Title or Buyer row the tender has an empty title or buyer, as in a tender file", () => {
      const read = readBack(good.replace(/Title,[^\r]*\r\n/, "").replace(/Buyer,[^\r]*\r\n/, ""));
      expect(read).toEqual({ ...dfeTender(), title: "", buyer: "" });
    });

    test("a lot cell names its row and column header", () => {
      const errors = errorsOf(good.replace("Kirklees,,,48960.00,,", "Kirklees,,-3,48960.00,,"));
      expect(errors).toEqual([{ path: 'row 15, column "Days"', message: expect.stringMatching(/negative/) }]);
    });

    test("a duplicate lot and a CSV quoting error", () => {
      expect(errorsOf(good.replace("Reading,,,", "barnet,,,"))[0].path).toBe('row 16, column "Lot"');
      expect(errorsOf(good.replace("Reading,,,", '"Reading,,,'))[0].path).toMatch(/^line 16/);
    });
  });
});

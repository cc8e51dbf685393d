import { describePath, listProblems } from "../../src/taskpane/problems";
import { readLotsCsv, readNoticeText, readJsonFile, readPastedText } from "../../src/taskpane/sources";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ocdsToTender, tenderToOcds } from "../../src/domain/formats/ocds";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { PaneError } from "../../src/taskpane/use-task";

const NOTICE = `Commissioners sought for four councils
26 July 2017
The Department for Education is looking for children's services commissioners. A total of £346,000 has
been set aside: £107,520 in Barnet, £48,960 in Kirklees and £95,040 in both Reading and Worcestershire.
The closing date for applications is 31 July, with contracts due to commence from 31 August.`;

describe("readNoticeText", () => {
  it("reads the lots, the stated total and the dates from a notice, saying where each came from", async () => {
    const loaded = await readNoticeText(NOTICE);
    expect(loaded.source).toBe("the tender notice");
    expect(loaded.tender.statedTotal?.pence).toBe(34_600_000);
    expect(loaded.tender.closingDate).toBe("2017-07-31");
    expect(loaded.tender.startDate).toBe("2017-08-31");
    expect(loaded.tender.lots.map((l) => [l.name, l.statedValue])).toEqual([
      ["Barnet", 10_752_000],
      ["Kirklees", 4_896_000],
      ["Reading", 9_504_000],
      ["Worcestershire", 9_504_000],
    ]);
    expect(loaded.hints?.statedTotal).toMatch(/^From the notice: “A total of £346,000/);
    expect(loaded.hints?.["lots[3].statedValue"]).toMatch(/£95,040 in both Reading and Worcestershire/);
  });

  it("says so plainly when the text holds no tender", async () => {
    const error = await readNoticeText("The council met on Tuesday to discuss parking.").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PaneError);
    expect((error as PaneError).title).toBe("No tender found in the notice");
    expect((error as PaneError).detail).toContain("No tender amounts found in the text.");
  });
});

describe("tables and files", () => {
  it("reads a lots table pasted from Excel (tab separated)", async () => {
    const loaded = await readPastedText("Lot\tDay rate\tDays\r\nSandwell\t£720\t60\r\nCroydon\t850\t40\r\n");
    expect(loaded.tender.lots).toEqual([
      { name: "Sandwell", dayRate: 72_000, days: 60 },
      { name: "Croydon", dayRate: 85_000, days: 40 },
    ]);
    expect(loaded.notes[0]).toMatch(/only the lots/);
  });

  it("reads a CSV lots table and names the cell of a problem", () => {
    const loaded = readLotsCsv('Council,Stated value\nBarnet,"£107,520"\n', "dfe lots.csv");
    expect(loaded.tender.title).toBe("dfe lots");
    expect(loaded.tender.lots[0].statedValue).toBe(10_752_000);
    expect(() => readLotsCsv("Council,Days\nBarnet,abc\n", "bad.csv")).toThrow(PaneError);
    try {
      readLotsCsv("Council,Days\nBarnet,abc\n", "bad.csv");
    } catch (e) {
      expect((e as PaneError).detail).toContain('row 2, column "Days"');
      // The table has its header row: the advice is to correct the cell named, not to add a header.
      expect((e as PaneError).next).toMatch(
        /^Correct the table where named above, then save it and open it again\./,
      );
    }
  });

  it("sends an invoices file opened as a tender to Contract tracking", () => {
    const invoices = "Lot,Invoice number,Invoice date,Days,Amount\nBarnet,BAR-001,02/10/2017,10,9600\n";
    try {
      readLotsCsv(invoices, "invoices.csv");
      throw new Error("expected a PaneError");
    } catch (e) {
      expect((e as PaneError).title).toBe("Invoices, not the tender's lots, in invoices.csv");
      expect((e as PaneError).next).toMatch(/open the invoices in step 6, Contract tracking\.$/);
    }
  });

  it("asks for the pasted table to be pasted again once corrected", async () => {
    const error = await readPastedText("Council\tDays\nBarnet\t-5\n").catch((e: unknown) => e);
    expect((error as PaneError).detail).toMatch(/row 2, column "Days": -5 days is negative/);
    expect((error as PaneError).next).toMatch(/^Correct the table where named above, then paste it again\./);
  });

  it("opens an OCDS release package, as the Export step saves it, as the tender it describes", async () => {
    const ocds = JSON.stringify(tenderToOcds(DFE_2017_TENDER, { publishedDate: "2017-07-03" }));
    const loaded = await readJsonFile(ocds, "dfe.ocds.json");
    expect(loaded.tender.lots.map((l) => [l.name, l.statedValue])).toEqual(
      DFE_2017_TENDER.lots.map((l) => [l.name, l.statedValue]),
    );
    expect(loaded.tender.statedTotal).toEqual(DFE_2017_TENDER.statedTotal);
    expect(loaded.tender.closingDate).toBe(DFE_2017_TENDER.closingDate);
    // A tender file still reads as one.
    const plain = await readJsonFile(
      JSON.stringify({ title: "T", lots: [{ name: "A", days: 2 }] }),
      "t.json",
    );
    expect(plain.tender.lots[0].days).toBe(2);
    // An OCDS file the reader refuses says so, naming the OCDS field.
    const error = await readJsonFile(JSON.stringify({ releases: [] }), "empty.json").catch((e: unknown) => e);
    expect((error as PaneError).title).toBe("Could not read the tender in the OCDS file empty.json");
    expect((error as PaneError).detail).toMatch(/^releases: /);
  });

  it("opens a Contracts Finder notice whose lots have no value yet, saying which to fill in", async () => {
    const notice = JSON.parse(
      readFileSync(join(__dirname, "../fixtures/ocds/contracts-finder-dfe-2017.json"), "utf8"),
    );
    const lots = notice.releases[0].tender.lots;
    delete lots[1].value;
    delete lots[3].value;
    const loaded = await readJsonFile(JSON.stringify(notice), "notice.json");
    expect(loaded.tender.lots.map((l) => [l.name, l.statedValue])).toEqual([
      ["Lot 1: Barnet", 10_752_000],
      ["Lot 2: Kirklees", undefined],
      ["Lot 3: Reading", 9_504_000],
      ["Lot 4: Worcestershire", undefined],
    ]);
    expect(loaded.notes).toEqual([
      'The notice gives no value or days for "Lot 2: Kirklees" and "Lot 4: Worcestershire": give each its days (and day rate) or its stated value before building the allocation.',
    ]);
    // The command line still refuses it: it has nothing to check those lots with.
    expect(ocdsToTender(notice).ok).toBe(false);
    for (const lot of lots) delete lot.value;
    expect((await readJsonFile(JSON.stringify(notice), "notice.json")).notes[0]).toMatch(
      /^The notice gives no value or days for any of its 4 lots: give each/,
    );
  });

  it("reads a tender .json and lists its problems in the user's words", async () => {
    const ok = await readJsonFile(
      JSON.stringify({
        title: "T",
        buyer: "B",
        statedTotal: "£1.2m",
        lots: [{ name: "A", statedValue: 1_200_000 }],
      }),
      "t.json",
    );
    expect(ok.tender.statedTotal).toEqual({ pence: 120_000_000, precision: 10_000_000 });
    const error = await readJsonFile(JSON.stringify({ lots: [{ name: "A", days: -1 }] }), "bad.json").catch(
      (e: unknown) => e,
    );
    expect((error as PaneError).title).toBe("bad.json is not a tender Tender Budget can use");
    expect((error as PaneError).detail).toMatch(/^Lot 1 days: /);
    await expect(readJsonFile("{ nope", "x.json")).rejects.toThrow(/Could not read x.json/);
  });
});

describe("describing problems", () => {
  it("names fields in the user's words and keeps cell addresses", () => {
    expect(describePath("lots[2].dayRate")).toBe("Lot 3 day rate");
    expect(describePath("lots[0]")).toBe("Lot 1");
    expect(describePath("lots[1].days", ["Barnet", "Kirklees"])).toBe("Kirklees (lot 2) days");
    expect(describePath("lots[1].name", ["Barnet", " "])).toBe("Lot 2 name");
    expect(describePath("statedTotal")).toBe("Stated total");
    expect(describePath("buyerType")).toBe("Buyer type");
    expect(describePath("optionsValue")).toBe("Options value");
    expect(describePath("Tender!C7")).toBe("Tender!C7");
  });

  it("does not name a lot twice when the message already names it", () => {
    const message = 'Lot "Barnet" has neither days nor a stated value; give at least one of them';
    expect(listProblems([{ path: "lots[0]", message }], ["Barnet"])).toBe(message);
    expect(listProblems([{ path: "lots[0]", message: "bad." }], ["Barnet"])).toBe("Barnet (lot 1): bad.");
  });

  it("lists the first five problems and counts the rest", () => {
    const errors = Array.from({ length: 7 }, (_, i) => ({ path: `lots[${i}].days`, message: "bad." }));
    expect(listProblems(errors)).toBe(
      "Lot 1 days: bad. Lot 2 days: bad. Lot 3 days: bad. Lot 4 days: bad. Lot 5 days: bad. …and 2 more.",
    );
  });
});

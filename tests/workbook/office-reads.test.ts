/**
 * The Office.js host reads in blocks of rows: every response stays under Excel on the web's 5 MB, a
 * block Excel could not send (an error, or values === null) is read again in halves, and small tenders
 * take the same syncs as large ones.
 */
// The shared stub of office-addin-manifest lacks the OfficeApp enum office-addin-mock reads.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: jest.requireActual("office-addin-manifest/lib/officeApp").OfficeApp,
}));

import { OfficeMockObject } from "office-addin-mock";
import type { Tender } from "../../src/domain/core/types";
import {
  FIRST_READ_BLOCK_CELLS,
  gridBytes,
  nextReadRows,
  REQUEST_LIMIT_BYTES,
} from "../../src/workbook/service/blocks";
import { OfficeWorkbookPort } from "../../src/workbook/office/office-host";
import { FakeExcel } from "./fake-excel";
import { fakeOfficePort, generatedTender } from "./support";

const officePort = (fake: FakeExcel): OfficeWorkbookPort => fakeOfficePort(fake, { today: "2025-04-01" });

/** 48-character lot names, as a London borough's framework might have. */
function longNamed(n: number): Tender {
  const t = generatedTender(n);
  return {
    ...t,
    lots: t.lots.map((l, i) => ({ ...l, name: `London Borough of Barking and Dagenham, lot ${i + 1}` })),
  };
}

interface Queued {
  target: Record<string, unknown>;
  props: string[];
}

/**
 * Measures the response of every sync from now on (the JSON of each property loaded since the last
 * one). With `limit`, behaves like Excel on the web over its limit: a sync whose response would pass
 * it fails with ResponsePayloadSizeLimitExceeded (`mode: "error"`) or gives `values === null`.
 */
function excelOnTheWeb(
  fake: FakeExcel,
  limit?: { bytes: number; mode: "error" | "null" },
): { responses: number[]; restore: () => void } {
  let queued: Queued[] = [];
  const load = OfficeMockObject.prototype.load;
  const spy = jest.spyOn(OfficeMockObject.prototype, "load").mockImplementation(function (
    this: OfficeMockObject,
    argument?: unknown,
  ) {
    if (typeof argument === "string") {
      const props = argument.split(",").filter((p) => p !== "" && !p.includes("/"));
      queued.push({ target: this as unknown as Record<string, unknown>, props });
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mock's load takes any argument
    return load.call(this, argument as any);
  });
  const context = fake.context as unknown as { sync: () => Promise<void> };
  const sync = context.sync;
  const responses: number[] = [];
  context.sync = async () => {
    await sync();
    const loads = queued;
    queued = [];
    let bytes = 0;
    for (const { target, props } of loads) {
      for (const p of props) bytes += Buffer.byteLength(JSON.stringify(target[p]) ?? "", "utf8");
    }
    responses.push(bytes);
    if (limit && bytes > limit.bytes) {
      if (limit.mode === "error") {
        // A read's limit is the response's: ResponsePayloadSizeLimitExceeded, recognised by its code
        // whatever the language of the message ("Resource limits and performance optimization for
        // Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
        throw Object.assign(new Error("Die Größe der Antwortnutzlast hat den Grenzwert überschritten."), {
          code: "ResponsePayloadSizeLimitExceeded",
        });
      }
      // Not a write: the fake records writes only outside its syncs.
      fake.syncing = true;
      for (const { target, props } of loads) if (props.includes("values")) target.values = null;
      fake.syncing = false;
    }
  };
  return {
    responses,
    restore: () => {
      context.sync = sync;
      spy.mockRestore();
    },
  };
}

async function readSheet(
  tender: Tender,
  limit?: { bytes: number; mode: "error" | "null" },
): Promise<{ read: Awaited<ReturnType<OfficeWorkbookPort["readTender"]>>; responses: number[] }> {
  const fake = new FakeExcel();
  const port = officePort(fake);
  const created = await port.createTenderSheet(tender);
  expect(created.ok).toBe(true);
  const web = excelOnTheWeb(fake, limit);
  try {
    const read = await port.readTender({ from: "tender-sheet" });
    return { read, responses: web.responses };
  } finally {
    web.restore();
  }
}

describe("Office.js host: reads in blocks of rows", () => {
  test("the first block is 100,000 cells; later ones are sized from the bytes per row measured", () => {
    expect(FIRST_READ_BLOCK_CELLS).toBe(100_000);
    const first = { bytesPerRow: 0, maxRows: Number.MAX_SAFE_INTEGER };
    expect(nextReadRows(6, first)).toBe(16_666);
    expect(nextReadRows(200_000, first)).toBe(1);
    // 80 bytes a row: 3 MiB / 80 = 39,321 rows; 8,000 bytes a row: 393.
    expect(nextReadRows(6, { bytesPerRow: 80, maxRows: Number.MAX_SAFE_INTEGER })).toBe(39_321);
    expect(nextReadRows(6, { bytesPerRow: 8_000, maxRows: Number.MAX_SAFE_INTEGER })).toBe(393);
    // Tiny rows are capped at 1,000,000 cells a block; a block that came back too large caps the rows.
    expect(nextReadRows(10, { bytesPerRow: 3, maxRows: Number.MAX_SAFE_INTEGER })).toBe(100_000);
    expect(nextReadRows(6, { bytesPerRow: 80, maxRows: 500 })).toBe(500);
    expect(gridBytes([["ab", 1, null]])).toBe(2 + 3 + 5 + 2 + 5);
  });

  test("100,000 lots with 48-character names: every response under 5 MB, every lot read", async () => {
    const lots = 100_000;
    const tender = longNamed(lots);
    const { read, responses } = await readSheet(tender);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.lots).toHaveLength(lots);
    expect(read.value.lots[0]).toEqual(tender.lots[0]);
    expect(read.value.lots[lots - 1]).toEqual(tender.lots[lots - 1]);
    expect(read.value.lots[54_321].name).toBe("London Borough of Barking and Dagenham, lot 54322");
    // In one response the values would be over 7 MiB: hence the blocks.
    const total = responses.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(7 * 1024 * 1024);
    for (const bytes of responses) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    // Sheets, used range, then 16,666 rows (100,000 cells) and blocks of ~3 MiB: 4 blocks in all.
    expect(responses).toHaveLength(6);
  }, 120_000);

  test("10 lots and 10,000 lots take the same syncs; 10,000 lots come in one response", async () => {
    const small = await readSheet(generatedTender(10));
    const large = await readSheet(generatedTender(10_000));
    expect(small.read.ok && small.read.value.lots.length).toBe(10);
    expect(large.read.ok && large.read.value.lots.length).toBe(10_000);
    expect(small.responses).toHaveLength(3);
    expect(large.responses).toHaveLength(3);
  }, 60_000);

  for (const mode of ["error", "null"] as const) {
    test(`a block Excel cannot send (${mode === "error" ? "size-limit error" : "values === null"}) is read again in halves`, async () => {
      const tender = generatedTender(10_000);
      const limit = 100_000;
      const { read, responses } = await readSheet(tender, { bytes: limit, mode });
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.value.lots).toEqual(tender.lots);
      // Sheets and used range; the whole sheet in one block (~333 KB) and its first half (~166 KB)
      // were refused; then quarters of ~83 KB (and the one row left over), none larger than the limit.
      const [sheets, used, ...blocks] = responses;
      expect(sheets + used).toBeLessThan(100);
      expect(blocks).toHaveLength(7);
      expect(blocks[0]).toBeGreaterThan(330_000);
      expect(blocks[1]).toBeGreaterThan(limit);
      for (const b of blocks.slice(2)) expect(b).toBeLessThanOrEqual(limit);
    }, 60_000);
  }

  test("a single row too large to send is a message naming it, and nothing is read", async () => {
    const tender = generatedTender(20);
    tender.lots[4] = { ...tender.lots[4], name: "x".repeat(32_000) };
    const { read } = await readSheet(tender, { bytes: 30_000, mode: "null" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(1);
    // Lot 5 is on row 19 (the lots table's header is row 14).
    expect(read.errors[0].path).toBe("Tender!A19:G19");
    expect(read.errors[0].message).toMatch(
      /too large for Excel to send in one response.*shorten the long text/,
    );
  }, 60_000);
});

describe("Office.js host: empty sheets", () => {
  /** A sheet the user made and left empty, with a number format in one cell (formats are not values). */
  function emptySheet(fake: FakeExcel, name: string): void {
    fake.addUserSheet(name, []).edit(4, 1).numberFormat = "£#,##0.00";
  }

  test("an empty Tender sheet is a message naming it, not a read of A1", async () => {
    const fake = new FakeExcel();
    emptySheet(fake, "Tender");
    const sync = jest.spyOn(fake.context, "sync");
    expect(await officePort(fake).readTender({ from: "tender-sheet" })).toEqual({
      ok: false,
      errors: [{ path: "Tender!A1", message: "the Tender sheet is empty; fill in the tender and its lots" }],
    });
    // The sheets, then the used range (a null object): no values are loaded.
    expect(sync).toHaveBeenCalledTimes(2);
  });

  test("an empty Actuals sheet is a message naming it", async () => {
    const fake = new FakeExcel();
    emptySheet(fake, "Actuals");
    expect(await officePort(fake).readActuals()).toEqual({
      ok: false,
      errors: [{ path: "Actuals!A1", message: "the Actuals sheet is empty; paste the invoices into it" }],
    });
  });
});

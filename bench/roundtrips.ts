/**
 * Excel round trips: how many times the Office.js host calls context.sync() to read a tender from its
 * Tender sheet and to write an Allocation sheet, and the largest request (what the add-in sends: values,
 * formulas, formats and calls queued before a sync) and response (the values and properties it loaded)
 * of any one sync. Counted on the office-addin-mock Excel the workbook tests use (tests/workbook/
 * fake-excel.ts), which logs each write's serialised size; loaded properties are measured here.
 */
import { OfficeMockObject } from "office-addin-mock";
import { checkTender } from "../src/domain/check/check";
import { REQUEST_LIMIT_BYTES } from "../src/workbook/service/blocks";
import { OfficeWorkbookPort } from "../src/workbook/office/office-host";
import { FakeExcel } from "../tests/workbook/fake-excel";
import { benchTender } from "./tenders";

export interface RoundTrip {
  lots: number;
  /** Lot names of 48 characters rather than "Lot 12345". */
  longNames: boolean;
  syncs: number;
  /** Largest request of one sync, bytes. */
  maxRequest: number;
  /** Largest response of one sync (loaded values and properties as JSON), bytes. */
  maxResponse: number;
  ms: number;
}

export interface RoundTrips {
  read: RoundTrip[];
  write: RoundTrip[];
  limitBytes: number;
}

interface Loaded {
  target: Record<string, unknown>;
  props: string[];
}

/** Every load() on a mock object queued since the last sync, so its response size can be measured. */
let queuedLoads: Loaded[] = [];
const originalLoad = OfficeMockObject.prototype.load;
OfficeMockObject.prototype.load = function (this: OfficeMockObject, argument?: unknown) {
  if (typeof argument === "string") {
    const props = argument
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "" && !p.includes("/"));
    queuedLoads.push({ target: this as unknown as Record<string, unknown>, props });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mock's load takes any load argument
  return originalLoad.call(this, argument as any);
} as typeof OfficeMockObject.prototype.load;

/** Counts syncs and measures each sync's response on a FakeExcel, from now on. */
function meter(fake: FakeExcel): () => { syncs: number; maxRequest: number; maxResponse: number } {
  const context = fake.context as unknown as { sync: () => Promise<void> };
  const sync = context.sync;
  const requestsBefore = fake.requestBytes.length;
  const responses: number[] = [];
  queuedLoads = [];
  context.sync = async () => {
    await sync();
    let bytes = 0;
    for (const { target, props } of queuedLoads) {
      for (const p of props) bytes += Buffer.byteLength(JSON.stringify(target[p]) ?? "", "utf8");
    }
    queuedLoads = [];
    responses.push(bytes);
  };
  return () => {
    const requests = fake.requestBytes.slice(requestsBefore);
    return {
      syncs: responses.length,
      maxRequest: Math.max(0, ...requests),
      maxResponse: Math.max(0, ...responses),
    };
  };
}

function port(fake: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort({
    run: fake.run,
    requirements: FakeExcel.requirements("1.17"),
    today: () => "2025-04-01",
  });
}

async function readTrip(lots: number, longNames: boolean): Promise<RoundTrip> {
  const fake = new FakeExcel();
  const p = port(fake);
  const created = await p.createTenderSheet(benchTender(lots, { longNames }));
  if (!created.ok) throw new Error(`creating the Tender sheet failed: ${JSON.stringify(created.errors)}`);
  const done = meter(fake);
  const start = performance.now();
  const read = await p.readTender({ from: "tender-sheet" });
  const ms = performance.now() - start;
  if (!read.ok) throw new Error(`reading ${lots} lots failed: ${JSON.stringify(read.errors.slice(0, 3))}`);
  if (read.value.lots.length !== lots) throw new Error(`read ${read.value.lots.length} lots, not ${lots}`);
  return { lots, longNames, ...done(), ms };
}

async function writeTrip(lots: number, longNames: boolean): Promise<RoundTrip> {
  const fake = new FakeExcel();
  const report = checkTender(benchTender(lots, { longNames }));
  const done = meter(fake);
  const start = performance.now();
  const written = await port(fake).writeAllocation(report);
  const ms = performance.now() - start;
  if (!written.ok) throw new Error(`writing ${lots} lots failed: ${JSON.stringify(written.errors)}`);
  return { lots, longNames, ...done(), ms };
}

/** Read and write at each size with short names ("Lot 12345"), then at `longNameLots` with long ones. */
export async function measureRoundTrips(
  sizes: readonly number[],
  longNameLots?: number,
): Promise<RoundTrips> {
  const read: RoundTrip[] = [];
  const write: RoundTrip[] = [];
  const cases: [number, boolean][] = sizes.map((n) => [n, false]);
  if (longNameLots !== undefined) cases.push([longNameLots, true]);
  for (const [n, long] of cases) {
    read.push(await readTrip(n, long));
    write.push(await writeTrip(n, long));
  }
  return { read, write, limitBytes: REQUEST_LIMIT_BYTES };
}

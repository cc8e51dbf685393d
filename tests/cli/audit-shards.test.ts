/**
 * The audit's shards (src/cli/audit/shards.ts): releases are spread over temporary shard files
 * by a hash of their ocid and checked one shard at a time, so that memory stays flat. Whatever
 * the number of shards, the audit is the one the engine gives holding every release in memory:
 * the same rows in the same order, the same summary, the same-date releases merged in the order
 * read, the filters, the rows of broken lines; and the temporary folder is gone afterwards.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuditCollector, auditRowToJson, releasesOf, type AuditOptions } from "../../src/domain/audit";
import { main } from "../../src/cli/main";
import { shardOf } from "../../src/cli/audit/shards";

let dir: string;
let temp: string;
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tb-audit-shards-"));
  // The audit's own temporary folder goes here, so the test can see it is removed.
  temp = join(dir, "tmp");
  mkdirSync(temp);
  process.env.TMPDIR = temp;
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * 1,200 processes whose releases are far apart in the file: every process's tender release in
 * the first half, its award (or an amendment on the same date as the tender) in the second half.
 * Differences repeat (ties broken by ocid); every 9th process has two releases with the same date.
 */
function download(): string[] {
  const tenders: string[] = [];
  const later: string[] = [];
  for (let i = 0; i < 1200; i++) {
    const ocid = `ocds-b5fd17-shard-${(i * 7919) % 1200}`;
    const stated = 10_000 + (i % 50) * 100;
    const date = `2024-0${1 + (i % 9)}-1${i % 10}T09:00:00Z`;
    tenders.push(
      JSON.stringify({
        ocid,
        id: `${ocid}-tender`,
        date,
        tag: ["tender"],
        buyer: { name: i % 3 === 0 ? "Kirklees Council" : `Council ${i % 40}` },
        tender: {
          title: `Services ${i}`,
          value: { amount: stated, currency: "GBP" },
          lots: [
            { id: "1", title: "A", value: { amount: 5000, currency: "GBP" } },
            { id: "2", title: "B", value: { amount: stated - 5000 + (i % 4) * 250, currency: "GBP" } },
          ],
        },
      }),
    );
    if (i % 9 === 0) {
      // Same date as the tender: merged last because it is read later, whichever shard it is in.
      later.push(
        JSON.stringify({
          ocid,
          id: `${ocid}-amendment`,
          date,
          tag: ["tenderAmendment"],
          tender: { value: { amount: stated + 1000, currency: "GBP" } },
        }),
      );
    } else if (i % 2 === 0) {
      later.push(
        JSON.stringify({
          ocid,
          id: `${ocid}-award`,
          date: "2024-11-30T09:00:00Z",
          tag: ["award"],
          awards: [{ id: "1", status: "active", value: { amount: stated + (i % 5), currency: "GBP" } }],
        }),
      );
    }
  }
  return [...tenders, "{ this line is broken", ...later, "[1, 2]"];
}

const LINES = download();
const FILE = (): string => join(dir, "download.jsonl");
beforeAll(() => writeFileSync(FILE(), LINES.join("\n") + "\n"));

/** The audit holding every release in memory, as the engine's AuditCollector does. */
function inMemory(options: AuditOptions): { summary: unknown; tenders: unknown[] } {
  const c = new AuditCollector();
  LINES.forEach((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return; // the broken line: compared separately below
    }
    const got = releasesOf(json);
    if (got.ok) for (const { release, context } of got.releases) c.addRelease(release, context, `${i + 1}`);
  });
  const result = c.finish(options);
  return { summary: result.summary, tenders: result.rows.map(auditRowToJson) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function audit(shards: string, ...argv: string[]): Promise<{ code: number; json: any }> {
  let stdout = "";
  const code = await main(["audit", FILE(), "--json", ...argv], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => undefined },
    env: { TENDER_BUDGET_SHARDS: shards, TENDER_BUDGET_WORKERS: "0" },
  });
  return { code, json: JSON.parse(stdout) };
}

describe("shards", () => {
  test("the generated download's ocids are spread over many shards", () => {
    const used = new Set(LINES.slice(0, 1200).map((l) => shardOf(JSON.parse(l).ocid, 64)));
    expect(used.size).toBe(64);
  });

  test.each(["1", "7", "64"])(
    "%s shard(s): the same rows, order and summary as holding every release in memory",
    async (shards) => {
      const { code, json } = await audit(shards);
      const memory = inMemory({});
      const checked = json.tenders.filter((t: { ocid: string | null }) => t.ocid !== null);
      expect(checked).toEqual(memory.tenders);
      expect(checked).toHaveLength(1200);
      expect(json.summary).toMatchObject({ ...(memory.summary as object), unreadable: 2 });
      // Broken lines stay rows naming their line, after the processes.
      expect(json.tenders.slice(1200).map((t: { reason: string }) => t.reason)).toEqual([
        expect.stringMatching(/download\.jsonl line 1201: not JSON/),
        expect.stringMatching(new RegExp(`download\\.jsonl line ${LINES.length}: 1 is not an OCDS release`)),
      ]);
      // A tie of dates: the amendment, read later, wins, and the row says so.
      const tied = json.tenders.find((t: { ocid: string }) => t.ocid === "ocds-b5fd17-shard-0");
      expect(tied.statedTotal).toBe(11_000);
      expect(tied.findings.map((f: { code: string }) => f.code)).toContain("RELEASES_SAME_DATE");
      expect(code).toBe(1);
      expect(readdirSync(temp)).toEqual([]);
    },
    60_000,
  );

  test("--buyer, --from and --to with many shards: the same as in memory", async () => {
    const filters = { buyer: "kirklees", from: "2024-03-01", to: "2024-07-31" };
    const { json } = await audit("13", "--buyer", "kirklees", "--from", "1/3/2024", "--to", "31/7/2024");
    const memory = inMemory({ filters });
    expect(json.tenders.filter((t: { ocid: string | null }) => t.ocid !== null)).toEqual(memory.tenders);
    expect(json.summary.leftOut).toBe((memory.summary as { leftOut: number }).leftOut);
    expect(json.summary.leftOut).toBeGreaterThan(0);
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);
});

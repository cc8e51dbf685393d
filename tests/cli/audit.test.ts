/**
 * `tender-budget audit FILE...`: many tenders at once from downloads of published notices, read
 * streamed (release packages, record packages, arrays, JSON Lines, gzip), with the not-checkable
 * rows for what cannot be read and exit status 0 / 1 / 2.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { AUDIT_COLUMNS } from "../../src/domain/audit/audit";
import { buildCli, ROOT, runCli, runCliJson } from "../support/cli";

const FIXTURES = join(ROOT, "tests", "fixtures", "audit");
const CF = join(FIXTURES, "contracts-finder-search.json");
const FTS = join(FIXTURES, "find-a-tender-feed.jsonl");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tb-audit-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, data: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

const run = (...argv: string[]) => runCli(["audit", ...argv]);
const runJson = (...argv: string[]) => runCliJson(["audit", ...argv]);

const statuses = (json: { tenders: { ocid: string | null; status: string }[] }): [string | null, string][] =>
  json.tenders.map((t) => [t.ocid, t.status]);

describe("a Contracts Finder search download and a Find a Tender feed", () => {
  test("--json: every process, largest difference first, exit 1 for the mismatches", async () => {
    const { code, json, stderr } = await runJson(CF, FTS);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(json.summary).toMatchObject({
      releases: 10,
      tenders: 8,
      statuses: { mismatch: 2, "within-tolerance": 0, rounded: 1, reconciles: 2, "not-checkable": 3 },
      awardAboveEstimate: 2,
      unreadable: 0,
      files: [CF, FTS],
      tolerance: null,
    });
    expect(json.tenders.slice(0, 3).map((t: { difference: number }) => t.difference)).toEqual([
      3600000, 2500, 560,
    ]);
    expect(Object.keys(json.tenders[0])).toEqual([
      "ocid",
      "title",
      "buyer",
      "publishedDate",
      "statedTotal",
      "lotsTotal",
      "difference",
      "differencePercent",
      "awardedTotal",
      "status",
      "reason",
      "findings",
      "url",
    ]);
  });

  test("the text report names the largest differences and the awards above the advertised value", async () => {
    const r = await run(CF);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Audited 5 tenders from 6 releases in 1 file \(\d+\.\d s\)$/m);
    expect(r.stdout).toContain(
      "  mismatch         +£560.00 (+0.16%)            ocds-b5fd17-8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b  Commissioners",
    );
    expect(r.stdout).toContain(
      "Awarded £1,290,000.00, £90,000.00 (7.50%) above the advertised £1,200,000.00.",
    );
  });

  test("exit 0 when no tender is a mismatch: the tolerance boundary, and --buyer", async () => {
    // Find a Tender's patient transport lots are 30.00% over their stated total.
    expect((await run(FTS, "--tolerance-percent", "30")).code).toBe(0);
    expect((await run(FTS, "--tolerance-percent", "29.99")).code).toBe(1);
    const { code, json } = await runJson(CF, "--buyer", "croydon");
    expect([code, statuses(json)]).toEqual([
      0,
      [["ocds-b5fd17-4a4a4a4a-0000-4000-8000-000000000004", "rounded"]],
    ]);
    expect(json.summary.leftOut).toBe(4);
  });

  test("--from and --to keep the tenders first published in those days", async () => {
    const { json } = await runJson(CF, FTS, "--from", "01/03/2024", "--to", "2024-04-15");
    expect(json.tenders.map((t: { publishedDate: string }) => t.publishedDate).sort()).toEqual([
      "2024-03-01",
      "2024-04-15",
    ]);
    expect(json.summary.filters).toEqual({ buyer: null, from: "2024-03-01", to: "2024-04-15" });
  });
});

describe("the shapes of a download", () => {
  const cf = JSON.parse(readFileSync(CF, "utf8"));
  const baseline = async (): Promise<[string | null, string][]> => statuses((await runJson(CF)).json);

  test("a JSON array of releases, a record package, JSON Lines of releases, gzip: the same audit", async () => {
    const want = await baseline();
    const byOcid = new Map<string, unknown[]>();
    for (const r of cf.releases) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
    const records = { uri: cf.uri, records: [...byOcid].map(([ocid, releases]) => ({ ocid, releases })) };
    const jsonl = cf.releases.map((r: unknown) => JSON.stringify(r)).join("\n") + "\n";
    for (const path of [
      file("array.json", JSON.stringify(cf.releases, null, 1)),
      file("records.json", JSON.stringify(records)),
      file("releases.jsonl", jsonl),
      file("releases.jsonl.gz", gzipSync(jsonl)),
      file("package.json.gz", gzipSync(readFileSync(CF))),
      file("one-line-package.json", JSON.stringify(cf)),
    ]) {
      expect([path, statuses((await runJson(path)).json)]).toEqual([path, want]);
    }
  });

  test("a record package whose releases are only linked: its compiled release is audited", async () => {
    const dfe = cf.releases[0];
    const records = {
      records: [
        { ocid: dfe.ocid, releases: [{ url: "x#1", date: dfe.date, tag: ["tender"] }], compiledRelease: dfe },
      ],
    };
    const { json } = await runJson(file("linked.json", JSON.stringify(records)));
    expect(statuses(json)).toEqual([[dfe.ocid, "mismatch"]]);
  });
});

describe("what cannot be read", () => {
  const lines = readFileSync(FTS, "utf8").trimEnd().split("\n");

  test("a broken line of JSON Lines is a not-checkable row naming its line; the audit goes on", async () => {
    const path = file(
      "broken.jsonl",
      [lines[0], '{"ocid": "ocds-h6vhtk-x", "tender": {', lines[1], "", lines[2]].join("\n") + "\n",
    );
    const { code, json } = await runJson(path);
    expect(code).toBe(1);
    expect(json.summary.unreadable).toBe(1);
    const last = json.tenders[json.tenders.length - 1];
    expect(last).toMatchObject({ ocid: null, status: "not-checkable" });
    expect(last.reason).toMatch(
      new RegExp(
        `^${path.replace(/[.]/g, "\\.")} line 2: not JSON \\(.+\\): "\\{\\\\"ocid\\\\": \\\\"ocds-h6vhtk-x`,
      ),
    );
    expect(json.tenders).toHaveLength(4);
  });

  test("a gzip file cut short: reported, with everything read before the break", async () => {
    const many = Array.from({ length: 3000 }, (_, k) =>
      lines[0].replace(/ocds-h6vhtk-03f1a2/g, `ocds-h6vhtk-cut${k}`),
    );
    const whole = gzipSync(Buffer.from(many.join("\n") + "\n"));
    const path = file("cut.jsonl.gz", whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { json } = await runJson(path);
    const last = json.tenders[json.tenders.length - 1];
    expect(last.reason).toMatch(
      new RegExp(
        `^${path.replace(/[.]/g, "\\.")} breaks off after line \\d+: the gzip data ends early \\(unexpected end of file\\)\\. The \\d+ releases before the break were read; the incomplete line \\d+ was left out$`,
      ),
    );
    expect(json.summary.releases).toBeGreaterThan(1000);
    expect(json.summary.releases).toBeLessThan(3000);
  });

  test("a release package cut short: the releases before the cut are audited", async () => {
    const text = readFileSync(CF, "utf8");
    const cut = text.indexOf('"ocid": "ocds-b5fd17-5b5b5b5b');
    const path = file("cut-package.json", text.slice(0, cut));
    const { code, json } = await runJson(path);
    expect(code).toBe(1);
    expect(json.summary.releases).toBe(5);
    expect(json.tenders[json.tenders.length - 1].reason).toMatch(
      / breaks off: the JSON breaks off or is broken \(.+\)\. The 5 releases before the break were read$/,
    );
  });

  test("an empty file, a 0-byte gzip, a file that is not JSON, a missing file: exit 2", async () => {
    for (const [path, message] of [
      [file("empty.jsonl", ""), "is empty: it holds no releases"],
      [file("blank.json", " \n\n"), "is empty: it holds no releases"],
      [file("zero.jsonl.gz", ""), "is empty: it holds no releases"],
      [
        file("lots.csv", "Lot,Day rate\nBarnet,960\n"),
        'is not JSON (it starts "Lot,Day rate"); give OCDS releases or packages as JSON or JSON Lines',
      ],
    ]) {
      const r = await run(path);
      expect([path, r.code, r.stdout]).toEqual([path, 2, ""]);
      expect(r.stderr).toContain(`${path} ${message}`);
      expect(r.stderr).toContain("no release could be read, so there is nothing to audit");
    }
    const missing = await run(CF, join(dir, "nowhere.json"));
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `tender-budget: cannot read ${join(dir, "nowhere.json")}: there is no such file; check the name and folder\n`,
    ]);
  });

  test("an empty file beside a readable one is a row, and the audit goes on", async () => {
    const { code, json } = await runJson(FTS, file("empty2.jsonl", ""));
    expect(code).toBe(1);
    expect(json.tenders[json.tenders.length - 1].reason).toBe(
      `${join(dir, "empty2.jsonl")} is empty: it holds no releases`,
    );
  });

  test("options of check, dates the wrong way round and unknown outputs are refused before reading", async () => {
    const r = await run(
      CF,
      "--stated-total",
      "5",
      "--from",
      "2024-05-01",
      "--to",
      "2024-04-01",
      "--out",
      "a.txt",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "tender-budget: some options are not valid:\n" +
        "  --stated-total: is an option of check; audit reads each tender's own figures (its options are --json, --out, --force, --tolerance, --tolerance-percent, --buyer, --from, --to)\n" +
        "  --to: 2024-04-01 is before --from 2024-05-01; give the earlier date first\n",
    );
    expect(
      (await runCli(["check", "examples/dfe-commissioners-2017.json", "--from", "2024-01-01"])).code,
    ).toBe(2);
    expect((await run(CF, "--out", "a.txt")).stderr).toContain(
      'cannot tell what to write to "a.txt"; end its name with .csv, .xlsx or .json',
    );
    expect((await run(CF, "--out", CF.replace(/json$/, "json"))).stderr).toContain(
      `"${CF}" is a file being audited; write to another file`,
    );
  });
});

describe("--out", () => {
  test("CSV and JSON with the same rows as --json", async () => {
    const csv = join(dir, "audit.csv");
    const out = join(dir, "audit.json");
    const r = await run(CF, "--out", csv, "--out", out);
    expect(r.stderr).toBe(`tender-budget: wrote ${csv}: 5 rows\ntender-budget: wrote ${out}: 5 rows\n`);
    const text = readFileSync(csv, "utf8");
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFOCID,Title,Buyer,Published,Stated total,Lots total,Difference,Difference %,Awarded total,Status,Reason,Findings,Notice",
    );
    expect(text.split("\r\n")).toHaveLength(7);
    expect(JSON.parse(readFileSync(out, "utf8")).tenders).toEqual((await runJson(CF)).json.tenders);
    // An existing file is replaced only with --force.
    const again = await run(FTS, "--out", csv);
    expect([again.code, again.stdout]).toEqual([2, ""]);
    expect(again.stderr).toContain(
      `"${csv}" already exists; add --force to replace it, or write to another file`,
    );
    expect(readFileSync(csv, "utf8")).toBe(text);
    expect((await run(FTS, "--out", csv, "--force")).code).toBe(1);
    expect(readFileSync(csv, "utf8").split("\r\n")).toHaveLength(5);
  });

  test(".xlsx: an Audit sheet holding an Excel Table with filter buttons, £ amounts and a link to each notice", async () => {
    const path = join(dir, "audit.xlsx");
    expect((await run(CF, FTS, "--out", path)).code).toBe(1);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("Audit");
    expect(ws).toBeDefined();
    const table = ws!.getTable("AuditTable") as unknown as {
      table: { tableRef: string; columns: { name: string; filterButton: boolean }[] };
    };
    expect(table.table.tableRef).toBe("A1:N9");
    // The audit's columns (the CSV's too), then the clickable link to each notice.
    expect(table.table.columns.map((c) => c.name)).toEqual([...AUDIT_COLUMNS, "Link"]);
    expect(table.table.columns.find((c) => c.name === "Status")?.filterButton).toBe(true);
    expect(ws!.getCell("A2").value).toBe("ocds-h6vhtk-03f1a2");
    expect(ws!.getCell("G2").value).toBe(3600000);
    expect(ws!.getCell("G2").numFmt).toBe("£#,##0.00");
    expect(ws!.getCell("J2").value).toBe("mismatch");
    expect((ws!.getCell("N2").value as { formula: string }).formula).toBe(
      'IF(M2="","",HYPERLINK(M2,"Open notice"))',
    );
  }, 60_000);
});

describe("the built command on 100,000 releases (bin, worker threads)", () => {
  const BIN = join(ROOT, "bin", "tender-budget.js");
  beforeAll(buildCli, 180_000);

  test("two worker threads give the same audit as one thread, and every release is read", () => {
    // 50,000 processes of two releases each (tender, then award), every 1,000th with lots £1 over;
    // every 10th has an amendment on its tender's date at the end of the file, so that the two
    // releases of a tie are read by different threads, and must still be merged in the order read.
    const out: string[] = [];
    const amendments: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const ocid = `ocds-b5fd17-gen-${i}`;
      const over = i % 1000 === 0 ? 1 : 0;
      out.push(
        JSON.stringify({
          ocid,
          id: `${ocid}-1`,
          date: `2024-0${1 + (i % 9)}-0${1 + (i % 9)}T09:00:00Z`,
          tag: ["tender"],
          buyer: { name: `Council ${i % 300}` },
          tender: {
            title: `Services ${i}`,
            value: { amount: 20000 + i, currency: "GBP" },
            lots: [
              { id: "1", title: "A", value: { amount: 10000, currency: "GBP" } },
              { id: "2", title: "B", value: { amount: 10000 + i + over, currency: "GBP" } },
            ],
          },
        }),
      );
      if (i % 10 === 0) {
        amendments.push(
          JSON.stringify({
            ocid,
            id: `${ocid}-3`,
            date: `2024-0${1 + (i % 9)}-0${1 + (i % 9)}T09:00:00Z`,
            tag: ["tenderAmendment"],
            tender: { value: { amount: 20000 + i, currency: "GBP" } },
          }),
        );
      }
      out.push(
        JSON.stringify({
          ocid,
          id: `${ocid}-2`,
          date: "2024-11-30T09:00:00Z",
          tag: ["award"],
          awards: [
            {
              id: "1",
              status: "active",
              value: { amount: 20000 + i + (i % 7 === 0 ? 5 : 0), currency: "GBP" },
            },
          ],
        }),
      );
    }
    const path = file("100k.jsonl", [...out, ...amendments].join("\n") + "\n");
    const audit = (workers: string): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(process.execPath, [BIN, "audit", path, "--json"], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 512 << 20,
        env: { ...process.env, DEBUG: "", TENDER_BUDGET_WORKERS: workers },
      });
    const two = audit("2");
    const one = audit("0");
    expect(two.stderr).toBe("");
    expect(two.status).toBe(1);
    const json = JSON.parse(two.stdout);
    expect(json.summary).toMatchObject({
      releases: 105_000,
      tenders: 50_000,
      // Lots £1 over a stated total such as £21,000 are a rounding of it; over £20,000 (one
      // significant digit, too rough to be a rounding) a mismatch.
      statuses: { mismatch: 5, rounded: 45, reconciles: 49_950 },
      awardAboveEstimate: 7143,
      unreadable: 0,
    });
    const tie = json.tenders.find((t: { ocid: string }) => t.ocid === "ocds-b5fd17-gen-20000");
    expect(tie.findings.map((f: { message: string }) => f.message)).toContain(
      "Releases ocds-b5fd17-gen-20000-1, ocds-b5fd17-gen-20000-3 share the date 2024-03-03T09:00:00Z; as read, ocds-b5fd17-gen-20000-3 was merged last, so its fields were used.",
    );
    expect(two.stdout).toBe(one.stdout);
  }, 180_000);
});

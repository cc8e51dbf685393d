/**
 * @jest-environment node
 *
 * Reading a bulk download in the pane (src/taskpane/audit/read-bulk.ts) from a File, as a browser
 * gives it: JSON Lines and JSON documents, gzipped through DecompressionStream (the Compression
 * Streams standard, https://compression.spec.whatwg.org/), a broken line kept as a not-checkable
 * row, a file cut short, an empty file, a browser without DecompressionStream, the pane's limit
 * and Cancel. Node 20 has the browser's File, TextDecoder and DecompressionStream.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { AuditCollector, releasesOf } from "../../src/domain/audit";
import { AuditCancelled, readBulkFile } from "../../src/taskpane/audit/read-bulk";
import { PaneError } from "../../src/taskpane/use-task";

const FIXTURES = join(__dirname, "..", "fixtures", "audit");
const FEED = readFileSync(join(FIXTURES, "find-a-tender-feed.jsonl"), "utf8");
const SEARCH = readFileSync(join(FIXTURES, "contracts-finder-search.json"), "utf8");

/** The domain's own audit of parsed JSON values, to compare with. */
function domainAudit(values: unknown[]) {
  const c = new AuditCollector();
  for (const v of values) {
    const got = releasesOf(v);
    if (got.ok) for (const r of got.releases) c.addRelease(r.release, r.context, "x");
  }
  return c.finish();
}

const feedValues = FEED.split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown);

/** `n` lines of one release each, every one its own process. */
function manyLines(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        ocid: `ocds-test-${i}`,
        id: `r${i}`,
        date: "2024-01-01T00:00:00Z",
        buyer: { name: "Test Council" },
        tender: {
          title: `Tender ${i} with a description long enough to make the file a few hundred kilobytes`,
          value: { amount: 1000, currency: "GBP" },
          lots: [{ id: "1", title: "Lot", value: { amount: 1000 + (i % 7), currency: "GBP" } }],
        },
      }),
    );
  }
  return lines.join("\n") + "\n";
}

describe("readBulkFile", () => {
  test("JSON Lines: the same rows as the domain's audit, a broken line kept as a not-checkable row", async () => {
    const lines = FEED.trimEnd().split("\n");
    const broken = [...lines, '{"ocid": "ocds-cut', ...lines.slice(0, 0)].join("\n");
    const read = await readBulkFile(new File([broken], "feed.jsonl"));
    const expected = domainAudit(feedValues);
    const tenders = read.result.rows.filter((r) => r.ocid !== null);
    expect(tenders.map((r) => [r.ocid, r.status, r.difference])).toEqual(
      expected.rows.map((r) => [r.ocid, r.status, r.difference]),
    );
    const last = read.result.rows[read.result.rows.length - 1];
    expect(last.ocid).toBeNull();
    expect(last.status).toBe("not-checkable");
    expect(last.reason).toMatch(new RegExp(`^feed\\.jsonl line ${lines.length + 1}: not JSON`));
    expect(read.result.summary.unreadable).toBe(1);
    expect(read.capped).toBeUndefined();
    // Each process's releases are kept, to open one in Review.
    expect([...read.processes.keys()].sort()).toEqual(tenders.map((r) => r.ocid).sort());
  });

  test("a release package of many processes (a Contracts Finder search) read as a document", async () => {
    const read = await readBulkFile(new File([SEARCH], "search.json"));
    const expected = domainAudit([JSON.parse(SEARCH)]);
    expect(read.result.rows.map((r) => [r.ocid, r.status])).toEqual(
      expected.rows.map((r) => [r.ocid, r.status]),
    );
    expect(read.result.summary.tenders).toBeGreaterThan(1);
  });

  test("gzipped JSON Lines are unpacked by DecompressionStream, and give the same audit", async () => {
    const plain = await readBulkFile(new File([FEED], "feed.jsonl"));
    const gz = await readBulkFile(new File([gzipSync(FEED)], "feed.jsonl.gz"));
    expect(gz.result).toEqual(plain.result);
    expect(gz.fileName).toBe("feed.jsonl.gz");
  });

  test("a gzip file cut short keeps the releases before the break and says where it broke", async () => {
    const whole = gzipSync(manyLines(6000));
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const read = await readBulkFile(new File([cut], "cut.jsonl.gz"));
    const last = read.result.rows[read.result.rows.length - 1];
    expect(last.ocid).toBeNull();
    expect(last.reason).toMatch(
      /^cut\.jsonl\.gz breaks off after line \d+: the gzip data is damaged or ends early/,
    );
    expect(read.result.summary.releases).toBeGreaterThan(100);
    expect(read.result.summary.releases).toBeLessThan(6000);
  });

  test("an empty file and a 0-byte .gz are refused as empty; text that is not JSON is named", async () => {
    await expect(readBulkFile(new File([], "empty.jsonl"))).rejects.toThrow("empty.jsonl is empty");
    await expect(readBulkFile(new File([], "empty.jsonl.gz"))).rejects.toThrow("empty.jsonl.gz is empty");
    await expect(readBulkFile(new File(["  \n\n"], "blank.jsonl"))).rejects.toThrow("blank.jsonl is empty");
    await expect(readBulkFile(new File(["ocid,title\n"], "x.jsonl"))).rejects.toThrow(
      'x.jsonl is not JSON (it starts "ocid,title")',
    );
  });

  test("without DecompressionStream a .gz is refused with what to do instead", async () => {
    const saved = globalThis.DecompressionStream;
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    try {
      const error = await readBulkFile(new File([gzipSync(FEED)], "feed.jsonl.gz")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaneError);
      expect((error as PaneError).title).toBe("This browser cannot unpack feed.jsonl.gz");
      expect((error as PaneError).next).toContain("tender-budget audit feed.jsonl.gz");
    } finally {
      globalThis.DecompressionStream = saved;
    }
  });

  test("the pane's limit: reading stops at it and says how far it got", async () => {
    const text = manyLines(50);
    const read = await readBulkFile(new File([text], "many.jsonl"), { maxReleases: 20 });
    expect(read.result.summary.releases).toBe(20);
    expect(read.capped).toEqual({
      releases: 20,
      bytes: Buffer.byteLength(text),
      total: Buffer.byteLength(text),
    });
    // Exactly the limit is the whole file: nothing was left out.
    const all = await readBulkFile(new File([text], "many.jsonl"), { maxReleases: 50 });
    expect(all.result.summary.releases).toBe(50);
    expect(all.capped).toBeUndefined();
    const over = await readBulkFile(new File([text], "many.jsonl"), { maxReleases: 49 });
    expect(over.capped?.releases).toBe(49);
  });

  test("progress as it reads and checks; Cancel stops it", async () => {
    const text = manyLines(3000);
    const seen: string[] = [];
    await readBulkFile(new File([text], "many.jsonl"), { onProgress: (p) => seen.push(p.phase) });
    expect(seen).toContain("reading");
    expect(seen).toContain("checking");
    const controller = new AbortController();
    const stopped = readBulkFile(new File([text], "many.jsonl"), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(stopped).rejects.toBeInstanceOf(AuditCancelled);
  });
});

/**
 * Issue #20, "stream large JSON and CSV output": `--out` CSV and JSON files and `--json` on stdout
 * are written chunk by chunk, with backpressure, and are byte for byte what the one-string
 * formatters give; a failure part way through a streamed file leaves nothing behind.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { checkTender, type Report } from "../../src/domain/check/check";
import { allocationToCsv, findingsToCsv, tenderToCsv } from "../../src/domain/formats/csv-export";
import { tenderToOcds } from "../../src/domain/formats/ocds";
import { reportToJson } from "../../src/domain/formats/report-json";
import { CHUNK_LENGTH } from "../../src/domain/formats/json-chunks";
import { loadTender } from "../../src/cli/load";
import { parseArgs } from "../../src/cli/args";
import { applyOverrides, readCheckOptions } from "../../src/cli/options";
import { checkOutputs, writeAtomically } from "../../src/cli/files";
import { resolveIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { EXAMPLE_CSV, EXAMPLE_JSON, run, scratch, snapshot } from "../hostile/run";

/** A tender file of `n` lots whose names need quoting or escaping, some with a stated value a pound off. */
function writeLargeTender(path: string, n: number): void {
  const names = ["=SUM(1,2)", "King’s Lynn", 'a "quoted" lot', "line\nbreak", " padded ", "😀"];
  const lots = Array.from({ length: n }, (_, i) => ({
    name: `${names[i % names.length]} ${i + 1}`,
    dayRate: 500 + (i % 7) * 10,
    days: (i % 40) + 1,
    ...(i % 5 === 0 ? { statedValue: (500 + (i % 7) * 10) * ((i % 40) + 1) + 1 } : {}),
  }));
  writeFileSync(
    path,
    JSON.stringify({
      title: "Large",
      statedTotal: 1_000_000,
      closingDate: "2024-01-31",
      startDate: "2024-03-01",
      lots,
    }),
  );
}

const OUTS = ["a.csv", "a.findings.csv", "a.tender.csv", "a.json", "a.ocds.json"];

describe("the streamed outputs are the one-string outputs, byte for byte", () => {
  it.each([
    ["the DfE example (.json)", EXAMPLE_JSON, []],
    [
      "the DfE lots table (.csv) with options",
      EXAMPLE_CSV,
      ["--stated-total", "346000", "--closing", "31/07/2017", "--start", "31/08/2017"],
    ],
    ["3,000 generated lots", "", ["--tolerance", "100"]],
  ])(
    "%s",
    async (_name, input, options) => {
      const s = scratch();
      try {
        const file = input === "" ? s.path("large.json") : input;
        if (input === "") writeLargeTender(file, 3_000);
        const r = await run([
          "check",
          file,
          ...options,
          "--json",
          ...OUTS.flatMap((o) => ["--out", s.path(o)]),
        ]);
        expect(r.code).toBe(1);
        const report = await reportOf(file, options);
        const json = JSON.parse(readFileSync(s.path("a.json"), "utf8"));
        const text = (name: string): string => readFileSync(s.path(name), "utf8");
        expect(text("a.json")).toBe(JSON.stringify(reportToJson(report), null, 2) + "\n");
        expect(text("a.csv")).toBe(allocationToCsv(report));
        expect(text("a.findings.csv")).toBe(findingsToCsv(report.findings));
        expect(text("a.tender.csv")).toBe(tenderToCsv(report.tender));
        const ocds = JSON.parse(text("a.ocds.json"));
        const again = tenderToOcds(report.tender, {
          publishedDate: ocds.releases[0].date,
          allocation: report.allocation,
        });
        expect(text("a.ocds.json")).toBe(JSON.stringify(again, null, 2) + "\n");
        // stdout: whole JSON in the one-string layout (no control characters in these tenders).
        expect(r.stdout).toBe(JSON.stringify(JSON.parse(r.stdout), null, 2) + "\n");
        expect(JSON.parse(r.stdout).totals).toEqual(json.totals);
        if (input === "") expect(text("a.json").length).toBeGreaterThan(10 * CHUNK_LENGTH);
      } finally {
        s.done();
      }
    },
    60_000,
  );
});

/** The report as the command makes it: the file loaded, the options applied, the tender checked. */
async function reportOf(file: string, options: string[]): Promise<Report> {
  const args = parseArgs(["check", file, ...options]);
  if (!args.ok || args.value.kind !== "check") throw new Error("bad arguments");
  const read = readCheckOptions(args.value.flags);
  const loaded = await loadTender(file, readFileSync(file));
  if (!read.ok || !loaded.ok) throw new Error("the input does not load");
  const { overrides, tolerance } = read.value;
  return checkTender(applyOverrides(loaded.value.tender, overrides), tolerance ? { tolerance } : {});
}

/** A slow stdout: takes each write a turn later, buffering at most `highWaterMark` before saying "wait". */
function slowStdout(): { stream: Writable; text: () => string; mostBuffered: () => number } {
  let text = "";
  let most = 0;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      text += chunk;
      setImmediate(done);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const room = write(chunk);
    most = Math.max(most, stream.writableLength);
    return room;
  }) as typeof stream.write;
  return { stream, text: () => text, mostBuffered: () => most };
}

describe("--json waits for stdout", () => {
  it("holds at most one chunk beyond the stream's buffer while a large report is written", async () => {
    const s = scratch();
    try {
      writeLargeTender(s.path("large.json"), 3_000);
      const out = slowStdout();
      let stderr = "";
      const code = await main(["check", s.path("large.json"), "--json"], {
        stdout: out.stream,
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
      });
      expect(stderr).toBe("");
      expect(code).toBe(1);
      await new Promise((resolve) => out.stream.end(resolve));
      const printed = out.text();
      expect(printed.length).toBeGreaterThan(20 * CHUNK_LENGTH);
      expect(printed).toBe(JSON.stringify(JSON.parse(printed), null, 2) + "\n");
      // Without waiting for "drain", the whole report (over 1 MB) would be queued at once.
      expect(out.mostBuffered()).toBeLessThan(16 * 1024 + 2 * CHUNK_LENGTH);
    } finally {
      s.done();
    }
  }, 60_000);

  it("stops writing, without hanging, when stdout goes away part way (| head)", async () => {
    const s = scratch();
    try {
      writeLargeTender(s.path("large.json"), 3_000);
      let taken = 0;
      const stream = new Writable({
        highWaterMark: 1024,
        write(_chunk, _encoding, done) {
          taken++;
          // The reader goes away after the first chunk: the stream is closed.
          setImmediate(() => (taken === 1 ? stream.destroy() : done()));
        },
      });
      const code = await main(["check", s.path("large.json"), "--json"], {
        stdout: stream,
        stderr: { write: () => true },
        env: {},
      });
      expect(code).toBe(1);
      expect(taken).toBe(1);
    } finally {
      s.done();
    }
  }, 60_000);
});

describe("a streamed file that fails part way", () => {
  it("leaves the folder as it was: the unfinished file is removed, the existing one kept", async () => {
    const s = scratch();
    try {
      writeFileSync(s.path("report.json"), '{"good": "report"}\n');
      const before = snapshot(s.dir);
      const io = resolveIo({ stdout: { write: () => true }, stderr: { write: () => true } });
      const checked = await checkOutputs(io, [{ file: s.path("report.json"), item: "json" }], [], true);
      if (!checked.ok) throw new Error("the output was refused");
      let given = 0;
      function* failing(): Generator<string> {
        for (;;) {
          given++;
          if (given === 40) throw new Error("the formatter failed");
          yield "x".repeat(CHUNK_LENGTH);
        }
      }
      const result = await writeAtomically(io, [{ ...checked.value[0], data: failing() }]);
      expect(result).toMatchObject({ ok: false, file: s.path("report.json"), written: [], leftBehind: [] });
      expect(given).toBe(40);
      expect(snapshot(s.dir)).toEqual(before);
    } finally {
      s.done();
    }
  });
});

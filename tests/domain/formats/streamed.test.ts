/**
 * Issue #20, "stream large JSON and CSV output": the command line writes its JSON and CSV files
 * piece by piece (jsonChunks, the *CsvChunks formatters). Every byte must be what the one-string
 * formatters give (JSON.stringify(value, null, 2); allocationToCsv, findingsToCsv, tenderToCsv):
 * checked here over the DfE example, generated tenders (fast-check) and a large tender that
 * needs many chunks.
 */
import fc from "fast-check";
import { checkTender } from "../../../src/domain/check/check";
import {
  allocationCsvChunks,
  allocationToCsv,
  findingsCsvChunks,
  findingsToCsv,
  tenderCsvChunks,
  tenderToCsv,
} from "../../../src/domain/formats/csv-export";
import { CHUNK_LENGTH, jsonChunks } from "../../../src/domain/formats/json-chunks";
import { reportToJson } from "../../../src/domain/formats/report-json";
import { tenderToOcds } from "../../../src/domain/formats/ocds";
import type { Tender } from "../../../src/domain/core/types";
import { dfeTender, dfeWithRules, tenderArb } from "./arbitraries";

const stringify = (value: unknown): string | undefined => JSON.stringify(value, null, 2);
const joined = (chunks: Iterable<string>): string => [...chunks].join("");

/** A tender of `n` lots with names that need quoting and escaping, mixed whole and half days. */
function largeTender(n: number): Tender {
  const names = ["=SUM(1,2)", "King’s Lynn", 'a "quoted" lot', "line\nbreak", " padded ", "😀 emoji"];
  return {
    ...dfeTender(),
    lots: Array.from({ length: n }, (_, i) => ({
      name: `${names[i % names.length]} ${i + 1}`,
      dayRate: 500_00 + (i % 7) * 10_00,
      days: (i % 40) + (i % 3 === 0 ? 0.5 : 0),
      // Every fifth lot states a value a pound off its day rate × days: a finding each.
      ...(i % 5 === 0 ? { statedValue: (500_00 + (i % 7) * 10_00) * ((i % 40) + 0.5) + 100 } : {}),
    })),
  };
}

/** Each chunk ends between characters: never on the first half of a surrogate pair. */
function expectWholeCharacters(chunks: readonly string[]): void {
  for (const chunk of chunks) {
    const last = chunk.charCodeAt(chunk.length - 1);
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
  }
}

describe("jsonChunks is JSON.stringify(value, null, 2) in pieces", () => {
  it("gives the report JSON of the DfE example and its OCDS package byte for byte", () => {
    const report = checkTender(dfeWithRules());
    const json = reportToJson(report);
    expect(joined(jsonChunks(json))).toBe(stringify(json));
    const ocds = tenderToOcds(report.tender, {
      publishedDate: "2017-07-03T09:00:00Z",
      allocation: report.allocation,
    });
    expect(joined(jsonChunks(ocds))).toBe(stringify(ocds));
  });

  it("gives any JSON value as JSON.stringify does (fast-check)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(joined(jsonChunks(value))).toBe(stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it("follows JSON.stringify's rules for values JSON has no words for (fast-check)", () => {
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.constant(Symbol("s")),
      fc.constantFrom(NaN, Infinity, -Infinity, -0),
      fc.date({ noInvalidDate: true }),
      fc.string().map((s) => new String(s)),
      fc.integer().map((n) => new Number(n)),
      fc.boolean().map((b) => new Boolean(b)),
      fc.string().map((s) => ({ toJSON: (key: string) => `${key}:${s}` })),
    );
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: "small" }, odd, fc.jsonValue(), tie("array"), tie("object")),
      array: fc.array(tie("any"), { maxLength: 5 }),
      object: fc.dictionary(fc.string({ maxLength: 4 }), tie("any"), { maxKeys: 5 }),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        expect(joined(jsonChunks(v))).toBe(stringify(v) ?? "");
      }),
      { numRuns: 500 },
    );
  });

  it("throws on a cycle, as JSON.stringify does", () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = { back: a };
    expect(() => joined(jsonChunks(a))).toThrow(TypeError);
    // The same object twice, not inside itself, is no cycle.
    const shared = { n: 1 };
    expect(joined(jsonChunks([shared, shared]))).toBe(stringify([shared, shared]));
  });

  it("hands a large report out in chunks of about CHUNK_LENGTH characters", () => {
    const json = reportToJson(checkTender(largeTender(5_000)));
    const chunks = [...jsonChunks(json)];
    const whole = stringify(json) as string;
    expect(chunks.join("")).toBe(whole);
    expect(chunks.length).toBeGreaterThan(whole.length / CHUNK_LENGTH / 2);
    // A chunk is handed out once it reaches CHUNK_LENGTH, after at most one lot's text more.
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(CHUNK_LENGTH + 2_000);
    expectWholeCharacters(chunks);
  });
});

describe("the CSV exports in chunks are the one-string CSV", () => {
  const same = (tender: Tender): void => {
    const report = checkTender(tender);
    expect(joined(allocationCsvChunks(report))).toBe(allocationToCsv(report));
    expect(joined(findingsCsvChunks(report.findings))).toBe(findingsToCsv(report.findings));
    expect(joined(tenderCsvChunks(report.tender))).toBe(tenderToCsv(report.tender));
  };

  it("for the DfE example, with and without the procurement rule fields", () => {
    same(dfeTender());
    same(dfeWithRules());
    // The example's allocation CSV is one chunk: the byte order mark first.
    const chunks = [...allocationCsvChunks(checkTender(dfeTender()))];
    expect(chunks).toHaveLength(1);
    expect(chunks[0].startsWith("\uFEFFLot,Day rate,")).toBe(true);
  });

  it("for any tender the model holds (fast-check)", () => {
    fc.assert(
      fc.property(tenderArb, (tender) => same(tender)),
      { numRuns: 300 },
    );
  });

  it("for 5,000 lots, in chunks of whole rows", () => {
    const report = checkTender(largeTender(5_000));
    same(report.tender);
    for (const chunks of [
      [...allocationCsvChunks(report)],
      [...findingsCsvChunks(report.findings)],
      [...tenderCsvChunks(report.tender)],
    ]) {
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThan(CHUNK_LENGTH + 2_000);
        expect(chunk.endsWith("\r\n")).toBe(true);
      }
      expectWholeCharacters(chunks);
    }
  });
});

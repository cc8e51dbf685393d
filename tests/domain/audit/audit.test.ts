/**
 * The bulk audit's engine: compiling each process's releases as OCDS does
 * (https://standard.open-contracting.org/1.1/en/schema/merging/), checking it, the rows and their
 * order. Fixtures in tests/fixtures/audit are written in the shapes Contracts Finder (a search
 * download: one release package, many processes) and Find a Tender (a release package a line,
 * amountGross beside amount) publish.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AuditCollector,
  auditCsvLine,
  auditProcess,
  auditRowToJson,
  compileReleases,
  releasesOf,
  slimRelease,
  type AuditRow,
  type Json,
} from "../../../src/domain/audit";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "audit");
const cf = JSON.parse(readFileSync(join(FIXTURES, "contracts-finder-search.json"), "utf8")) as Json;
const ftsLines = readFileSync(join(FIXTURES, "find-a-tender-feed.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Json);

function auditAll(
  values: unknown[],
  options = {},
): { rows: AuditRow[]; summary: ReturnType<AuditCollector["finish"]>["summary"] } {
  const c = new AuditCollector();
  values.forEach((v, i) => {
    const got = releasesOf(v);
    if (!got.ok) c.addProblem(`line ${i + 1}: ${got.error}`);
    else for (const { release, context } of got.releases) c.addRelease(release, context, `line ${i + 1}`);
  });
  return c.finish(options);
}

const byOcid = (rows: AuditRow[], ocid: string): AuditRow => {
  const row = rows.find((r) => r.ocid === ocid);
  if (!row) throw new Error(`no row for ${ocid}`);
  return row;
};

describe("compileReleases (OCDS merging)", () => {
  const r = (id: string, date: string, rest: Json): Json => ({ ocid: "ocds-x", id, date, ...rest });

  test("the latest date wins field by field; objects merge; lists of objects with ids merge by id", () => {
    const compiled = compileReleases([
      r("b", "2024-06-01T00:00:00Z", {
        tender: { status: "complete" },
        awards: [{ id: "1", value: { amount: 5 } }],
      }),
      r("a", "2024-01-01T00:00:00Z", {
        tender: { title: "T", status: "active", value: { amount: 10, currency: "GBP" } },
        awards: [
          { id: "1", status: "pending" },
          { id: "2", status: "pending" },
        ],
      }),
    ]);
    expect(compiled.release.tender).toEqual({
      title: "T",
      status: "complete",
      value: { amount: 10, currency: "GBP" },
    });
    expect(compiled.release.awards).toEqual([
      { id: "1", status: "pending", value: { amount: 5 } },
      { id: "2", status: "pending" },
    ]);
    expect(compiled.release.tag).toEqual(["compiled"]);
    expect(compiled.release.date).toBe("2024-06-01T00:00:00Z");
    expect(compiled.firstDate).toBe("2024-01-01T00:00:00Z");
    expect(compiled.ties).toEqual([]);
  });

  test("dates compare as instants, null removes a field, a list without ids is replaced whole", () => {
    const compiled = compileReleases([
      // 10:15 in BST is 09:15Z: earlier than 09:30Z, so the second release wins.
      r("late", "2017-07-03T09:30:00Z", { tender: { title: "Later" }, tags: ["x"] }),
      r("early", "2017-07-03T10:15:27+01:00", {
        tender: { title: "Earlier", description: "d" },
        tags: ["y", "z"],
      }),
      r("drop", "2017-07-04T00:00:00Z", { tender: { description: null } }),
    ]);
    expect(compiled.release.tender).toEqual({ title: "Later" });
    expect(compiled.release.tags).toEqual(["x"]);
  });

  test("on a tie the release read later is merged last, and the tie is named", () => {
    const compiled = compileReleases([
      r("first", "2024-05-01T10:00:00Z", { tender: { title: "First" } }),
      r("second", "2024-05-01T11:00:00+01:00", { tender: { title: "Second" } }),
    ]);
    expect(compiled.release.tender).toEqual({ title: "Second" });
    expect(compiled.ties).toEqual([{ date: "2024-05-01T10:00:00Z", releaseIds: ["first", "second"] }]);
    const row = auditProcess(compiled);
    expect(row.findings.find((f) => f.code === "RELEASES_SAME_DATE")?.message).toBe(
      "Releases first, second share the date 2024-05-01T10:00:00Z; as read, second was merged last, so its fields were used.",
    );
  });
});

describe("compileReleases of one release the caller owns (compiled in place)", () => {
  // Each case is compiled twice from the same text: copied (the full merge) and in place.
  const cases: [string, string][] = [
    [
      "nulls at every depth of objects are removed; lists, and nulls inside them, are kept",
      '{"ocid":"ocds-x","id":"1","date":"2024-01-01T00:00:00Z","buyer":null,"tender":{"title":"T","value":{"amount":null,"currency":"GBP"},"lots":[{"id":"1","value":null},{"id":"2"}],"items":[1,null]}}',
    ],
    [
      "a list of objects whose ids repeat is merged item by item",
      '{"ocid":"ocds-x","id":"1","date":"2024-01-01T00:00:00Z","tender":{"lots":[{"id":"1","title":"A","value":{"amount":5}},{"id":"2"},{"id":1,"title":null,"value":{"currency":"GBP"}}]}}',
    ],
    ["no date", '{"ocid":"ocds-x","id":"1","tender":{"title":"T"}}'],
    ["a date set to null", '{"ocid":"ocds-x","id":"1","date":null,"tender":{"title":"T"}}'],
    ["a date that is not a date-time", '{"ocid":"ocds-x","id":"1","date":"soon","tender":{"title":"T"}}'],
    ["a date that is a number", '{"ocid":"ocds-x","id":"1","date":20240101,"tender":{"title":"T"}}'],
    ["a tag of its own", '{"tag":["tender"],"ocid":"ocds-x","date":"2024-01-01T00:00:00Z"}'],
    [
      "a field named __proto__",
      '{"ocid":"ocds-x","date":"2024-01-01T00:00:00Z","tender":{"__proto__":{"title":"P"}}}',
    ],
  ];
  test.each(cases)("%s: the same as the full merge, field order included", (_, text) => {
    const copied = compileReleases([JSON.parse(text) as Json]);
    const inPlace = compileReleases([JSON.parse(text) as Json], { owned: true });
    expect(JSON.stringify(inPlace)).toBe(JSON.stringify(copied));
    expect(Object.getPrototypeOf((inPlace.release.tender ?? {}) as object)).toBe(
      Object.getPrototypeOf((copied.release.tender ?? {}) as object),
    );
  });

  test("not owned: the release given is left as it was", () => {
    const release = JSON.parse('{"ocid":"ocds-x","date":"2024-01-01T00:00:00Z","buyer":null}') as Json;
    compileReleases([release]);
    expect(release).toEqual({ ocid: "ocds-x", date: "2024-01-01T00:00:00Z", buyer: null });
  });
});

describe("releasesOf", () => {
  test("a release package, a record package (whole releases or the compiled release), an array, a release", () => {
    const rel = { ocid: "ocds-a", id: "1", date: "2024-01-01T00:00:00Z", tender: {} };
    const count = (v: unknown): number => {
      const got = releasesOf(v);
      if (!got.ok) throw new Error(got.error);
      return got.releases.length;
    };
    expect(count({ uri: "u", releases: [rel, rel] })).toBe(2);
    expect(count({ records: [{ ocid: "ocds-a", releases: [rel, rel], compiledRelease: rel }] })).toBe(2);
    expect(
      count({
        records: [
          { ocid: "ocds-a", releases: [{ url: "x#1", date: "d", tag: ["tender"] }], compiledRelease: rel },
        ],
      }),
    ).toBe(1);
    expect(count([rel, { releases: [rel] }])).toBe(2);
    expect(count(rel)).toBe(1);
    expect(releasesOf({ title: "a tender file" })).toEqual({
      ok: false,
      error:
        "this JSON is neither an OCDS release (ocid, tender) nor a release or record package (releases, records)",
    });
    expect(releasesOf(42)).toEqual({ ok: false, error: "42 is not an OCDS release or package" });
  });

  test("slimRelease keeps what the audit reads and drops the rest", () => {
    const release = (cf.releases as Json[])[0];
    const slim = slimRelease(release, { packageUri: cf.uri as string });
    // The buyer has a name, so the parties (addresses, contacts) are not needed.
    expect(Object.keys(slim).sort()).toEqual(["buyer", "date", "id", "ocid", "tender", "url"]);
    const unnamed = slimRelease({ ...release, buyer: { id: "GB-GOR-PB00094" } });
    expect(slim.url).toBe(
      "https://www.contractsfinder.service.gov.uk/Notice/8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b",
    );
    expect((slim.tender as Json).items).toBeUndefined(); // a CPV item is not a day-rate item
    expect(unnamed.parties).toEqual([
      { id: "GB-GOR-PB00094", name: "DEPARTMENT FOR EDUCATION", roles: ["buyer"] },
    ]);
    expect(Object.keys(slim.tender as Json).sort()).toEqual([
      "contractPeriod",
      "id",
      "lots",
      "status",
      "tenderPeriod",
      "title",
      "value",
    ]);
  });
});

describe("the audit of a Contracts Finder search download", () => {
  const { rows, summary } = auditAll([cf]);

  test("DfE 2017: the lots add to £560 more than the £346,000 stated", () => {
    const row = byOcid(rows, "ocds-b5fd17-8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b");
    expect(auditRowToJson(row)).toMatchObject({
      title: "Commissioners for Children's Services: Barnet, Kirklees, Reading and Worcestershire",
      buyer: "DEPARTMENT FOR EDUCATION",
      publishedDate: "2017-07-03",
      statedTotal: 346000,
      lotsTotal: 346560,
      difference: 560,
      differencePercent: 0.16,
      awardedTotal: null,
      status: "mismatch",
      reason: null,
      url: "https://www.contractsfinder.service.gov.uk/Notice/8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b",
    });
    expect(row.findings[0]).toMatchObject({
      code: "TOTAL_MISMATCH",
      severity: "error",
      path: "tender.value",
    });
  });

  test("awarded above the advertised value: how much and what percentage over", () => {
    const row = byOcid(rows, "ocds-b5fd17-1d2e3f40-0000-4000-8000-000000000002");
    expect(row.status).toBe("not-checkable");
    expect(row.reason).toBe("the notice has no lots or day-rate items to add up against its value");
    expect(row.awardedTotal).toBe(129_000_000);
    expect(row.releases).toBe(2);
    expect(row.publishedDate).toBe("2024-03-01");
    expect(row.findings).toEqual([
      {
        code: "AWARD_ABOVE_ESTIMATE",
        severity: "warning",
        path: "awards",
        message: "Awarded £1,290,000.00, £90,000.00 (7.50%) above the advertised £1,200,000.00.",
      },
    ]);
  });

  test("lots without values are named; a rounded total; lots matching their day-rate items", () => {
    expect(byOcid(rows, "ocds-b5fd17-7c7c7c7c-0000-4000-8000-000000000003").reason).toBe(
      'lots "North Leeds" and "South Leeds" have no value or days, so the lots cannot be added up',
    );
    const rounded = byOcid(rows, "ocds-b5fd17-4a4a4a4a-0000-4000-8000-000000000004");
    expect([rounded.status, rounded.difference]).toEqual(["rounded", 250_000]);
    const torbay = byOcid(rows, "ocds-b5fd17-5b5b5b5b-0000-4000-8000-000000000005");
    expect([torbay.status, torbay.difference, torbay.findings]).toEqual(["reconciles", 0, []]);
  });

  test("the summary counts each status, and the rows run from the largest difference down", () => {
    expect(summary).toEqual({
      releases: 6,
      tenders: 5,
      leftOut: 0,
      statuses: { mismatch: 1, "within-tolerance": 0, rounded: 1, reconciles: 1, "not-checkable": 2 },
      awardAboveEstimate: 1,
      unreadable: 0,
    });
    expect(rows.map((r) => r.difference)).toEqual([250_000, 56_000, 0, undefined, undefined]);
  });

  test("a tolerance makes a small difference within tolerance", () => {
    const dfe = (tolerance: { absolute: number; percent: number }): string =>
      byOcid(auditAll([cf], { tolerance }).rows, "ocds-b5fd17-8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b").status;
    expect(dfe({ absolute: 56_000, percent: 0 })).toBe("within-tolerance");
    expect(dfe({ absolute: 55_999, percent: 0 })).toBe("mismatch");
  });

  test("--buyer, --from and --to leave processes out and count them", () => {
    const { rows: kent, summary: s } = auditAll([cf], { filters: { buyer: "kent" } });
    expect(kent.map((r) => r.buyer)).toEqual(["KENT COUNTY COUNCIL"]);
    expect(s.leftOut).toBe(4);
    const { rows: dated } = auditAll([cf], { filters: { from: "2024-02-12", to: "2024-03-01" } });
    expect(dated.map((r) => r.publishedDate).sort()).toEqual(["2024-02-12", "2024-03-01"]);
  });
});

describe("the audit of a Find a Tender release feed (a package a line, amountGross)", () => {
  const { rows } = auditAll(ftsLines);

  test("lots £3.6m above the stated total, compared ex VAT", () => {
    const row = byOcid(rows, "ocds-h6vhtk-03f1a2");
    expect([row.status, row.difference, row.differencePercent]).toEqual(["mismatch", 360_000_000, 30]);
    expect(row.url).toBe("https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages/012345-2024");
    expect(rows[0]).toBe(row);
  });

  test("a value given only including VAT cannot be checked against the lots", () => {
    expect(byOcid(rows, "ocds-h6vhtk-03f1b3").reason).toBe(
      "the notice gives its value only including VAT (amountGross £2,400,000.00); the lots are compared with the value ex VAT",
    );
  });

  test("tender then award: the awards of each lot add up, and the excess is measured ex VAT", () => {
    const row = byOcid(rows, "ocds-h6vhtk-03f1c4");
    expect([row.status, row.awardedTotal, row.releases]).toEqual(["reconciles", 95_000_000, 2]);
    expect(row.findings.map((f) => f.message)).toEqual([
      "Awarded £950,000.00, £50,000.00 (5.56%) above the advertised £900,000.00.",
    ]);
  });

  test("an award equal to the advertised value is not above it", () => {
    const [tender, award] = [ftsLines[2], JSON.parse(JSON.stringify(ftsLines[3])) as Json];
    const awards = (award.releases as Json[])[0].awards as Json[];
    (awards[1].value as Json).amount = 470000;
    expect(byOcid(auditAll([tender, award]).rows, "ocds-h6vhtk-03f1c4").findings).toEqual([]);
    (awards[1].value as Json).amount = 470000.01;
    expect(byOcid(auditAll([tender, award]).rows, "ocds-h6vhtk-03f1c4").findings[0].message).toBe(
      "Awarded £900,000.01, £0.01 (0.00%) above the advertised £900,000.00.",
    );
  });
});

describe("what cannot be read", () => {
  test("a line that is not a release, and a release without an ocid, become not-checkable rows at the end", () => {
    const { rows, summary } = auditAll([{ title: "x" }, { releases: [{ id: "r1", tender: {} }] }, cf]);
    expect(summary.unreadable).toBe(2);
    expect(rows.slice(-2).map((r) => [r.ocid, r.status, r.reason])).toEqual([
      [
        null,
        "not-checkable",
        "line 1: this JSON is neither an OCDS release (ocid, tender) nor a release or record package (releases, records)",
      ],
      [
        null,
        "not-checkable",
        "line 2: a release without an ocid (release id r1); every OCDS release names its contracting process",
      ],
    ]);
  });

  test("another currency, a process without a tender", () => {
    const usd = {
      ocid: "ocds-u",
      id: "1",
      date: "2024-01-01T00:00:00Z",
      tender: { value: { amount: 5, currency: "USD" } },
    };
    const award = { ocid: "ocds-w", id: "1", date: "2024-01-01T00:00:00Z", awards: [] };
    const { rows } = auditAll([usd, award]);
    expect(byOcid(rows, "ocds-u").reason).toBe(
      "the tender value is in USD; the audit checks amounts in pounds sterling (GBP)",
    );
    expect(byOcid(rows, "ocds-w").reason).toBe(
      "the process has no tender section, so there is no advertised value to check",
    );
  });
});

test("a CSV line: pounds with two decimals, text neutralised for spreadsheets", () => {
  const row = byOcid(auditAll([cf]).rows, "ocds-b5fd17-8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b");
  expect(auditCsvLine({ ...row, title: "=HYPERLINK()", findings: [] })).toBe(
    'ocds-b5fd17-8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b,"\'=HYPERLINK()",DEPARTMENT FOR EDUCATION,2017-07-03,346000.00,346560.00,560.00,0.16,,mismatch,,,https://www.contractsfinder.service.gov.uk/Notice/8a2b5f3e-1c4d-4e6f-9a0b-2c3d4e5f6a7b\r\n',
  );
});

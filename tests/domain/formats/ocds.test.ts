import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { allocate } from "../../../src/domain/check/allocation";
import {
  defaultOcid,
  looksLikeOcds,
  LOTS_EXTENSION_URL,
  ocdsDateTimeToIso,
  ocdsInstant,
  ocdsToTender,
  OCID_PREFIX,
  tenderToOcds,
} from "../../../src/domain/formats/ocds";
import { parseTender } from "../../../src/domain/check/tender";
import type { Tender } from "../../../src/domain/core/types";
import { dfeTender, tenderArb } from "./arbitraries";
import { releaseErrors, releasePackageErrors } from "../../exports/ocds-schema";
import { eachGives } from "../../support/cases";

const FIXTURES = path.resolve(__dirname, "../../fixtures/ocds");
const readFixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
const PUBLISHED = "2017-07-03T09:00:00Z";

/** Export, write as JSON text, read the text back: what another program would receive. */
function throughJson(tender: Tender): unknown {
  return JSON.parse(JSON.stringify(tenderToOcds(tender, { publishedDate: PUBLISHED })));
}

/** A copy of a release with its own id and date and another tender value (in pounds). */
function releaseLike(release: unknown, id: string, date: string, amount: number): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(release)) as Record<string, unknown> & {
    tender: { value: { amount: number } };
  };
  copy.id = id;
  copy.date = date;
  copy.tender.value.amount = amount;
  return copy;
}

function imported(json: unknown): Tender {
  const result = ocdsToTender(json);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe("the DfE 2017 tender as OCDS", () => {
  const pkg = tenderToOcds(dfeTender(), { publishedDate: PUBLISHED });
  const release = pkg.releases[0];

  test("is a valid OCDS 1.1 release package with the lots extension", () => {
    expect(releasePackageErrors(JSON.parse(JSON.stringify(pkg)))).toEqual([]);
    expect(pkg.version).toBe("1.1");
    expect(pkg.extensions).toEqual([LOTS_EXTENSION_URL]);
    expect(pkg.publishedDate).toBe(PUBLISHED);
    expect(release.date).toBe(PUBLISHED);
    expect(release.tag).toEqual(["tender"]);
  });

  test("names the buyer in parties with the buyer role, and references it", () => {
    expect(release.parties).toEqual([
      { id: release.buyer?.id, name: "Department for Education", roles: ["buyer"] },
    ]);
    expect(release.buyer?.name).toBe("Department for Education");
  });

  test("gives the stated total as the tender value and the budget, in pounds", () => {
    expect(release.tender.value).toEqual({ amount: 346000, currency: "GBP" });
    expect(release.planning?.budget.amount).toEqual({ amount: 346000, currency: "GBP" });
    expect(release.tender.tenderBudget).toEqual({
      region: "GB-ENG",
      vatRate: 20,
      valueSource: "statedTotal",
      statedTotalPrecision: 1000,
    });
  });

  test("closing date and contract start as full date-times in UK time: bids close at the end of the closing day", () => {
    expect(release.tender.tenderPeriod).toEqual({ endDate: "2017-07-31T23:59:59+01:00" });
    expect(release.tender.contractPeriod).toEqual({ startDate: "2017-08-31T00:00:00+01:00" });
  });

  test("a start is the beginning of the UK day and an end its last second, GMT or BST as the day has it", () => {
    const dated = (closingDate: string, startDate: string, endDate: string): Tender => ({
      ...dfeTender(),
      closingDate,
      startDate,
      endDate,
      lots: dfeTender().lots.map((l, i) => (i === 0 ? { ...l, startDate, endDate } : l)),
    });
    const cases: [string, string, string, string, string, string][] = [
      // closing, start, end → their date-times. BST 2018: 25 March to 28 October.
      [
        "2018-01-08",
        "2018-01-08",
        "2018-06-29",
        "2018-01-08T23:59:59Z",
        "2018-01-08T00:00:00Z",
        "2018-06-29T23:59:59+01:00",
      ],
      [
        "2018-03-25",
        "2018-03-25",
        "2018-03-25",
        "2018-03-25T23:59:59+01:00",
        "2018-03-25T00:00:00Z",
        "2018-03-25T23:59:59+01:00",
      ],
      [
        "2018-10-28",
        "2018-10-28",
        "2018-10-28",
        "2018-10-28T23:59:59Z",
        "2018-10-28T00:00:00+01:00",
        "2018-10-28T23:59:59Z",
      ],
    ];
    for (const [closing, start, end, closingAt, startAt, endAt] of cases) {
      const tender = dated(closing, start, end);
      const pkg = tenderToOcds(tender, { publishedDate: PUBLISHED });
      const t = pkg.releases[0].tender;
      expect(t.tenderPeriod).toEqual({ endDate: closingAt });
      expect(t.contractPeriod).toEqual({ startDate: startAt, endDate: endAt });
      expect(t.lots[0].contractPeriod).toEqual({ startDate: startAt, endDate: endAt });
      expect(releasePackageErrors(pkg)).toEqual([]);
      expect(imported(JSON.parse(JSON.stringify(pkg)))).toEqual(tender);
    }
  });

  test("each lot with its stated value", () => {
    expect(release.tender.lots.map((l) => [l.id, l.title, l.value?.amount, l.value?.currency])).toEqual([
      ["1", "Barnet", 107520, "GBP"],
      ["2", "Kirklees", 48960, "GBP"],
      ["3", "Reading", 95040, "GBP"],
      ["4", "Worcestershire", 95040, "GBP"],
    ]);
  });

  test("the inferred £960 day rate × 112, 51, 99 and 99 days as items related to their lots", () => {
    expect(release.tender.items.map((i) => [i.relatedLot, i.unit.value?.amount, i.quantity])).toEqual([
      ["1", 960, 112],
      ["2", 960, 51],
      ["3", 960, 99],
      ["4", 960, 99],
    ]);
    for (const item of release.tender.items) {
      expect(item.unit).toMatchObject({
        scheme: "UNCEFACT",
        id: "DAY",
        name: "Day",
        value: { currency: "GBP" },
      });
    }
    expect(release.tender.lots[0].tenderBudget).toEqual({
      valueSource: "statedValue",
      dayRateSource: "inferred",
      daysSource: "inferred",
    });
  });

  test("reads back to exactly the tender (inferred rate and days stay inferred)", () => {
    expect(imported(JSON.parse(JSON.stringify(pkg)))).toEqual(dfeTender());
  });

  test("the same tender always gets the same ocid; a given ocid and uri are used", () => {
    expect(release.ocid).toBe(defaultOcid(dfeTender()));
    expect(release.ocid.startsWith(OCID_PREFIX)).toBe(true);
    expect(tenderToOcds(dfeTender(), { publishedDate: PUBLISHED }).releases[0].ocid).toBe(release.ocid);
    expect(defaultOcid({ ...dfeTender(), title: "Another tender" })).not.toBe(release.ocid);
    const own = tenderToOcds(dfeTender(), {
      publishedDate: "2017-07-03",
      ocid: "ocds-b5fd17-abc",
      uri: "https://example.org/dfe.json",
      publisher: "Crown Commercial Service",
    });
    expect(own.releases[0].ocid).toBe("ocds-b5fd17-abc");
    expect(own.uri).toBe("https://example.org/dfe.json");
    expect(own.publisher).toEqual({ name: "Crown Commercial Service" });
    expect(own.publishedDate).toBe("2017-07-03T00:00:00+01:00");
    expect(releasePackageErrors(JSON.parse(JSON.stringify(own)))).toEqual([]);
  });

  test("each different release of the same tender has its own release id, as OCDS requires within an ocid", () => {
    const first = tenderToOcds(dfeTender(), { publishedDate: PUBLISHED }).releases[0];
    const again = tenderToOcds(dfeTender(), { publishedDate: PUBLISHED }).releases[0];
    const changed = dfeTender();
    changed.lots[0].statedValue = 110_000_00;
    const amended = tenderToOcds(changed, { publishedDate: "2017-07-10T09:00:00Z" }).releases[0];
    expect(amended.ocid).toBe(first.ocid);
    expect(again.id).toBe(first.id);
    expect(amended.id).not.toBe(first.id);
    expect(first.id.startsWith(`${first.ocid}-`)).toBe(true);
  });

  test("uses an allocation it is given", () => {
    const allocation = allocate(dfeTender());
    expect(tenderToOcds(dfeTender(), { publishedDate: PUBLISHED, allocation })).toEqual(pkg);
  });

  test("a bad publishedDate is a misuse and throws", () => {
    expect(() => tenderToOcds(dfeTender(), { publishedDate: "31/07/2017" })).toThrow(/publishedDate/);
  });

  test("a publishedDate is written as RFC 3339 wants it, so the package stays valid; an impossible one throws", () => {
    const written: [string, string][] = [
      ["2017-07-31T09:00Z", "2017-07-31T09:00:00Z"],
      ["2017-07-31T09:00:00+0100", "2017-07-31T09:00:00+01:00"],
      ["2017-07-31t09:00:00.250z", "2017-07-31T09:00:00.250Z"],
      ["2017-07-31", "2017-07-31T00:00:00+01:00"],
      ["2017-12-31", "2017-12-31T00:00:00Z"],
    ];
    for (const [given, expected] of written) {
      const pkg = tenderToOcds(dfeTender(), { publishedDate: given });
      expect(pkg.publishedDate).toBe(expected);
      expect(pkg.releases[0].date).toBe(expected);
      expect(releasePackageErrors(pkg)).toEqual([]);
    }
    for (const bad of [
      "2017-02-30",
      "2017-02-30T09:00:00Z",
      "2017-07-31T25:00:00Z",
      "2017-07-31T09:60:00Z",
    ]) {
      expect(() => tenderToOcds(dfeTender(), { publishedDate: bad })).toThrow(RangeError);
    }
  });
});

test("the shipped example file exports as a valid package with the £346,000 total and 112/51/99/99 days", () => {
  const file = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../../examples/dfe-commissioners-2017.json"), "utf8"),
  );
  const parsed = parseTender(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const json = throughJson(parsed.value);
  expect(releasePackageErrors(json)).toEqual([]);
  const release = (json as { releases: { tender: { value: unknown; items: { quantity: number }[] } }[] })
    .releases[0];
  expect(release.tender.value).toEqual({ amount: 346000, currency: "GBP" });
  expect(release.tender.items.map((i) => i.quantity)).toEqual([112, 51, 99, 99]);
  expect(imported(json)).toEqual(parsed.value);
});

describe("a tender without a stated total", () => {
  const tender: Tender = {
    title: "Interim support",
    buyer: "Reading Borough Council",
    currency: "GBP",
    dayRate: 650_00,
    startDate: "2018-01-08",
    endDate: "2018-06-29",
    region: "GB-ENG",
    vatRate: 20,
    lots: [
      { name: "Finance", days: 40 },
      { name: "Social care", days: 12.5, dayRate: 800_00 },
    ],
  };
  const release = tenderToOcds(tender, { publishedDate: PUBLISHED }).releases[0];

  test("gives the computed total, marked as computed", () => {
    // 650 × 40 + 800 × 12.5 = 26,000 + 10,000
    expect(release.tender.value).toEqual({ amount: 36000, currency: "GBP" });
    expect(release.tender.tenderBudget.valueSource).toBe("computed");
    expect(release.tender.lots.map((l) => l.value?.amount)).toEqual([26000, 10000]);
    expect(release.tender.lots.map((l) => l.tenderBudget)).toEqual([
      { valueSource: "computed", dayRateSource: "tender", daysSource: "lot" },
      { valueSource: "computed", dayRateSource: "lot", daysSource: "lot" },
    ]);
    expect(release.tender.items.map((i) => [i.unit.value?.amount, i.quantity])).toEqual([
      [650, 40],
      [800, 12.5],
    ]);
    expect(release.tender.contractPeriod).toEqual({
      startDate: "2018-01-08T00:00:00Z",
      endDate: "2018-06-29T23:59:59+01:00",
    });
  });

  test("reads back without a stated total or stated lot values", () => {
    expect(imported(throughJson(tender))).toEqual(tender);
  });
});

describe("round trip: tender → OCDS → tender", () => {
  test("every export is schema-valid and reads back to the same tender", () => {
    fc.assert(
      fc.property(tenderArb, (tender) => {
        const json = throughJson(tender);
        expect(releasePackageErrors(json)).toEqual([]);
        expect(imported(json)).toEqual(tender);
      }),
      { numRuns: 300 },
    );
  });

  test("a single release (not in a package) reads back too", () => {
    fc.assert(
      fc.property(tenderArb, (tender) => {
        const release = (throughJson(tender) as { releases: unknown[] }).releases[0];
        expect(releaseErrors(release)).toEqual([]);
        expect(imported(release)).toEqual(tender);
      }),
      { numRuns: 50 },
    );
  });

  test("a lot named like a formula survives as text", () => {
    const name = '=HYPERLINK("http://x","click")';
    const tender = { ...dfeTender(), lots: [{ name, statedValue: 1_000_00 }, ...dfeTender().lots.slice(1)] };
    const json = throughJson(tender);
    expect(
      (json as { releases: { tender: { lots: { title: string }[] } }[] }).releases[0].tender.lots[0].title,
    ).toBe(name);
    expect(imported(json).lots[0].name).toBe(name);
  });

  test("what it exports, parseTender accepts as a tender file after import", () => {
    const back = imported(throughJson(dfeTender()));
    const file = {
      ...back,
      statedTotal: back.statedTotal ? back.statedTotal.pence / 100 : undefined,
      lots: back.lots.map((l) => ({ ...l, statedValue: (l.statedValue ?? 0) / 100 })),
    };
    const parsed = parseTender(file);
    expect(parsed.ok).toBe(true);
  });
});

describe("importing what Contracts Finder publishes", () => {
  const json = readFixture("contracts-finder-dfe-2017.json");

  test("the fixture is itself a valid OCDS release package", () => {
    expect(releasePackageErrors(json)).toEqual([]);
  });

  test("reads the tender: buyer, total, UK dates, lots; CPV items without a day unit are ignored", () => {
    const tender = imported(json);
    expect(tender).toEqual({
      title: "Commissioners for Children's Services: Barnet, Kirklees, Reading and Worcestershire",
      buyer: "DEPARTMENT FOR EDUCATION",
      currency: "GBP",
      statedTotal: { pence: 346_000_00, precision: 1_000_00 },
      closingDate: "2017-07-31",
      startDate: "2017-08-31",
      endDate: "2018-03-31",
      region: "GB-ENG",
      vatRate: 20,
      // procurementMethodDetails "Open procedure", mainProcurementCategory, tenderPeriod.startDate
      procedure: "open",
      contractType: "services",
      publishedDate: "2017-07-03",
      lots: [
        { name: "Lot 1: Barnet", statedValue: 107_520_00 },
        { name: "Lot 2: Kirklees", statedValue: 48_960_00 },
        { name: "Lot 3: Reading", statedValue: 95_040_00 },
        { name: "Lot 4: Worcestershire", statedValue: 95_040_00 },
      ],
    });
    // And the engine finds what the headline case needs: £346,560 at £960 a day.
    const allocation = allocate(tender);
    expect(allocation.total).toBe(346_560_00);
    expect(allocation.lines.map((l) => [l.dayRate, l.days])).toEqual([
      [960_00, 112],
      [960_00, 51],
      [960_00, 99],
      [960_00, 99],
    ]);
  });

  test("a notice without lots becomes one lot; its day-rate item gives the rate and days", () => {
    const single = readFixture("contracts-finder-single-lot.json");
    expect(releasePackageErrors(single)).toEqual([]);
    expect(imported(single)).toEqual({
      title: "Interim Director of Children's Services",
      buyer: "Reading Borough Council",
      currency: "GBP",
      statedTotal: { pence: 78_000_00, precision: 1_000_00 },
      closingDate: "2018-02-12",
      startDate: "2018-03-05",
      endDate: "2018-08-31",
      region: "GB-ENG",
      vatRate: 20,
      lots: [
        {
          name: "Interim Director of Children's Services",
          statedValue: 78_000_00,
          dayRate: 650_00,
          days: 120,
        },
      ],
    });
  });

  test("takes the latest release in a package with several", () => {
    const pkg = readFixture("contracts-finder-dfe-2017.json") as { releases: Record<string, unknown>[] };
    const older = releaseLike(pkg.releases[0], "older", "2017-06-01T09:00:00+01:00", 300000);
    const two = { ...pkg, releases: [pkg.releases[0], older] };
    expect(imported(two).statedTotal?.pence).toBe(346_000_00);
  });

  test("a package of several notices (several ocids) is refused, naming them, rather than one read at random", () => {
    const pkg = readFixture("contracts-finder-dfe-2017.json") as { releases: Record<string, unknown>[] };
    const single = readFixture("contracts-finder-single-lot.json") as { releases: Record<string, unknown>[] };
    const result = ocdsToTender({ ...pkg, releases: [pkg.releases[0], single.releases[0]] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].path).toBe("releases");
    expect(result.errors[0].message).toContain(String(pkg.releases[0].ocid));
    expect(result.errors[0].message).toContain(String(single.releases[0].ocid));
  });

  test("the latest release is the latest instant, whatever offsets the dates are written with", () => {
    const pkg = readFixture("contracts-finder-dfe-2017.json") as { releases: Record<string, unknown>[] };
    // 10:15:27 BST is 09:15:27 UTC: the amendment at 09:30 UTC came after it, though "09:30" < "10:15".
    const amendment = releaseLike(pkg.releases[0], "amendment", "2017-07-03T09:30:00Z", 350000);
    expect(imported({ ...pkg, releases: [pkg.releases[0], amendment] }).statedTotal?.pence).toBe(350_000_00);
    expect(imported({ ...pkg, releases: [amendment, pkg.releases[0]] }).statedTotal?.pence).toBe(350_000_00);
  });
});

test("looksLikeOcds tells an OCDS file from a tender file", () => {
  const pkg = throughJson(dfeTender()) as { releases: unknown[] };
  expect(looksLikeOcds(pkg)).toBe(true);
  expect(looksLikeOcds(pkg.releases[0])).toBe(true);
  expect(looksLikeOcds(readFixture("contracts-finder-single-lot.json"))).toBe(true);
  const file = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../../examples/dfe-commissioners-2017.json"), "utf8"),
  );
  expect(looksLikeOcds(file)).toBe(false);
  // A JSON array of packages or releases is what OCDS tools write: read as a package is.
  expect(looksLikeOcds([pkg])).toBe(true);
  expect(looksLikeOcds([])).toBe(false);
  expect(looksLikeOcds([file])).toBe(false);
  expect(looksLikeOcds("{}")).toBe(false);
});

describe("OCDS date-times as UK calendar dates", () => {
  eachGives("%s is %s", ocdsDateTimeToIso, [
    ["2017-07-31T00:00:00Z", "2017-07-31"],
    ["2017-07-30T23:00:00Z", "2017-07-31"], // midnight BST
    ["2017-07-31T12:00:00+01:00", "2017-07-31"],
    ["2017-12-31T23:30:00Z", "2017-12-31"], // GMT in winter
    ["2017-03-26T00:59:00Z", "2017-03-26"], // just before BST starts (01:00 UTC, last Sunday in March)
    ["2017-03-25T23:30:00Z", "2017-03-25"],
    ["2017-10-28T23:30:00Z", "2017-10-29"], // BST until 01:00 UTC on 29 October
    ["2017-10-29T23:30:00Z", "2017-10-29"], // GMT again
    ["2017-08-01T01:00:00+05:30", "2017-07-31"],
    ["2017-07-31", "2017-07-31"],
    ["2017-07-31T09:00:00", "2017-07-31"],
    ["2017-07-31T09:00:00.123+01:00", "2017-07-31"],
  ]);

  test.each(["2019-02-30T00:00:00Z", "31/07/2017", "2017-07-31T25:00:00Z", "", "2017-7-31"])(
    "%s is not a date",
    (text) => {
      expect(ocdsDateTimeToIso(text)).toBeUndefined();
    },
  );

  test("read again (each reading is remembered), the same answers, not-a-date included", () => {
    for (let round = 0; round < 2; round++) {
      expect(ocdsDateTimeToIso("2017-07-30T23:00:00Z")).toBe("2017-07-31");
      expect(ocdsDateTimeToIso("2019-02-30T00:00:00Z")).toBeUndefined();
      expect(ocdsInstant("2017-07-31T00:00:00+01:00")).toBe(ocdsInstant("2017-07-30T23:00:00Z"));
      expect(ocdsInstant("31/07/2017")).toBeUndefined();
    }
    // Past the bound of what is remembered, answers are worked out afresh.
    for (let day = 0; day < 25_000; day++) ocdsDateTimeToIso(`x${day}`);
    expect(ocdsDateTimeToIso("2017-10-28T23:30:00Z")).toBe("2017-10-29");
  });
});

describe("OCDS input problems name the field", () => {
  const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(throughJson(dfeTender())));
  const errorsOf = (json: unknown) => {
    const r = ocdsToTender(json);
    if (r.ok) throw new Error("expected errors");
    return r.errors;
  };

  test("not an object, and not OCDS", () => {
    expect(errorsOf([1, 2])[0].path).toBe("(file)");
    expect(errorsOf({ title: "x" })[0].message).toMatch(/neither `releases` nor `tender`/);
    expect(errorsOf({ releases: [] })[0].path).toBe("releases");
  });

  test("amounts in another currency, negative or with fractions of a penny", () => {
    const json = base() as {
      releases: { tender: { value: { currency: string }; lots: { value: { amount: number } }[] } }[];
    };
    json.releases[0].tender.value.currency = "EUR";
    json.releases[0].tender.lots[1].value.amount = -5;
    json.releases[0].tender.lots[2].value.amount = 95040.001;
    const errors = errorsOf(json);
    expect(errors.map((e) => e.path)).toEqual([
      "releases[0].tender.value.currency",
      "releases[0].tender.lots[1].value.amount",
      "releases[0].tender.lots[2].value.amount",
    ]);
    expect(errors[0].message).toMatch(/"EUR".*GBP/);
  });

  test("a bad date, an item for a lot that is not there, days that are not a number", () => {
    const json = base() as {
      releases: {
        tender: {
          tenderPeriod: { endDate: string };
          items: Record<string, unknown>[];
          lots: Record<string, unknown>[];
        };
      }[];
    };
    // Without our fields the item's quantity is the lot's days, as in another publisher's file.
    delete json.releases[0].tender.lots[1].tenderBudget;
    json.releases[0].tender.tenderPeriod.endDate = "2017-02-30T00:00:00Z";
    json.releases[0].tender.items[0].relatedLot = "9";
    json.releases[0].tender.items[1].quantity = "51";
    expect(errorsOf(json).map((e) => e.path)).toEqual([
      "releases[0].tender.tenderPeriod.endDate",
      "releases[0].tender.items[0].relatedLot",
      "releases[0].tender.items[1].quantity",
    ]);
  });

  test("duplicate lot titles, a lot with nothing to value, a title that is not text", () => {
    const json = base() as {
      releases: Record<string, unknown>[];
    };
    const rel = json.releases[0] as {
      tender: { title?: unknown; lots: Record<string, unknown>[]; items: unknown[] };
    };
    rel.tender.title = 42;
    rel.tender.lots[1].title = "barnet";
    delete rel.tender.lots[3].value;
    rel.tender.items = [];
    expect(errorsOf(json).map((e) => e.path)).toEqual([
      "releases[0].tender.title",
      "releases[0].tender.lots[1].title",
      "releases[0].tender.lots[3].value",
    ]);
  });

  test("no buyer and no title: empty, as in a tender file", () => {
    const json = base() as { releases: Record<string, unknown>[] };
    const rel = json.releases[0] as { buyer?: unknown; parties?: unknown; tender: { title?: string } };
    delete rel.buyer;
    delete rel.parties;
    delete rel.tender.title;
    expect(imported(json)).toEqual({ ...dfeTender(), title: "", buyer: "" });
  });
});

test("a record package: the compiled release is read", () => {
  const pkg = throughJson(dfeTender()) as { releases: Record<string, unknown>[] };
  const recordPackage = {
    uri: "https://example.org/records.json",
    publishedDate: PUBLISHED,
    publisher: { name: "Department for Education" },
    version: "1.1",
    records: [{ ocid: pkg.releases[0].ocid, compiledRelease: pkg.releases[0] }],
  };
  expect(looksLikeOcds(recordPackage)).toBe(true);
  expect(imported(recordPackage)).toEqual(dfeTender());
  const none = ocdsToTender({ records: [{ ocid: "x" }] });
  expect(none.ok ? [] : none.errors.map((e) => e.path)).toEqual(["records"]);
});

test("a lot stated at £0 and a lot of 0 days are kept, as a tender file allows", () => {
  const tender: Tender = {
    ...dfeTender(),
    lots: [
      { name: "Barnet", statedValue: 0 },
      { name: "Kirklees", days: 0, dayRate: 960_00 },
    ],
  };
  const json = throughJson(tender);
  expect(releasePackageErrors(json)).toEqual([]);
  expect(imported(json)).toEqual(tender);
});

test("lots adding up to £0 without a stated total: the computed £0 value reads back", () => {
  const tender: Tender = {
    title: "Framework call-off, values to follow",
    buyer: "Barnet Council",
    currency: "GBP",
    region: "GB-ENG",
    vatRate: 20,
    dayRate: 500_00,
    lots: [
      { name: "Barnet, lot 1", days: 0 },
      { name: "Kirklees", statedValue: 0 },
    ],
  };
  const json = throughJson(tender) as { releases: { tender: { value?: unknown } }[] };
  expect(json.releases[0].tender.value).toEqual({ amount: 0, currency: "GBP" });
  expect(releasePackageErrors(json)).toEqual([]);
  expect(imported(json)).toEqual(tender);
});

describe("published notices as they come", () => {
  /** A one-release package in the shape Contracts Finder publishes, with the given tender. */
  const notice = (tender: Record<string, unknown>): unknown => ({
    version: "1.1",
    releases: [
      {
        ocid: "ocds-b5fd17-0a1b2c3d",
        id: "ocds-b5fd17-0a1b2c3d-1",
        date: "2014-06-02T10:00:00Z",
        tag: ["tender"],
        buyer: { name: "  Bolton Metropolitan Borough Council " },
        tender: { id: "T1", ...tender },
      },
    ],
  });

  test("tender, lot and buyer names are trimmed (a 2014 Contracts Finder lot is ' Investment…')", () => {
    const t = imported(
      notice({
        title: "  Pension fund   advice ",
        value: { amount: 120000, currency: "GBP" },
        lots: [
          { id: "1", title: " Investment consultancy", value: { amount: 80000, currency: "GBP" } },
          { id: "2", title: "Actuarial services  ", value: { amount: 40000, currency: "GBP" } },
        ],
      }),
    );
    expect(t.title).toBe("Pension fund advice");
    expect(t.buyer).toBe("Bolton Metropolitan Borough Council");
    expect(t.lots.map((l) => l.name)).toEqual(["Investment consultancy", "Actuarial services"]);
  });

  test("a single lot with no value of its own takes the tender's value, whether or not unvalued lots are allowed", () => {
    const json = notice({
      title: "Insurance broking",
      value: { amount: 250000, currency: "GBP" },
      lots: [{ id: "1", title: "Insurance broking services" }],
    });
    const strict = ocdsToTender(json);
    const loose = ocdsToTender(json, { allowUnvalued: true });
    expect(strict).toEqual(loose);
    if (!strict.ok) throw new Error(JSON.stringify(strict.errors));
    expect(strict.value.lots).toEqual([{ name: "Insurance broking services", statedValue: 25_000_000 }]);
  });

  test("two lots without values are still lots that need one", () => {
    const json = notice({
      title: "Building services",
      value: { amount: 6000000, currency: "GBP" },
      lots: [
        { id: "1", title: "Building Services Engineering" },
        { id: "2", title: "Mechanical and electrical" },
      ],
    });
    const strict = ocdsToTender(json);
    expect(strict.ok).toBe(false);
    const loose = ocdsToTender(json, { allowUnvalued: true });
    if (!loose.ok) throw new Error(JSON.stringify(loose.errors));
    expect(loose.value.lots.map((l) => l.statedValue)).toEqual([undefined, undefined]);
  });
});

/**
 * Threshold periods, figures and the regime date. Figures from the facts sheet
 * (notes/procurement-rules.md §2 of the shared material), each period's sources named below.
 */
import { addDays } from "../../../src/domain/core/calendar";
import type { BuyerType, ContractType } from "../../../src/domain/core/types";
import {
  BELOW_THRESHOLD_PERIODS,
  periodOn,
  regimeOn,
  SOURCES,
  THRESHOLD_PERIODS,
  thresholdOn,
} from "../../../src/domain/rules";

// Written out again here from the facts sheet, so a figure mistyped in the data fails.
// [from, central s/s, sub-central s/s, works, light touch, utilities s/s, utilities light touch]
const EXPECTED: [string, string, number, number, number, number, number | null, number | null][] = [
  // CMS Law-Now, https://cms-lawnow.com/en/ealerts/2015/12/new-eu-procurement-thresholds-from-1-january-2016
  ["2016-01-01", "ex VAT", 106_047, 164_176, 4_104_394, 589_148, 328_352, null],
  // Pelican, https://pelicanprocurement.co.uk/resources/new-eu-procurement-thresholds-for-public-procurement-from-january-2018/ (utilities not found)
  ["2018-01-01", "ex VAT", 118_133, 181_302, 4_551_413, 615_278, null, null],
  // SI 2021/1221 https://legislation.gov.uk/uksi/2021/1221/regulation/3/made; UCR 2016 https://www.legislation.gov.uk/uksi/2016/274/part/1/chapter/3/crossheading/thresholds
  ["2020-01-01", "ex VAT", 122_976, 189_330, 4_733_252, 663_540, 378_660, 884_720],
  ["2022-01-01", "inc VAT", 138_760, 213_477, 5_336_937, 663_540, 426_955, 884_720],
  // SI 2023/1117 https://legislation.gov.uk/uksi/2023/1117/made/data.htm?view=plain
  ["2024-01-01", "inc VAT", 139_688, 214_904, 5_372_609, 663_540, 429_809, 884_720],
  // Procurement Pathway thresholds https://www.procurementpathway.civilservice.gov.uk/documents/guidance/thresholds (SI 2025/163)
  ["2025-02-24", "inc VAT", 139_688, 214_904, 5_372_609, 663_540, 429_809, 884_720],
  // LUPC (PPN 023) https://www.lupc.ac.uk/news-events/newsarticle/new-financial-thresholds-from-1-january-2026
  ["2026-01-01", "inc VAT", 135_018, 207_720, 5_193_000, 663_540, 415_440, 884_720],
];

const pence = (pounds: number | null): number | undefined => (pounds === null ? undefined : pounds * 100);

function figures(date: string) {
  const at = (b: BuyerType, c: ContractType) => thresholdOn(date, b, c)?.value;
  return [
    thresholdOn(date, "central", "services")?.period.comparedWith,
    at("central", "services"),
    at("sub-central", "supplies"),
    at("sub-central", "works"),
    at("central", "light-touch"),
    at("utility", "services"),
    at("utility", "light-touch"),
  ];
}

describe("threshold periods (a new period is one row)", () => {
  it("holds exactly the periods of the facts sheet, in date order", () => {
    expect(THRESHOLD_PERIODS.map((p) => p.from)).toEqual(EXPECTED.map((e) => e[0]));
  });

  it.each(EXPECTED)(
    "the period from %s has the published figures on its first day",
    (from, vat, ...values) => {
      expect(figures(from)).toEqual([vat, ...values.map(pence)]);
      expect(thresholdOn(from, "central", "supplies")?.value).toBe(values[0] * 100);
      expect(thresholdOn(from, "central", "works")?.value).toBe(values[2] * 100);
    },
  );

  it.each(EXPECTED.slice(1).map((e, i) => [e[0], EXPECTED[i]] as const))(
    "the day before %s is still in the previous period",
    (from, previous) => {
      const dayBefore = addDays(from, -1);
      const [, vat, ...values] = previous;
      expect(figures(dayBefore)).toEqual([vat, ...values.map(pence)]);
      expect(thresholdOn(dayBefore, "central", "services")?.to).toBe(dayBefore);
      expect(thresholdOn(from, "central", "services")?.period.from).toBe(from);
    },
  );

  it("holds nothing before 1 January 2016, and the latest period has no end", () => {
    expect(thresholdOn("2015-12-31", "central", "services")).toBeUndefined();
    expect(thresholdOn("2016-01-01", "central", "services")?.value).toBe(10_604_700);
    expect(thresholdOn("2030-06-01", "central", "services")?.to).toBeUndefined();
  });

  it("has no figure for utilities' works contracts (not in the facts sheet)", () => {
    expect(thresholdOn("2024-06-01", "utility", "works")).toBeUndefined();
  });

  it("cites only sources the facts sheet lists, each with an address", () => {
    for (const p of [...THRESHOLD_PERIODS, ...BELOW_THRESHOLD_PERIODS]) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const key of p.sources) expect(SOURCES[key].url).toMatch(/^https?:\/\//);
    }
  });
});

describe("regime by the date the procurement started", () => {
  // Transitional guidance https://gov.uk/government/publications/procurement-act-2023-guidance-documents-plan-phase/guidance-transitional-and-saving-arrangements-html
  it("is PCR 2015 on 23 February 2025 and the Procurement Act 2023 from 24 February 2025", () => {
    expect(regimeOn("2025-02-23")).toBe("PCR 2015");
    expect(regimeOn("2025-02-24")).toBe("Procurement Act 2023");
    expect(regimeOn("2017-07-26")).toBe("PCR 2015");
    expect(thresholdOn("2025-02-23", "central", "services")?.period.regime).toBe("PCR 2015");
    expect(thresholdOn("2025-02-24", "central", "services")?.period.regime).toBe("Procurement Act 2023");
  });
});

describe("below-threshold publication values", () => {
  // PPN 09/21 https://gov.uk/government/publications/ppn-0921-requirements-to-publish-on-contracts-finder ;
  // PPN 01/23 https://gov.uk/government/publications/ppn-0123-requirements-to-publish-on-contracts-finder/guidance-on-the-transparency-requirements-for-publishing-on-contracts-finder-html
  it("moves from £10,000/£25,000 to £12,000/£30,000 on 21 December 2022", () => {
    expect(periodOn(BELOW_THRESHOLD_PERIODS, "2022-12-20")).toMatchObject({
      central: 1_000_000,
      subCentral: 2_500_000,
      comparedWith: "inc VAT",
    });
    expect(periodOn(BELOW_THRESHOLD_PERIODS, "2022-12-21")).toMatchObject({
      central: 1_200_000,
      subCentral: 3_000_000,
    });
    expect(periodOn(BELOW_THRESHOLD_PERIODS, "2021-12-31")?.comparedWith).toBe("ex VAT");
    expect(periodOn(BELOW_THRESHOLD_PERIODS, "2025-02-24")?.where).toMatch(/Central Digital Platform/);
    expect(periodOn(BELOW_THRESHOLD_PERIODS, "2025-02-23")?.where).toBe("Contracts Finder");
  });
});

import { groupFindings, headlineSentence, money, percent, type Headline } from "../../src/taskpane/view";
import { fileStem } from "../../src/taskpane/download";

const base: Headline = {
  total: 34_656_000,
  vat: 6_931_200,
  totalIncVat: 41_587_200,
  vatRate: 20,
  dayRateInferred: true,
  dayRates: [],
};

describe("headlineSentence", () => {
  it("says plainly that the DfE lots come to £560 more than stated", () => {
    const h = { ...base, stated: { pence: 34_600_000, precision: 100_000 }, variance: 56_000 };
    expect(headlineSentence(h)).toBe("The lots add up to £346,560, £560 more than the £346,000 stated.");
  });

  it("says less when the lots fall short, and exactly when they agree", () => {
    const stated = { pence: 34_700_000, precision: 100_000 };
    expect(headlineSentence({ ...base, stated, variance: -44_000 })).toBe(
      "The lots add up to £346,560, £440 less than the £347,000 stated.",
    );
    expect(headlineSentence({ ...base, stated: { pence: 34_656_000, precision: 1 }, variance: 0 })).toBe(
      "The lots add up to £346,560, exactly the £346,560 stated.",
    );
  });

  it("says when there is no stated total", () => {
    expect(headlineSentence(base)).toBe(
      "The lots add up to £346,560. The tender states no total to check them against.",
    );
  });
});

describe("formatting", () => {
  it("writes money and percentages en-GB", () => {
    expect(money(56_000, true)).toBe("+£560");
    expect(money(12_345)).toBe("£123.45");
    expect(percent(0.16184971)).toBe("+0.16%");
    expect(percent(31.02, false)).toBe("31.02%");
  });

  it("makes safe file names", () => {
    expect(fileStem("Children's services: Barnet & Kirklees")).toBe("children-s-services-barnet-kirklees");
    expect(fileStem("£££")).toBe("tender");
  });
});

describe("groupFindings", () => {
  it("puts errors first and drops empty groups", () => {
    const groups = groupFindings([
      { code: "RATE_INFERRED", severity: "info", message: "i", path: "dayRate" },
      { code: "TOTAL_MISMATCH", severity: "error", message: "e", path: "statedTotal" },
    ]);
    expect(groups.map((g) => [g.severity, g.findings.map((f) => f.message)])).toEqual([
      ["error", ["e"]],
      ["info", ["i"]],
    ]);
  });
});

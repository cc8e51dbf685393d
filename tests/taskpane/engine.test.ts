import { checkDraft, optionsFromChoices, readTolerance } from "../../src/taskpane/engine";
import { tenderToDraft } from "../../src/taskpane/draft";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { DEFAULT_OPTIONS } from "../../src/taskpane/state";
import { reportView } from "../../src/domain/formats/report-view";

describe("checkDraft on the DfE 2017 example", () => {
  it("gives £346,560 against £346,000, a £960 implied rate and 112, 51, 99 and 99 days", () => {
    const c = checkDraft(tenderToDraft(DFE_2017_TENDER), DEFAULT_OPTIONS);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const h = c.view.headline;
    expect(h.total).toBe(34_656_000);
    expect(h.stated?.pence).toBe(34_600_000);
    expect(h.variance).toBe(56_000);
    expect(h.variancePercent).toBeCloseTo(0.1618, 4);
    expect(h.dayRate).toBe(96_000);
    expect(h.dayRateInferred).toBe(true);
    expect(h.totalIncVat).toBe(41_587_200);
    expect(c.view.lines.map((l) => [l.lot, l.days, l.value])).toEqual([
      ["Barnet", 112, 10_752_000],
      ["Kirklees", 51, 4_896_000],
      ["Reading", 99, 9_504_000],
      ["Worcestershire", 99, 9_504_000],
    ]);
    expect(c.view.findings.find((f) => f.code === "TOTAL_MISMATCH")?.severity).toBe("error");
    // Phasing from 31 August 2017 adds up to the total whichever way it is rolled up.
    const sum = (rows: { value: number }[]) => rows.reduce((s, r) => s + r.value, 0);
    expect(sum(c.view.phasing.months)).toBe(34_656_000);
    expect(sum(c.view.phasing.quarters)).toBe(34_656_000);
    expect(sum(c.view.phasing.financialYears)).toBe(34_656_000);
    expect(c.view.phasing.months[0].label).toBe("August 2017");
    expect(c.view.phasing.quarters[0].label).toBe("Q2 2017/18 (Jul–Sep)");
  });

  it("follows an edited day count: 113 days for Barnet makes £347,520", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.lots[0].days = "113";
    const c = checkDraft(draft, DEFAULT_OPTIONS);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    expect(c.view.headline.total).toBe(34_752_000);
    expect(c.view.headline.variance).toBe(152_000);
    expect(c.view.lines[0]).toMatchObject({ days: 113, value: 10_848_000, variance: 96_000 });
  });

  it("charges no VAT when VAT is off, and a £600 tolerance accepts the £560", () => {
    const c = checkDraft(tenderToDraft(DFE_2017_TENDER), {
      ...DEFAULT_OPTIONS,
      vatOn: false,
      toleranceAmount: "£600",
    });
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    expect(c.view.headline.totalIncVat).toBe(34_656_000);
    expect(c.tolerance).toEqual({ absolute: 60_000, percent: 0 });
    expect(c.view.findings.some((f) => f.severity === "error")).toBe(false);
  });

  it("returns input problems by path instead of a report", () => {
    const draft = tenderToDraft(DFE_2017_TENDER);
    draft.statedTotal = "lots";
    draft.lots[1].days = "-2";
    const c = checkDraft(draft, { ...DEFAULT_OPTIONS, tolerancePercent: "half" });
    if (c.ok) throw new Error("expected problems");
    expect([...c.byPath.keys()].sort()).toEqual(["lots[1].days", "statedTotal", "tolerancePercent"]);
    expect(c.unplaced).toEqual([]);
  });
});

describe("options", () => {
  it("reads the tolerance boxes", () => {
    expect(readTolerance({ ...DEFAULT_OPTIONS, toleranceAmount: "", tolerancePercent: "0.5%" })).toEqual({
      tolerance: { absolute: 0, percent: 0.5 },
      errors: [],
    });
    expect(readTolerance({ ...DEFAULT_OPTIONS, tolerancePercent: "150" }).errors[0].path).toBe(
      "tolerancePercent",
    );
    expect(readTolerance({ ...DEFAULT_OPTIONS, toleranceAmount: "abc" }).errors[0].path).toBe(
      "toleranceAmount",
    );
  });

  it("says what to write when a tolerance is out of range", () => {
    expect(readTolerance({ ...DEFAULT_OPTIONS, toleranceAmount: "-5" }).errors).toEqual([
      {
        path: "toleranceAmount",
        message: "The tolerance cannot be negative: write 0, or the difference you accept, such as £500.",
      },
    ]);
    expect(readTolerance({ ...DEFAULT_OPTIONS, tolerancePercent: "150" }).errors[0].message).toMatch(
      /: write 0, or a percentage such as 0\.5\.$/,
    );
  });

  it("restores only well-formed choices kept in a workbook", () => {
    expect(
      optionsFromChoices({ vatOn: false, phasingView: "quarter", daysPerWeek: 3, toleranceAmount: "500" }),
    ).toEqual({ vatOn: false, phasingView: "quarter", daysPerWeek: 3, toleranceAmount: "500" });
    expect(optionsFromChoices({ vatOn: "yes", phasingView: "week", daysPerWeek: 9 })).toEqual({});
  });

  it("labels financial quarters with their months", () => {
    const c = checkDraft(tenderToDraft(DFE_2017_TENDER), DEFAULT_OPTIONS);
    if (!c.ok) throw new Error("expected a report");
    expect(c.view.phasing.quarters.map((q) => q.label)).toEqual([
      "Q2 2017/18 (Jul–Sep)",
      "Q3 2017/18 (Oct–Dec)",
      "Q4 2017/18 (Jan–Mar)",
    ]);
  });
});

describe("one view for the pane and the workbook", () => {
  test("the pane's view of the DfE example is this same view (the workbook's), not a copy of its own", () => {
    const checked = checkDraft(tenderToDraft(DFE_2017_TENDER), DEFAULT_OPTIONS);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.view).toEqual(reportView(checked.report, checked.tolerance));
    expect(checked.view.tender).toBe(checked.report.tender);
  });
});

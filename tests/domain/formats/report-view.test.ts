/** One view of a checked tender for the pane and the workbook (src/domain/formats/report-view.ts). */
import { checkTender } from "../../../src/domain/check/check";
import { DFE_2017_TENDER } from "../../../src/domain/core/examples";
import { reportView } from "../../../src/domain/formats/report-view";
import { DFE_HEADLINE } from "../../support/tenders";

describe("the report view", () => {
  const view = reportView(checkTender(DFE_2017_TENDER));

  test("DfE 2017: the headline figures, with the inferred £960 and the status", () => {
    expect(view.headline).toEqual({ ...DFE_HEADLINE, inferredDayRate: 960_00 });
    expect(view.tolerance).toEqual({ absolute: 0, percent: 0 });
  });

  test("each lot with the rate and days used, its share and its dates; periods with key and label", () => {
    expect(view.lines[0]).toEqual({
      lot: "Barnet",
      dayRate: 960_00,
      days: 112,
      value: 107_520_00,
      statedValue: 107_520_00,
      variance: undefined,
      share: 107_520_00 / 346_560_00,
      startDate: "2017-08-31",
      endDate: undefined,
    });
    expect(view.phasing.quarters[0]).toMatchObject({ period: "2017/18 Q2", label: "Q2 2017/18 (Jul–Sep)" });
    expect(view.phasing.total).toBe(346_560_00);
  });
});

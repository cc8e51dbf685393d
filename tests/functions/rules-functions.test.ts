/**
 * TENDER.THRESHOLD and TENDER.STANDSTILLEND at their boundaries. Figures and rules: docs/rules.md
 * (thresholds: SI 2021/1221 https://legislation.gov.uk/uksi/2021/1221/regulation/3/made and the
 * facts sheet's sources; standstill: PA 2023 s.51
 * https://legislation.gov.uk/ukpga/2023/54/part/3/chapter/5/enacted?view=plain).
 */
import { standstillend, threshold } from "../../src/functions/functions";
import { excelError } from "./helpers";

describe("TENDER.THRESHOLD", () => {
  it("changes on the first day of each period, not the day before", () => {
    expect(threshold("2017-12-31", "central", "services")).toBe(106047);
    expect(threshold("2018-01-01", "central", "services")).toBe(118133);
    expect(threshold("2025-12-31", "sub-central", "supplies")).toBe(214904);
    expect(threshold("2026-01-01", "sub-central", "supplies")).toBe(207720);
    expect(threshold(42942, "central", "works")).toBe(4104394); // 26 July 2017 as an Excel date
  });

  it("is #N/A where no figure is held, and #VALUE! naming a bad argument", () => {
    expect(excelError(() => threshold("2015-12-31", "central", "services"))).toMatchObject({ code: "#N/A" });
    expect(excelError(() => threshold("2024-01-01", "utility", "works"))).toMatchObject({ code: "#N/A" });
    expect(excelError(() => threshold("2024-01-01", "central", "consultancy")).message).toMatch(
      /^contract_type: /,
    );
    expect(excelError(() => threshold("", "central", "services")).message).toMatch(/^date is empty/);
  });
});

describe("TENDER.STANDSTILLEND", () => {
  it("chooses the regime by the notice date when none is given: the Act from 24 February 2025", () => {
    // 21 Feb 2025 (Fri) under PCR: 3 March (Mon). 24 Feb 2025 (Mon) under the Act: 5 March (Wed).
    expect(standstillend("2025-02-21")).toBe(45719);
    expect(standstillend("2025-02-24")).toBe(45721);
    expect(standstillend("2025-02-24", "PCR 2015")).toBe(45722);
  });

  it("names a bad regime or date", () => {
    expect(excelError(() => standstillend("2025-02-24", "EU")).message).toMatch(
      /^regime: "EU" is not a regime/,
    );
    expect(excelError(() => standstillend("31/02/2025")).code).toBe("#VALUE!");
  });
});

/**
 * Standstill, latest award notice and tendering periods.
 * PCR 2015 reg 87 (Procurement Pathway: standstill period,
 * https://www.procurementpathway.civilservice.gov.uk/documents/pcr2015/standstill-period/contract-award-and-implementation):
 * ends at the end of the 10th day after sending; moved to the next working day when it is not one
 * (FELP, https://www.felp.ac.uk/content/standstill-period).
 * Procurement Act 2023 s.51 (https://legislation.gov.uk/ukpga/2023/54/part/3/chapter/5/enacted?view=plain):
 * 8 working days beginning with the day the contract award notice is published; bank holidays of
 * any part of the UK excluded (Trowers & Hamlins, http://trowers.com/insights/2025/november/contracting-authorities-do-not-give-challengers-an-accidental-gift-this-festive-season).
 */
import fc from "fast-check";
import { addDays, compareIso, fromDayNumber, isWorkingDay } from "../../../src/domain/core/calendar";
import type { Regime } from "../../../src/domain/core/types";
import {
  isUkWorkingDay,
  latestAwardNoticeFor,
  minimumTenderingPeriod,
  parseRegime,
  standstillEnd,
  tenderingDays,
} from "../../../src/domain/rules";

const ACT: Regime = "Procurement Act 2023";
const PCR: Regime = "PCR 2015";

describe("UK working days (bank holidays of any part of the UK excluded)", () => {
  it("excludes England's Easter Monday, Scotland's 2 January and St Andrew's Day, NI's St Patrick's Day", () => {
    expect(isWorkingDay("2025-04-21", "GB-SCT")).toBe(true);
    expect(isUkWorkingDay("2025-04-21")).toBe(false); // Easter Monday: England & Wales, NI
    expect(isWorkingDay("2026-01-02", "GB-ENG")).toBe(true);
    expect(isUkWorkingDay("2026-01-02")).toBe(false); // Scotland
    expect(isUkWorkingDay("2025-12-01")).toBe(false); // St Andrew's Day substitute, Scotland
    expect(isUkWorkingDay("2025-03-17")).toBe(false); // St Patrick's Day, NI
    expect(isUkWorkingDay("2025-03-18")).toBe(true);
  });
});

describe("Procurement Act 2023 standstill: 8 working days beginning with the notice day", () => {
  it("counts the notice day itself when it is a working day", () => {
    // Mon 2 June 2025: 2,3,4,5,6,9,10,11.
    expect(standstillEnd("2025-06-02", ACT)).toBe("2025-06-11");
    // Tue 3 June: one day later.
    expect(standstillEnd("2025-06-03", ACT)).toBe("2025-06-12");
  });

  it("starts counting on the next working day when the notice goes out on a Saturday", () => {
    expect(standstillEnd("2025-05-31", ACT)).toBe("2025-06-11");
  });

  it("runs over Christmas 2025 with Scotland's 2 January excluded (England alone would end on 5 January)", () => {
    // 22,23,24 Dec, 29,30,31 Dec, 5,6 Jan.
    expect(standstillEnd("2025-12-22", ACT)).toBe("2026-01-06");
  });

  it("runs over Easter 2025 with Easter Monday excluded (Scotland alone would end on 24 April)", () => {
    // 14,15,16,17, [18 Good Friday, 21 Easter Monday], 22,23,24,25.
    expect(standstillEnd("2025-04-14", ACT)).toBe("2025-04-25");
  });

  it("excludes Northern Ireland's St Patrick's Day", () => {
    // 13,14, [17 NI], 18,19,20,21,24,25 March 2025 (England alone: 24 March).
    expect(standstillEnd("2025-03-13", ACT)).toBe("2025-03-25");
  });

  it("excludes Scotland's St Andrew's Day substitute, Monday 1 December 2025", () => {
    expect(standstillEnd("2025-11-26", ACT)).toBe("2025-12-08");
  });
});

describe("PCR 2015 standstill: the 10th day after sending, moved to the next working day", () => {
  it("ends on the 10th day after when that is a working day", () => {
    expect(standstillEnd("2025-06-02", PCR)).toBe("2025-06-12");
    expect(standstillEnd("2017-08-20", PCR)).toBe("2017-08-30");
  });

  it("moves off Christmas Day and Boxing Day 2025 and the weekend to Monday 29 December", () => {
    expect(standstillEnd("2025-12-15", PCR)).toBe("2025-12-29");
  });

  it("moves off Good Friday and Easter Monday 2025 (England and NI) to 22 April", () => {
    expect(standstillEnd("2025-04-08", PCR)).toBe("2025-04-22");
  });

  it("moves off Scotland's 2 January 2026 to Monday 5 January", () => {
    expect(standstillEnd("2025-12-23", PCR)).toBe("2026-01-05");
  });
});

describe("latest award notice for a planned start", () => {
  it("is the last day whose standstill ends before the start", () => {
    // DfE 2017: start Thursday 31 August 2017.
    expect(latestAwardNoticeFor("2017-08-31", PCR)).toBe("2017-08-20");
    expect(standstillEnd("2017-08-21", PCR)).toBe("2017-08-31");
    expect(latestAwardNoticeFor("2026-01-07", ACT)).toBe("2025-12-22");
    expect(standstillEnd("2025-12-23", ACT)).toBe("2026-01-07");
  });

  it("for any start and regime: its standstill ends before the start, the next day's does not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 16800, max: 22000 }), fc.boolean(), (n, act) => {
        const regime = act ? ACT : PCR;
        const start = fromDayNumber(n);
        const latest = latestAwardNoticeFor(start, regime);
        expect(compareIso(standstillEnd(latest, regime), start)).toBe(-1);
        expect(compareIso(standstillEnd(addDays(latest, 1), regime), start)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe("tendering period", () => {
  // PCR 2015 reg 27 http://legislation.gov.uk/uksi/2015/102/regulation/27/made: 35 days, 30 electronically.
  it("counts calendar days after publication: DfE 2017, 26 to 31 July, is 5 days", () => {
    expect(tenderingDays("2017-07-26", "2017-07-31")).toBe(5);
  });

  it("has a 30-day minimum for a PCR open procedure, and none the facts confirm elsewhere", () => {
    expect(minimumTenderingPeriod(PCR, "open", "services", false)).toMatchObject({ days: 30 });
    expect(minimumTenderingPeriod(PCR, "open", "works", false)).toMatchObject({ days: 30 });
    expect(minimumTenderingPeriod(PCR, "open", "light-touch", false)).toHaveProperty("reason");
    expect(minimumTenderingPeriod(PCR, "restricted", "services", false)).toHaveProperty("reason");
    expect(minimumTenderingPeriod(PCR, "open", "services", true)).toHaveProperty("reason");
    expect(minimumTenderingPeriod(ACT, "open", "services", false)).toHaveProperty("reason");
  });
});

describe("parseRegime", () => {
  it("reads a regime from its names, ignoring case and spaces, and refuses any other word", () => {
    expect(parseRegime(" pa   2023 ")).toEqual({ ok: true, value: "Procurement Act 2023" });
    expect(parseRegime("PCR")).toEqual({ ok: true, value: "PCR 2015" });
    // A word every object answers to is not a regime.
    expect(parseRegime("constructor")).toEqual({
      ok: false,
      error: '"constructor" is not a regime; use "PCR 2015" or "Procurement Act 2023"',
    });
  });
});

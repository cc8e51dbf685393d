/**
 * The regime by start date, minimum tendering periods and standstill (facts sheet §1, §5, §6).
 */
import { addDays, compareIso, isWorkingDay, toDayNumber } from "../core/calendar";
import { describeValue } from "../core/messages";
import { wordReader } from "../core/names";
import type { ContractType, IsoDate, Parsed, Procedure, Regime } from "../core/types";
import { REGIONS } from "../core/types";
import type { SourceKey } from "./sources";

/** Procurements started on or after this day are governed by the Procurement Act 2023. */
export const PROCUREMENT_ACT_START: IsoDate = "2025-02-24";
export const REGIME_SOURCES: readonly SourceKey[] = ["G1", "P1"];

/** PCR 2015 for a procurement started before 24 February 2025, else the Procurement Act 2023. */
export function regimeOn(started: IsoDate): Regime {
  return compareIso(started, PROCUREMENT_ACT_START) < 0 ? "PCR 2015" : "Procurement Act 2023";
}

/**
 * A weekday that is a bank holiday in no part of the UK (England & Wales, Scotland, Northern
 * Ireland): the Act's working day as practitioners read it (facts sheet §6, F19, F20).
 */
export function isUkWorkingDay(date: IsoDate): boolean {
  return REGIONS.every((region) => isWorkingDay(date, region));
}

const REGIME_WORDS: Record<string, Regime> = {
  pcr: "PCR 2015",
  "pcr 2015": "PCR 2015",
  pcr2015: "PCR 2015",
  "public contracts regulations": "PCR 2015",
  "public contracts regulations 2015": "PCR 2015",
  pa: "Procurement Act 2023",
  "pa 2023": "Procurement Act 2023",
  pa2023: "Procurement Act 2023",
  act: "Procurement Act 2023",
  "procurement act": "Procurement Act 2023",
  "procurement act 2023": "Procurement Act 2023",
};

/** A regime from its name: "PCR 2015" (or "PCR"), "Procurement Act 2023" (or "PA 2023", "Act"). */
export const parseRegime: (value: unknown) => Parsed<Regime> = wordReader(
  REGIME_WORDS,
  (value) => `${describeValue(value)} is not a regime; use "PCR 2015" or "Procurement Act 2023"`,
);

/** PCR 2015 reg 87: the standstill ends at midnight at the end of the 10th day after sending. */
export const PCR_STANDSTILL_DAYS = 10;
/** Procurement Act 2023 s.51: 8 working days, beginning with the day the award notice is published. */
export const ACT_STANDSTILL_WORKING_DAYS = 8;
export const STANDSTILL_SOURCES: Record<Regime, readonly SourceKey[]> = {
  "PCR 2015": ["G13", "F18"],
  "Procurement Act 2023": ["L8", "G12", "F19", "F20"],
};

/**
 * The last day of the standstill for an award notice (PCR: award decision notices) sent or
 * published on `notice`. PCR 2015: the 10th day after, moved to the next working day when it is
 * not one (the conservative rule; its legal basis is not confirmed). Procurement Act 2023: the
 * 8th working day counting the notice's own day when it is a working day. Working days exclude
 * weekends and the bank holidays of every part of the UK.
 */
export function standstillEnd(notice: IsoDate, regime: Regime): IsoDate {
  if (regime === "PCR 2015") {
    let end = addDays(notice, PCR_STANDSTILL_DAYS);
    while (!isUkWorkingDay(end)) end = addDays(end, 1);
    return end;
  }
  let day = notice;
  let counted = 0;
  for (;;) {
    if (isUkWorkingDay(day)) {
      counted++;
      if (counted === ACT_STANDSTILL_WORKING_DAYS) return day;
    }
    day = addDays(day, 1);
  }
}

/**
 * The last day an award notice can go out for the contract to be entered into on `start`: the
 * latest day whose standstill ends before `start`.
 */
export function latestAwardNoticeFor(start: IsoDate, regime: Regime): IsoDate {
  let notice = addDays(start, -1);
  // Standstill ends no earlier than its notice, so this walks back at most a few weeks.
  while (compareIso(standstillEnd(notice, regime), start) >= 0) notice = addDays(notice, -1);
  return notice;
}

/** Calendar days from publication to closing, the publication day not counted. */
export function tenderingDays(published: IsoDate, closing: IsoDate): number {
  return toDayNumber(closing) - toDayNumber(published);
}

export interface MinimumPeriod {
  days: number;
  /** What the figure assumes, in plain words. */
  assumption: string;
  sources: readonly SourceKey[];
}

/**
 * The minimum tendering period the facts confirm, or a reason why none is checked. Only the PCR
 * 2015 open procedure (reg 27) is confirmed on the statute: 35 days, 30 where tenders are
 * submitted electronically (taken here as the shortest without a prior information notice or
 * urgency, both of which can cut it to 15). The Act's s.54 figures, the restricted procedure's
 * two-stage periods and light-touch contracts are not confirmed, so they are not checked.
 */
export function minimumTenderingPeriod(
  regime: Regime,
  procedure: Procedure,
  contract: ContractType | undefined,
  utility: boolean,
): MinimumPeriod | { reason: string } {
  if (regime === "Procurement Act 2023") {
    return {
      reason:
        "the Procurement Act 2023 s.54 minimum periods are not confirmed against the statute, so the tendering period is not checked",
    };
  }
  if (utility) {
    return {
      reason:
        "utilities follow the Utilities Contracts Regulations 2016, whose time limits are not in the facts checked, so the tendering period is not checked",
    };
  }
  if (procedure !== "open") {
    return {
      reason:
        procedure === "restricted"
          ? "the restricted procedure runs in two stages (requests to participate, then tenders from the invitation), so the period from the contract notice to closing is not checked"
          : `the ${procedure} procedure has no confirmed minimum tendering period in the facts checked`,
    };
  }
  if (contract === undefined) {
    return { reason: "give the contract type: light-touch contracts have no confirmed minimum period" };
  }
  if (contract === "light-touch") {
    return {
      reason:
        "light-touch contracts have no confirmed statutory minimum period, so the period is not checked",
    };
  }
  return {
    days: 30,
    assumption:
      "PCR 2015 reg 27 open procedure: 35 days from the contract notice, 30 when tenders are submitted electronically (as assumed here); 15 after a prior information notice or in urgency",
    sources: ["L7", "F16", "F17"],
  };
}

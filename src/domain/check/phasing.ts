/**
 * Phasing: when each lot's money is spent. A lot's days are worked from its start date at a
 * number of days a week (5 by default: every working day), month by month, skipping weekends and
 * the region's bank holidays; its value is split over those months in proportion to the days
 * worked in each, by the largest-remainder method, so the months add up to the lot's value to the
 * penny. Then rolled up by calendar month, UK financial quarter and UK financial year.
 *
 * A lot is phased at its pace from its start even past its end date (the CAPACITY finding says
 * when its days do not fit). A lot with no start date or no days is reported, not guessed.
 */
import type { Allocation, AllocationLine } from "./allocation";
import {
  endOfMonth,
  formatMonth,
  formatQuarter,
  financialQuarter,
  financialYear,
  workingDayEnd,
  workingDaysBetween,
} from "../core/calendar";
import { prepareWeights, splitByWeights, type PreparedWeights } from "../core/distribute";
import { asSmallInteger } from "../core/money";
import { phasingMessages as m } from "../core/messages";
import type { IsoDate, Pence, Region, Tender } from "../core/types";

export interface PhasingOptions {
  /** Days worked a week, more than 0 and at most 5 (default 5). */
  daysPerWeek?: number;
}

export interface PhasedMonth {
  /** "2017-08". */
  month: string;
  /** Days of work in the month. */
  days: number;
  value: Pence;
}

export interface LotPhasing {
  index: number;
  lot: string;
  startDate: IsoDate;
  /** The working day the lot's last day of work falls on, at this pace. */
  endDate: IsoDate;
  days: number;
  value: Pence;
  /**
   * The lot's value month by month. Lots with the same start date, days and value share one
   * array (phasing 100,000 lots stays fast): read it, do not change it.
   */
  months: PhasedMonth[];
}

export interface UnphasedLot {
  index: number;
  lot: string;
  /** The field that is missing, e.g. `lots[2].startDate`. */
  path: string;
  reason: string;
}

export interface Phasing {
  daysPerWeek: number;
  lots: LotPhasing[];
  unphased: UnphasedLot[];
  /** Every calendar month from the first to the last with money in it, in order. */
  months: { month: string; value: Pence }[];
  /** UK financial quarters, "2017/18 Q2", in order. */
  quarters: { quarter: string; value: Pence }[];
  /** UK financial years, "2017/18", in order. */
  financialYears: { financialYear: string; value: Pence }[];
  /** The value phased: the sum of the phased lots' values. */
  total: Pence;
}

/** One period of the phasing as the pane and the workbook show it. */
export interface PhasingPeriod {
  /** The key: "2017-08", "2017/18 Q2", "2017/18". */
  period: string;
  /** What people read: "August 2017", "Q2 2017/18 (Jul–Sep)", "2017/18". */
  label: string;
  value: Pence;
}

/** The phasing by month, by financial quarter and by financial year, each period labelled. */
export function phasingPeriods(p: Phasing): {
  months: PhasingPeriod[];
  quarters: PhasingPeriod[];
  financialYears: PhasingPeriod[];
} {
  return {
    months: p.months.map((m) => ({ period: m.month, label: formatMonth(m.month), value: m.value })),
    quarters: p.quarters.map((q) => ({ period: q.quarter, label: formatQuarter(q.quarter), value: q.value })),
    financialYears: p.financialYears.map((y) => ({
      period: y.financialYear,
      label: y.financialYear,
      value: y.value,
    })),
  };
}

/** A lot is not phased beyond this many years. */
export const MAX_PHASING_YEARS = 100;

function nextMonthStart(month: string): IsoDate {
  const y = Number(month.slice(0, 4));
  const mo = Number(month.slice(5, 7));
  return mo === 12
    ? `${String(y + 1).padStart(4, "0")}-01-01`
    : `${month.slice(0, 4)}-${String(mo + 1).padStart(2, "0")}-01`;
}

interface Spread {
  months: { month: string; days: number }[];
  endDate: IsoDate;
}

/** Days of work month by month from `start` at `daysPerWeek`, over the region's working days. */
function spreadDays(start: IsoDate, days: number, region: Region, daysPerWeek: number): Spread | "too-long" {
  const months: { month: string; days: number }[] = [];
  let remaining = days;
  const epsilon = 1e-9 * Math.max(1, days);
  let from: IsoDate = start;
  while (remaining > epsilon) {
    if (months.length > MAX_PHASING_YEARS * 12) return "too-long";
    const monthEnd = endOfMonth(from);
    const capacity = (workingDaysBetween(from, monthEnd, region) * daysPerWeek) / 5;
    const take = Math.min(remaining, capacity);
    if (take > 0) months.push({ month: from.slice(0, 7), days: take });
    remaining -= take;
    from = nextMonthStart(from.slice(0, 7));
  }
  return { months, endDate: workingDayEnd(start, days, region, daysPerWeek) };
}

/**
 * A number of days as a map key: its hundredths when that is a whole number (2.5 days → 250), which
 * a map looks up as it is; other numbers (worked out from a stated value) as they are, never whole, so
 * never equal to a key of the first kind. A fractional number itself would be boxed for every look-up.
 */
function daysKey(days: number): number {
  const hundredths = days * 100;
  return Number.isInteger(hundredths) && hundredths / 100 === days ? asSmallInteger(hundredths) : days;
}

/** One start date and number of days at the pace: its months, worked out once for every lot that shares them. */
interface Pace {
  months: readonly string[];
  days: readonly number[];
  weights: PreparedWeights;
  endDate: IsoDate;
  /** The months of a lot of this pace, by its value, and how many lots have them. */
  byValue: Map<Pence, { months: PhasedMonth[]; lots: number }>;
}

/** Phase each lot of an allocation; the months of each lot add up to its value exactly. */
export function phase(tender: Tender, allocation: Allocation, options: PhasingOptions = {}): Phasing {
  const daysPerWeek = options.daysPerWeek ?? 5;
  if (!Number.isFinite(daysPerWeek) || daysPerWeek <= 0 || daysPerWeek > 5) {
    throw new RangeError(`daysPerWeek must be more than 0 and at most 5, got ${daysPerWeek}`);
  }
  // Lot by lot, then the roll-ups: apart, so the loop over every lot is compiled on its own and
  // stays compiled when the roll-ups (a few dozen months) meet something new.
  const unphased: UnphasedLot[] = [];
  const paces: Pace[] = [];
  const lots = phaseLots(allocation.lines, tender.region, daysPerWeek, unphased, paces);
  const { months, quarters, financialYears, total } = rollUp(paces);
  return { daysPerWeek, lots, unphased, months, quarters, financialYears, total };
}

/** Each line's months, and the paces they were worked out at. */
function phaseLots(
  lines: readonly AllocationLine[],
  region: Region,
  daysPerWeek: number,
  unphased: UnphasedLot[],
  allPaces: Pace[],
): LotPhasing[] {
  // Room for every line, cut to the lots phased at the end: no array outgrown and copied.
  const lots = new Array<LotPhasing>(lines.length);
  let phasedCount = 0;
  // Lots often share a start date and days: work out each pace once per call (by date, then days,
  // keyed by daysKey).
  const paces = new Map<IsoDate, Map<number, Pace | "too-long">>();

  // An index, not for…of: no iterator results made per lot where the loop is not optimised.
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j];
    const name = line.lot;
    if (line.value === undefined) {
      unphased.push({ index: line.index, lot: name, path: `lots[${line.index}]`, reason: m.noValue(name) });
      continue;
    }
    if (line.startDate === undefined) {
      const path = `lots[${line.index}].startDate`;
      unphased.push({ index: line.index, lot: name, path, reason: m.noStart(name) });
      continue;
    }
    if (line.days === undefined || line.days <= 0) {
      unphased.push({
        index: line.index,
        lot: name,
        path: `lots[${line.index}].days`,
        reason: m.noDays(name),
      });
      continue;
    }
    const days = line.days;
    let byDays = paces.get(line.startDate);
    if (byDays === undefined) {
      byDays = new Map();
      paces.set(line.startDate, byDays);
    }
    const key = daysKey(days);
    let pace = byDays.get(key);
    if (pace === undefined) {
      const spread = spreadDays(line.startDate, days, region, daysPerWeek);
      if (spread === "too-long") {
        pace = spread;
      } else {
        const monthDays = spread.months.map((x) => x.days);
        pace = {
          months: spread.months.map((x) => x.month),
          days: monthDays,
          weights: prepareWeights(monthDays),
          endDate: spread.endDate,
          byValue: new Map(),
        };
        allPaces.push(pace);
      }
      byDays.set(key, pace);
    }
    if (pace === "too-long") {
      unphased.push({
        index: line.index,
        lot: name,
        path: `lots[${line.index}].days`,
        reason: m.tooLong(name, MAX_PHASING_YEARS),
      });
      continue;
    }
    // Lots of the same pace and value (the same day rate and days) have the same months.
    let same = pace.byValue.get(line.value);
    if (same === undefined) {
      const values = splitByWeights(line.value, pace.weights);
      const months = new Array<PhasedMonth>(values.length);
      for (let k = 0; k < values.length; k++) {
        months[k] = { month: pace.months[k], days: pace.days[k], value: values[k] };
      }
      same = { months, lots: 0 };
      pace.byValue.set(line.value, same);
    }
    // The months are added up once per pace and value, times the lots that share them (below).
    same.lots++;
    const phased = same.months;
    lots[phasedCount++] = {
      index: line.index,
      lot: name,
      startDate: line.startDate,
      endDate: pace.endDate,
      days,
      value: line.value,
      months: phased,
    };
  }
  lots.length = phasedCount;
  return lots;
}

/**
 * The months, financial quarters and years with money in them, and the total phased: from each
 * pace's months and value, times its lots.
 */
function rollUp(paces: readonly Pace[]): Pick<Phasing, "months" | "quarters" | "financialYears" | "total"> {
  const byMonth = new Map<string, Pence>();
  let total = 0;
  for (const pace of paces) {
    for (const [value, same] of pace.byValue) {
      total += value * same.lots;
      for (const month of same.months) {
        byMonth.set(month.month, (byMonth.get(month.month) ?? 0) + month.value * same.lots);
      }
    }
  }
  const monthRows: { month: string; value: Pence }[] = [];
  const keys = [...byMonth.keys()].sort();
  if (keys.length > 0) {
    const last = keys[keys.length - 1];
    for (let month = keys[0]; month <= last; month = nextMonthStart(month).slice(0, 7)) {
      monthRows.push({ month, value: byMonth.get(month) ?? 0 });
    }
  }
  const quarters: { quarter: string; value: Pence }[] = [];
  const financialYears: { financialYear: string; value: Pence }[] = [];
  for (const row of monthRows) {
    const first = `${row.month}-01`;
    const quarter = financialQuarter(first);
    const year = financialYear(first);
    const q = quarters[quarters.length - 1];
    if (q && q.quarter === quarter) q.value += row.value;
    else quarters.push({ quarter, value: row.value });
    const y = financialYears[financialYears.length - 1];
    if (y && y.financialYear === year) y.value += row.value;
    else financialYears.push({ financialYear: year, value: row.value });
  }
  return { months: monthRows, quarters, financialYears, total };
}

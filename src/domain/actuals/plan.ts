/**
 * What each lot was allocated, as the actuals are measured against it: the contracted day rate,
 * the days and value allocated, the contract dates, and the phased budget month by month.
 */
import { endOfMonth, monthOf, workingDaysBetween } from "../core/calendar";
import type { Allocation } from "../check/allocation";
import type { Phasing } from "../check/phasing";
import { roundHalfAwayFromZero } from "../core/money";
import type { IsoDate, Pence, Region, Tender } from "../core/types";
import { matchKey } from "./model";

export interface LotPlan {
  /** Position of the lot in `tender.lots`. */
  index: number;
  lot: string;
  /** `matchKey` of the lot name. */
  key: string;
  /** The contracted day rate (the lot's own, the tender's, or the inferred one). */
  dayRate?: Pence;
  /** Days allocated (may be fractional when worked out from a stated value). */
  days?: number;
  /** Value allocated, ex VAT; 0 when the allocation could not value the lot. */
  value: Pence;
  /** False when the allocation could not value the lot (no rate and no stated value). */
  valued: boolean;
  /** Contract start and end: the lot's own dates, else the tender's. */
  start?: IsoDate;
  end?: IsoDate;
  /** Phased budget by calendar month ("2017-09"). */
  phased: ReadonlyMap<string, Pence>;
  /** The last day of the phased work, when the phasing says. */
  plannedEnd?: IsoDate;
}

/** One lot's phased budget: value per month and, when known, the day the phased work ends. */
export interface LotPhasedBudget {
  months: ReadonlyMap<string, Pence>;
  plannedEnd?: IsoDate;
}

/** The plan of every lot, in lot order. `phasingOf(index)` gives a lot's phased budget. */
export function planLots(
  tender: Tender,
  allocation: Allocation,
  phasingOf: (index: number) => LotPhasedBudget | undefined,
): LotPlan[] {
  return allocation.lines.map((line) => {
    const phasing = phasingOf(line.index);
    const plan: LotPlan = {
      index: line.index,
      lot: line.lot,
      key: matchKey(line.lot),
      value: line.value ?? 0,
      valued: line.value !== undefined,
      phased: phasing?.months ?? new Map(),
    };
    if (line.dayRate !== undefined) plan.dayRate = line.dayRate;
    if (line.days !== undefined) plan.days = line.days;
    const start = line.startDate ?? tender.lots[line.index]?.startDate ?? tender.startDate;
    const end = line.endDate ?? tender.lots[line.index]?.endDate ?? tender.endDate;
    if (start !== undefined) plan.start = start;
    if (end !== undefined) plan.end = end;
    if (phasing?.plannedEnd !== undefined) plan.plannedEnd = phasing.plannedEnd;
    return plan;
  });
}

/** The engine's phasing as each lot's phased budget, by the lot's position in the tender. */
export function phasedBudgets(phasing: Phasing): (index: number) => LotPhasedBudget | undefined {
  const byIndex = new Map<number, LotPhasedBudget>();
  for (const lot of phasing.lots) {
    byIndex.set(lot.index, {
      months: new Map(lot.months.map((m) => [m.month, m.value])),
      plannedEnd: lot.endDate,
    });
  }
  return (index) => byIndex.get(index);
}

/**
 * The phased budget to the as-of date: every month before the as-of month in full, and the as-of
 * month in proportion to its working days up to the as-of date (of the lot's working days in that
 * month, from its start and up to its planned end), rounded to the penny half away from zero.
 */
export function phasedToDate(plan: LotPlan, asOf: IsoDate | undefined, region: Region): Pence {
  if (asOf === undefined) return 0;
  const asOfMonth = monthOf(asOf);
  let total = 0;
  for (const [month, value] of plan.phased) {
    if (month < asOfMonth) {
      total += value;
      continue;
    }
    if (month > asOfMonth) continue;
    const monthStart = `${month}-01`;
    const monthEnd = endOfMonth(monthStart);
    const from = plan.start !== undefined && plan.start > monthStart ? plan.start : monthStart;
    const to = plan.plannedEnd !== undefined && plan.plannedEnd < monthEnd ? plan.plannedEnd : monthEnd;
    if (asOf >= to) {
      total += value;
    } else if (asOf >= from) {
      const all = workingDaysBetween(from, to, region);
      const done = workingDaysBetween(from, asOf, region);
      total += all > 0 ? roundHalfAwayFromZero((value * done) / all) : value;
    }
  }
  return total;
}

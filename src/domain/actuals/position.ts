/**
 * The position of each lot and of the tender as a whole: days used and money spent to the as-of
 * date, what is left, the percentage used, spend against the phased budget to date, and the
 * forecast of when the allocation runs out.
 *
 * Lines count towards the position when their work date (period end, else invoice date) is on or
 * before the as-of date and their lot is one of the tender's. Days are summed in hundredths and
 * money in pence, so `spent + remainingValue = allocatedValue` exactly.
 */
import type { Pence, Region, IsoDate } from "../core/types";
import { type Forecast, forecastExhaustion } from "./forecast";
import { type ActualLine, fromHundredths, hundredths, workDate } from "./model";
import { type LotPlan, phasedToDate } from "./plan";

/** Spending against the phased budget to date. */
export type Pace = "ahead" | "behind" | "on plan";

export interface PositionFigures {
  /** Days allocated; absent when the allocation has no days for the lot. */
  allocatedDays?: number;
  allocatedValue: Pence;
  /** Invoice lines counted. */
  invoices: number;
  daysUsed: number;
  spent: Pence;
  /** VAT invoiced on the lines counted. */
  vat: Pence;
  /** allocatedDays − daysUsed (negative when over). */
  remainingDays?: number;
  /** allocatedValue − spent (negative when over). */
  remainingValue: Pence;
  /** spent ÷ allocatedValue as a percentage to one decimal place; null when nothing is allocated. */
  percentUsed: number | null;
  /** The phased budget to the as-of date. */
  phasedToDate: Pence;
  /** spent − phasedToDate: more than 0 when spending runs ahead of the phased budget. */
  varianceToPhased: Pence;
  pace: Pace;
  forecast: Forecast;
}

export interface LotPosition extends PositionFigures {
  /** Position of the lot in `tender.lots`. */
  index: number;
  lot: string;
  dayRate?: Pence;
  /** True when days used or money spent exceed the allocation. */
  overBudget: boolean;
  /** The index (in the actuals) of the line that first took the lot over its allocation. */
  exceededBy?: number;
}

/** Whether a line is counted to the as-of date. */
export function countedToDate(line: ActualLine, asOf: IsoDate | undefined): boolean {
  const date = workDate(line);
  return asOf === undefined || date === undefined || date <= asOf;
}

/** Line indices in the order the work happened: by work date, then as entered (undated last). */
function inWorkOrder(lines: readonly ActualLine[], indices: readonly number[]): number[] {
  return [...indices].sort((a, b) => {
    const da = workDate(lines[a]);
    const db = workDate(lines[b]);
    if (da !== db) {
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      return da < db ? -1 : 1;
    }
    return a - b;
  });
}

function percent(part: Pence, whole: Pence): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

function pace(variance: Pence): Pace {
  return variance > 0 ? "ahead" : variance < 0 ? "behind" : "on plan";
}

/** Allocated days in hundredths when they are a whole number of hundredths, else undefined. */
function exactHundredths(days: number): number | undefined {
  const h = Math.round(days * 100);
  return Math.abs(h - days * 100) < 1e-7 ? h : undefined;
}

function remainingDaysOf(allocated: number | undefined, usedHundredths: number): number | undefined {
  if (allocated === undefined) return undefined;
  const h = exactHundredths(allocated);
  return h !== undefined ? fromHundredths(h - usedHundredths) : allocated - fromHundredths(usedHundredths);
}

/** The position of each lot, in lot order. `lotOf[i]` is the plan of line i's lot, if any. */
export function lotPositions(
  plans: readonly LotPlan[],
  lines: readonly ActualLine[],
  lotOf: readonly (LotPlan | undefined)[],
  asOf: IsoDate | undefined,
  region: Region,
): LotPosition[] {
  const linesOf = new Map<LotPlan, number[]>();
  lines.forEach((line, i) => {
    const plan = lotOf[i];
    if (plan === undefined || !countedToDate(line, asOf)) return;
    const list = linesOf.get(plan);
    if (list) list.push(i);
    else linesOf.set(plan, [i]);
  });
  return plans.map((plan) => {
    const indices = inWorkOrder(lines, linesOf.get(plan) ?? []);
    const allocatedHundredths = plan.days !== undefined ? exactHundredths(plan.days) : undefined;
    let usedH = 0;
    let spent = 0;
    let vat = 0;
    let exceededBy: number | undefined;
    let exhaustedOn: IsoDate | undefined;
    for (const i of indices) {
      const line = lines[i];
      usedH += hundredths(line.days);
      spent += line.amount;
      vat += line.vat ?? 0;
      const daysOver =
        plan.days !== undefined &&
        (allocatedHundredths !== undefined ? usedH > allocatedHundredths : fromHundredths(usedH) > plan.days);
      if (exceededBy === undefined && (daysOver || (plan.valued && spent > plan.value))) exceededBy = i;
      if (exhaustedOn === undefined && plan.value > 0 && spent >= plan.value) exhaustedOn = workDate(line);
    }
    const phased = phasedToDate(plan, asOf, region);
    const varianceToPhased = spent - phased;
    const forecast = forecastExhaustion({
      name: plan.lot,
      allocated: plan.value,
      spent,
      spend: indices.map((i) => ({ date: workDate(lines[i]), amount: lines[i].amount })),
      ...(exhaustedOn !== undefined ? { exhaustedOn } : {}),
      ...(asOf !== undefined ? { asOf } : {}),
      ...(plan.start !== undefined ? { start: plan.start } : {}),
      ...endOf(plan),
    });
    const position: LotPosition = {
      index: plan.index,
      lot: plan.lot,
      allocatedValue: plan.value,
      invoices: indices.length,
      daysUsed: fromHundredths(usedH),
      spent,
      vat,
      remainingValue: plan.value - spent,
      percentUsed: percent(spent, plan.value),
      phasedToDate: phased,
      varianceToPhased,
      pace: pace(varianceToPhased),
      overBudget: exceededBy !== undefined,
      forecast,
    };
    if (plan.dayRate !== undefined) position.dayRate = plan.dayRate;
    if (plan.days !== undefined) {
      position.allocatedDays = plan.days;
      position.remainingDays = remainingDaysOf(plan.days, usedH);
    }
    if (exceededBy !== undefined) position.exceededBy = exceededBy;
    return position;
  });
}

/** The end a lot's forecast is compared with: the contract end, else the planned end of the phasing. */
function endOf(plan: LotPlan): { end?: IsoDate; endSource?: "contract" | "phasing" } {
  if (plan.end !== undefined) return { end: plan.end, endSource: "contract" };
  if (plan.plannedEnd !== undefined) return { end: plan.plannedEnd, endSource: "phasing" };
  return {};
}

/** The position of the tender as a whole: the lots added up, with a forecast of its own. */
export function totalPosition(
  plans: readonly LotPlan[],
  positions: readonly LotPosition[],
  lines: readonly ActualLine[],
  lotOf: readonly (LotPlan | undefined)[],
  asOf: IsoDate | undefined,
): PositionFigures {
  let allocatedValue = 0;
  let allocatedH: number | undefined = 0;
  let allocatedDays: number | undefined = 0;
  let usedH = 0;
  let spent = 0;
  let vat = 0;
  let invoices = 0;
  let phased = 0;
  for (const p of positions) {
    allocatedValue += p.allocatedValue;
    if (p.allocatedDays === undefined) {
      allocatedDays = undefined;
      allocatedH = undefined;
    } else if (allocatedDays !== undefined) {
      allocatedDays += p.allocatedDays;
      const h = exactHundredths(p.allocatedDays);
      allocatedH = allocatedH !== undefined && h !== undefined ? allocatedH + h : undefined;
    }
    usedH += hundredths(p.daysUsed);
    spent += p.spent;
    vat += p.vat;
    invoices += p.invoices;
    phased += p.phasedToDate;
  }
  if (allocatedH !== undefined) allocatedDays = fromHundredths(allocatedH);

  const counted = inWorkOrder(
    lines,
    lines.map((_, i) => i).filter((i) => lotOf[i] !== undefined && countedToDate(lines[i], asOf)),
  );
  let running = 0;
  let exhaustedOn: IsoDate | undefined;
  for (const i of counted) {
    running += lines[i].amount;
    if (exhaustedOn === undefined && allocatedValue > 0 && running >= allocatedValue)
      exhaustedOn = workDate(lines[i]);
  }
  const starts = plans.map((p) => p.start).filter((d): d is IsoDate => d !== undefined);
  const ends = plans.map((p) => endOf(p));
  const knownEnds = ends.filter((e) => e.end !== undefined) as {
    end: IsoDate;
    endSource: "contract" | "phasing";
  }[];
  const latest =
    knownEnds.length === plans.length && knownEnds.length > 0
      ? knownEnds.reduce((a, b) => (b.end > a.end ? b : a))
      : undefined;
  const varianceToPhased = spent - phased;
  const forecast = forecastExhaustion({
    name: "the tender",
    allocated: allocatedValue,
    spent,
    spend: counted.map((i) => ({ date: workDate(lines[i]), amount: lines[i].amount })),
    ...(exhaustedOn !== undefined ? { exhaustedOn } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(starts.length > 0 ? { start: starts.reduce((a, b) => (b < a ? b : a)) } : {}),
    ...(latest !== undefined
      ? {
          end: latest.end,
          endSource: knownEnds.every((e) => e.endSource === "contract") ? "contract" : "phasing",
        }
      : {}),
  });
  const totals: PositionFigures = {
    allocatedValue,
    invoices,
    daysUsed: fromHundredths(usedH),
    spent,
    vat,
    remainingValue: allocatedValue - spent,
    percentUsed: percent(spent, allocatedValue),
    phasedToDate: phased,
    varianceToPhased,
    pace: pace(varianceToPhased),
    forecast,
  };
  if (allocatedDays !== undefined) {
    totals.allocatedDays = allocatedDays;
    totals.remainingDays = remainingDaysOf(allocatedDays, usedH);
  }
  return totals;
}

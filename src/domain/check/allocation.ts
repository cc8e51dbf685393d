/**
 * Allocation: each lot's value (day rate × days), its share of the total, and the totals ex and
 * inc VAT. Missing days are worked out from stated values at the day rate; a missing day rate is
 * inferred as the greatest common divisor of the stated values, when that is a plausible rate.
 */
import { largestRemainder } from "../core/distribute";
import { asSmallInteger, gcdOf, rateTimesDays, vatOn } from "../core/money";
import type { IsoDate, Pence, StatedAmount, Tender } from "../core/types";

/** The range of day rates taken as plausible for consultancy work, in pence. */
export interface RateBand {
  min: Pence;
  max: Pence;
}

/** £300 to £3,000 a day. */
export const DEFAULT_RATE_BAND: Readonly<RateBand> = Object.freeze({ min: 30_000, max: 300_000 });

/** What inferring a day rate from stated values found. */
export type RateInference =
  | { ok: true; rate: Pence; band: RateBand; valueCount: number }
  | {
      ok: false;
      /** Why no rate: fewer than two stated values, or their common divisor is outside the band. */
      reason: "too-few-values" | "below-band" | "above-band";
      /** The greatest common divisor of the values (0 when there are none). */
      gcd: Pence;
      band: RateBand;
      valueCount: number;
    };

/**
 * The day rate implied by stated values: their greatest common divisor, when it lies within the
 * plausible band (inclusive). Zero values are ignored; at least two values are needed.
 * £107,520, £48,960, £95,040, £95,040 → £960.
 */
export function inferDayRate(values: readonly Pence[], band: RateBand = DEFAULT_RATE_BAND): RateInference {
  const positive = values.filter((v) => v > 0);
  const divisor = gcdOf(positive);
  const valueCount = positive.length;
  const bandCopy = { min: band.min, max: band.max };
  if (valueCount < 2)
    return { ok: false, reason: "too-few-values", gcd: divisor, band: bandCopy, valueCount };
  if (divisor < band.min)
    return { ok: false, reason: "below-band", gcd: divisor, band: bandCopy, valueCount };
  if (divisor > band.max)
    return { ok: false, reason: "above-band", gcd: divisor, band: bandCopy, valueCount };
  return { ok: true, rate: divisor, band: bandCopy, valueCount };
}

export type DayRateSource = "lot" | "tender" | "inferred";

/** What every allocation line holds, whatever its lot was valued by. */
interface LineCommon {
  /** Position of the lot in `tender.lots`. */
  index: number;
  /** The lot's name. */
  lot: string;
  /** The value the tender states for this lot. */
  statedValue: Pence | undefined;
  /** Share of the total value, 0 to 1. */
  share: number;
  /** The lot's own dates, else the tender's. */
  startDate: IsoDate | undefined;
  endDate: IsoDate | undefined;
}

/** The day rate used and where it came from (the lot's own, the tender's, the inferred one), or neither. */
type RateUsed =
  { dayRate: Pence; dayRateSource: DayRateSource } | { dayRate: undefined; dayRateSource: undefined };

/** Days of work and where they came from (given, or worked out from the stated value), or neither. */
type DaysKnown =
  { days: number; daysSource: "lot" | "inferred" } | { days: undefined; daysSource: undefined };

/** A lot valued at its day rate × the days the tender gives; `variance` is that less the stated value. */
export type ComputedLine = LineCommon & {
  dayRate: Pence;
  dayRateSource: DayRateSource;
  days: number;
  daysSource: "lot";
  value: Pence;
  valueSource: "computed";
  variance: Pence | undefined;
};

/**
 * A lot valued at its stated value: there were no days, or no day rate to price them at. Its
 * days, when known, are given or worked out as stated value ÷ day rate (then perhaps fractional).
 */
export type StatedLine = LineCommon &
  RateUsed &
  DaysKnown & {
    value: Pence;
    valueSource: "statedValue";
    statedValue: Pence;
    variance: undefined;
  };

/** A lot with nothing to value it by yet: days without a day rate, or neither days nor a value. */
export type UnvaluedLine = LineCommon &
  RateUsed & {
    days: number | undefined;
    daysSource: "lot" | undefined;
    value: undefined;
    valueSource: undefined;
    variance: undefined;
  };

/**
 * One lot after allocation, by what valued it. Every line has every key, in one order (absent
 * ones undefined), so all lines share one shape.
 */
export type AllocationLine = ComputedLine | StatedLine | UnvaluedLine;

export interface Allocation {
  lines: AllocationLine[];
  /** Sum of the lots' values, ex VAT. */
  total: Pence;
  vat: Pence;
  totalIncVat: Pence;
  vatRate: number;
  statedTotal?: StatedAmount;
  /** total − stated total. */
  variance?: Pence;
  /** The variance as a percentage of the stated total (560 / 346,000 → 0.1618…). */
  variancePercent?: number;
  /** The day rate inferred from the stated values, when one was. */
  inferredDayRate?: Pence;
  /** The attempt to infer a day rate, when some lot had no rate of its own and the tender none. */
  rateInference?: RateInference;
  rateBand: RateBand;
}

export interface AllocateOptions {
  /** Day rates taken as plausible (default £300–£3,000). */
  rateBand?: RateBand;
}

/** Allocate the tender: one line per lot, in lot order, and the totals. Does not change the tender. */
export function allocate(tender: Tender, options: AllocateOptions = {}): Allocation {
  const band = options.rateBand ?? DEFAULT_RATE_BAND;
  const lots = tender.lots;

  let rateInference: RateInference | undefined;
  let inferredDayRate: Pence | undefined;
  if (tender.dayRate === undefined) {
    const values: Pence[] = [];
    let needsRate = false;
    for (const lot of lots) {
      if (lot.dayRate !== undefined) continue;
      needsRate = true;
      if (lot.statedValue !== undefined) values.push(lot.statedValue);
    }
    if (needsRate) {
      rateInference = inferDayRate(values, band);
      if (rateInference.ok) inferredDayRate = rateInference.rate;
    }
  }

  // One line per lot, into an array of the right length: no objects in between and no array
  // outgrown and copied (at 100,000 lots, garbage the collector has to get through while the lines
  // are being made).
  const lines = new Array<AllocationLine>(lots.length);
  let total = 0;
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i];
    let dayRate: Pence | undefined;
    let dayRateSource: DayRateSource | undefined;
    if (lot.dayRate !== undefined) {
      dayRate = lot.dayRate;
      dayRateSource = "lot";
    } else if (tender.dayRate !== undefined) {
      dayRate = tender.dayRate;
      dayRateSource = "tender";
    } else if (inferredDayRate !== undefined) {
      dayRate = inferredDayRate;
      dayRateSource = "inferred";
    }
    const stated = lot.statedValue === undefined ? undefined : asSmallInteger(lot.statedValue);
    const startDate = lot.startDate ?? tender.startDate;
    const endDate = lot.endDate ?? tender.endDate;
    // The share is set below, once the total is known (a fraction from the start: the field never
    // changes kind). The keys are written in one order for every kind of line.
    let line: AllocationLine;
    if (lot.days !== undefined && dayRate !== undefined) {
      const value = rateTimesDays(dayRate, lot.days);
      line = {
        index: i,
        lot: lot.name,
        dayRate,
        dayRateSource: dayRateSource as DayRateSource,
        days: lot.days,
        daysSource: "lot",
        value,
        valueSource: "computed",
        statedValue: stated,
        variance: stated === undefined ? undefined : value - stated,
        share: Number.NaN,
        startDate,
        endDate,
      };
      total += value;
    } else if (stated !== undefined) {
      // Days given, or worked out as stated value ÷ day rate.
      const inferDays = lot.days === undefined && dayRate !== undefined && dayRate > 0;
      line = {
        index: i,
        lot: lot.name,
        dayRate,
        dayRateSource,
        days: inferDays ? stated / (dayRate as Pence) : lot.days,
        daysSource: lot.days !== undefined ? "lot" : inferDays ? "inferred" : undefined,
        value: stated,
        valueSource: "statedValue",
        statedValue: stated,
        variance: undefined,
        share: Number.NaN,
        startDate,
        endDate,
      } as StatedLine;
      total += stated;
    } else {
      line = {
        index: i,
        lot: lot.name,
        dayRate,
        dayRateSource,
        days: lot.days,
        daysSource: lot.days === undefined ? undefined : "lot",
        value: undefined,
        valueSource: undefined,
        statedValue: undefined,
        variance: undefined,
        share: Number.NaN,
        startDate,
        endDate,
      } as UnvaluedLine;
    }
    lines[i] = line;
  }
  for (const line of lines) line.share = total !== 0 && line.value !== undefined ? line.value / total : 0;

  const vat = vatOn(total, tender.vatRate);
  const allocation: Allocation = {
    lines,
    total,
    vat,
    totalIncVat: total + vat,
    vatRate: tender.vatRate,
    rateBand: { min: band.min, max: band.max },
  };
  if (tender.statedTotal !== undefined) {
    allocation.statedTotal = { ...tender.statedTotal };
    allocation.variance = total - tender.statedTotal.pence;
    if (tender.statedTotal.pence !== 0) {
      allocation.variancePercent = (allocation.variance / tender.statedTotal.pence) * 100;
    }
  }
  if (inferredDayRate !== undefined) allocation.inferredDayRate = inferredDayRate;
  if (rateInference !== undefined) allocation.rateInference = rateInference;
  return allocation;
}

/**
 * Back-solve: split a budget envelope (pence) across lots in proportion to weights (their days,
 * or shares), by the largest-remainder method, so the parts add up to the envelope exactly.
 */
export function splitEnvelope(envelope: Pence, weights: readonly number[]): Pence[] {
  return largestRemainder(envelope, weights);
}

/**
 * Back-solve in whole days: the whole days a budget envelope buys at a day rate
 * (⌊envelope ÷ rate⌋), split across lots by weights so they add up exactly; and the money that
 * is left over because days are whole.
 */
export function splitEnvelopeDays(
  envelope: Pence,
  dayRate: Pence,
  weights: readonly number[],
): { days: number[]; value: Pence; unspent: Pence } {
  if (!Number.isSafeInteger(dayRate) || dayRate <= 0)
    throw new RangeError(`The day rate must be more than 0p, got ${dayRate}`);
  if (!Number.isSafeInteger(envelope) || envelope < 0) {
    throw new RangeError(`The envelope must be whole pence, 0 or more, got ${envelope}`);
  }
  const wholeDays = Math.floor(envelope / dayRate);
  const days = largestRemainder(wholeDays, weights);
  const value = wholeDays * dayRate;
  return { days, value, unspent: envelope - value };
}

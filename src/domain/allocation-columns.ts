/**
 * An allocation's lot-by-lot figures kept as columns: one array per figure, entry k for the k-th
 * line. The engine (allocate, reconcile, phase) works on these, so a tender of 100,000 lots makes a
 * dozen arrays rather than 100,000 objects; `Allocation.lines` are made from them when first read.
 */
import type { AllocationLine, DayRateSource } from "./allocation";
import type { IsoDate } from "./types";

const RATE_SOURCES: readonly (DayRateSource | undefined)[] = [undefined, "lot", "tender", "inferred"];
const DAYS_SOURCES: readonly AllocationLine["daysSource"][] = [undefined, "lot", "inferred"];
const VALUE_SOURCES: readonly AllocationLine["valueSource"][] = [undefined, "computed", "statedValue"];

/** How a line's day rate, days and value were arrived at, as stored in the columns (0: none). */
export const RATE_FROM = { lot: 1, tender: 2, inferred: 3 } as const;
export const DAYS_FROM = { lot: 1, inferred: 2 } as const;
export const VALUE_FROM = { computed: 1, statedValue: 2 } as const;

/**
 * The lines of an allocation as columns. Numbers are NaN where a line has no such figure (money is
 * whole pence, exact in a Float64Array up to £90 trillion). Read them; do not change them.
 */
export interface AllocationColumns {
  count: number;
  /** Position of the lot in `tender.lots`. */
  index: Int32Array;
  lot: readonly string[];
  dayRate: Float64Array;
  /** 0 none, then RATE_FROM. */
  dayRateSource: Uint8Array;
  days: Float64Array;
  /** 0 none, then DAYS_FROM. */
  daysSource: Uint8Array;
  value: Float64Array;
  /** 0 none, then VALUE_FROM. */
  valueSource: Uint8Array;
  statedValue: Float64Array;
  variance: Float64Array;
  share: Float64Array;
  startDate: readonly (IsoDate | undefined)[];
  endDate: readonly (IsoDate | undefined)[];
}

/** Writable columns for `count` lines, every figure absent. */
export function emptyColumns(count: number): AllocationColumns & {
  lot: string[];
  startDate: (IsoDate | undefined)[];
  endDate: (IsoDate | undefined)[];
} {
  const absent = (): Float64Array => new Float64Array(count).fill(Number.NaN);
  return {
    count,
    index: new Int32Array(count),
    lot: new Array<string>(count),
    dayRate: absent(),
    dayRateSource: new Uint8Array(count),
    days: absent(),
    daysSource: new Uint8Array(count),
    value: absent(),
    valueSource: new Uint8Array(count),
    statedValue: absent(),
    variance: absent(),
    share: new Float64Array(count),
    startDate: new Array<IsoDate | undefined>(count),
    endDate: new Array<IsoDate | undefined>(count),
  };
}

/** A column's figure, or undefined where it is NaN (absent). */
export function figure(x: number): number | undefined {
  return x === x ? x : undefined;
}

/** Line k as the object shells read. */
export function lineAt(c: AllocationColumns, k: number): AllocationLine {
  // Every line has every key (absent ones undefined), so all lines share one shape.
  return {
    index: c.index[k],
    lot: c.lot[k],
    dayRate: figure(c.dayRate[k]),
    dayRateSource: RATE_SOURCES[c.dayRateSource[k]],
    days: figure(c.days[k]),
    daysSource: DAYS_SOURCES[c.daysSource[k]],
    value: figure(c.value[k]),
    valueSource: VALUE_SOURCES[c.valueSource[k]],
    statedValue: figure(c.statedValue[k]),
    variance: figure(c.variance[k]),
    share: c.share[k],
    startDate: c.startDate[k],
    endDate: c.endDate[k],
  };
}

/** Every line as an object, in order. */
export function columnsToLines(c: AllocationColumns): AllocationLine[] {
  const lines = new Array<AllocationLine>(c.count);
  for (let k = 0; k < c.count; k++) lines[k] = lineAt(c, k);
  return lines;
}

const code = <T>(table: readonly (T | undefined)[], value: T | undefined): number => {
  const found = table.indexOf(value);
  return found < 0 ? 0 : found;
};

/** Columns from line objects (for an allocation whose lines were read, and perhaps replaced). */
export function linesToColumns(lines: readonly AllocationLine[]): AllocationColumns {
  const c = emptyColumns(lines.length);
  const num = (x: number | undefined): number => (x === undefined ? Number.NaN : x);
  lines.forEach((line, k) => {
    c.index[k] = line.index;
    c.lot[k] = line.lot;
    c.dayRate[k] = num(line.dayRate);
    c.dayRateSource[k] = code(RATE_SOURCES, line.dayRateSource);
    c.days[k] = num(line.days);
    c.daysSource[k] = code(DAYS_SOURCES, line.daysSource);
    c.value[k] = num(line.value);
    c.valueSource[k] = code(VALUE_SOURCES, line.valueSource);
    c.statedValue[k] = num(line.statedValue);
    c.variance[k] = num(line.variance);
    c.share[k] = line.share;
    c.startDate[k] = line.startDate;
    c.endDate[k] = line.endDate;
  });
  return c;
}

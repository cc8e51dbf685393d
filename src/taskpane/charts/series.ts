/**
 * What the pane's charts draw, worked out without React so it can be tested: bars for values by lot
 * or period, and the cumulative spend of contract tracking against the phased budget.
 */
import type { ActualsReport } from "../../domain/actuals";
import { matchKey, workDate } from "../../domain/actuals/model";
import { countedToDate } from "../../domain/actuals/position";
import type { Phasing } from "../../domain/check/phasing";
import type { IsoDate, Pence } from "../../domain/core/types";

export interface Bar {
  label: string;
  value: Pence;
  /** The bar's length, 0–1 of the largest value shown. */
  length: number;
}

/** Bars beyond this many are summed into one "… more" line: a chart of 1,200 lots says nothing. */
export const MAX_BARS = 12;

/**
 * Bars for values in the order given; past `max`, the largest `max - 1` keep their order and the
 * rest become one line, "N more lots".
 */
export function bars(
  items: readonly { label: string; value: Pence }[],
  max = MAX_BARS,
  what = "lots",
): Bar[] {
  let shown: { label: string; value: Pence }[] = [...items];
  if (items.length > max) {
    const keep = new Set(
      items
        .map((item, i) => ({ value: item.value, i }))
        .sort((a, b) => b.value - a.value || a.i - b.i)
        .slice(0, max - 1)
        .map((x) => x.i),
    );
    const rest = items.filter((_, i) => !keep.has(i));
    shown = items.filter((_, i) => keep.has(i));
    shown.push({
      label: `${rest.length.toLocaleString("en-GB")} more ${what}`,
      value: rest.reduce((sum, item) => sum + item.value, 0),
    });
  }
  const largest = Math.max(0, ...shown.map((b) => b.value));
  return shown.map((b) => ({ ...b, length: largest > 0 ? Math.max(0, b.value) / largest : 0 }));
}

/** Cumulative spend and phased budget of one lot, or of all lots, month by month. */
export interface SpendSeries {
  /** The lot's name, or "All lots". */
  name: string;
  allocated: Pence;
  spent: Pence;
  /** "2017-08", … : every month from the first with budget or spend to the last. */
  months: string[];
  /** Phased budget to the end of each month, cumulative. */
  budget: Pence[];
  /** Spend on work dated to the end of each month, cumulative, up to the as-of month (null after). */
  spend: (Pence | null)[];
  asOf?: IsoDate;
  /** The day the allocation runs out at the recent rate (or ran out), when forecast. */
  runOut: IsoDate | null;
  runsOutEarly: boolean;
}

/** A run-out further than this many months past the budget and invoices is said, not drawn. */
export const RUN_OUT_MONTHS = 36;

function monthAfter(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, "0")}`;
}

function monthsFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = monthAfter(m)) out.push(m);
  return out;
}

function cumulative(months: readonly string[], byMonth: ReadonlyMap<string, Pence>, until?: string) {
  let sum = 0;
  return months.map((m) => {
    sum += byMonth.get(m) ?? 0;
    return until !== undefined && m > until ? null : sum;
  });
}

/**
 * The series of each lot, then of all lots, for the invoices in `report` against the tender's
 * `phasing`. Spend counts the lines the position counts (matched to their lot, dated to the as-of
 * date); budget is the phasing's value month by month.
 */
export function spendSeries(report: ActualsReport, phasing: Phasing): SpendSeries[] {
  const skipped = new Set(report.notCounted.map((n) => n.index));
  const spendByLot = new Map<string, Map<string, Pence>>();
  const spendAll = new Map<string, Pence>();
  const keys = new Set(report.lots.map((l) => matchKey(l.lot)));
  report.lines.forEach((line, i) => {
    const date = workDate(line);
    const key = matchKey(line.lot);
    if (skipped.has(i) || date === undefined || !keys.has(key) || !countedToDate(line, report.asOf)) return;
    const month = date.slice(0, 7);
    const lot = spendByLot.get(key) ?? new Map<string, Pence>();
    lot.set(month, (lot.get(month) ?? 0) + line.amount);
    spendByLot.set(key, lot);
    spendAll.set(month, (spendAll.get(month) ?? 0) + line.amount);
  });
  const budgetByLot = new Map<number, Map<string, Pence>>();
  for (const lot of phasing.lots) {
    budgetByLot.set(lot.index, new Map(lot.months.map((m) => [m.month, m.value])));
  }
  const budgetAll = new Map(phasing.months.map((m) => [m.month, m.value]));

  const allMonths = [...budgetAll.keys(), ...spendAll.keys()].sort();
  const asOfMonth = report.asOf?.slice(0, 7);
  if (asOfMonth !== undefined) allMonths.push(asOfMonth);
  allMonths.sort();
  const months = allMonths.length === 0 ? [] : monthsFrom(allMonths[0], allMonths[allMonths.length - 1]);
  const spendUntil = asOfMonth ?? [...spendAll.keys()].sort().pop();

  const series = (
    name: string,
    position: ActualsReport["totals"],
    budget: ReadonlyMap<string, Pence>,
    spend: ReadonlyMap<string, Pence>,
  ): SpendSeries => {
    const runOut = position.forecast.forecastExhaustionDate;
    // The chart runs on to the forecast run-out, when that is within RUN_OUT_MONTHS of its end.
    const runOutMonth = runOut?.slice(0, 7);
    const last = months[months.length - 1];
    const shown =
      runOutMonth !== undefined && last !== undefined && runOutMonth > last
        ? monthsFrom(months[0], runOutMonth)
        : months;
    const drawn = shown.length - months.length <= RUN_OUT_MONTHS ? shown : months;
    return {
      name,
      allocated: position.allocatedValue,
      spent: position.spent,
      months: drawn,
      budget: cumulative(drawn, budget) as Pence[],
      spend: cumulative(drawn, spend, spendUntil),
      asOf: report.asOf,
      runOut,
      runsOutEarly: position.forecast.exhaustsBeforeEnd,
    };
  };
  return [
    ...report.lots.map((lot) =>
      series(
        lot.lot,
        lot,
        budgetByLot.get(lot.index) ?? new Map(),
        spendByLot.get(matchKey(lot.lot)) ?? new Map(),
      ),
    ),
    series("All lots", report.totals, budgetAll, spendAll),
  ];
}

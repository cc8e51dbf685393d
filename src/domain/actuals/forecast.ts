/**
 * The forecast: at the rate money was spent over the last three months before the as-of date,
 * when the allocation runs out, and whether that is before the contract ends.
 *
 * The burn rate is the spend on work dated within the window (an invoice's work is placed at the end
 * of its period, else at its invoice date) divided by the window's calendar days; the window is the
 * three calendar months up to and including the as-of date, or from the contract start when that
 * is later. The money left is spent at that rate from the day after the as-of date; the allocation
 * runs out on the day the rate has spent it all. After the contract's end there is no forecast: what
 * is left was not used.
 */
import { addDays, daysInMonth, formatLongDate, toDayNumber } from "../core/calendar";
import { formatMoney, roundHalfAwayFromZero } from "../core/money";
import type { IsoDate, Pence } from "../core/types";

export interface Forecast {
  /** First and last day of the window the burn rate was measured over (absent when there is none). */
  windowStart?: IsoDate;
  windowEnd?: IsoDate;
  /** Spent on work dated within the window. */
  windowSpend: Pence;
  /** The burn rate as money a month (a third of the three months' spend at the window's rate). */
  burnPerMonth: Pence;
  /** The day the allocation runs out at that rate; the day it ran out if it has; null when no forecast. */
  forecastExhaustionDate: IsoDate | null;
  /** True when the allocation has already been used up. */
  exhausted: boolean;
  /** The end the forecast is compared with: the contract end, else the planned end of the phasing. */
  endDate?: IsoDate;
  endSource?: "contract" | "phasing";
  /** True when the allocation runs out (or ran out) before `endDate`: the flag to act on. */
  exhaustsBeforeEnd: boolean;
  /** The forecast in plain words. */
  note: string;
}

export interface ForecastInput {
  /** What the forecast is for, in messages: "Barnet", "The tender". */
  name: string;
  allocated: Pence;
  spent: Pence;
  /** Spend by work date, for the lines counted to the as-of date. */
  spend: readonly { date: IsoDate | undefined; amount: Pence }[];
  /** The date the allocation was used up, when it has been. */
  exhaustedOn?: IsoDate;
  asOf?: IsoDate;
  start?: IsoDate;
  end?: IsoDate;
  endSource?: "contract" | "phasing";
}

/** Forecasts further ahead than this are not dated: the rate says the money lasts indefinitely. */
export const MAX_FORECAST_YEARS = 100;
const MAX_FORECAST_DAYS = Math.round(MAX_FORECAST_YEARS * 365.25);

/**
 * The same day three calendar months earlier, or that month's last day when it is shorter; a
 * month's last day gives the last day of the month three back (30 April → 31 January), so that the
 * window after it holds exactly the three calendar months up to the date.
 */
export function threeMonthsBefore(date: IsoDate): IsoDate {
  const fromYear = Number(date.slice(0, 4));
  const fromMonth = Number(date.slice(5, 7));
  const fromDay = Number(date.slice(8, 10));
  let year = fromYear;
  let month = fromMonth - 3;
  if (month < 1) {
    month += 12;
    year -= 1;
  }
  const lastDay = daysInMonth(year, month);
  const day = fromDay === daysInMonth(fromYear, fromMonth) ? lastDay : Math.min(fromDay, lastDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ⌈a × b ÷ c⌉ for whole numbers, exactly (c > 0). */
function ceilMulDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  return Number(n % d === 0n ? q : q + 1n);
}

export function forecastExhaustion(input: ForecastInput): Forecast {
  const { name, allocated, spent, asOf, start, end, endSource } = input;
  const base = {
    windowSpend: 0,
    burnPerMonth: 0,
    ...(end !== undefined ? { endDate: end, endSource } : {}),
  };
  const endWords = (date: IsoDate): string =>
    end === undefined
      ? ""
      : date < end
        ? `, before the ${endSource === "contract" ? "contract ends" : "planned end of the work"} on ${formatLongDate(end)}`
        : `, not before the ${endSource === "contract" ? "contract ends" : "planned end of the work"} on ${formatLongDate(end)}`;

  const usedUp = (window: Partial<Forecast>): Forecast => {
    const on = input.exhaustedOn;
    const over = spent - allocated;
    return {
      ...base,
      ...window,
      forecastExhaustionDate: on ?? null,
      exhausted: true,
      exhaustsBeforeEnd: on !== undefined && end !== undefined && on < end,
      note:
        `${name} has used up its allocation${on !== undefined ? ` (on ${formatLongDate(on)}${endWords(on)})` : ""}` +
        (over > 0 ? ` and is ${formatMoney(over)} over.` : "."),
    };
  };
  /** No run-out date, and why (with the window read, once there is one). */
  const noForecast = (note: string, window: Partial<Forecast> = {}): Forecast => ({
    ...base,
    ...window,
    forecastExhaustionDate: null,
    exhausted: false,
    exhaustsBeforeEnd: false,
    note,
  });
  const used = spent >= allocated && (allocated > 0 || spent > 0);
  if (asOf === undefined) {
    if (used) return usedUp({});
    return noForecast(`No invoices and no as-of date, so no forecast for ${name}.`);
  }
  const threeBefore = threeMonthsBefore(asOf);
  let windowStart = addDays(threeBefore, 1);
  if (start !== undefined && start > windowStart) windowStart = start;
  if (windowStart > asOf) {
    if (used) return usedUp({});
    return noForecast(
      `The contract for ${name} starts after ${formatLongDate(asOf)}, so there is no spend to forecast from.`,
    );
  }
  const windowDays = toDayNumber(asOf) - toDayNumber(windowStart) + 1;
  const fullDays = toDayNumber(asOf) - toDayNumber(threeBefore);
  let windowSpend = 0;
  for (const s of input.spend) {
    if (s.date !== undefined && s.date >= windowStart && s.date <= asOf) windowSpend += s.amount;
  }
  const burnPerMonth = roundHalfAwayFromZero((windowSpend * fullDays) / (3 * windowDays));
  const window = { windowStart, windowEnd: asOf, windowSpend, burnPerMonth };
  const since = `${formatLongDate(windowStart)} to ${formatLongDate(asOf)}`;
  if (used) return usedUp(window);
  const remaining = allocated - spent;
  if (end !== undefined && endSource === "contract" && asOf > end) {
    return noForecast(
      `The contract for ${name} ended on ${formatLongDate(end)}, before ${formatLongDate(asOf)}: ` +
        `${formatMoney(remaining)} of its allocation was not used.`,
      window,
    );
  }
  if (windowSpend <= 0) {
    return noForecast(
      `Nothing was spent on ${name} from ${since}, so there is no burn rate to forecast from.`,
      window,
    );
  }
  const daysToGo = ceilMulDiv(remaining, windowDays, windowSpend);
  if (daysToGo > MAX_FORECAST_DAYS) {
    return noForecast(
      `At ${formatMoney(burnPerMonth)} a month (the rate from ${since}), the ${formatMoney(remaining)} left ` +
        `for ${name} would last more than ${MAX_FORECAST_YEARS} years.`,
      window,
    );
  }
  const date = addDays(asOf, daysToGo);
  const before = end !== undefined && date < end;
  return {
    ...base,
    ...window,
    forecastExhaustionDate: date,
    exhausted: false,
    exhaustsBeforeEnd: before,
    note:
      `At ${formatMoney(burnPerMonth)} a month (the rate from ${since}), the ${formatMoney(remaining)} left ` +
      `for ${name} runs out on ${formatLongDate(date)}${endWords(date)}.`,
  };
}

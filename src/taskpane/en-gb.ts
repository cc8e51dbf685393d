/**
 * en-GB display and entry of dates and numbers in the pane. Dates stay ISO `YYYY-MM-DD` strings;
 * only their display uses `Intl`, pinned to UTC so the machine's time zone cannot move a day.
 */
import type { IsoDate } from "../domain/types";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Read a date as a UK user types it: `31/07/2017`, `31-7-2017`, `31 July 2017`, `31 Jul 2017`, or
 * ISO `2017-07-31`. Day before month, always. Undefined when it is not a real calendar date.
 *
 * @example
 * parseUkDate("31/07/2017"); // → "2017-07-31"
 * parseUkDate("30/02/2019"); // → undefined
 */
export function parseUkDate(text: string): IsoDate | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t);
  if (m) {
    const word = m[2].toLowerCase();
    const index = MONTHS.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)));
    if (index >= 0) return iso(Number(m[3]), index + 1, Number(m[1]));
  }
  return undefined;
}

function toUtc(date: IsoDate): Date {
  const [y, mo, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, mo - 1, d));
}

const LONG = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const SHORT = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
});

/** `2017-07-31` → `31 July 2017`. */
export function formatLongDate(date: IsoDate): string {
  return LONG.format(toUtc(date));
}

/** `2017-07-31` → `31/07/2017`, the form the pane's date boxes use. */
export function formatShortDate(date: IsoDate): string {
  return SHORT.format(toUtc(date));
}

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A count of days or a percentage figure the en-GB way: `1234.5` → `1,234.5`. */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/**
 * Pence as the plain pounds figure shown in an editable box: `10752000` → `107520`,
 * `10752050` → `107520.50`. Integer arithmetic only.
 */
export function penceToEntry(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  const pounds = Math.trunc(abs / 100);
  const pennies = abs % 100;
  return pennies === 0 ? `${sign}${pounds}` : `${sign}${pounds}.${String(pennies).padStart(2, "0")}`;
}

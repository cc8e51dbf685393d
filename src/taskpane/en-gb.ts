/**
 * en-GB display and entry of dates and numbers in the pane. Dates stay ISO `YYYY-MM-DD` strings;
 * only their display uses `Intl`, pinned to UTC so the machine's time zone cannot move a day.
 */
import { readTableDate } from "../domain/tables/lots-table";
import type { IsoDate } from "../domain/core/types";

export { formatLongDate } from "../domain/core/calendar";

/**
 * Read a date as a UK user types it: `31/07/2017`, `31-7-2017`, `31 July 2017`, `31 Jul 2017`, or
 * ISO `2017-07-31`. Day before month, always. Undefined when it is not a real calendar date. The
 * rules are the engine's, as for a date in a lots table.
 *
 * @example
 * parseUkDate("31/07/2017"); // → "2017-07-31"
 * parseUkDate("30/02/2019"); // → undefined
 */
export function parseUkDate(text: string): IsoDate | undefined {
  const read = readUkDate(text);
  return "date" in read ? read.date : undefined;
}

/**
 * Read a typed date, or say why it is not one in the engine's words, which name the real problem
 * (no 31st of February, a month 13, a two-digit year) rather than only the expected form. An empty
 * box is an error too: callers treat empty as "no date" before asking.
 *
 * @example
 * readUkDate("31/02/2017").error;
 * // → '"31/02/2017" is not a date: February 2017 has 28 days; write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31).'
 */
export function readUkDate(text: string): { date: IsoDate } | { error: string } {
  const trimmed = text.trim();
  const read = readTableDate(trimmed);
  if (read.ok && read.value !== undefined) return { date: read.value };
  const message = read.ok ? `"${trimmed}" is not a date; write it as dd/mm/yyyy (31/08/2017)` : read.message;
  return { error: /[.!?]$/.test(message) ? message : `${message}.` };
}

function toUtc(date: IsoDate): Date {
  const [y, mo, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, mo - 1, d));
}

const SHORT = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
});

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

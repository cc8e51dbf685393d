/**
 * OCDS date-times: a UK calendar date written as a date-time in UK time with its offset, the
 * package's publishedDate made RFC 3339, and a date-time read back as the UK calendar date (or the
 * instant) it stands for.
 */

import { fromDayNumber, isValidIsoDate, toDayNumber, ukSummerTime } from "../../core/calendar";
import type { IsoDate } from "../../core/types";
import { quoted } from "../../core/messages";

/**
 * A UK calendar date as an OCDS date-time in UK time: its first second for a start
 * ("2017-08-31" → "2017-08-31T00:00:00+01:00"), its last for an end or a closing date
 * ("2017-07-31" → "2017-07-31T23:59:59+01:00"), with the offset the day has (Z in GMT, +01:00
 * in BST), as UK publishers write them. A closing date is the last day bids are accepted, and a
 * contract's end date the last day it runs, so neither is the midnight that starts the day.
 */
export function isoToOcdsDateTime(date: IsoDate, at: "start" | "end" = "start"): string {
  const day = toDayNumber(date);
  const [bstStart, bstEnd] = ukSummerTime(Number(date.slice(0, 4)));
  // The instant in UTC, were the day in GMT; summer time starts and ends at 01:00 UTC.
  const gmt = day * 1440 + (at === "start" ? 0 : 1439);
  const summer = gmt - 60 >= bstStart && gmt - 60 < bstEnd;
  return `${date}T${at === "start" ? "00:00:00" : "23:59:59"}${summer ? "+01:00" : "Z"}`;
}

const PUBLISHED_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * The package's publishedDate (and the release's date) as RFC 3339 and so the schema's
 * "date-time" want it: seconds, an upper-case T and Z, a colon in the offset
 * ("2017-07-31T09:00+0100" → "2017-07-31T09:00:00+01:00"). An impossible date or time throws.
 */
export function publishedDateTime(given: string): string {
  const misuse = (): RangeError =>
    new RangeError(
      `publishedDate must be YYYY-MM-DD or a date-time with an offset such as 2017-07-31T09:00:00Z, got ${quoted(given)}`,
    );
  const text = given.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (!isValidIsoDate(text)) throw misuse();
    return isoToOcdsDateTime(text);
  }
  const m = PUBLISHED_DATE_TIME.exec(text);
  if (!m || !isValidIsoDate(m[1])) throw misuse();
  const [hours, minutes, seconds] = [m[2], m[3], m[4] ?? "00"];
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) throw misuse();
  let offset = "Z";
  if (m[6].toUpperCase() !== "Z") {
    if (Number(m[8]) > 23 || Number(m[9]) > 59) throw misuse();
    offset = `${m[7]}${m[8]}:${m[9]}`;
  }
  return `${m[1]}T${hours}:${minutes}:${seconds}${m[5] ?? ""}${offset}`;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const MIN_DAY = toDayNumber("0001-01-02");
const MAX_DAY = toDayNumber("9999-12-30");

/**
 * The instant an OCDS date-time stands for, in seconds since the epoch (a date-time without an
 * offset, or a bare date, taken as UTC); undefined when it is not a date-time.
 */
export function ocdsInstant(text: string): number | undefined {
  return remembered(instants, text, readInstant);
}

/**
 * A bulk download repeats the same date-times many times (a process's releases, its periods,
 * one day's notices): each reading is remembered, up to a bound, as the day numbers are.
 */
const instants = new Map<string, number | null>();
const ukDates = new Map<string, IsoDate | null>();
const REMEMBERED_LIMIT = 20_000;

function remembered<T>(
  cache: Map<string, T | null>,
  text: string,
  read: (text: string) => T | undefined,
): T | undefined {
  const known = cache.get(text);
  if (known !== undefined) return known ?? undefined;
  const value = read(text);
  if (cache.size >= REMEMBERED_LIMIT) cache.clear();
  cache.set(text, value ?? null);
  return value;
}

function readInstant(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isValidIsoDate(date)) return undefined;
  let offset = 0;
  if (m[7] !== undefined && m[7].toUpperCase() !== "Z") {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(m[7]) as RegExpExecArray;
    offset = (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  }
  const minutes = toDayNumber(date) * 1440 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) - offset;
  return minutes * 60 + Number(m[6] ?? 0);
}

/**
 * The UK calendar date an OCDS date-time falls on ("2017-07-30T23:00:00Z" → "2017-07-31").
 * A bare date, or a date-time without an offset, is taken as written.
 */
export function ocdsDateTimeToIso(text: string): IsoDate | undefined {
  return remembered(ukDates, text, readUkDate);
}

function readUkDate(text: string): IsoDate | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isValidIsoDate(date)) return undefined;
  if (m[4] === undefined || m[7] === undefined) return date;
  const hours = Number(m[4]);
  const minutes = Number(m[5]);
  if (hours > 24 || minutes > 59) return undefined;
  let offset = 0;
  if (m[7].toUpperCase() !== "Z") {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(m[7]) as RegExpExecArray;
    offset = (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  }
  const utc = toDayNumber(date) * 1440 + hours * 60 + minutes - offset;
  const utcDay = Math.floor(utc / 1440);
  if (utcDay < MIN_DAY || utcDay > MAX_DAY) return undefined;
  const [bstStart, bstEnd] = ukSummerTime(Number(fromDayNumber(utcDay).slice(0, 4)));
  const uk = utc + (utc >= bstStart && utc < bstEnd ? 60 : 0);
  const ukDay = Math.floor(uk / 1440);
  return ukDay < MIN_DAY || ukDay > MAX_DAY ? undefined : fromDayNumber(ukDay);
}

/** An instant the caller read from its clock, as a publishedDate to the second: "2026-12-02T05:55:12Z". */
export function utcDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}
